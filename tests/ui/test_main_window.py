"""The window as a reviewer uses it: open a demand, see it, correct a fact, lock."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from ui.case.audit import ACTION_ROLE, SENTENCE_COLUMN

pytestmark = pytest.mark.gui


def _open(window, qtbot, path: Path) -> None:
    """Open a demand the way a reviewer does and wait until it is shown as a stored case."""
    before = window.queue.model.rowCount()
    window.intake_files([path])
    qtbot.waitUntil(lambda: window._task is None and not window._pending_files, timeout=20_000)
    if window.desk is not None and len(window.desk.cases()) > before:
        qtbot.waitUntil(lambda: window.case_id is not None, timeout=5_000)


def test_opened_demand_appears_in_queue_and_viewer(window, qtbot, demand_file):
    _open(window, qtbot, demand_file)

    assert window.queue.model.rowCount() == 1
    qtbot.waitUntil(lambda: window.viewer.is_loaded(), timeout=5_000)
    assert window.viewer.page_count() == 1
    assert window.case_title.text().startswith("GUIWS-")
    # The Facts tab shows every scalar fact, unknown ones included.
    assert window.facts_tab.model.rowCount() >= 8
    trail = window.audit_tab.model
    actions = [trail.index(r, SENTENCE_COLUMN).data(ACTION_ROLE) for r in range(trail.rowCount())]
    assert "case.intake" in actions
    # The trail is told in sentences, with the particulars under Details, never as codes.
    said = [trail.index(r, SENTENCE_COLUMN).data() for r in range(trail.rowCount())]
    intake = said[actions.index("case.intake")]
    assert intake.startswith("Took in ") and "GUIWS-" in intake
    assert not any("." in s.split(" ")[0] for s in said)
    window.tabs.setCurrentWidget(window.audit_tab)
    window.audit_tab.table.selectRow(actions.index("case.intake"))
    window.audit_tab.details_button.click()
    assert window.audit_tab.details.isVisible()
    assert "SHA-256" in window.audit_tab.details.toPlainText()


def test_progress_shows_while_reading_and_hides_after(window, qtbot, demand_file):
    window.intake_files([demand_file])
    assert window.progress.isVisible()
    qtbot.waitUntil(lambda: window._task is None, timeout=20_000)
    assert not window.progress.isVisible()


def test_bad_file_is_refused_with_a_message_and_no_case(window, qtbot, tmp_path, monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: shown.append(text))
    bad = tmp_path / "not-a-demand.pdf"
    bad.write_bytes(b"this is not a PDF at all")

    _open(window, qtbot, bad)

    assert window.queue.model.rowCount() == 0
    assert shown and "not a PDF" in shown[0]


def test_auto_lock_hides_every_case_view_and_closes_the_store(window, qtbot, demand_file):
    _open(window, qtbot, demand_file)
    qtbot.waitUntil(lambda: window.viewer.is_loaded(), timeout=5_000)

    window.idle.start(0.001)  # 60 ms without input
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.lock_screen, timeout=5_000)

    assert window.desk is None
    assert window.queue.model.rowCount() == 0
    assert not window.viewer.is_loaded()
    assert window.facts_tab.model.rowCount() == 0
    assert window.audit_tab.model.rowCount() == 0
    assert "locked" in window.windowTitle()
    assert not window.open_action.isEnabled()


def test_input_postpones_auto_lock(window, qtbot):
    window.idle.start(0.005)  # 300 ms
    for _ in range(4):
        qtbot.wait(150)
        qtbot.keyClick(window.queue.search, Qt.Key.Key_A)
    assert window.desk is not None
    qtbot.waitUntil(lambda: window.desk is None, timeout=5_000)


def test_ctrl_l_locks(window, qtbot):
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.desk is None
    assert window.stack.currentWidget() is window.lock_screen


def _correct_fact(window, key: str, steps) -> list[str]:
    """Select ``key`` in the Facts tab and press Correct fact…; ``steps`` answer the dialogs."""
    from tests.ui.test_access import answer_dialogs

    model = window.facts_tab.model
    row = next(r for r in range(model.rowCount()) if model.fact_at(r).key == key)
    errors = answer_dialogs(steps)
    window.facts_tab.table.selectRow(row)
    window.facts_tab.correct_button.click()
    return errors


def _answer(value=None, text: str | None = None, date: str | None = None, reason: str = ""):
    """One answer to the fact dialog: a choice by its stored value, typed text, or a date."""
    from PySide6.QtCore import QDate

    from ui.dialogs.fact_dialog import FactDialog

    def step(dialog) -> None:
        assert isinstance(dialog, FactDialog)
        if value is not None:
            dialog.choice.setCurrentIndex(dialog.choice.findData(value))
        if text is not None:
            dialog.choice.setEditText(text)
        if date is not None:
            dialog.not_known.setChecked(False)
            dialog.date.setDate(QDate.fromString(date, "yyyy-MM-dd"))
        dialog.reason.setText(reason)
        dialog.accept()

    return step


def test_correcting_a_fact_in_the_facts_tab_is_kept_and_audited(window, qtbot, demand_file):
    _open(window, qtbot, demand_file)
    model = window.facts_tab.model
    row = next(r for r in range(model.rowCount()) if model.fact_at(r).key == "country")
    assert model.fact_at(row).value == "US"  # read from "UNITED STATES DISTRICT COURT"
    assert model.index(row, 1).data() == "United States (US)"

    # Picked from the list by name; no reason is refused in the dialog, which stays open.
    errors = _correct_fact(window, "country", [_answer("GB"), _answer("GB", reason="the court's seal")])

    assert errors and "Say why" in errors[0]
    assert model.index(row, 1).data() == "United Kingdom (GB)"
    assert "corrected by Ada" in model.index(row, 2).data()
    assert "US" in model.index(row, 1).data(Qt.ItemDataRole.ToolTipRole)  # the first reading is kept
    case = window.desk.cases()[0]
    assert case.country == "GB"
    qtbot.waitUntil(lambda: window.audit_tab.model.rowCount() == 2)
    assert (
        window.audit_tab.model.index(1, SENTENCE_COLUMN).data()
        == "Corrected country from US to GB: the court's seal"
    )
    assert window.desk.audit_trail(case.case_id)[-1].payload["reason"] == "the court's seal"


def test_the_instrument_is_corrected_from_a_list_in_words(window, qtbot, demand_file):
    from ui.dialogs.fact_dialog import FactDialog

    _open(window, qtbot, demand_file)
    seen: list[list[str]] = []

    def look(dialog) -> None:
        assert isinstance(dialog, FactDialog)
        seen.append([dialog.choice.itemText(i) for i in range(dialog.choice.count())])
        _answer("nsl", reason="the letter is an NSL under 18 U.S.C. § 2709")(dialog)

    _correct_fact(window, "instrument", [look])

    assert "National Security Letter" in seen[0] and "nsl" not in seen[0]
    qtbot.waitUntil(lambda: window.desk.facts(window.case_id)["instrument"] == "nsl", timeout=5_000)
    model = window.facts_tab.model
    row = next(r for r in range(model.rowCount()) if model.fact_at(r).key == "instrument")
    assert model.index(row, 1).data() == "National Security Letter"


def test_the_day_chosen_in_the_open_dialog_is_stored_and_correctable_in_the_facts_tab(
    window, qtbot, demand_file, monkeypatch
):
    from datetime import date

    from PySide6.QtWidgets import QFileDialog

    import ui.shell.intake

    asked: list[int] = []
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(demand_file)], ""))

    def ask(_parent, today, files):
        asked.append(files)
        return date(2026, 1, 5)

    monkeypatch.setattr(ui.shell.intake, "ask_received", ask)
    window.open_demand()
    qtbot.waitUntil(lambda: window._task is None and not window._pending_files, timeout=20_000)
    qtbot.waitUntil(lambda: window.case_id is not None, timeout=5_000)

    assert asked == [1]
    model = window.facts_tab.model
    row = next(r for r in range(model.rowCount()) if model.fact_at(r).key == "received")
    assert model.index(row, 0).data() == "Received (served)"
    assert model.index(row, 1).data() == "2026-01-05"
    _correct_fact(window, "received", [_answer(date="2026-01-02", reason="postmark on the envelope")])
    assert window.desk.facts(window.case_id)["received"] == "2026-01-02"
    actions = [e.action for e in window.desk.audit_trail(window.case_id)]
    assert actions[-1] == "fact.corrected"


def test_cancelling_the_received_day_opens_nothing(window, qtbot, demand_file, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    import ui.shell.intake

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(demand_file)], ""))
    monkeypatch.setattr(ui.shell.intake, "ask_received", lambda *_a: None)
    window.open_demand()
    assert window._task is None and not window._pending_files and window.desk.cases() == []


def test_a_wrong_correction_is_refused_and_nothing_changes(window, qtbot, demand_file):
    _open(window, qtbot, demand_file)
    model = window.facts_tab.model
    row = next(r for r in range(model.rowCount()) if model.fact_at(r).key == "country")

    def cancel(dialog) -> None:
        dialog.reject()

    errors = _correct_fact(window, "country", [_answer(text="Atlantis", reason="the seal"), cancel])

    assert errors and "Unknown country 'Atlantis'" in errors[0]
    assert model.fact_at(row).value == "US"
    assert window.desk.verify_audit().events == 3  # set-up (2) + intake; no correction


def test_queue_search_filters_by_reference_and_by_page_text(window, qtbot, demand_file, tmp_path):
    _open(window, qtbot, demand_file)
    other = tmp_path / "incoming" / "other.pdf"
    from tests.ui.conftest import make_pdf

    other.write_bytes(make_pdf(["PRODUCTION ORDER", "for the account platypus@example.net"]))
    _open(window, qtbot, other)
    assert window.queue.model.rowCount() == 2

    window.queue.search.setText("wombat")
    qtbot.waitUntil(lambda: window.queue.proxy.rowCount() == 1, timeout=2_000)
    window.queue.search.setText("")
    qtbot.waitUntil(lambda: window.queue.proxy.rowCount() == 2, timeout=2_000)


def test_viewer_zoom_and_rotate(window, qtbot, demand_file):
    _open(window, qtbot, demand_file)
    viewer = window.viewer
    qtbot.waitUntil(viewer.is_loaded)
    portrait = viewer.canvas.size()
    assert portrait.height() > portrait.width()

    viewer.rotate_right()
    turned = viewer.canvas.size()
    assert turned.width() > turned.height()

    zoom = viewer.zoom()
    viewer.zoom_in()
    assert viewer.zoom() > zoom


def test_window_leaves_no_plaintext_in_the_data_dir_or_temp(window, qtbot, demand_file, tmp_path):
    _open(window, qtbot, demand_file)
    qtbot.waitUntil(window.viewer.is_loaded)
    window.close()
    import tempfile

    roots = [window.data_dir.root, Path(tempfile.gettempdir())]
    for root in roots:
        for path in root.rglob("*"):
            if path.is_file():
                data = path.read_bytes()
                assert b"GUICANARY7731" not in data, path
                assert b"wombat.gui7" not in data, path


def test_page_one_shows_before_the_case_is_stored(window, qtbot, demand_file):
    shown_while_unstored: list[int] = []
    window.viewer.document.statusChanged.connect(
        lambda _status: shown_while_unstored.append(window.queue.model.rowCount())
    )
    window.intake_files([demand_file])
    qtbot.waitUntil(lambda: window._task is None, timeout=20_000)

    # The viewer had the demand while the queue was still empty: shown, then stored.
    assert 0 in shown_while_unstored
    qtbot.waitUntil(lambda: window.queue.model.rowCount() == 1, timeout=5_000)


def test_cancelling_a_reading_stores_nothing(window, qtbot, demand_file):
    window.intake_files([demand_file])
    window._cancel_task()
    qtbot.waitUntil(lambda: window._task is None, timeout=20_000)

    assert window.queue.model.rowCount() == 0
    assert window.desk.cases() == []


def test_find_in_document_marks_each_match_and_steps_through(window, qtbot, demand_file):
    _open(window, qtbot, demand_file)
    qtbot.waitUntil(window.viewer.is_loaded)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.viewer.find_bar.isVisible()

    qtbot.keyClicks(window.viewer.find_bar.field, "example")
    assert window.viewer.find_bar.count.text() == "1 of 1"
    window.viewer.find_bar.field.setText("no such words here")
    assert window.viewer.find_bar.count.text() == "no match"


def test_text_layer_toggle_draws_the_words_over_the_scan(window, qtbot, demand_file):
    _open(window, qtbot, demand_file)
    qtbot.waitUntil(window.viewer.is_loaded)
    assert window.viewer._overlay().words == []

    qtbot.keyClick(window, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)

    words = [text for _rect, text, _low in window.viewer._overlay().words]
    assert "SUBPOENA" in words


def test_a_target_and_the_data_asked_for_are_added_and_removed_in_the_facts_tab(window, qtbot, demand_file):
    from tests.ui.test_access import answer_dialogs
    from ui.dialogs.correction import CorrectionDialog

    _open(window, qtbot, demand_file)
    tab = window.facts_tab
    case_id = window.case_id

    def add_target(value: str, reason: str):
        def step(dialog):
            assert isinstance(dialog, CorrectionDialog)
            dialog.kind.setCurrentIndex(dialog.kind.findData("account_id"))
            dialog.value.setText(value)
            dialog.reason.setText(reason)
            dialog.accept()

        return step

    # No reason: refused in the dialog, which stays open; then given, the target is added.
    errors = answer_dialogs([add_target("8812-4471", ""), add_target("8812-4471", "page 3 of the original")])
    tab.add_target_button.click()
    assert errors and "Say why" in errors[0]
    qtbot.waitUntil(
        lambda: any(tab.readings.row_at(r).key == "8812-4471" for r in range(tab.readings.rowCount())),
        timeout=5_000,
    )
    assert ("account_id", "8812-4471") in [
        (i["kind"], i["value"]) for i in window.desk.facts(case_id)["identifiers"]
    ]

    # The data asked for: remove the one read, with a reason; the audit tab shows both corrections.
    row = next(r for r in range(tab.readings.rowCount()) if tab.readings.row_at(r).kind == "category")
    category = tab.readings.row_at(row).key
    tab.readings_table.selectRow(row)

    def remove(dialog):
        assert isinstance(dialog, CorrectionDialog)
        dialog.reason.setText("procedure, not a request")
        dialog.accept()

    answer_dialogs([remove])
    tab.remove_button.click()
    qtbot.waitUntil(
        lambda: category not in [d["category"] for d in window.desk.facts(case_id)["data_requested"]],
        timeout=5_000,
    )
    actions = [e.action for e in window.desk.audit_trail(case_id)]
    assert "fact.identifier_added" in actions and "fact.category_removed" in actions


def test_verify_audit_trail_names_each_problem_in_words(window, qtbot, demand_file, monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "exec", lambda box: shown.append(f"{box.text()}\n{box.informativeText()}")
    )
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: shown.append(text))
    _open(window, qtbot, demand_file)
    window.verify_audit()
    assert "every decision, approval, final letter and correction" in shown.pop()
    # A key holder wipes the trail and its head: the case is still there, its intake event is not.
    window.desk.store.db.execute("DELETE FROM audit_events")
    window.desk.store.db.execute("DELETE FROM settings WHERE key IN ('audit_head', 'audit_anchor')")
    window.verify_audit()
    [words] = shown
    reference = window.desk.cases()[0].reference
    assert "disagree in 1 place." in words
    assert f"• Case {reference}: the case has no intake event" in words
