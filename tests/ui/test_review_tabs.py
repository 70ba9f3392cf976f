"""The Checklist and Decision tabs as a reviewer uses them, on the real window and store."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QLabel, QMessageBox

from tests.ui.conftest import GUI_PIN, make_pdf
from ui.case.audit import ACTION_ROLE, SENTENCE_COLUMN

pytestmark = pytest.mark.gui

pytest.importorskip("app.review.checklist", reason="the review engine (app/review) is not in place yet")

SECOND_REVIEWER, SECOND_PIN = "Grace", "864200"


def _open(window, qtbot, path: Path) -> None:
    """Open a demand the way a reviewer does and wait until it is shown as a stored case."""
    window.intake_files([path])
    qtbot.waitUntil(lambda: window._task is None and not window._pending_files, timeout=20_000)
    qtbot.waitUntil(lambda: window.case_id is not None, timeout=5_000)
    qtbot.waitUntil(lambda: window.checklist_tab.model.rowCount() > 0, timeout=5_000)


def _drive_dialogs(qtbot, *steps: Callable[[QDialog], None]) -> list[str]:
    """Run each step on the next modal dialog that opens; returns what the steps saw as errors."""
    remaining = list(steps)
    seen: list[str] = []
    tries = [0]

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QDialog) or not dialog.isVisible():
            tries[0] += 1
            if tries[0] < 500:
                QTimer.singleShot(10, poll)
            return
        tries[0] = 0
        error = getattr(dialog, "error", None)
        if error is not None and error.isVisible():
            seen.append(error.text())
        remaining.pop(0)(dialog)
        if remaining:
            QTimer.singleShot(10, poll)

    QTimer.singleShot(0, poll)
    return seen


def _ok(dialog: QDialog) -> None:
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()


def _cancel(dialog: QDialog) -> None:
    dialog.reject()


def _items(tab) -> list:
    return [tab.model.answer_at(i) for i in tab.model.item_indexes()]


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
                "wombat.gui7@example.org and numbat.gui8@example.org",
                "for the period 2026-01-01 to 2026-06-30.",
                "Reference GUICANARY7731",
            ]
        )
    )
    return path


# ------------------------------------------------------------------------------ checklist


def test_checklist_groups_items_and_marks_unknown_ones(window, qtbot, demand_file):
    _open(window, qtbot, demand_file)
    tab = window.checklist_tab
    model = tab.model

    groups = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert groups[0].startswith("Validity")
    assert any(g.startswith("Human rights") for g in groups)
    items = _items(tab)
    assert len(items) >= 10
    unknown = [i for i in model.item_indexes() if model.answer_at(i).answer == "unknown"]
    assert unknown, "a scan cannot tell everything: some items need the reviewer"
    index = unknown[0]
    assert model.index(index.row(), 1, index.parent()).data() == "? unknown"
    assert model.index(index.row(), 0, index.parent()).data(Qt.ItemDataRole.BackgroundRole) is not None
    answered = next(i for i in model.item_indexes() if model.answer_at(i).answer in ("pass", "fail"))
    assert model.index(answered.row(), 0, answered.parent()).data(Qt.ItemDataRole.BackgroundRole) is None
    # A short name in the list; the policy pack's question beside it.
    item = model.answer_at(index)
    assert model.index(index.row(), 0, index.parent()).data() != item.id
    assert model.texts[item.id].question in model.index(index.row(), 0, index.parent()).data(
        Qt.ItemDataRole.ToolTipRole
    )
    assert item.id not in model.index(index.row(), 0, index.parent()).data(Qt.ItemDataRole.ToolTipRole)
    # Only a reviewer's answer is named in the By column; the automatic ones say so on hover.
    by = model.index(index.row(), 2, index.parent())
    assert by.data() == ""
    assert by.data(Qt.ItemDataRole.ToolTipRole) == "Answered automatically from the facts"
    # A new case opens on the first item that needs the reviewer.
    assert tab.current_answer().answer == "unknown"


def test_clicking_evidence_highlights_its_box_in_the_viewer(window, qtbot, demand_file):
    _open(window, qtbot, demand_file)
    qtbot.waitUntil(window.viewer.is_loaded)
    window.tabs.setCurrentWidget(window.checklist_tab)
    tab = window.checklist_tab
    with_box = next(a for a in _items(tab) if any(e.page and e.box for e in a.evidence))
    assert tab.select_item(with_box.id)
    window.viewer.highlight(0, [])  # the viewer is elsewhere when the reviewer clicks
    assert window.viewer._overlay().highlights == []

    row = next(r for r, e in enumerate(with_box.evidence) if e.page and e.box)
    rect = tab.evidence_table.visualRect(tab.evidence.index(row, 1))
    qtbot.mouseClick(tab.evidence_table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())

    evidence = with_box.evidence[row]
    assert window.viewer.current_page() == evidence.page - 1
    assert window.viewer._highlights == {evidence.page - 1: [tuple(evidence.box)]}
    assert len(window.viewer._overlay().highlights) == 1


def test_override_without_a_reason_is_refused_and_with_one_is_kept_as_the_reviewers(
    window, qtbot, demand_file
):
    _open(window, qtbot, demand_file)
    tab = window.checklist_tab
    target = next(a for a in _items(tab) if a.answer == "pass")
    tab.select_item(target.id)
    events_before = window.desk.verify_audit().events

    def choose_fail(dialog) -> None:
        dialog.answer.setCurrentIndex(dialog.answer.findData("fail"))
        _ok(dialog)

    def give_reason(dialog) -> None:
        dialog.reason.setPlainText("The signature is a photocopy pasted onto the page.")
        _ok(dialog)

    errors = _drive_dialogs(qtbot, choose_fail, give_reason)
    tab.override_button.click()

    assert errors and "fail" in errors[0]  # the service's refusal, shown in the dialog
    after = next(a for a in _items(tab) if a.id == target.id)
    assert (after.answer, after.source) == ("fail", "reviewer")
    index = tab.model.index_of(target.id)
    assert tab.model.index(index.row(), 2, index.parent()).data() == "reviewer"
    assert tab.model.index(index.row(), 1, index.parent()).data() == "✗ fail"
    assert tab.current_item_id() == target.id  # the selection survives the refresh
    assert "photocopy" in tab.details.toPlainText()  # the reason is shown with the answer
    assert window.desk.verify_audit().events == events_before + 1  # only the accepted override
    assert window.queue.model.index(0, 2).data() == "In review"
    trail = window.audit_tab.model
    actions = [trail.index(r, SENTENCE_COLUMN).data(ACTION_ROLE) for r in range(trail.rowCount())]
    assert "checklist.answered" in actions

    tab.reset_current()
    back = next(a for a in _items(tab) if a.id == target.id)
    assert (back.answer, back.source) == ("pass", "auto")


def test_an_override_refused_by_the_service_changes_nothing(window, qtbot, demand_file):
    from app.services import DeskError

    _open(window, qtbot, demand_file)
    tab = window.checklist_tab
    target = next(a for a in _items(tab) if a.answer == "pass")
    with pytest.raises(DeskError):
        tab.override(target.id, "fail", "   ")
    assert next(a for a in _items(tab) if a.id == target.id).source == "auto"


def test_j_and_k_step_through_items_while_the_checklist_is_shown(window, qtbot, demand_file):
    _open(window, qtbot, demand_file)
    tab = window.checklist_tab
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentWidget() is tab
    ids = [a.id for a in _items(tab)]
    tab.select_item(ids[0])
    window.viewer.setFocus()

    qtbot.keyClick(window.viewer, Qt.Key.Key_J)
    qtbot.keyClick(window.viewer, Qt.Key.Key_J)
    assert tab.current_item_id() == ids[2]
    qtbot.keyClick(window.viewer, Qt.Key.Key_K)
    assert tab.current_item_id() == ids[1]

    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)  # Facts: J is not ours
    qtbot.keyClick(window.viewer, Qt.Key.Key_J)
    assert tab.current_item_id() == ids[1]


def test_ctrl_digits_select_facts_checklist_decision_letters_dates_audit(window, qtbot):
    names = [window.tabs.tabText(i) for i in range(window.tabs.count()) if window.tabs.isTabVisible(i)]
    assert names == ["Facts", "Checklist", "Decision", "Letters", "Dates", "Audit"]
    for digit, widget in (
        (Qt.Key.Key_3, window.decision_tab),
        (Qt.Key.Key_4, window.letters_tab),
        (Qt.Key.Key_5, window.dates_tab),
        (Qt.Key.Key_6, window.audit_tab),
        (Qt.Key.Key_2, window.checklist_tab),
    ):
        qtbot.keyClick(window, digit, Qt.KeyboardModifier.ControlModifier)
        assert window.tabs.currentWidget() is widget


def test_case_facts_form_records_what_the_scan_cannot_tell(window, qtbot, demand_file):
    _open(window, qtbot, demand_file)
    tab = window.checklist_tab
    form = tab.facts_form
    journalist = form._fields["target_is_journalist_or_activist"]
    assert not form.save.isEnabled()

    journalist.setCurrentIndex(journalist.findData(True))
    form.reason.setText("Press card on file with the request")
    form.save.click()

    ctx = window._review.context(window.case_id)
    assert ctx.target_is_journalist_or_activist is True
    assert not form.save.isEnabled()  # the form now shows what is stored
    assert journalist.currentData() is True
    trail = window.audit_tab.model
    actions = [trail.index(r, SENTENCE_COLUMN).data(ACTION_ROLE) for r in range(trail.rowCount())]
    assert "case_fact.set" in actions
    hr = [a for a in _items(tab) if a.group == "human_rights"]
    assert any(a.answer == "fail" for a in hr), "a journalist as target is a human-rights concern"


# ------------------------------------------------------------------------------ decision


def _decide(window, outcome: str, qtbot=None) -> None:
    """Record ``outcome``; a disclosure's confirmation (what leaves) is accepted."""
    tab = window.decision_tab
    tab.outcome.setCurrentIndex(tab.outcome.findData(outcome))
    if qtbot is not None:
        _drive_dialogs(qtbot, _ok)
    assert tab.record() is not None


