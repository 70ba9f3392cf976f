"""Tools ▸ Cost recovery…: hours recorded, a refusal shown in the dialog with nothing changed,
an emergency request that cannot be charged, and a cost sought then marked paid."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog

from app.costs.service import Costs
from tests.app.test_costs import EMERGENCY, decided
from tests.app.test_review_service import SUBPOENA, demand_pdf
from tests.ui.test_access import answer_dialogs
from ui.dialogs.cost import CostDialog

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def open_case(window, lines: tuple[str, ...]) -> str:
    case_id = window.desk.intake(demand_pdf(*lines), "demand.pdf")
    window.refresh_queue(select=case_id)
    window._on_case_selected(case_id)
    return case_id


def in_dialog(window, qtbot, *steps) -> list[str]:
    """Trigger Tools ▸ Cost recovery… and run each step on the open dialog, then close it."""

    def close(dialog: QDialog) -> None:
        dialog.reject()

    errors: list[str] = []

    def run(dialog: QDialog) -> None:
        assert isinstance(dialog, CostDialog)
        for step in steps:
            step(dialog)
            if dialog.error.isVisible():
                errors.append(dialog.error.text())
        close(dialog)

    answer_dialogs([run])
    window.cost_action.trigger()
    return errors


def test_hours_are_recorded_and_bad_hours_are_refused_in_the_dialog(window, qtbot):
    case_id = open_case(window, SUBPOENA)

    def hours(task: str, value: str):
        def step(dialog: CostDialog) -> None:
            dialog.task.setCurrentIndex(dialog.task.findData(task))
            dialog.hours.setText(value)
            dialog.add_button.click()

        return step

    seen: list[str] = []
    errors = in_dialog(
        window,
        qtbot,
        hours("review", "-1"),
        hours("review", "1.5"),
        hours("search", "2"),
        lambda d: seen.append(d.summary.text()),
    )
    assert errors == ["Hours must be more than 0, not -1. Nothing was recorded."]
    record = Costs(window.desk).record(case_id)
    assert [(x.task, x.centi_hours) for x in record.lines] == [("review", 150), ("search", 200)]
    assert "USD 232.50" in seen[0] and "not decided" in seen[0]


def test_an_emergency_request_cannot_be_charged_from_the_window(window, qtbot):
    case_id = open_case(window, EMERGENCY)
    state: list[tuple[bool, bool, str]] = []
    in_dialog(
        window,
        qtbot,
        lambda d: state.append((d.seek_button.isEnabled(), d.refusal.isVisible(), d.refusal.text())),
    )
    [(seek_enabled, refusal_shown, refusal)] = state
    assert not seek_enabled and refusal_shown
    assert "Not chargeable: it is an emergency request" in refusal
    assert Costs(window.desk).record(case_id).decision == "open"


def test_a_cost_is_sought_and_marked_paid_from_the_dialog(window, qtbot):
    case_id = open_case(window, SUBPOENA)
    decided(window.desk, case_id)
    costs = Costs(window.desk)
    costs.add_hours(case_id, "review", "2")

    def seek_without_reason(dialog: CostDialog) -> None:
        dialog.seek_button.click()

    def seek(dialog: CostDialog) -> None:
        dialog.reason.setText("standard rates")
        dialog.seek_button.click()

    paid_enabled: list[bool] = []

    def pay(dialog: CostDialog) -> None:
        paid_enabled.append(dialog.paid_button.isEnabled())
        dialog.paid_button.click()

    errors = in_dialog(window, qtbot, seek_without_reason, seek, pay)
    assert len(errors) == 1 and "Say why the cost is sought" in errors[0]
    record = costs.record(case_id)
    assert (record.decision, record.reason, record.invoice) == ("sought", "standard rates", "paid")
    assert paid_enabled == [True]
    assert [e.action for e in window.desk.audit_trail(case_id) if e.action.startswith("cost.")] == [
        "cost.hours_added",
        "cost.sought",
        "cost.paid",
    ]
