"""The Decision tab: what the checklist recommends and why, the reviewer's decision, its scope, approval.

The reviewer chooses the outcome (the recommendation by default), the items it rests on
and exactly what is disclosed: identifiers and data categories can be struck and the
date range narrowed. A disclosing decision waits for a second reviewer, who approves it
here with their own name and PIN. Which outcomes need approval, and who may give it, is
``Review``'s to say: this tab shows its answers and its refusals.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListView,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.labels import labels
from app.labels import outcome as label_of_outcome
from app.review.model import DISCLOSING
from app.review.service import OUTCOMES, DecisionRefused
from app.services import DeskError
from ui.case.approval import ApprovalDialog, ask_override, confirm_disclosure
from ui.case.checklist_model import ItemText, answer_label, item_texts, short_label
from ui.case.facts import CATEGORY_LABELS
from ui.common.table_model import RowsModel

if TYPE_CHECKING:
    from app.model import CaseId
    from app.review.model import Answer
    from app.review.service import Assessment, Decision, Review

Index = QModelIndex | QPersistentModelIndex

OUTCOME_LABELS = labels().outcomes  # resources/labels.toml, shared with the CLI and the audit trail
EMPTY_SCOPE: dict[str, Any] = {"identifiers": [], "categories": [], "date_range": {"from": None, "to": None}}


def outcome_label(outcome: str) -> str:
    return label_of_outcome(outcome)


def _scope_dict(scope: Any) -> dict[str, Any]:
    """A Recommendation's Scope (dataclass) or a stored scope (dict), as Review.decide takes it."""
    if isinstance(scope, dict):
        dates = scope.get("date_range") or {}
        return {
            "identifiers": list(scope.get("identifiers", [])),
            "categories": list(scope.get("categories", [])),
            "date_range": {"from": dates.get("from"), "to": dates.get("to")},
        }
    return {
        "identifiers": list(scope.identifiers),
        "categories": list(scope.categories),
        "date_range": {"from": scope.date_from, "to": scope.date_to},
    }


def scope_summary(scope: dict[str, Any]) -> str:
    ids, cats = scope.get("identifiers", []), scope.get("categories", [])
    dates = scope.get("date_range") or {}
    if not ids and not cats:
        return "nothing disclosed"
    span = ""
    if dates.get("from") or dates.get("to"):
        span = f" · {dates.get('from') or '…'} to {dates.get('to') or '…'}"
    id_word = "identifier" if len(ids) == 1 else "identifiers"
    cat_word = "category" if len(cats) == 1 else "categories"
    return f"{len(ids)} {id_word} · {len(cats)} {cat_word}{span}"


# ------------------------------------------------------------------------------ models


class ReasonsModel(RowsModel["Answer"]):
    """The items a decision can rest on, checkable; the recommendation's reasons come first."""

    HEADERS = ("Item",)

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
    HEADERS = ("Rev.", "Outcome", "Decided by", "Approved by", "Scope")

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        d = self.row_at(index.row())
        if role == Qt.ItemDataRole.DisplayRole:
            approved = d.approved_by or ("awaiting" if d.needs_approval else "—")
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
                    f"Revision {d.revision}, {d.decided_at[:16].replace('T', ' ')} by {d.decided_by}",
                    f"Policy {d.policy_version}",
                    f"Reasons: {', '.join(d.reasons) or '—'}",
                    f"Identifiers: {', '.join(d.scope.get('identifiers', [])) or '—'}",
                    f"Categories: {', '.join(d.scope.get('categories', [])) or '—'}",
                    f"Dates: {dates.get('from') or '…'} to {dates.get('to') or '…'}",
                ]
            )
        return None


# ------------------------------------------------------------------------------ scope editor


