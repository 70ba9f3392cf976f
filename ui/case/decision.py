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

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
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
from app.review.model import DISCLOSING
from app.review.said import said_in
from app.review.service import OUTCOMES, DecisionRefused
from app.services import DeskError
from ui.case.approval import ApprovalDialog, ask_override, confirm_disclosure
from ui.case.checklist_model import ItemText, answer_label, item_texts, short_label
from ui.case.decision_models import HistoryModel, ReasonsModel, outcome_label
from ui.case.scope_editor import ScopeEditor, scope_dict, scope_summary

if TYPE_CHECKING:
    from app.model import CaseId
    from app.review.service import Assessment, Decision, Review


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

        recommended_box = self._build_recommendation()
        decide_box = self._build_decision()
        self._build_approval_strip()
        history_box = self._build_history()

        body = QWidget()
        blayout = QVBoxLayout(body)
        blayout.setContentsMargins(0, 0, 0, 0)
        blayout.addWidget(recommended_box)
        blayout.addWidget(decide_box)
        blayout.addWidget(history_box)
        blayout.addStretch(1)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        # Not a Tab stop of its own: Tab goes to its controls, and it scrolls to show each one.
        self.scroll_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.scroll_area.setFrameShape(QScrollArea.Shape.NoFrame)
        self.scroll_area.setWidget(body)
        layout = QVBoxLayout(self)
        layout.addWidget(self.approval_strip)
        layout.addWidget(self.scroll_area, 1)
        self.clear()

    def _build_recommendation(self) -> QGroupBox:
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
        recommended_box = QGroupBox(self.tr("Recommendation"))
        rlayout = QVBoxLayout(recommended_box)
        rlayout.addWidget(self.recommendation)
        rlayout.addWidget(self.related)
        return recommended_box

    def _build_decision(self) -> QGroupBox:
        self.outcome = QComboBox()
        self.outcome.setAccessibleName(self.tr("Outcome"))
        for outcome in OUTCOMES:
            self.outcome.addItem(outcome_label(outcome), outcome)
        self.reasons = ReasonsModel(self)
        self.reasons_view = QListView()
        self.reasons_view.setModel(self.reasons)
        self.reasons_view.setAccessibleName(self.tr("Reasons"))
        self.reasons_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.reasons_view.setMaximumHeight(110)
        self.reasons_view.setUniformItemSizes(True)
        self.scope = ScopeEditor()
        scope_note = QLabel(
            self.tr("Untick what is not disclosed. Only a disclosing or narrowing decision keeps a scope.")
        )
        scope_note.setObjectName("muted")
        scope_note.setWordWrap(True)
        self.record_button = QPushButton(self.tr("Record decision"))
        self.record_button.setToolTip(
            self.tr("Record this outcome, its reasons and its scope (a new revision)")
        )
        self.record_button.clicked.connect(self.record)
        self.reset_button = QPushButton(self.tr("Use the recommendation"))
        self.reset_button.setToolTip(self.tr("Start again from the recommended outcome and scope"))
        self.reset_button.clicked.connect(self._fill_from_recommendation)
        decide_box = QGroupBox(self.tr("Decision"))
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(self.tr("Outcome"), self.outcome)
        form.addRow(self.tr("Reasons"), self.reasons_view)
        dlayout = QVBoxLayout(decide_box)
        dlayout.addLayout(form)
        dlayout.addWidget(QLabel(self.tr("Scope")))
        dlayout.addWidget(self.scope)
        dlayout.addWidget(scope_note)
        buttons = QHBoxLayout()
        buttons.addWidget(self.reset_button)
        buttons.addStretch(1)
        buttons.addWidget(self.record_button)
        dlayout.addLayout(buttons)
        return decide_box

    def _build_approval_strip(self) -> None:
        self.approval = QLabel()
        self.approval.setTextFormat(Qt.TextFormat.PlainText)
        self.approval.setWordWrap(True)
        self.approve_button = QPushButton(self.tr("Approve…"))
        self.approve_button.setToolTip(self.tr("A second reviewer approves with their own name and PIN"))
        self.approve_button.clicked.connect(self.approve_interactively)
        # The approval state stays in view above everything else: it is where the case stands.
        self.approval_strip = QWidget()
        self.approval_strip.setObjectName("approvalStrip")
        self.approval_strip.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        arow = QHBoxLayout(self.approval_strip)
        arow.setContentsMargins(6, 4, 6, 4)
        arow.addWidget(self.approval, 1)
        arow.addWidget(self.approve_button, 0, Qt.AlignmentFlag.AlignVCenter)

    def _build_history(self) -> QGroupBox:
        self.history = HistoryModel(self)
        self.history_table = QTableView()
        self.history_table.setModel(self.history)
        self.history_table.setAccessibleName(self.tr("Decision history"))
        self.history_table.setTabKeyNavigation(False)
        self.history_table.verticalHeader().hide()
        self.history_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.history_table.setWordWrap(False)
        self.history_table.setMinimumHeight(90)
        hheader = self.history_table.horizontalHeader()
        hheader.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        hheader.setStretchLastSection(True)
        history_box = QGroupBox(self.tr("Decisions made"))
        hlayout = QVBoxLayout(history_box)
        hlayout.addWidget(self.history_table)
        return history_box

    # -- showing -----------------------------------------------------------------------

    def show_case(
        self, review: Review, case_id: CaseId, assessment: Assessment, facts: dict[str, Any]
    ) -> None:
        another_case = case_id != self._case_id
        self._review, self._case_id, self._assessment, self._facts = review, case_id, assessment, facts
        rec = assessment.recommendation
        self.recommendation.setText(_recommendation_html(assessment, item_texts(review.pack)))
        self.related.setText(
            self.tr("Also named in other cases: {cases}").format(
                cases="; ".join(f"{ident} — {', '.join(refs)}" for ident, refs in assessment.related.items())
            )
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
            self._fill(latest.outcome, latest.reasons, scope_dict(rec.scope))
        else:
            self._fill_from_recommendation()
        self.record_button.setText(self.tr("Record new revision") if latest else self.tr("Record decision"))
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
        self.recommendation.setText(self.tr("No case open."))
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
        self._fill(rec.outcome, list(rec.reasons), scope_dict(rec.scope))

    def _fill(self, outcome: str, reasons: list[str], scope: dict[str, Any]) -> None:
        assert self._assessment is not None and self._review is not None
        recommended = self._assessment.recommendation.outcome
        for row in range(self.outcome.count()):
            value = self.outcome.itemData(row)
            self.outcome.setItemText(
                row,
                self.tr("{outcome} (recommended)").format(outcome=outcome_label(value))
                if value == recommended
                else outcome_label(value),
            )
        self.outcome.setCurrentIndex(max(0, self.outcome.findData(outcome)))
        self.reasons.set_items(self._assessment.answers, reasons, item_texts(self._review.pack))
        self.scope.set_scope(self._facts, scope)

    def _show_approval(self) -> None:
        latest = self._latest
        self.approve_button.setEnabled(latest is not None and latest.needs_approval)
        if latest is None:
            text, style = self.tr("No decision recorded yet."), ("", "")
        elif latest.needs_approval:
            text = self.tr(
                "Revision {revision} ({outcome_label}) is awaiting approval by a second reviewer — anyone "
                "but {decided_by}."
            ).format(
                revision=latest.revision,
                outcome_label=outcome_label(latest.outcome),
                decided_by=latest.decided_by,
            )
            style = ("#fff4ce", "#5c4400")
        elif latest.approved_by:
            text = self.tr(
                "Revision {revision} ({outcome_label}) decided by {decided_by}, approved by {approved_by} "
                "{replace}."
            ).format(
                revision=latest.revision,
                outcome_label=outcome_label(latest.outcome),
                decided_by=latest.decided_by,
                approved_by=latest.approved_by,
                replace=(latest.approved_at or "")[:16].replace("T", " "),
            )
            style = ("", "#1e7b34")
            notes = self._review.approval_notes(self._case_id) if self._review and self._case_id else []
            if notes:  # a flagged approval: enrolled by the decider, left since, or unknown here
                text += "\n" + "\n".join(f"⚠ {n}" for n in notes)
                style = ("#fff4ce", "#5c4400")
        else:
            text = self.tr(
                "Revision {revision} ({outcome_label}) decided by {decided_by}; it needs no second "
                "reviewer's approval."
            ).format(
                revision=latest.revision,
                outcome_label=outcome_label(latest.outcome),
                decided_by=latest.decided_by,
            )
            style = ("", "")
        if latest is not None and latest.override:
            text += self.tr("\nOverridden by {decided_by}: {get}").format(
                decided_by=latest.decided_by, get=latest.override.get("reason", "")
            )
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
            QMessageBox.warning(self, self.tr("Decision not recorded"), str(exc))
            return None
        state = self.tr("awaiting approval by a second reviewer") if decision.needs_approval else "decided"
        self.decided.emit(f"Revision {decision.revision}: {outcome_label(decision.outcome)} — {state}.")
        return decision

    def approve_interactively(self) -> bool:
        """Ask a second reviewer for their name and PIN; the service refuses the one who decided."""
        if self._review is None or self._case_id is None or self._latest is None:
            return False
        decided_by = self._latest.decided_by
        names = [r.name for r in self._review.desk.reviewers()]
        others = [n for n in names if n != decided_by]
        hint = (
            self.tr("{decided_by} made this decision; a different reviewer approves it with their own PIN.")
            if others
            else self.tr(
                "{decided_by} made this decision; a different reviewer approves it with their own PIN. An "
                "administrator enrols a second reviewer first (Tools ▸ Reviewers…)."
            )
        ).format(decided_by=decided_by)
        try:
            summary = self._review.approval_summary(self._case_id)
        except DeskError as exc:
            QMessageBox.warning(self, self.tr("Nothing to approve"), str(exc))
            return False
        dialog = ApprovalDialog(summary, labels().outcomes, names, others[0] if others else None, hint, self)
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
                self.decided.emit(
                    self.tr("Revision {revision} approved by {approved_by}.").format(
                        revision=decision.revision, approved_by=decision.approved_by
                    )
                )
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
        parts.append("<p>" + "<br>".join(e(said_in(sentence)) for sentence in explanation) + "</p>")
    if rec.reasons:
        parts.append(
            QCoreApplication.translate("decision", "Because:<ul style='margin-left:-20px'>")
            + "".join(marked(i) for i in rec.reasons)
            + "</ul>"
        )
    if rec.pending:
        parts.append(
            QCoreApplication.translate(
                "decision",
                "<p><span style='color:#8a5a00'>Still open ({len}), for you to answer:</span> {items}</p>",
            ).format(len=len(rec.pending), items=", ".join(link(i) for i in rec.pending))
        )
    scope = scope_dict(rec.scope)
    parts.append(
        QCoreApplication.translate("decision", "<p style='color:#5f6368'>Recommended scope: {e}</p>").format(
            e=e(scope_summary(scope))
        )
    )
    return "".join(parts)