def _answer_blocking(window) -> None:
    """A reviewer checked every blocking item (a disclosure is refused while one is open)."""
    from tests.review_support import answer_blocking_pass

    answer_blocking_pass(window._review, window.case_id)


def _tick_everything(tab) -> None:
    for box in [*tab.scope.identifier_boxes.values(), *tab.scope.category_boxes.values()]:
        box.setChecked(True)


def test_recommendation_reasons_link_to_their_checklist_items(window, qtbot, demand_file):
    _open(window, qtbot, demand_file)
    rec = window.decision_tab._assessment.recommendation
    item_id = (list(rec.reasons) + list(rec.pending))[0]
    assert f"item:{item_id}" in window.decision_tab.recommendation.text()

    window.decision_tab.recommendation.linkActivated.emit(f"item:{item_id}")

    assert window.tabs.currentWidget() is window.checklist_tab
    assert window.checklist_tab.current_item_id() == item_id


def test_disclosing_decision_waits_for_a_second_reviewer_who_approves_it(
    window, qtbot, demand_file, monkeypatch
):
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: shown.append(text))
    window.desk.add_reviewer(SECOND_REVIEWER, SECOND_PIN, admin_pin=GUI_PIN)
    _open(window, qtbot, demand_file)
    tab = window.decision_tab
    assert tab.outcome.currentData() == tab._assessment.recommendation.outcome  # the default
    _tick_everything(tab)
    _answer_blocking(window)

    _decide(window, "disclose_noncontent", qtbot)

    assert not shown
    assert window.queue.model.index(0, 2).data() == "Awaiting approval"
    assert "awaiting approval by a second reviewer" in tab.approval.text()
    assert tab.approve_button.isEnabled()
    assert tab.history.rowCount() == 1

    # The reviewer who decided cannot approve (four eyes).
    def as_ada(dialog) -> None:
        dialog.reviewer.setCurrentText("Ada")
        dialog.pin.setText(GUI_PIN)
        _ok(dialog)

    errors = _drive_dialogs(qtbot, as_ada, _cancel)
    assert not tab.approve_interactively()
    assert errors and "different reviewer" in errors[0]
    assert window.queue.model.index(0, 2).data() == "Awaiting approval"
    assert window.desk.reviewer.name == "Ada"  # approving signs nobody in

    # A second reviewer (enrolled before the decision), with their own PIN, does.

    def wrong_pin(dialog) -> None:
        dialog.reviewer.setCurrentText(SECOND_REVIEWER)
        dialog.pin.setText("000000")
        _ok(dialog)

    def as_grace(dialog) -> None:
        assert dialog.reviewer.currentText() == SECOND_REVIEWER
        dialog.pin.setText(SECOND_PIN)
        _ok(dialog)

    errors = _drive_dialogs(qtbot, wrong_pin, as_grace)
    assert tab.approve_interactively()

    assert errors and "PIN" in errors[0]
    assert window.queue.model.index(0, 2).data() == "Decided"
    assert f"approved by {SECOND_REVIEWER}" in tab.approval.text()
    assert not tab.approve_button.isEnabled()
    assert tab.history.index(0, 3).data() == SECOND_REVIEWER
    decision = window._review.decision(window.case_id)
    assert (decision.decided_by, decision.approved_by) == ("Ada", SECOND_REVIEWER)


