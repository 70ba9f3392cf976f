"""The Checklist tab: every item the policy asks about, its answer and the evidence for it.

Items are grouped (validity, human rights, emergency, civil, enterprise). The reviewer
confirms an automatic answer, overrides it with a reason, or gives it back to the
checklist; an item the checklist could not answer stands out until the reviewer does.
Selecting an item, or one row of its evidence, shows where it was read in the viewer.
The rules that produce the answers live in ``app/review``; this tab only shows them and
passes the reviewer's word to ``Review``.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QTabWidget,
    QTextBrowser,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from app import labels
from app.domain.enums import Source, Verdict
from app.review.said import said_in
from app.review.service import ANSWERS, CONTEXT_KEYS
from app.services import DeskError
from ui.case.case_facts import CaseFactsForm
from ui.case.checklist_model import ChecklistModel, EvidenceModel, ItemText, answer_label, item_texts
from ui.dialogs.access import buttons_for, error_label

if TYPE_CHECKING:
    from app.model import CaseId
    from app.review.model import Answer
    from app.review.service import Assessment, Review


# ------------------------------------------------------------------------------ dialogs


class OverrideDialog(QDialog):
    """The answer the reviewer gives and why. Whether a reason is needed is the service's call."""

    def __init__(self, item_id: str, question: str, current: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Override checklist answer"))
        title = QLabel(question)
        title.setTextFormat(Qt.TextFormat.PlainText)
        title.setWordWrap(True)
        ident = QLabel(
            # The item by its label, as the checklist names it (its id means nothing to a reader).
            self.tr("{item} · now {answer_label}").format(
                item=labels.item(item_id), answer_label=answer_label(current)
            )
        )
        ident.setTextFormat(Qt.TextFormat.PlainText)
        ident.setObjectName("muted")
        self.answer = QComboBox()
        self.answer.setAccessibleName(self.tr("Answer"))
        for value in ANSWERS:
            self.answer.addItem(answer_label(value), value)
        # Start on the answer most likely meant: the opposite of a pass or fail.
        start = {"pass": "fail", "fail": "pass"}.get(current, "pass")
        self.answer.setCurrentIndex(max(0, self.answer.findData(start)))
        self.reason = QPlainTextEdit()
        self.reason.setAccessibleName(self.tr("Reason"))
        self.reason.setPlaceholderText(self.tr("Why: what you checked, and where (kept in the audit trail)"))
        self.reason.setTabChangesFocus(True)
        self.error = error_label()
        form = QFormLayout()
        form.addRow(self.tr("Answer"), self.answer)
        form.addRow(self.tr("Reason"), self.reason)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(ident)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons_for(self, self.tr("Override"), self.accept))
        self.resize(440, 260)
        self.reason.setFocus()

    def chosen(self) -> tuple[str, str]:
        return str(self.answer.currentData()), self.reason.toPlainText()

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()
        self.reason.setFocus(Qt.FocusReason.OtherFocusReason)


# ------------------------------------------------------------------------------ the tab


def _details_html(answer: Answer, text: ItemText | None) -> str:
    """The selected item's rule, help and note; every value escaped (notes may quote the scan)."""
    e = html.escape
    question = text.question if text and text.question else answer.id
    parts = [
        # The item's effect in words, not its id or effect code (issue 20: no internal names).
        f"<p><b>{e(question)}</b><br><span style='color:#5f6368'>"
        f"{e(labels.effect(answer.effect)) if answer.effect else ''}</span></p>"
    ]
    who = (
        QCoreApplication.translate("checklist", "the reviewer")
        if answer.source == Source.REVIEWER
        else QCoreApplication.translate("checklist", "the checklist")
    )
    parts.append(
        QCoreApplication.translate("checklist", "<p>Answer: <b>{e}</b>, by {who}.</p>").format(
            e=e(answer_label(answer.answer)), who=who
        )
    )
    if answer.note:
        parts.append(f"<p>{e(said_in(answer.note))}</p>")
    if answer.rule:
        # The policy's own sentence in the display language; one an older pack worded otherwise
        # (kept with the case's assessment) is quoted as stored.
        rule = text.rule if text and text.rule and text.english_rule == answer.rule else answer.rule
        policy = QCoreApplication.translate("checklist", "<p><i>Policy: “{rule}”</i></p>")
        parts.append(policy.format(rule=e(rule)))
    if text and text.help:
        parts.append(f"<p style='color:#5f6368'>{e(text.help)}</p>")
    if not text:
        parts.append(
            QCoreApplication.translate(
                "checklist", "<p style='color:#5f6368'>The policy pack gives no question for this item.</p>"
            )
        )
    return "".join(parts)