class ScopeEditor(QWidget):
    """The demand's identifiers and categories, ticked while in scope (struck when not), and the dates."""

    #: the reviewer changed the scope.
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.identifier_boxes: dict[str, QCheckBox] = {}
        self.category_boxes: dict[str, QCheckBox] = {}
        self._notes: list[QLabel] = []  # "names no identifier" and the like
        self._ids_layout = QVBoxLayout()
        self._cats_layout = QVBoxLayout()
        for inner in (self._ids_layout, self._cats_layout):
            inner.setContentsMargins(0, 0, 0, 0)
            inner.setSpacing(2)
        self.redacted_note = QLabel()
        self.redacted_note.setObjectName("muted")
        self.redacted_note.setWordWrap(True)
        self.from_box = QCheckBox("From")
        self.to_box = QCheckBox("To")
        self.from_date = _date_edit("First day in scope")
        self.to_date = _date_edit("Last day in scope")
        for box, edit in ((self.from_box, self.from_date), (self.to_box, self.to_date)):
            box.setToolTip("Untick for no limit on this side")
            box.toggled.connect(edit.setEnabled)
            box.toggled.connect(lambda _on: self.changed.emit())
            edit.dateChanged.connect(lambda _date: self.changed.emit())
        dates = QGridLayout()
        dates.setContentsMargins(0, 0, 0, 0)
        dates.addWidget(self.from_box, 0, 0)
        dates.addWidget(self.from_date, 0, 1)
        dates.addWidget(self.to_box, 1, 0)
        dates.addWidget(self.to_date, 1, 1)
        dates.setColumnStretch(2, 1)
        ids_title = QLabel("Identifiers")
        cats_title = QLabel("Data")
        dates_title = QLabel("Dates")
        for title in (ids_title, cats_title, dates_title):
            title.setObjectName("muted")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(ids_title)
        layout.addLayout(self._ids_layout)
        layout.addWidget(self.redacted_note)
        layout.addWidget(cats_title)
        layout.addLayout(self._cats_layout)
        layout.addWidget(dates_title)
        layout.addLayout(dates)

    def set_scope(self, facts: dict[str, Any], scope: dict[str, Any]) -> None:
        """Offer what the demand names; tick what ``scope`` keeps."""
        for widget in [*self.identifier_boxes.values(), *self.category_boxes.values(), *self._notes]:
            widget.hide()
            widget.deleteLater()
        self.identifier_boxes.clear()
        self.category_boxes.clear()
        self._notes.clear()
        values = list(dict.fromkeys(i["value"] for i in facts.get("identifiers", []) if i.get("value")))
        for value in values:
            box = self._box(value, value in scope.get("identifiers", []))
            box.setAccessibleName(f"Identifier {value}")
            self.identifier_boxes[value] = box
            self._ids_layout.addWidget(box)
        if not values:
            self._ids_layout.addWidget(self._placeholder("The demand names no identifier."))
        redacted = sum(1 for i in facts.get("identifiers", []) if not i.get("value"))
        self.redacted_note.setText(
            f"{redacted} identifier{'s' if redacted != 1 else ''} redacted or unreadable: never in scope."
        )
        self.redacted_note.setVisible(redacted > 0)
        content: dict[str, bool] = {}
        for item in facts.get("data_requested", []):
            content[item["category"]] = content.get(item["category"], False) or bool(item.get("content"))
        for category, is_content in content.items():
            label = CATEGORY_LABELS.get(category, category)
            if is_content and category != "content":
                label += " (content)"
            box = self._box(label, category in scope.get("categories", []))
            box.setAccessibleName(f"Category {category}")
            self.category_boxes[category] = box
            self._cats_layout.addWidget(box)
        if not content:
            self._cats_layout.addWidget(self._placeholder("The demand names no data category."))
        demand_dates = facts.get("date_range") or {}
        dates = scope.get("date_range") or {}
        for box, edit, chosen, asked in (
            (self.from_box, self.from_date, dates.get("from"), demand_dates.get("from")),
            (self.to_box, self.to_date, dates.get("to"), demand_dates.get("to")),
        ):
            edit.blockSignals(True)
            shown = QDate.fromString(chosen or asked or "", Qt.DateFormat.ISODate)
            edit.setDate(shown if shown.isValid() else QDate.currentDate())
            edit.blockSignals(False)
            box.blockSignals(True)
            box.setChecked(bool(chosen))
            box.blockSignals(False)
            edit.setEnabled(bool(chosen))

    def scope(self) -> dict[str, Any]:
        return {
            "identifiers": [v for v, box in self.identifier_boxes.items() if box.isChecked()],
            "categories": [c for c, box in self.category_boxes.items() if box.isChecked()],
            "date_range": {
                "from": self.from_date.date().toString(Qt.DateFormat.ISODate)
                if self.from_box.isChecked()
                else None,
                "to": self.to_date.date().toString(Qt.DateFormat.ISODate)
                if self.to_box.isChecked()
                else None,
            },
        }

    def clear(self) -> None:
        self.set_scope({}, EMPTY_SCOPE)
        self.redacted_note.hide()

    def _box(self, text: str, checked: bool) -> QCheckBox:
        box = QCheckBox(text)
        box.setChecked(checked)
        _strike(box, not checked)
        box.toggled.connect(lambda on, box=box: _strike(box, not on))
        box.toggled.connect(lambda _on: self.changed.emit())
        return box

    def _placeholder(self, text: str) -> QLabel:
        label = QLabel(text)
        label.setObjectName("muted")
        self._notes.append(label)
        return label