def test_striking_an_identifier_records_a_narrowed_scope(window, qtbot, two_targets, monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: shown.append(text))
    _open(window, qtbot, two_targets)
    tab = window.decision_tab
    boxes = tab.scope.identifier_boxes
    assert set(boxes) == {"wombat.gui7@example.org", "numbat.gui8@example.org"}
    _tick_everything(tab)

    boxes["numbat.gui8@example.org"].setChecked(False)
    assert boxes["numbat.gui8@example.org"].font().strikeOut()
    tab.scope.to_box.setChecked(True)
    tab.scope.to_date.setDate(tab.scope.to_date.date().fromString("2026-03-31", Qt.DateFormat.ISODate))
    _answer_blocking(window)
    _decide(window, "disclose_noncontent", qtbot)

    assert not shown
    decision = window._review.decision(window.case_id)
    assert decision.scope["identifiers"] == ["wombat.gui7@example.org"]
    assert decision.scope["categories"]
    assert decision.scope["date_range"]["to"] == "2026-03-31"
    # The tab shows the decided scope, the struck identifier still struck.
    assert not tab.scope.identifier_boxes["numbat.gui8@example.org"].isChecked()
    assert "1 identifier" in tab.history.index(0, 4).data()


def test_a_refused_decision_is_shown_and_nothing_is_recorded(window, qtbot, demand_file, monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: shown.append(text))
    _open(window, qtbot, demand_file)
    tab = window.decision_tab
    tab.scope.from_box.setChecked(True)
    tab.scope.to_box.setChecked(True)
    tab.scope.from_date.setDate(tab.scope.from_date.date().fromString("2026-05-01", Qt.DateFormat.ISODate))
    tab.scope.to_date.setDate(tab.scope.to_date.date().fromString("2026-01-01", Qt.DateFormat.ISODate))
    tab.outcome.setCurrentIndex(tab.outcome.findData("disclose_noncontent"))

    assert tab.record() is None

    assert shown and "ends before it starts" in shown[0]
    assert window._review.decisions(window.case_id) == []
    assert tab.history.rowCount() == 0