class ChecklistTab(QWidget):
    #: (page 0-based, list of boxes in PDF points) the reviewer selected evidence read from that page.
    show_source = Signal(int, object)
    #: an answer or a case fact was stored; the case's other views should be refreshed.
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._review: Review | None = None
        self._case_id: CaseId | None = None
        self._quiet_source = False  # selecting after a refresh does not move the viewer
        self._dialog: QDialog | None = None  # the override dialog while it is open
        self.model = ChecklistModel(self)
        self.evidence = EvidenceModel(self)

        self._build_tree()
        details_box = self._build_details()
        self._build_panes(details_box)

        hint = QLabel(self.tr("J / K next / previous item · C confirm · O override · R reset"))
        hint.setObjectName("muted")
        hint.setWordWrap(True)  # one line would set the case panel's minimum width (German: 470 px)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(hint)

        self._build_shortcuts()

        self.tree.selectionModel().currentRowChanged.connect(self._on_current)
        self.evidence_table.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self._show_evidence(current)
        )
        self.evidence_table.clicked.connect(self._show_evidence)
        self.facts_form.save_requested.connect(self._save_context)
        self.setFocusProxy(self.tree)
        self.clear()

    def _build_tree(self) -> None:
        """The summary line and the tree of items, by group."""
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)

        self.tree = QTreeView()
        self.tree.setModel(self.model)
        self.tree.setAccessibleName(self.tr("Checklist"))
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setUniformRowHeights(True)
        self.tree.setAllColumnsShowFocus(True)
        header = self.tree.header()
        header.setStretchLastSection(True)  # the note takes what is left
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.resizeSection(0, 230)
        self.tree.setIndentation(14)

    def _build_details(self) -> QWidget:
        """The Item pane: the buttons, the selected item's details and its evidence."""
        self.confirm_button = QPushButton(self.tr("Confirm"))
        self.override_button = QPushButton(self.tr("Override…"))
        self.reset_button = QPushButton(self.tr("Reset"))
        self.confirm_button.setToolTip(self.tr("Confirm the checklist's answer as yours (C)"))
        self.override_button.setToolTip(self.tr("Give another answer, with a reason (O)"))
        self.reset_button.setToolTip(self.tr("Give the item back to the checklist's own answer (R)"))
        self.confirm_button.clicked.connect(self.confirm_current)
        self.override_button.clicked.connect(self.override_current)
        self.reset_button.clicked.connect(self.reset_current)
        buttons = QHBoxLayout()
        buttons.addWidget(self.confirm_button)
        buttons.addWidget(self.override_button)
        buttons.addWidget(self.reset_button)
        buttons.addStretch(1)

        self.details = QTextBrowser()
        self.details.setOpenLinks(False)
        self.details.setAccessibleName(self.tr("Item details"))
        self.evidence_table = QTableView()
        self.evidence_table.setModel(self.evidence)
        self.evidence_table.setAccessibleName(self.tr("Evidence"))
        self.evidence_table.setTabKeyNavigation(False)
        self.evidence_table.verticalHeader().hide()
        self.evidence_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.evidence_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.evidence_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.evidence_table.setWordWrap(False)
        eheader = self.evidence_table.horizontalHeader()
        eheader.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        eheader.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        evidence_title = QLabel(self.tr("Evidence — click a row to see it on the page"))
        evidence_title.setObjectName("muted")
        evidence_title.setWordWrap(True)

        details_box = QWidget()
        details_layout = QVBoxLayout(details_box)
        details_layout.setContentsMargins(0, 0, 0, 0)
        details_layout.addLayout(buttons)
        details_layout.addWidget(self.details, 1)
        details_layout.addWidget(evidence_title)
        details_layout.addWidget(self.evidence_table, 1)
        return details_box

    def _build_panes(self, details_box: QWidget) -> None:
        """The Item and Case facts panes, under the tree."""
        self.facts_form = CaseFactsForm()
        facts_scroll = QScrollArea()
        facts_scroll.setWidgetResizable(True)
        facts_scroll.setWidget(self.facts_form)
        facts_scroll.setFrameShape(QScrollArea.Shape.NoFrame)

        self.panes = QTabWidget()
        self.panes.setDocumentMode(True)
        self.panes.addTab(details_box, self.tr("Item"))
        self.panes.addTab(facts_scroll, self.tr("Case facts"))
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.tree)
        self.splitter.addWidget(self.panes)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)

    def _build_shortcuts(self) -> None:
        # Window-wide keys, live only while this tab is the one shown (Qt ignores
        # shortcuts of hidden widgets), whichever pane has the focus.
        self.actions_by_key: dict[str, QAction] = {}
        for key, text, slot in (
            ("J", self.tr("Next checklist item"), lambda: self.step(1)),
            ("K", self.tr("Previous checklist item"), lambda: self.step(-1)),
            ("C", self.tr("Confirm answer"), self.confirm_current),
            ("O", self.tr("Override answer…"), self.override_current),
            ("R", self.tr("Reset answer to automatic"), self.reset_current),
        ):
            action = QAction(text, self)
            action.setShortcut(QKeySequence(key))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.triggered.connect(slot)
            self.addAction(action)
            self.actions_by_key[key] = action

    # -- showing -----------------------------------------------------------------------

    def show_case(self, review: Review, case_id: CaseId, assessment: Assessment) -> None:
        """Show the case's answers; the selected item stays selected when it is still there."""
        same_case = case_id == self._case_id
        keep = self.current_item_id() if same_case else None
        self._review, self._case_id = review, case_id
        self.model.set_answers(assessment.answers, item_texts(review.pack))
        self.tree.expandAll()
        for row in range(self.model.rowCount()):  # a group's title runs across the columns
            self.tree.setFirstColumnSpanned(row, QModelIndex(), True)
        answers = assessment.answers
        unknown = sum(1 for a in answers if a.answer == Verdict.UNKNOWN)
        failed = sum(1 for a in answers if a.answer == Verdict.FAIL)
        by_reviewer = sum(1 for a in answers if a.source == Source.REVIEWER)
        self.summary.setText(
            self.tr(
                "{items} items · {failed} failed · {unknown} need you · {by_reviewer} answered by a reviewer "
                "· policy {policy_version}"
            ).format(
                items=len(answers),
                failed=failed,
                unknown=unknown,
                by_reviewer=by_reviewer,
                policy_version=assessment.policy_version,
            )
        )
        self.tree.setEnabled(True)
        if not self.select_item(keep or "", show_source=False) and not same_case:
            first_open = next((a.id for a in answers if a.answer == Verdict.UNKNOWN), None)
            self.select_item(first_open or (answers[0].id if answers else ""), show_source=False)
        if not same_case:
            self._show_context(_context_values(review, case_id))
        self.facts_form.setEnabled(True)
        self._update_buttons()

    def show_unavailable(self, message: str) -> None:
        """The checklist cannot be shown (the policy pack did not load, the engine failed)."""
        self.clear()
        self.summary.setText(message)

    def clear(self) -> None:
        if self._dialog is not None:  # locking: no dialog about the case stays over the lock screen
            self._dialog.reject()
        self._review, self._case_id = None, None
        self.model.clear()
        self.evidence.set_rows([])
        self.details.clear()
        self.summary.setText(self.tr("No case open."))
        self._show_context({})
        self.facts_form.setEnabled(False)
        self.tree.setEnabled(False)
        self._update_buttons()

    def current_answer(self) -> Answer | None:
        return self.model.answer_at(self.tree.currentIndex())

    def current_item_id(self) -> str | None:
        answer = self.current_answer()
        return answer.id if answer else None

    def select_item(self, item_id: str, *, show_source: bool = True) -> bool:
        """Select an item by id (from the Decision tab's reasons, or after a refresh)."""
        index = self.model.index_of(item_id) if item_id else QModelIndex()
        if not index.isValid():
            return False
        self._quiet_source = not show_source
        try:
            self.tree.selectionModel().setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
            )
        finally:
            self._quiet_source = False
        self.tree.scrollTo(index)
        self._show_details(self.model.answer_at(index))
        return True

    def step(self, direction: int) -> None:
        """J / K: the next or previous item, across groups."""
        items = self.model.item_indexes()
        if not items:
            return
        current = self.current_item_id()
        ids = [self.model.answer_at(i).id for i in items]  # type: ignore[union-attr]
        if current in ids:
            position = (ids.index(current) + direction) % len(ids)
        else:
            position = 0 if direction > 0 else len(ids) - 1
        self.select_item(ids[position])

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        answer = self.model.answer_at(current)
        self._show_details(answer)
        if answer is not None and not self._quiet_source:
            pages = [e.page for e in answer.evidence if e.page]
            if pages:  # the item's evidence on the first page it was read from
                boxes = [tuple(e.box) for e in answer.evidence if e.page == pages[0] and e.box]
                self.show_source.emit(pages[0] - 1, boxes)

    def _show_details(self, answer: Answer | None) -> None:
        if answer is None:
            self.details.clear()
            self.evidence.set_rows([])
        else:
            self.details.setHtml(_details_html(answer, self.model.texts.get(answer.id)))
            self.evidence.set_rows(list(answer.evidence))
        self._update_buttons()

    def _show_evidence(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        evidence = self.evidence.row_at(index.row())
        if evidence.page:
            self.show_source.emit(evidence.page - 1, [tuple(evidence.box)] if evidence.box else [])

    def _update_buttons(self) -> None:
        answer = self.current_answer()
        live = self._review is not None and answer is not None
        self.override_button.setEnabled(live)
        # Confirming "unknown" says nothing: an unknown item needs an answer (Override…).
        self.confirm_button.setEnabled(live and answer is not None and answer.answer != Verdict.UNKNOWN)
        self.reset_button.setEnabled(live and answer is not None and answer.source == Source.REVIEWER)
        self.actions_by_key["C"].setEnabled(self.confirm_button.isEnabled())
        self.actions_by_key["O"].setEnabled(live)
        self.actions_by_key["R"].setEnabled(self.reset_button.isEnabled())

    # -- the reviewer's word -----------------------------------------------------------

    def confirm_current(self) -> None:
        answer = self.current_answer()
        if answer is None or not self.confirm_button.isEnabled():
            return
        self._call(lambda review, case_id: review.answer(case_id, answer.id, answer.answer, ""))

    def override_current(self) -> None:
        answer = self.current_answer()
        if answer is None or self._review is None:
            return
        dialog = OverrideDialog(answer.id, self.model.question(answer), answer.answer, self)
        self._dialog = dialog
        try:
            while dialog.exec():
                chosen, reason = dialog.chosen()
                try:
                    self.override(answer.id, chosen, reason)
                except DeskError as exc:
                    dialog.show_error(str(exc))
                    continue
                return
        finally:
            self._dialog = None
            dialog.deleteLater()

    def override(self, item_id: str, answer: str, reason: str) -> None:
        """Store the reviewer's answer; raises DeskError (nothing stored) when the service refuses."""
        if self._review is None or self._case_id is None:
            raise DeskError(self.tr("No case is open."))
        self._review.answer(self._case_id, item_id, answer, reason)
        self.changed.emit()

    def reset_current(self) -> None:
        answer = self.current_answer()
        if answer is None or answer.source != Source.REVIEWER:
            return
        self._call(lambda review, case_id: review.clear_answer(case_id, answer.id))

    def _show_context(self, values: dict[str, Any]) -> None:
        self.facts_form.show_values(values)
        known = sum(1 for v in values.values() if v is not None)
        self.panes.setTabText(
            1, self.tr("Case facts ({known} known)").format(known=known) if known else self.tr("Case facts")
        )

    def _save_context(self, changes: dict[str, Any], reason: str) -> None:
        if self._review is None or self._case_id is None:
            return
        saved = 0
        try:
            for key, value in changes.items():
                self._review.set_context(self._case_id, key, value, reason)
                saved += 1
        except DeskError as exc:
            QMessageBox.warning(self, self.tr("Case fact not saved"), str(exc))
        # What is stored now, whether or not every change was.
        self._show_context(_context_values(self._review, self._case_id))
        if saved:
            self.changed.emit()

    def _call(self, fn: Any, title: str = "") -> bool:
        if self._review is None or self._case_id is None:
            return False
        try:
            fn(self._review, self._case_id)
        except DeskError as exc:
            QMessageBox.warning(self, title or self.tr("Answer not saved"), str(exc))
            return False
        self.changed.emit()
        return True


def _context_values(review: Review, case_id: CaseId) -> dict[str, Any]:
    context = review.context(case_id)
    return {key: getattr(context, key, None) for key in CONTEXT_KEYS}