def _strike(box: QCheckBox, struck: bool) -> None:
    font = box.font()
    font.setStrikeOut(struck)
    box.setFont(font)


def _date_edit(name: str) -> QDateEdit:
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setAccessibleName(name)
    return edit


# ------------------------------------------------------------------------------ the tab


class DecisionTab(QWidget):
    #: (item id) the reviewer clicked an item the recommendation rests on.
    item_activated = Signal(str)
    #: (message) a decision was recorded or approved; the case's views should be refreshed.
    decided = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._review: Review | None = None
        self._case_id: CaseId | None = None
        self._assessment: Assessment | None = None
        self._facts: dict[str, Any] = {}
        self._latest: Decision | None = None
        self._dialog: QDialog | None = None  # the approval dialog while it is open

        self.recommendation = QLabel()
        self.recommendation.setWordWrap(True)
        self.recommendation.setTextFormat(Qt.TextFormat.RichText)  # built from escaped values only
        self.recommendation.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        self.recommendation.linkActivated.connect(self._on_link)
        self.related = QLabel()
        self.related.setTextFormat(Qt.TextFormat.PlainText)
        self.related.setObjectName("muted")
        self.related.setWordWrap(True)
        recommended_box = QGroupBox("Recommendation")
        rlayout = QVBoxLayout(recommended_box)
        rlayout.addWidget(self.recommendation)
        rlayout.addWidget(self.related)

        self.outcome = QComboBox()
        self.outcome.setAccessibleName("Outcome")
        for outcome in OUTCOMES:
            self.outcome.addItem(outcome_label(outcome), outcome)
        self.reasons = ReasonsModel(self)
        self.reasons_view = QListView()
        self.reasons_view.setModel(self.reasons)
        self.reasons_view.setAccessibleName("Reasons")
        self.reasons_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.reasons_view.setMaximumHeight(110)
        self.reasons_view.setUniformItemSizes(True)
        self.scope = ScopeEditor()
        scope_note = QLabel(
            "Untick what is not disclosed. Only a disclosing or narrowing decision keeps a scope."
        )
        scope_note.setObjectName("muted")
        scope_note.setWordWrap(True)
        self.record_button = QPushButton("Record decision")
        self.record_button.setToolTip("Record this outcome, its reasons and its scope (a new revision)")
        self.record_button.clicked.connect(self.record)
        self.reset_button = QPushButton("Use the recommendation")
        self.reset_button.setToolTip("Start again from the recommended outcome and scope")
        self.reset_button.clicked.connect(self._fill_from_recommendation)
        decide_box = QGroupBox("Decision")
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow("Outcome", self.outcome)
        form.addRow("Reasons", self.reasons_view)
        dlayout = QVBoxLayout(decide_box)
        dlayout.addLayout(form)
        dlayout.addWidget(QLabel("Scope"))
        dlayout.addWidget(self.scope)
        dlayout.addWidget(scope_note)
        buttons = QHBoxLayout()
        buttons.addWidget(self.reset_button)
        buttons.addStretch(1)
        buttons.addWidget(self.record_button)
        dlayout.addLayout(buttons)

        self.approval = QLabel()
        self.approval.setTextFormat(Qt.TextFormat.PlainText)
        self.approval.setWordWrap(True)
        self.approve_button = QPushButton("Approve…")
        self.approve_button.setToolTip("A second reviewer approves with their own name and PIN")
        self.approve_button.clicked.connect(self.approve_interactively)
        self.history = HistoryModel(self)
        self.history_table = QTableView()
        self.history_table.setModel(self.history)
        self.history_table.setAccessibleName("Decision history")
        self.history_table.setTabKeyNavigation(False)
        self.history_table.verticalHeader().hide()
        self.history_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.history_table.setWordWrap(False)
        self.history_table.setMinimumHeight(90)
        hheader = self.history_table.horizontalHeader()
        hheader.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        hheader.setStretchLastSection(True)
        history_box = QGroupBox("Decisions made")
        hlayout = QVBoxLayout(history_box)
        hlayout.addWidget(self.history_table)
        # The approval state stays in view above everything else: it is where the case stands.
        self.approval_strip = QWidget()
        self.approval_strip.setObjectName("approvalStrip")
        self.approval_strip.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        arow = QHBoxLayout(self.approval_strip)
        arow.setContentsMargins(6, 4, 6, 4)
        arow.addWidget(self.approval, 1)
        arow.addWidget(self.approve_button, 0, Qt.AlignmentFlag.AlignVCenter)

        body = QWidget()
        blayout = QVBoxLayout(body)
        blayout.setContentsMargins(0, 0, 0, 0)
        blayout.addWidget(recommended_box)
        blayout.addWidget(decide_box)
        blayout.addWidget(history_box)
        blayout.addStretch(1)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QScrollArea.Shape.NoFrame)
        self.scroll_area.setWidget(body)
        layout = QVBoxLayout(self)
        layout.addWidget(self.approval_strip)
        layout.addWidget(self.scroll_area, 1)
        self.clear()

    # -- showing -----------------------------------------------------------------------

    def show_case(
        self, review: Review, case_id: CaseId, assessment: Assessment, facts: dict[str, Any]
    ) -> None:
        another_case = case_id != self._case_id
        self._review, self._case_id, self._assessment, self._facts = review, case_id, assessment, facts
        rec = assessment.recommendation
        self.recommendation.setText(_recommendation_html(assessment, item_texts(review.pack)))
        self.related.setText(
            "Also named in other cases: "
            + "; ".join(f"{ident} — {', '.join(refs)}" for ident, refs in assessment.related.items())
            if assessment.related
            else ""
        )
        self.related.setVisible(bool(assessment.related))
        decisions = review.decisions(case_id)
        self._latest = decisions[-1] if decisions else None
        self.history.set_rows(decisions)
        self.history_table.scrollToBottom()
        self._show_approval()
        latest = self._latest
        if latest is not None and (latest.scope.get("identifiers") or latest.scope.get("categories")):
            self._fill(latest.outcome, latest.reasons, latest.scope)
        elif latest is not None:
            self._fill(latest.outcome, latest.reasons, _scope_dict(rec.scope))
        else:
            self._fill_from_recommendation()
        self.record_button.setText("Record new revision" if latest else "Record decision")
        for widget in (self.outcome, self.reasons_view, self.scope, self.record_button, self.reset_button):
            widget.setEnabled(True)
        if another_case:  # the recommendation first, not where the last case was left
            self.scroll_area.verticalScrollBar().setValue(0)

    def show_unavailable(self, message: str) -> None:
        self.clear()
        self.recommendation.setText(html.escape(message))

    def clear(self) -> None:
        if self._dialog is not None:  # locking: no dialog about the case stays over the lock screen
            self._dialog.reject()
        self._review = self._case_id = self._assessment = self._latest = None
        self._facts = {}
        self.recommendation.setText("No case open.")
        self.related.clear()
        self.related.hide()
        self.reasons.set_rows([])
        self.scope.clear()
        self.history.set_rows([])
        self.approval.setText("")
        self.approve_button.setEnabled(False)
        for widget in (self.outcome, self.reasons_view, self.scope, self.record_button, self.reset_button):
            widget.setEnabled(False)

    def _fill_from_recommendation(self) -> None:
        if self._assessment is None:
            return
        rec = self._assessment.recommendation
        self._fill(rec.outcome, list(rec.reasons), _scope_dict(rec.scope))

    def _fill(self, outcome: str, reasons: list[str], scope: dict[str, Any]) -> None:
        assert self._assessment is not None and self._review is not None
        recommended = self._assessment.recommendation.outcome
        for row in range(self.outcome.count()):
            value = self.outcome.itemData(row)
            self.outcome.setItemText(
                row, outcome_label(value) + (" (recommended)" if value == recommended else "")
            )
        self.outcome.setCurrentIndex(max(0, self.outcome.findData(outcome)))
        self.reasons.set_items(self._assessment.answers, reasons, item_texts(self._review.pack))
        self.scope.set_scope(self._facts, scope)

    def _show_approval(self) -> None:
        latest = self._latest
        self.approve_button.setEnabled(latest is not None and latest.needs_approval)
        if latest is None:
            text, style = "No decision recorded yet.", ("", "")
        elif latest.needs_approval:
            text = (
                f"Revision {latest.revision} ({outcome_label(latest.outcome)}) is awaiting approval by a "
                f"second reviewer — anyone but {latest.decided_by}."
            )
            style = ("#fff4ce", "#5c4400")
        elif latest.approved_by:
            what = f"Revision {latest.revision} ({outcome_label(latest.outcome)})"
            text = (
                f"{what} decided by {latest.decided_by}, "
                f"approved by {latest.approved_by} {(latest.approved_at or '')[:16].replace('T', ' ')}."
            )
            style = ("", "#1e7b34")
            notes = self._review.approval_notes(self._case_id) if self._review and self._case_id else []
            if notes:  # a flagged approval: enrolled by the decider, left since, or unknown here
                text += "\n" + "\n".join(f"⚠ {n}" for n in notes)
                style = ("#fff4ce", "#5c4400")
        else:
            what = f"Revision {latest.revision} ({outcome_label(latest.outcome)})"
            text = f"{what} decided by {latest.decided_by}; it needs no second reviewer's approval."
            style = ("", "")
        if latest is not None and latest.override:
            text += f"\nOverridden by {latest.decided_by}: {latest.override.get('reason', '')}"
        self.approval.setText(text)
        background, colour = style
        self.approval_strip.setStyleSheet(
            f"QWidget#approvalStrip {{ background: {background}; }}" if background else ""
        )
        self.approval.setStyleSheet(f"color: {colour};" if colour else "")

    # -- acting ------------------------------------------------------------------------

    def chosen_outcome(self) -> str:
        return str(self.outcome.currentData())

    def record(self) -> Decision | None:
        """Record the outcome, reasons and scope as chosen; a refusal is shown and nothing is stored.

        A disclosure is confirmed first, listing what would leave; a refusal a senior
        reviewer may override asks them for the reason.
        """
        if self._review is None or self._case_id is None:
            return None
        review, case_id = self._review, self._case_id
        outcome, reasons, scope = self.chosen_outcome(), self.reasons.chosen(), self.scope.scope()
        override = ""
        try:
            chosen, refused = review.check_decision(case_id, outcome, scope)
            if refused:
                refusal = DecisionRefused(refused)
                if not (refusal.overridable and review.desk.is_senior()):
                    raise refusal
                override = ask_override(self, str(refusal))
                if not override:
                    return None
            if outcome in DISCLOSING and not confirm_disclosure(
                self, outcome_label(outcome), review.leaving(case_id, chosen)
            ):
                return None
            decision = review.decide(case_id, outcome, reasons, scope, override_reason=override)
        except DeskError as exc:
            QMessageBox.warning(self, "Decision not recorded", str(exc))
            return None
        state = "awaiting approval by a second reviewer" if decision.needs_approval else "decided"
        self.decided.emit(f"Revision {decision.revision}: {outcome_label(decision.outcome)} — {state}.")
        return decision

    def approve_interactively(self) -> bool:
        """Ask a second reviewer for their name and PIN; the service refuses the one who decided."""
        if self._review is None or self._case_id is None or self._latest is None:
            return False
        decided_by = self._latest.decided_by
        names = [r.name for r in self._review.desk.reviewers()]
        others = [n for n in names if n != decided_by]
        hint = f"{decided_by} made this decision; a different reviewer approves it with their own PIN."
        if not others:
            hint += " An administrator enrols a second reviewer first (Tools ▸ Reviewers…)."
        try:
            summary = self._review.approval_summary(self._case_id)
        except DeskError as exc:
            QMessageBox.warning(self, "Nothing to approve", str(exc))
            return False
        dialog = ApprovalDialog(summary, OUTCOME_LABELS, names, others[0] if others else None, hint, self)
        self._dialog = dialog
        try:
            while dialog.exec():
                if self._review is None or self._case_id is None:  # locked meanwhile
                    return False
                try:
                    decision = self._review.approve(
                        self._case_id, dialog.reviewer.currentText(), dialog.pin.text()
                    )
                except DeskError as exc:
                    dialog.show_error(str(exc))
                    continue
                self.decided.emit(f"Revision {decision.revision} approved by {decision.approved_by}.")
                return True
            return False
        finally:
            self._dialog = None
            dialog.deleteLater()

    def _on_link(self, href: str) -> None:
        if href.startswith("item:"):
            self.item_activated.emit(href.removeprefix("item:"))


