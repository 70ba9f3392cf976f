"""The checklist as Qt models: items grouped under their group, and one item's evidence.

Display only: the answers, their groups and their evidence come from ``app/review``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from app import labels
from app.display_language import display_language
from app.domain.enums import Source, Verdict
from app.review.model import GROUPS  # the order groups are shown in
from app.review.said import said_in
from ui.common.table_model import RowsModel

if TYPE_CHECKING:
    from app.review.model import Answer, Evidence  # noqa: F401 - named in a string annotation
    from app.review.policy import PolicyPack

Index = QModelIndex | QPersistentModelIndex

GROUP_LABELS = {
    "validity": QT_TRANSLATE_NOOP("Labels", "Validity"),
    "human_rights": QT_TRANSLATE_NOOP("Labels", "Human rights"),
    "emergency": QT_TRANSLATE_NOOP("Labels", "Emergency request"),
    "civil": QT_TRANSLATE_NOOP("Labels", "Civil litigant"),
    "enterprise": QT_TRANSLATE_NOOP("Labels", "Enterprise customer"),
}
ANSWER_SYMBOLS = {"pass": "✓", "fail": "✗", "unknown": "?", "not_applicable": "–"}
ANSWER_COLOURS = {
    "pass": QColor("#1e7b34"),
    "fail": QColor("#b3261e"),
    "unknown": QColor("#8a5a00"),
    "not_applicable": QColor("#5f6368"),
}
NEEDS_REVIEWER = QColor(255, 244, 206)  # the same amber the Facts tab uses for "look at this"
ITEM_ID_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class ItemText:
    question: str
    help: str
    label: str = ""
    rule: str = ""  # the policy sentence the item rests on, in the display language
    english_rule: str = ""  # the same as the pack words it (and an assessment stores it)


def item_texts(pack: PolicyPack) -> dict[str, ItemText]:
    """Each checklist item's label, question and help text, as the policy pack words them in
    the display language."""
    language = display_language()
    texts = {}
    for item in pack.items:
        words = pack.item_text(item.id, language)
        texts[item.id] = ItemText(words.question, words.help, words.label, words.rule, item.rule)
    return texts


def answer_label(answer: str) -> str:
    """An answer with its sign ("✓ pass"), in the display language."""
    symbol = ANSWER_SYMBOLS.get(answer)
    return f"{symbol} {labels.verdict(answer)}" if symbol else answer


def short_label(item_id: str, texts: Mapping[str, ItemText]) -> str:
    """A name that fits a list: the pack's label ("Signed"); its full question is shown beside it
    (tooltip, details). An item the pack does not know (an old case) is named from its id."""
    text = texts.get(item_id)
    if text is not None and text.label:
        return text.label
    return labels.plain(item_id)


# ------------------------------------------------------------------------------ models


class ChecklistModel(QAbstractItemModel):
    """Groups at the top level, their items below: Item · Answer · Source · Note."""

    HEADERS = (
        QT_TRANSLATE_NOOP("ChecklistModel", "Item"),
        QT_TRANSLATE_NOOP("ChecklistModel", "Answer"),
        QT_TRANSLATE_NOOP("ChecklistModel", "By"),
        QT_TRANSLATE_NOOP("ChecklistModel", "Note"),
    )

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._groups: list[tuple[str, list[Answer]]] = []
        self.texts: dict[str, ItemText] = {}

    def set_answers(self, answers: list[Answer], texts: dict[str, ItemText]) -> None:
        self.beginResetModel()
        self.texts = texts
        by_group: dict[str, list[Answer]] = {}
        for answer in answers:
            by_group.setdefault(answer.group, []).append(answer)
        order = [g for g in GROUPS if g in by_group] + [g for g in by_group if g not in GROUPS]
        self._groups = [(g, by_group[g]) for g in order]
        self.endResetModel()

    def clear(self) -> None:
        self.set_answers([], {})

    # -- lookup ------------------------------------------------------------------------

    def answer_at(self, index: Index) -> Answer | None:
        if not index.isValid() or index.internalId() == 0:
            return None
        return self._groups[index.internalId() - 1][1][index.row()]

    def index_of(self, item_id: str) -> QModelIndex:
        for g, (_group, answers) in enumerate(self._groups):
            for row, answer in enumerate(answers):
                if answer.id == item_id:
                    return self.createIndex(row, 0, g + 1)
        return QModelIndex()

    def item_indexes(self) -> list[QModelIndex]:
        """Every item, in the order shown (for J/K)."""
        return [
            self.createIndex(row, 0, g + 1)
            for g, (_group, answers) in enumerate(self._groups)
            for row in range(len(answers))
        ]

    def question(self, answer: Answer) -> str:
        text = self.texts.get(answer.id)
        return text.question if text and text.question else answer.id

    # -- the model interface -----------------------------------------------------------

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, 0)
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, index: Index | None = None) -> Any:  # type: ignore[override]
        if index is None:  # QObject.parent()
            return super().parent()
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, 0)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        if not parent.isValid():
            return len(self._groups)
        if parent.internalId() == 0 and parent.column() == 0:
            return len(self._groups[parent.row()][1])
        return 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return len(self.HEADERS)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(self.HEADERS[section])
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if index.internalId() == 0:
            return Qt.ItemFlag.ItemIsEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if index.internalId() == 0:
            return self._group_data(index, role)
        answer = self.answer_at(index)
        assert answer is not None
        column = index.column()
        unknown = answer.answer == Verdict.UNKNOWN
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return short_label(answer.id, self.texts)
            if column == 1:
                return answer_label(answer.answer)
            if column == 2:
                # Only a reviewer's answer is named: "automatic" on every other row took the
                # width the item's name needs.
                return self.tr("reviewer") if answer.source == Source.REVIEWER else ""
            return said_in(answer.note or "").replace("\n", " ")
        if role == ITEM_ID_ROLE:
            return answer.id
        if role == Qt.ItemDataRole.ForegroundRole and column == 1:
            return QBrush(ANSWER_COLOURS.get(answer.answer, QColor("#1a1a1a")))
        if role == Qt.ItemDataRole.BackgroundRole and unknown:
            return QBrush(NEEDS_REVIEWER)
        if role == Qt.ItemDataRole.FontRole and (
            (column == 1 and answer.answer in (Verdict.FAIL, Verdict.UNKNOWN))
            or (column == 2 and answer.source == Source.REVIEWER)
        ):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == 3 and answer.note:
                return said_in(answer.note)
            if column == 2:
                if answer.source == Source.REVIEWER:
                    return self.tr("Answered by a reviewer")
                return self.tr("Answered automatically from the facts")
            tip = self.question(answer)
            if unknown:
                tip += self.tr("\nThe checklist could not answer this: it needs you.")
            return tip
        if role == Qt.ItemDataRole.AccessibleTextRole and column == 1:
            return answer_label(answer.answer)
        return None

    def _group_data(self, index: Index, role: int) -> Any:
        group, answers = self._groups[index.row()]
        if role == Qt.ItemDataRole.DisplayRole and index.column() == 0:
            open_items = sum(1 for a in answers if a.answer == Verdict.UNKNOWN)
            failed = sum(1 for a in answers if a.answer == Verdict.FAIL)
            # Each count a phrase of its own (singular or plural), listed: no sentence to reorder.
            parts = [
                self.tr("1 item")
                if len(answers) == 1
                else self.tr("{count} items").format(count=len(answers))
            ]
            if failed:
                parts.append(self.tr("{failed} failed").format(failed=failed))
            if open_items == 1:
                parts.append(self.tr("1 needs you"))
            elif open_items:
                parts.append(self.tr("{open_items} need you").format(open_items=open_items))
            return self.tr("{group} ({counts})").format(
                group=QCoreApplication.translate("Labels", GROUP_LABELS.get(group, group)),
                counts=", ".join(parts),
            )
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        return None


class EvidenceModel(RowsModel["Evidence"]):
    HEADERS = (
        QT_TRANSLATE_NOOP("EvidenceModel", "Page"),
        QT_TRANSLATE_NOOP("EvidenceModel", "Read as"),
    )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        evidence = self.row_at(index.row())
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == 0:
                return str(evidence.page) if evidence.page else "—"
            return evidence.text or ""
        if role == Qt.ItemDataRole.ToolTipRole:
            where = "" if evidence.box else self.tr(" (no box on the page)")
            return f"{evidence.text or ''}{where}"
        return None