def test_confirming_with_c_makes_the_answer_the_reviewers(window, qtbot, demand_file):
    _open(window, qtbot, demand_file)
    tab = window.checklist_tab
    target = next(a for a in _items(tab) if a.answer == "pass")
    window.tabs.setCurrentWidget(tab)
    tab.select_item(target.id)

    qtbot.keyClick(tab.tree, Qt.Key.Key_C)

    after = next(a for a in _items(tab) if a.id == target.id)
    assert (after.answer, after.source) == ("pass", "reviewer")
    assert tab.reset_button.isEnabled()


def test_correcting_a_fact_reevaluates_the_checklist(window, qtbot, demand_file):
    _open(window, qtbot, demand_file)
    model = window.facts_tab.model
    row = next(r for r in range(model.rowCount()) if model.fact_at(r).key == "signed")

    signed = bool(model.fact_at(row).value)
    expected = "fail" if signed else "pass"
    assert _signed_answer(window) != expected

    from tests.ui.test_access import answer_dialogs

    def answer(dialog) -> None:
        dialog.choice.setCurrentIndex(dialog.choice.findData("no" if signed else "yes"))
        dialog.reason.setText("the served original")
        dialog.accept()

    answer_dialogs([answer])
    window.facts_tab.table.selectRow(row)
    window.facts_tab.correct_button.click()

    qtbot.waitUntil(lambda: _signed_answer(window) == expected, timeout=2_000)


def _signed_answer(window) -> str:
    return next(a for a in _items(window.checklist_tab) if a.id == "validity.signed").answer


def test_locking_closes_an_open_override_dialog(window, qtbot, demand_file):
    _open(window, qtbot, demand_file)
    _drive_dialogs(qtbot, lambda _dialog: window.lock())
    window.checklist_tab.override_current()  # returns once the lock has closed the dialog
    assert QApplication.activeModalWidget() is None
    assert window.desk is None


def test_locking_clears_the_review_tabs(window, qtbot, demand_file):
    _open(window, qtbot, demand_file)
    window.lock()
    assert window.checklist_tab.model.rowCount() == 0
    assert window.checklist_tab.evidence.rowCount() == 0
    assert window.decision_tab.history.rowCount() == 0
    assert window.decision_tab.scope.identifier_boxes == {}
    assert window._review is None


