"""The Letters tab: a case's letters, drafted from its decision, edited, finalised and exported.

The list shows every letter and revision; the editor below it holds the selected one's
text (the Markdown subset, see ``letter_editor``) with the PDF preview beside it,
re-rendered when typing pauses (see ``letter_preview``). What may be drafted, what a letter
says and what finalising stores are ``Letters``' to decide; this tab shows its answers
and its refusals. What may not leave yet (a notice under a secrecy order, a disclosure
before its approval, a final letter on the example letterhead) is ``Letters.held`` and
``Letters.package_held``: the tab disables Finalise, Export and Response package with
the reason beside them, read from there.

Unsaved text is never lost and never asked about: it is saved as the draft when the
reviewer moves to another letter or case, finalises or exports, and when the window
locks. Saving a draft is cheap and audited, and a question on every case switch (or
none at all on an idle lock) would be worse. A final letter is read-only; "Edit as new
revision" makes its text editable, and saving then stores a new draft revision while the
final one stays as it was.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, QSettings, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QTableView,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.model import CaseId
from app.services import DeskError
from ui.case.decision_models import outcome_label
from ui.case.letter_editor import LetterEditor
from ui.case.letter_preview import LetterPreview, PreviewRenderer
from ui.case.letters_actions import LetterActionsMixin
from ui.case.letters_model import LettersModel, kind_label
from ui.common.elided import ElidedValue

if TYPE_CHECKING:
    from app.letters.service import Letter, Letters

LANGUAGES = (
    ("en", QT_TRANSLATE_NOOP("LettersTab", "English")),
    ("de", QT_TRANSLATE_NOOP("LettersTab", "German")),
)
# Side by side below this width the editor and the preview are too narrow to use.
SIDE_BY_SIDE_WIDTH = 600
FINAL_COLOUR, REVISING_COLOUR = "#e6f4ea", "#fff4ce"  # locked: calm green; being revised: amber


class LettersTab(LetterActionsMixin, QWidget):
    """A case's letters; what the reviewer does with one is in ``letters_actions``."""

    #: a letter was drafted, saved, finalised, exported or packaged: the audit trail has grown.
    changed = Signal()
    #: (text) what was just done, for the status bar.
    message = Signal(str)

    def __init__(self, settings: QSettings | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self._letters: Letters | None = None
        self._case_id: CaseId | None = None
        self._reference = ""
        self._current: Letter | None = None  # the letter in the editor
        self._revising = False  # a final letter's text, being edited into a new revision
        self._quiet = False  # selecting a row programmatically: the editor is already right
        self._dialog: QDialog | None = None  # a dialog about the case, closed on lock
        self._split_set = False  # the editor | preview split is given its first sizes once laid out
        # Why the letter in the editor may not be finalised / exported now (Letters.held), or None.
        self._finalise_held: str | None = None
        self._export_held: str | None = None
        self.model = LettersModel(self)
        self.renderer = PreviewRenderer(self)

        list_buttons = self._build_list()
        toolbar = self._build_editor()
        self._build_final_strip()
        self._lay_out(list_buttons, toolbar)

        self.table.selectionModel().currentRowChanged.connect(self._on_current)
        self.editor.textChanged.connect(self._on_text_changed)
        self.title_edit.textEdited.connect(self._on_text_changed)
        self.editor.document().modificationChanged.connect(lambda _m: self._update_state())
        self.renderer.rendered.connect(self._show_rendered)
        self.renderer.failed.connect(
            lambda message: self.preview.show_message(
                self.tr("The preview could not be rendered: {message}").format(message=message)
            )
        )
        self.setFocusProxy(self.table)
        self.clear()

    def _build_list(self) -> QHBoxLayout:
        """The list of letters and what can be drafted; returns the row of buttons under it."""
        self.notice = QLabel()
        self.notice.setObjectName("muted")
        self.notice.setWordWrap(True)
        self.notice.setTextFormat(Qt.TextFormat.PlainText)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Letters"))
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        row_height = self.table.fontMetrics().height() + 8
        self.table.verticalHeader().setDefaultSectionSize(row_height)
        self.table.setMinimumHeight(row_height * 3)
        self.table.setMaximumHeight(row_height * 7)  # the editor and the preview need the height
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)

        self.draft_menu = QMenu(self)
        self.draft_button = QToolButton()
        self.draft_button.setText(self.tr("New draft"))
        self.draft_button.setMenu(self.draft_menu)
        self.draft_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.draft_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.language = QComboBox()
        self.language.setAccessibleName(self.tr("Language of a new draft"))
        self.language.setToolTip(self.tr("The language a new draft is written in"))
        for code, name in LANGUAGES:
            self.language.addItem(self.tr(name), code)
        self.package_button = QPushButton(self.tr("Response package…"))
        self.package_button.setToolTip(
            self.tr(
                "The final letters (and, if you choose, the demand) in one PDF, every page stamped with "
                "the case reference"
            )
        )
        self.package_button.clicked.connect(self.export_package)
        self.letterhead_button = QPushButton(self.tr("Letterhead…"))
        self.letterhead_button.setToolTip(
            self.tr("Organisation, address, signature, page size and logo of every letter")
        )
        self.letterhead_button.clicked.connect(lambda: self.edit_letterhead())
        list_buttons = QHBoxLayout()
        list_buttons.addWidget(self.draft_button)
        list_buttons.addWidget(self.language)
        list_buttons.addStretch(1)
        list_buttons.addWidget(self.package_button)
        list_buttons.addWidget(self.letterhead_button)
        self.package_held = self._held_label(self.tr("Why the response package waits"))
        return list_buttons

    def _build_editor(self) -> QToolBar:
        """The editor, its title and actions; returns the toolbar above it."""
        self.editor = LetterEditor()
        self.title_edit = QLineEdit()
        self.title_edit.setAccessibleName(self.tr("Letter title"))
        self.title_edit.setPlaceholderText(self.tr("Title (the subject line)"))
        self.save_action = QAction(self.tr("Save"), self)
        self.save_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Save))
        self.save_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)  # live while the tab shows
        self.save_action.setToolTip(self.tr("Store the draft (Ctrl+S)"))
        self.save_action.triggered.connect(self.save)
        self.addAction(self.save_action)
        self.finalise_action = QAction(self.tr("Finalise…"), self)
        self.finalise_action.setToolTip(self.tr("Lock this letter: its PDF and SHA-256 are stored"))
        self.finalise_action.triggered.connect(self.finalise_interactively)
        self.export_action = QAction(self.tr("Export…"), self)
        self.export_action.setToolTip(self.tr("Write this letter's PDF to a folder you choose"))
        self.export_action.triggered.connect(self.export_interactively)
        for action in (self.finalise_action, self.export_action):
            action.setIconText(action.text())  # a tool button would drop the "…" that says a dialog follows
        toolbar = QToolBar()
        toolbar.setAccessibleName(self.tr("Letter editing"))
        toolbar.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)  # never into "»"
        toolbar.addActions(self.editor.format_actions)
        toolbar.addSeparator()
        toolbar.addActions([self.save_action, self.finalise_action, self.export_action])
        for action in self.editor.format_actions[:2]:
            font = toolbar.widgetForAction(action).font()
            font.setBold(action is self.editor.bold_action)
            font.setItalic(action is self.editor.italic_action)
            toolbar.widgetForAction(action).setFont(font)
        self.state = QLabel()
        self.state.setTextFormat(Qt.TextFormat.PlainText)
        self.state.setObjectName("muted")
        self.letter_held = self._held_label(self.tr("Why this letter waits"))
        return toolbar

    def _build_final_strip(self) -> None:
        """The strip over a final letter: locked since when, its SHA-256, Edit as new revision."""
        self.final_note = QLabel()
        self.final_note.setTextFormat(Qt.TextFormat.PlainText)
        self.final_note.setWordWrap(True)
        # Cut in the middle when the pane is narrow: whole in its tooltip, and copied whole.
        self.sha = ElidedValue(self.tr("SHA-256 of the final PDF"))
        self.revise_button = QPushButton(self.tr("Edit as new revision"))
        self.revise_button.setToolTip(
            self.tr("This letter stays as it is; your changes become a new draft revision")
        )
        self.revise_button.clicked.connect(self.start_revision)
        self.final_strip = QWidget()
        self.final_strip.setObjectName("finalStrip")
        self.final_strip.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        strip = QVBoxLayout(self.final_strip)
        strip.setContentsMargins(6, 4, 6, 4)
        strip.setSpacing(2)
        sha_row = QHBoxLayout()
        sha_label = QLabel(self.tr("SHA-256"))
        sha_label.setObjectName("muted")
        sha_row.addWidget(sha_label)
        sha_row.addWidget(self.sha, 1)
        sha_row.addWidget(self.revise_button)
        strip.addWidget(self.final_note)
        strip.addLayout(sha_row)

    def _lay_out(self, list_buttons: QHBoxLayout, toolbar: QToolBar) -> None:
        """The list above the editor | preview split."""
        editor_box = QWidget()
        editor_layout = QVBoxLayout(editor_box)
        editor_layout.setContentsMargins(0, 0, 0, 0)
        editor_layout.setSpacing(3)
        editor_layout.addWidget(toolbar)
        editor_layout.addWidget(self.letter_held)
        editor_layout.addWidget(self.final_strip)
        editor_layout.addWidget(self.title_edit)
        editor_layout.addWidget(self.editor, 1)
        editor_layout.addWidget(self.state)

        self.preview = LetterPreview()
        # Stacked until the tab is first shown wide enough (resizeEvent): side by side, the editor's
        # toolbar and the preview set the case panel's minimum width, squeezing the queue.
        self.split = QSplitter(Qt.Orientation.Vertical)
        self.split.addWidget(editor_box)
        self.split.addWidget(self.preview)
        self.split.setChildrenCollapsible(False)
        self.split.setStretchFactor(0, 9)
        self.split.setStretchFactor(1, 10)

        list_box = QWidget()
        list_layout = QVBoxLayout(list_box)
        list_layout.setContentsMargins(0, 0, 0, 0)
        list_layout.addWidget(self.notice)
        list_layout.addWidget(self.table, 1)
        list_layout.addLayout(list_buttons)
        list_layout.addWidget(self.package_held)
        self.outer = QSplitter(Qt.Orientation.Vertical)
        self.outer.addWidget(list_box)
        self.outer.addWidget(self.split)
        self.outer.setChildrenCollapsible(False)
        self.outer.setStretchFactor(0, 1)
        self.outer.setStretchFactor(1, 4)
        layout = QVBoxLayout(self)
        layout.addWidget(self.outer, 1)

    @staticmethod
    def _held_label(name: str) -> QLabel:
        label = QLabel()
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setWordWrap(True)
        label.setAccessibleName(name)
        label.setStyleSheet("QLabel { color: #8a5a00; }")
        label.hide()
        return label

    @staticmethod
    def _show_held(label: QLabel, text: str | None) -> None:
        label.setText(text or "")
        label.setVisible(bool(text))

    # -- showing -----------------------------------------------------------------------

    def show_case(self, letters: Letters, case_id: CaseId, reference: str) -> None:
        """Show the case's letters; on the same case the letter being edited stays in the editor."""
        same = case_id == self._case_id and letters is self._letters
        self._reference = reference
        if same and self._current is not None and self._reload(select=self._current.id, show=False):
            self._update_state()  # a refresh (after a decision): the editor and its text stay as they are
            return
        self.flush(interactive=True)
        self._letters, self._case_id = letters, case_id
        self._reload()

    def show_unavailable(self, message: str) -> None:
        self.clear()
        self.notice.setText(message)

    def clear(self) -> None:
        """Forget the case (unsaved text is saved first); safe to call twice."""
        if self._dialog is not None:  # locking: no dialog about the case stays over the lock screen
            self._dialog.reject()
        self.flush(interactive=False)
        self.renderer.cancel()
        self._letters = self._case_id = self._current = None
        self._reference = ""
        self._revising = False
        self._quiet = True
        try:
            self.model.set_letters([])
        finally:
            self._quiet = False
        self.draft_menu.clear()
        for widget in (self.draft_button, self.language, self.package_button, self.letterhead_button):
            widget.setEnabled(False)
        self.notice.setText(self.tr("No case open."))
        self._show_held(self.package_held, None)
        self._show_letter(None)

    def current_letter(self) -> Letter | None:
        return self._current

    def is_dirty(self) -> bool:
        return self._current is not None and (
            self.editor.document().isModified() or self.title_edit.isModified()
        )

    def _reload(self, select: int | None = None, *, show: bool = True) -> bool:
        """Read the case's letters and what may be drafted; True if ``select`` was found."""
        if self._letters is None or self._case_id is None:
            return False
        try:
            rows = self._letters.letters(self._case_id)
            allowed = self._letters.allowed_kinds(self._case_id)
            decision = self._letters.review.decision(self._case_id)
        except DeskError as exc:
            self.show_unavailable(self.tr("The letters cannot be shown: {exc}").format(exc=exc))
            return False
        self._quiet = True
        try:
            self.model.set_letters(rows)
        finally:
            self._quiet = False
        self._fill_draft_menu(allowed, decision.outcome if decision else None)
        self._show_package_held(any(x.final for x in rows))
        self.letterhead_button.setEnabled(True)
        row = self.model.row_of(select) if select is not None else -1
        found = row >= 0
        if not show:  # the editor keeps what it shows; only the list follows
            if found:
                self._select_quietly(row)
                self._current = self.model.row_at(row)
            self._read_held()  # an order lifted, a decision approved: what may leave follows
            return found
        if not found and rows:  # the newest draft, else the newest letter
            drafts = [r for r, x in enumerate(rows) if not x.final]
            row = drafts[-1] if drafts else len(rows) - 1
        if row >= 0:
            self._select_quietly(row)
        self._show_letter(self.model.row_at(row) if row >= 0 else None)
        return found

    def _show_package_held(self, any_final: bool) -> None:
        held = None
        if any_final and self._letters is not None and self._case_id is not None:
            try:
                held = self._letters.package_held(self._case_id)
            except DeskError as exc:
                held = str(exc)
        self.package_button.setEnabled(any_final and held is None)
        self.package_button.setToolTip(
            held
            or self.tr(
                "The final letters (and, if you choose, the demand) in one PDF, every page stamped with "
                "the case reference"
            )
        )
        self._show_held(
            self.package_held, self.tr("Response package: {held}").format(held=held) if held else None
        )

    def _read_held(self) -> None:
        """Ask the letters service what the letter in the editor may not do yet."""
        letter, letters = self._current, self._letters
        self._finalise_held = self._export_held = None
        if letter is not None and letters is not None:
            case_id = CaseId(letter.case_id)
            try:
                self._finalise_held = letters.held(case_id, letter.kind, final=True, leaving=False)
                self._export_held = letters.held(case_id, letter.kind, final=letter.final, leaving=True)
            except DeskError as exc:
                self._finalise_held = self._export_held = str(exc)
        export = self._export_held
        finalise = self._finalise_held if letter is not None and not letter.final else None
        if finalise and finalise == export:
            text: str | None = self.tr("Finalise and Export wait. {finalise}").format(finalise=finalise)
        else:
            parts = [self.tr("Finalise waits. {finalise}").format(finalise=finalise) if finalise else ""]
            parts.append(self.tr("Export waits. {export}").format(export=export) if export else "")
            text = "\n".join(p for p in parts if p) or None
        self._show_held(self.letter_held, text)
        self.finalise_action.setToolTip(
            self._finalise_held or self.tr("Lock this letter: its PDF and SHA-256 are stored")
        )
        self.export_action.setToolTip(export or self.tr("Write this letter's PDF to a folder you choose"))

    def _select_quietly(self, row: int) -> None:
        self._quiet = True
        try:
            self.table.selectRow(row)
        finally:
            self._quiet = False

    def _fill_draft_menu(self, allowed: list[str], outcome: str | None) -> None:
        self.draft_menu.clear()
        for kind in allowed:
            action = self.draft_menu.addAction(kind_label(kind))
            action.setData(kind)
            action.triggered.connect(lambda _c=False, kind=kind: self.draft(kind))
        self.draft_button.setEnabled(bool(allowed))
        self.language.setEnabled(bool(allowed))
        if outcome is None:
            text = self.tr(
                "No decision yet. Record one on the Decision tab (Ctrl+3): letters are drafted from it."
            )
        elif not allowed:
            text = self.tr("The decision ({outcome_label}) calls for no letter.").format(
                outcome_label=outcome_label(outcome)
            )
        elif not self.model.rowCount():
            text = self.tr("Decision: {outcome_label}. Draft the letter that answers it.").format(
                outcome_label=outcome_label(outcome)
            )
        else:
            text = self.tr("Decision: {outcome}.").format(outcome=outcome_label(outcome))
        self.notice.setText(text)
        self.draft_button.setToolTip(
            self.tr("Draft a letter the decision allows")
            if allowed
            else self.tr("Record a decision that calls for a letter first")
        )

    def _on_current(self, current: QModelIndex, previous: QModelIndex) -> None:
        if self._quiet or not current.isValid():
            return
        chosen = self.model.row_at(current.row())
        if self._current is not None and chosen.id == self._current.id:
            return
        if self.is_dirty():
            if not self.save():  # refused: stay on the letter with the unsaved text
                self._select_quietly(previous.row() if previous.isValid() else 0)
                return
            self._reload(select=chosen.id)  # the save may have added a revision: rows moved
            return
        self._show_letter(chosen)

    def _show_letter(self, letter: Letter | None) -> None:
        """Put ``letter`` in the editor and the preview (read-only and with its SHA-256 when final)."""
        self.renderer.cancel()
        self._current, self._revising = letter, False
        self.title_edit.setText(letter.title if letter else "")
        self.title_edit.setCursorPosition(0)  # the start of a long title, not its end
        self.title_edit.setModified(False)
        self.editor.blockSignals(True)
        self.editor.setPlainText(letter.body if letter else "")
        self.editor.blockSignals(False)
        self.editor.document().setModified(False)
        self.editor.setPlaceholderText("" if letter else self.tr("Draft a letter to start."))
        self.editor.setReadOnly(letter is None or letter.final)
        self.title_edit.setReadOnly(letter is None or letter.final)
        self.editor.setEnabled(letter is not None)
        self.title_edit.setEnabled(letter is not None)
        self._show_final(letter)
        self._read_held()
        self._update_state()
        if letter is None:
            self.preview.clear(self.tr("No letter selected.") if self._case_id else "")
        elif letter.final:
            try:
                assert self._letters is not None
                data = self._letters.render(letter)  # the stored PDF: read, not rendered
            except DeskError as exc:
                self.preview.clear(self.tr("The letter cannot be shown: {exc}").format(exc=exc))
            else:
                self.preview.show_pdf(data, self.tr("final, as stored"))
        else:
            self._request_preview(delay=False)

    def _show_final(self, letter: Letter | None) -> None:
        final = letter is not None and letter.final
        self.final_strip.setVisible(final)
        if not final or letter is None:
            return
        when = (letter.finalised_at or "")[:16].replace("T", " ")
        self.final_note.setText(
            self.tr(
                "Final and locked since {when}. It cannot change: editing it makes a new revision and this "
                "one stays as it is."
            ).format(when=when)
        )
        self.sha.setText(letter.sha256 or "")
        self.revise_button.setVisible(True)
        self.final_strip.setStyleSheet(f"QWidget#finalStrip {{ background: {FINAL_COLOUR}; }}")

    def _update_state(self) -> None:
        letter = self._current
        editable = letter is not None and (not letter.final or self._revising)
        if letter is None:
            text = ""
        elif self._revising:
            text = (
                self.tr("New revision · unsaved")
                if self.is_dirty()
                else self.tr("New revision · no changes yet")
            )
        elif letter.final:
            text = self.tr("Revision {revision} · final").format(revision=letter.revision)
        else:
            text = (
                self.tr("Revision {revision} · draft · unsaved")
                if self.is_dirty()
                else self.tr("Revision {revision} · draft · saved")
            ).format(revision=letter.revision)
        self.state.setText(text)
        self.save_action.setEnabled(editable and self.is_dirty())
        self.finalise_action.setEnabled(
            letter is not None and (not letter.final or self._revising) and self._finalise_held is None
        )
        self.export_action.setEnabled(letter is not None and not self._revising and self._export_held is None)

    # -- preview -----------------------------------------------------------------------

    def _on_text_changed(self, *_args: object) -> None:
        if self._current is None or self.editor.isReadOnly():
            return
        self._update_state()
        self._request_preview(delay=True)

    def _request_preview(self, *, delay: bool) -> None:
        letters, letter = self._letters, self._current
        if letters is None or letter is None:
            return
        body = self.editor.toPlainText()
        title = self.title_edit.text().strip() or letter.title
        shown = dataclasses.replace(letter, title=title)
        self.renderer.request(lambda: letters.render(shown, body), delay=delay)

    def _show_rendered(self, data: bytes, ms: float) -> None:
        if self._current is not None:
            self.preview.show_pdf(data, self.tr("preview rendered in {ms:.0f} ms").format(ms=ms))

    def start_revision(self) -> None:
        """Make a final letter's text editable; saving stores it as a new draft revision."""
        letter = self._current
        if letter is None or not letter.final:
            return
        self._revising = True
        self.editor.setReadOnly(False)
        self.title_edit.setReadOnly(False)
        self.final_note.setText(
            self.tr(
                "Editing a copy of final revision {revision}. Saving makes a new draft revision; revision "
                "{revision} stays final and unchanged."
            ).format(revision=letter.revision)
        )
        self.revise_button.setVisible(False)
        self.final_strip.setStyleSheet(f"QWidget#finalStrip {{ background: {REVISING_COLOUR}; }}")
        self._update_state()
        self.editor.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- layout ------------------------------------------------------------------------

    def resizeEvent(self, event: Any) -> None:  # noqa: N802
        super().resizeEvent(event)
        wanted = Qt.Orientation.Horizontal if self.width() >= SIDE_BY_SIDE_WIDTH else Qt.Orientation.Vertical
        if self.split.orientation() != wanted or not self._split_set:
            self.split.setOrientation(wanted)
            # The preview a little the larger: its page is small at this width.
            total = sum(self.split.sizes()) or self.width()
            self.split.setSizes([total * 9 // 19, total - total * 9 // 19])
            self._split_set = True
