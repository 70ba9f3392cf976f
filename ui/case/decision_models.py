"""The Decision tab's item models: the items a decision can rest on, and the decisions made."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, QPersistentModelIndex, Qt

from app.labels import item as item_label
from app.labels import outcome as label_of_outcome
from ui.case.checklist_model import ItemText, answer_label, short_label
from ui.case.facts import category_label
from ui.case.scope_editor import scope_summary
from ui.common.table_model import RowsModel

if TYPE_CHECKING:
    from app.review.model import Answer

Index = QModelIndex | QPersistentModelIndex


def outcome_label(outcome: str) -> str:
    return label_of_outcome(outcome)


class ReasonsModel(RowsModel["Answer"]):
    """The items a decision can rest on, checkable; the recommendation's reasons come first."""

    HEADERS = (QT_TRANSLATE_NOOP("ReasonsModel", "Item"),)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.checked: set[str] = set()
        self.texts: dict[str, ItemText] = {}

    def set_items(self, answers: list[Answer], checked: list[str], texts: dict[str, ItemText]) -> None:
        rank = {"fail": 1, "unknown": 2}
        ordered = sorted(
            answers, key=lambda a: (0 if a.id in checked else rank.get(a.answer, 3), answers.index(a))
        )
        self.checked = set(checked)
        self.texts = texts
        self.set_rows(ordered)

    def chosen(self) -> list[str]:
        return [a.id for a in self._rows if a.id in self.checked]

    def flags(self, index: Index) -> Qt.ItemFlag:
        return super().flags(index) | Qt.ItemFlag.ItemIsUserCheckable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        answer = self.row_at(index.row())
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{answer_label(answer.answer)} · {short_label(answer.id, self.texts)}"
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if answer.id in self.checked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole:
            text = self.texts.get(answer.id)
            return f"{text.question}\n{answer.id}" if text and text.question else answer.id
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid():
            return False
        item_id = self.row_at(index.row()).id
        if Qt.CheckState(value) == Qt.CheckState.Checked:
            self.checked.add(item_id)
        else:
            self.checked.discard(item_id)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        return True


class HistoryModel(RowsModel["Decision"]):
    HEADERS = (
        QT_TRANSLATE_NOOP("HistoryModel", "Rev."),
        QT_TRANSLATE_NOOP("HistoryModel", "Outcome"),
        QT_TRANSLATE_NOOP("HistoryModel", "Decided by"),
        QT_TRANSLATE_NOOP("HistoryModel", "Approved by"),
        QT_TRANSLATE_NOOP("HistoryModel", "Scope"),
    )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        d = self.row_at(index.row())
        if role == Qt.ItemDataRole.DisplayRole:
            approved = d.approved_by or (self.tr("awaiting") if d.needs_approval else "—")
            return (
                str(d.revision),
                outcome_label(d.outcome),
                d.decided_by,
                approved,
                scope_summary(d.scope),
            )[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            dates = d.scope.get("date_range") or {}
            return "\n".join(
                [
                    self.tr("Revision {revision}, {at} by {name}").format(
                        revision=d.revision, at=d.decided_at[:16].replace("T", " "), name=d.decided_by
                    ),
                    self.tr("Policy {version}").format(version=d.policy_version),
                    self.tr("Reasons: {reasons}").format(
                        reasons=", ".join(item_label(r) for r in d.reasons) or "—"
                    ),
                    self.tr("Identifiers: {identifiers}").format(
                        identifiers=", ".join(d.scope.get("identifiers", [])) or "—"
                    ),
                    self.tr("Categories: {categories}").format(
                        categories=", ".join(category_label(c) for c in d.scope.get("categories", [])) or "—"
                    ),
                    self.tr("Dates: {start} to {end}").format(
                        start=dates.get("from") or "…", end=dates.get("to") or "…"
                    ),
                ]
            )
        return None