def _recommendation_html(assessment: Assessment, texts: Mapping[str, ItemText]) -> str:
    """The outcome and the items that led there, each a link to the item; every value escaped."""
    e = html.escape
    rec = assessment.recommendation
    answers = {a.id: a for a in assessment.answers}

    def link(item_id: str) -> str:
        return f"<a href='item:{e(item_id, quote=True)}'>{e(short_label(item_id, texts))}</a>"

    def marked(item_id: str) -> str:
        answer = answers.get(item_id)
        mark = f" <span style='color:#5f6368'>({e(answer_label(answer.answer))})</span>" if answer else ""
        return f"<li>{link(item_id)}{mark}</li>"

    parts = [f"<p style='font-size:11pt'><b>{e(outcome_label(rec.outcome))}</b></p>"]
    explanation = list(getattr(rec, "explanation", None) or [])
    if explanation:
        parts.append("<p>" + "<br>".join(e(sentence) for sentence in explanation) + "</p>")
    if rec.reasons:
        parts.append(
            "Because:<ul style='margin-left:-20px'>" + "".join(marked(i) for i in rec.reasons) + "</ul>"
        )
    if rec.pending:
        parts.append(
            f"<p><span style='color:#8a5a00'>Still open ({len(rec.pending)}), for you to answer:</span> "
            + ", ".join(link(i) for i in rec.pending)
            + "</p>"
        )
    scope = _scope_dict(rec.scope)
    parts.append(f"<p style='color:#5f6368'>Recommended scope: {e(scope_summary(scope))}</p>")
    return "".join(parts)
