"""The Letters tab as a reviewer uses it, on the real window and store: draft, edit, finalise, export."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from tests.conftest import use_our_letterhead
from tests.ui.conftest import GUI_PASSPHRASE, GUI_PIN, make_pdf
from tests.ui.test_review_tabs import _drive_dialogs, _ok, _open, _tick_everything
from ui.case.audit import SENTENCE_COLUMN

pytestmark = pytest.mark.gui

IN_SCOPE, STRUCK = "wombat.gui7@example.org", "numbat.gui8@example.org"


@pytest.fixture
def two_targets(tmp_path: Path) -> Path:
    path = tmp_path / "incoming" / "two-targets.pdf"
    path.parent.mkdir(exist_ok=True)
    path.write_bytes(
        make_pdf(
            [
                "UNITED STATES DISTRICT COURT",
                "GRAND JURY SUBPOENA",
                "Produce subscriber information for the accounts",
                f"{IN_SCOPE} and {STRUCK}",
                "for the period 2026-01-01 to 2026-06-30.",
                "Reference GUICANARY7731",
            ]
        )
    )
    return path


def _narrowed(window, qtbot, path: Path) -> None:
    """Open the two-target demand and decide to seek narrowing, keeping only the first target."""
    _open(window, qtbot, path)
    tab = window.decision_tab
    _tick_everything(tab)
    tab.scope.identifier_boxes[STRUCK].setChecked(False)
    tab.outcome.setCurrentIndex(tab.outcome.findData("narrow"))
    assert tab.record() is not None


def _draft_narrowing(window, qtbot):
    tab = window.letters_tab
    window.tabs.setCurrentWidget(tab)
    action = next(a for a in tab.draft_menu.actions() if a.data() == "narrowing")
    action.trigger()
    qtbot.waitUntil(lambda: tab.preview.page_count() >= 1, timeout=10_000)
    return tab


def _stored(window, letter_id: int):
    return window._letters_service().letter(letter_id)


def _finalise_via_dialog(tab, qtbot):
    def press_finalise(box) -> None:
        assert "locked" in box.text()
        box.button(QMessageBox.StandardButton.Ok).click()

    _drive_dialogs(qtbot, press_finalise)
    return tab.finalise_interactively()


def _save_as(target: Path):
    def choose(dialog) -> None:
        assert isinstance(dialog, QFileDialog)
        dialog.selectFile(str(target))
        dialog.accept()

    return choose


# ------------------------------------------------------------------------------ the tab


def test_letters_tab_sits_between_decision_and_dates_with_ctrl_4(window, qtbot):
    names = [window.tabs.tabText(i) for i in range(window.tabs.count()) if window.tabs.isTabVisible(i)]
    assert names == ["Facts", "Checklist", "Decision", "Letters", "Dates", "Audit"]
    before = window.splitter.sizes()
    qtbot.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentWidget() is window.letters_tab
    # Shown, the tab asks the queue for room for the editor and the preview; left, it gives it back.
    assert window.splitter.sizes()[2] > before[2]
    qtbot.keyClick(window, Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentWidget() is window.audit_tab
    assert window.splitter.sizes() == before


def test_drafting_is_not_offered_before_a_decision(window, qtbot, demand_file, monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: shown.append(text))
    _open(window, qtbot, demand_file)
    tab = window.letters_tab

    assert not tab.draft_button.isEnabled()
    assert tab.draft_menu.actions() == []
    assert "No decision yet" in tab.notice.text()
    assert tab.draft("rejection") is None  # asked anyway: the service refuses, nothing is stored

    assert shown and "decision first" in shown[0]
    assert window._letters_service().letters(window.case_id) == []
    assert tab.model.rowCount() == 0


def test_a_narrowing_decision_offers_the_narrowing_letter_filled_with_the_identifier_in_scope(
    window, qtbot, two_targets
):
    _narrowed(window, qtbot, two_targets)
    tab = window.letters_tab
    kinds = [a.data() for a in tab.draft_menu.actions()]
    assert "narrowing" in kinds and "disclosure_cover" not in kinds
    assert tab.draft_button.isEnabled()

    _draft_narrowing(window, qtbot)

    text = tab.editor.toPlainText()
    assert IN_SCOPE in text
    assert not tab.editor.isReadOnly()
    assert tab.model.rowCount() == 1
    assert tab.model.index(0, 0).data() == "Narrowing request"
    assert tab.model.index(0, 2).data() == "Draft"
    assert tab.preview.page_count() >= 1
    assert tab.renderer.last_ms is not None
    actions = [
        window.audit_tab.model.index(r, SENTENCE_COLUMN).data()
        for r in range(window.audit_tab.model.rowCount())
    ]
    assert "Drafted a narrowing letter" in actions


def test_typing_updates_the_preview_and_ctrl_s_stores_the_draft(window, qtbot, two_targets):
    _narrowed(window, qtbot, two_targets)
    tab = _draft_narrowing(window, qtbot)
    letter = tab.current_letter()
    renders = []
    tab.renderer.rendered.connect(lambda data, _ms: renders.append(data))

    tab.editor.moveCursor(tab.editor.textCursor().MoveOperation.End)
    qtbot.keyClick(tab.editor, Qt.Key.Key_Return)
    qtbot.keyClick(tab.editor, Qt.Key.Key_Return)
    qtbot.keyClicks(tab.editor, "Please reply by 30 June.")
    assert tab.is_dirty()
    assert "unsaved" in tab.state.text()
    qtbot.waitUntil(lambda: bool(renders), timeout=5_000)  # once typing has paused
    assert renders[-1].startswith(b"%PDF")

    qtbot.keyClick(tab.editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)

    assert not tab.is_dirty()
    assert "saved" in tab.state.text()
    stored = _stored(window, letter.id)
    assert stored.body.endswith("Please reply by 30 June.")
    assert stored.status == "draft" and stored.revision == 1


def test_finalising_locks_the_letter_and_a_later_edit_is_revision_2(window, qtbot, two_targets):
    _narrowed(window, qtbot, two_targets)
    tab = _draft_narrowing(window, qtbot)
    first = tab.current_letter()

    final = _finalise_via_dialog(tab, qtbot)

    assert final is not None and final.final
    assert tab.editor.isReadOnly() and tab.title_edit.isReadOnly()
    assert not tab.editor.bold_action.isEnabled()
    assert tab.final_strip.isVisible()
    assert tab.sha.text() == final.sha256 and len(final.sha256) == 64
    assert tab.model.index(0, 2).data() == "Final"
    assert tab.model.index(0, 2).data(Qt.ItemDataRole.DecorationRole) is not None  # the lock
    qtbot.waitUntil(lambda: tab.preview.page_count() >= 1)
    qtbot.keyClicks(tab.editor, "changed")
    assert tab.editor.toPlainText() == first.body  # a final letter does not change

    tab.revise_button.click()
    assert not tab.editor.isReadOnly()
    assert "new draft revision" in tab.final_note.text()
    tab.editor.moveCursor(tab.editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(tab.editor, " Amended.")
    assert tab.save()

    revised = tab.current_letter()
    assert (revised.revision, revised.status, revised.supersedes) == (2, "draft", final.id)
    assert revised.body.endswith("Amended.")
    assert _stored(window, final.id).body == first.body  # the final one is as it was
    assert [tab.model.index(r, 2).data() for r in range(2)] == ["Final · replaced", "Draft"]
    assert not tab.final_strip.isVisible()
    assert not tab.editor.isReadOnly()


def test_export_writes_the_pdf_where_the_reviewer_chose_and_remembers_the_folder(
    window, qtbot, two_targets, tmp_path
):
    use_our_letterhead(window._letters_service())
    _narrowed(window, qtbot, two_targets)
    tab = _draft_narrowing(window, qtbot)
    _finalise_via_dialog(tab, qtbot)
    target = tmp_path / "outgoing" / "narrowing.pdf"
    target.parent.mkdir()

    _drive_dialogs(qtbot, _save_as(target))
    written = tab.export_interactively()

    assert written == target
    assert target.read_bytes().startswith(b"%PDF")
    assert str(target) in window.statusBar().currentMessage()
    assert Path(str(window.settings.value("letters_folder"))) == target.parent
    actions = [
        window.audit_tab.model.index(r, SENTENCE_COLUMN).data()
        for r in range(window.audit_tab.model.rowCount())
    ]
    assert "Exported a letter to narrowing.pdf" in actions

    # The next export starts in the folder chosen last.
    seen: list[str] = []

    def note_folder(dialog) -> None:
        seen.append(dialog.directory().absolutePath())
        dialog.reject()

    _drive_dialogs(qtbot, note_folder)
    assert tab.export_interactively() is None
    assert seen == [str(target.parent)]


def test_response_package_holds_the_final_letter_and_the_demand(window, qtbot, two_targets, tmp_path):
    import pypdf

    use_our_letterhead(window._letters_service())
    _narrowed(window, qtbot, two_targets)
    tab = _draft_narrowing(window, qtbot)
    assert not tab.package_button.isEnabled()  # nothing final yet
    _finalise_via_dialog(tab, qtbot)
    assert tab.package_button.isEnabled()
    target = tmp_path / "package.pdf"

    def with_demand(box) -> None:
        box.checkBox().setChecked(True)
        box.button(QMessageBox.StandardButton.Ok).click()

    _drive_dialogs(qtbot, with_demand, _save_as(target))
    assert tab.export_package() == target

    pages = pypdf.PdfReader(target).pages
    assert len(pages) >= 2  # the letter, then the demand


def test_a_refused_finalise_changes_nothing(window, qtbot, two_targets, monkeypatch):
    from app.services import DeskError

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: shown.append(text))
    _narrowed(window, qtbot, two_targets)
    tab = _draft_narrowing(window, qtbot)
    letter = tab.current_letter()

    def refuse(_letter_id):
        raise DeskError("The store is read-only.")

    monkeypatch.setattr(window._letters_service(), "finalise", refuse)
    assert tab.finalise() is None

    assert shown == ["The store is read-only."]
    assert _stored(window, letter.id).status == "draft"
    assert not tab.editor.isReadOnly()
    assert tab.model.index(0, 2).data() == "Draft"


def test_unsaved_text_is_saved_when_another_letter_is_chosen(window, qtbot, two_targets):
    _narrowed(window, qtbot, two_targets)
    tab = _draft_narrowing(window, qtbot)
    first = tab.current_letter()
    second = tab.draft("narrowing")  # a second draft of the same kind: revision 2
    assert second is not None and tab.current_letter().id == second.id
    qtbot.keyClicks(tab.editor, "Typed into the second. ")

    tab.table.selectRow(tab.model.row_of(first.id))

    assert tab.current_letter().id == first.id
    assert tab.editor.toPlainText() == first.body
    assert _stored(window, second.id).body.startswith("Typed into the second. ")


def test_a_new_decision_refreshes_what_may_be_drafted_and_keeps_the_text_being_written(
    window, qtbot, two_targets
):
    _narrowed(window, qtbot, two_targets)
    tab = _draft_narrowing(window, qtbot)
    qtbot.keyClicks(tab.editor, "Half a sentence")

    window.decision_tab.outcome.setCurrentIndex(window.decision_tab.outcome.findData("reject"))
    assert window.decision_tab.record() is not None

    kinds = [a.data() for a in tab.draft_menu.actions()]
    assert "rejection" in kinds and "narrowing" not in kinds
    assert "Reject" in tab.notice.text()
    assert tab.editor.toPlainText().startswith("Half a sentence") and tab.is_dirty()
    assert tab.model.rowCount() == 1  # the drafted letter stays, whatever the decision now says


def test_locking_saves_unsaved_text_and_clears_the_letters_tab(window, qtbot, two_targets, gui_data_dir):
    from app import services

    _narrowed(window, qtbot, two_targets)
    tab = _draft_narrowing(window, qtbot)
    letter = tab.current_letter()
    case_id = window.case_id
    qtbot.keyClicks(tab.editor, "Written just before the lock. ")

    window.lock()

    assert tab.model.rowCount() == 0
    assert tab.current_letter() is None
    assert tab.editor.toPlainText() == "" and tab.title_edit.text() == ""
    assert not tab.preview.is_loaded()
    assert tab.draft_menu.actions() == []
    assert not tab.draft_button.isEnabled() and not tab.package_button.isEnabled()
    assert not tab.save_action.isEnabled() and not tab.export_action.isEnabled()
    assert window._letters is None
    desk = services.unlock(gui_data_dir, passphrase=GUI_PASSPHRASE)
    try:
        desk.sign_in("Ada", GUI_PIN)
        from app.letters.service import Letters

        [stored] = Letters(desk).letters(case_id)
        assert stored.id == letter.id
        assert stored.body.startswith("Written just before the lock. ")
    finally:
        desk.close()


def test_letterhead_dialog_stores_the_organisation_and_page_size(window, qtbot):
    def fill(dialog) -> None:
        dialog.fields["organisation"].setText("Quokka Mail GmbH")
        dialog.page_size.setCurrentIndex(dialog.page_size.findData("A4"))
        dialog.address.setPlainText("Beispielstraße 1\n\n10115 Berlin")
        _ok(dialog)

    _drive_dialogs(qtbot, fill)
    window.letterhead_action.trigger()

    settings = window._letters_service().letterhead_settings()
    assert settings["organisation"] == "Quokka Mail GmbH"
    assert settings["page_size"] == "A4"
    assert settings["address_lines"] == ["Beispielstraße 1", "10115 Berlin"]


# ------------------------------------------------------------------------------ editor and preview


def test_bold_italic_and_bullets_write_the_markdown_subset(qtbot):
    from ui.case.letter_editor import LetterEditor

    editor = LetterEditor()
    qtbot.addWidget(editor)
    editor.setPlainText("We ask for less.\nOne\nTwo")
    cursor = editor.textCursor()
    cursor.setPosition(3)
    cursor.setPosition(6, cursor.MoveMode.KeepAnchor)  # "ask"
    editor.setTextCursor(cursor)

    editor.toggle_bold()
    assert editor.toPlainText().startswith("We **ask** for")
    assert editor.textCursor().selectedText() == "ask"
    editor.toggle_italic()
    assert editor.toPlainText().startswith("We ***ask*** for")
    editor.toggle_bold()
    assert editor.toPlainText().startswith("We *ask* for")
    editor.toggle_italic()
    assert editor.toPlainText().startswith("We ask for")

    cursor = editor.textCursor()
    cursor.setPosition(editor.toPlainText().index("One"))
    cursor.movePosition(cursor.MoveOperation.End, cursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)
    editor.toggle_bullets()
    assert editor.toPlainText() == "We ask for less.\n- One\n- Two"
    editor.toggle_bullets()
    assert editor.toPlainText() == "We ask for less.\nOne\nTwo"

    editor.setReadOnly(True)
    editor.toggle_bold()
    assert editor.toPlainText() == "We ask for less.\nOne\nTwo"


def test_preview_renders_once_typing_pauses_and_only_the_newest_text(qtbot):
    from ui.case.letter_preview import PreviewRenderer

    renderer = PreviewRenderer(delay_ms=30)
    asked: list[int] = []
    results: list[bytes] = []
    failures: list[str] = []
    renderer.rendered.connect(lambda data, _ms: results.append(data))
    renderer.failed.connect(failures.append)

    def job(n: int):
        def run() -> bytes:
            asked.append(n)
            return f"render {n}".encode()

        return run

    for n in range(5):  # five keystrokes in a row
        renderer.request(job(n))
    assert results == []
    qtbot.waitUntil(lambda: bool(results), timeout=3_000)
    assert (asked, results) == ([4], [b"render 4"])
    assert renderer.last_ms is not None

    renderer.request(job(8))
    renderer.cancel()  # the letter changed before the pause ended: nothing is rendered
    qtbot.wait(80)
    assert asked == [4]

    def broken() -> bytes:
        raise ValueError("no such font")

    renderer.request(broken, delay=False)
    assert failures == ["no such font"]


def test_a_logo_is_checked_before_qt_decodes_it(qtbot, tmp_path):
    from PySide6.QtGui import QImage

    from app.services import DeskError
    from ui.dialogs.letterhead import MAX_LOGO_BYTES, read_logo

    logo = tmp_path / "logo.png"
    image = QImage(40, 20, QImage.Format.Format_RGB32)
    image.fill(0xFF2266AA)
    assert image.save(str(logo))
    assert read_logo(logo).startswith(b"\x89PNG")

    fake = tmp_path / "fake.png"
    fake.write_bytes(b"GIF89a" + bytes(100))
    with pytest.raises(DeskError, match="not a PNG"):
        read_logo(fake)
    huge = tmp_path / "huge.png"
    huge.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(MAX_LOGO_BYTES))
    with pytest.raises(DeskError, match="larger than"):
        read_logo(huge)


def test_each_tab_keeps_its_pane_widths_across_sessions(window, qtbot, gui_data_dir):
    from app import services
    from ui.main_window import MainWindow

    window.splitter.setSizes([300, 600, 380])
    facts = window.splitter.sizes()
    window.tabs.setCurrentWidget(window.letters_tab)
    made = window.splitter.sizes()
    # The room comes from the scan first; the queue keeps its reference and due date.
    assert made[2] > facts[2] and made[1] < facts[1] and made[0] >= 240
    window.splitter.setSizes([made[0] - 40, made[1], made[2] + 40])
    letters = window.splitter.sizes()
    window.tabs.setCurrentWidget(window.audit_tab)
    assert window.splitter.sizes() == facts  # a tab without its own takes the last scan-side widths
    window.tabs.setCurrentWidget(window.letters_tab)
    assert window.splitter.sizes() == letters
    window.close()

    desk = services.unlock(gui_data_dir, passphrase=GUI_PASSPHRASE)
    desk.sign_in("Ada", GUI_PIN)
    again = MainWindow(gui_data_dir, desk)
    qtbot.addWidget(again)
    again.resize(window.size())
    again.show()
    qtbot.waitExposed(again)
    again.tabs.setCurrentWidget(again.letters_tab)
    assert again.splitter.sizes() == letters
    again.lock()