# ------------------------------------------------------------------------------ decisions that match the law

JUNIOR, JUNIOR_PIN = "Linus", "864213"  # a reviewer who is not senior


def test_recording_a_disclosure_lists_what_leaves_and_cancel_records_nothing(window, qtbot, demand_file):
    _open(window, qtbot, demand_file)
    tab = window.decision_tab
    _tick_everything(tab)
    _answer_blocking(window)
    tab.outcome.setCurrentIndex(tab.outcome.findData("disclose_noncontent"))
    seen: list[str] = []

    def read_and_cancel(dialog) -> None:
        seen.append(dialog.text())
        _cancel(dialog)

    _drive_dialogs(qtbot, read_and_cancel)
    assert tab.record() is None

    assert seen, "no confirmation was asked"
    assert "Identifier: wombat.gui7@example.org" in seen[0]
    assert "Data: Subscriber information" in seen[0]
    assert "Dates: " in seen[0]
    assert window._review.decisions(window.case_id) == []
    assert tab.history.rowCount() == 0


def test_a_refused_disclosure_shows_the_rule_and_records_nothing(window, qtbot, demand_file, monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: shown.append(text))
    _open(window, qtbot, demand_file)
    window.desk.add_reviewer(JUNIOR, JUNIOR_PIN, admin_pin=GUI_PIN)
    window.desk.sign_in(JUNIOR, JUNIOR_PIN)
    tab = window.decision_tab
    _tick_everything(tab)

    tab.outcome.setCurrentIndex(tab.outcome.findData("disclose_content"))
    assert tab.record() is None  # a grand-jury subpoena cannot compel content
    tab.outcome.setCurrentIndex(tab.outcome.findData("disclose_noncontent"))
    assert tab.record() is None  # blocking items are still unknown

    assert len(shown) == 2
    assert "instrument.content" in shown[0]
    assert "checklist.blocking_open" in shown[1] and "validity.requester_verified" in shown[1]
    assert "senior reviewer" in shown[1]  # the way on, for someone who may take it
    assert window._review.decisions(window.case_id) == []
    assert tab.history.rowCount() == 0


def test_a_senior_overrides_a_refusal_with_a_reason_shown_in_the_case(window, qtbot, demand_file):
    _open(window, qtbot, demand_file)  # blocking items left unknown: the disclosure is refused
    tab = window.decision_tab
    _tick_everything(tab)
    tab.outcome.setCurrentIndex(tab.outcome.findData("disclose_noncontent"))
    reason = "Requester verified by phone with the AUSA"
    refusals: list[str] = []

    def override(dialog) -> None:
        refusals.append(dialog.text())
        _ok(dialog)  # "Override with a reason…"

    def give_reason(dialog) -> None:
        dialog.setTextValue(reason)
        dialog.accept()

    _drive_dialogs(qtbot, override, give_reason, _ok)
    decision = tab.record()

    assert refusals and "checklist.blocking_open" in refusals[0]
    assert decision is not None and decision.override["reason"] == reason
    assert f"Overridden by Ada: {reason}" in tab.approval.text()


def test_the_approval_dialog_shows_what_leaves_the_open_items_and_the_recommendation(
    window, qtbot, demand_file
):
    _open(window, qtbot, demand_file)
    review, case_id = window._review, window.case_id
    review.decide(case_id, "disclose_noncontent", override_reason="Checked with the court clerk")
    window.decision_tab.show_case(review, case_id, review.assess(case_id), window.desk.facts(case_id))
    texts: dict[str, str] = {}

    def look_and_cancel(dialog) -> None:
        for name in ("approvalOutcome", "approvalLeaving", "approvalOpenItems", "approvalOverride"):
            label = dialog.findChild(QLabel, name)
            texts[name] = label.text() if label is not None else ""
        _cancel(dialog)

    _drive_dialogs(qtbot, look_and_cancel)
    assert not window.decision_tab.approve_interactively()

    assert "Decision: Disclose non-content only" in texts["approvalOutcome"]
    assert "Recommended: " in texts["approvalOutcome"]
    assert "Identifier: wombat.gui7@example.org" in texts["approvalLeaving"]
    assert "Data: Subscriber information" in texts["approvalLeaving"]
    assert "validity.requester_verified" in texts["approvalOpenItems"]
    assert "(blocking)" in texts["approvalOpenItems"]
    assert "Checked with the court clerk" in texts["approvalOverride"]
    assert window._review.decision(case_id).approved_by is None
