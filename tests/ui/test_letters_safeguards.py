"""What may not leave yet, as the window shows it: the Dates tab says why the notice letter
waits under a secrecy order, and the Letters tab disables Finalise, Export and Response
package with the reason beside them — until the order is lifted or the disclosure approved."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from app.review.service import Review
from app.schedule.service import Schedule
from tests.conftest import use_our_letterhead
from tests.ui.conftest import GUI_PIN, make_pdf
from tests.ui.test_review_tabs import (
    SECOND_PIN,
    SECOND_REVIEWER,
    _answer_blocking,
    _decide,
    _open,
    _tick_everything,
)

pytestmark = pytest.mark.gui

STATUTE = "18 U.S.C. § 2705(b)"


@pytest.fixture
def gagged_demand(tmp_path: Path) -> Path:
    """A grand-jury subpoena with a § 2705(b) order until further order of the court."""
    issued = (date.today() - timedelta(days=5)).strftime("%B %-d, %Y")
    path = tmp_path / "incoming" / "gagged-subpoena.pdf"
    path.parent.mkdir(exist_ok=True)
    path.write_bytes(
        make_pdf(
            [
                "UNITED STATES DISTRICT COURT FOR THE WESTERN DISTRICT OF WASHINGTON",
                "GRAND JURY SUBPOENA",
                f"Date: {issued}",
                "To: Custodian of Records, Example Online Services LLC",
                "You are commanded to produce basic subscriber information (name, address,",
                "length of service) for the account ibis.g7ag2@example.net.",
                "ORDER PURSUANT TO 18 U.S.C. 2705(b): the provider shall not disclose the existence",
                "of this subpoena to any person until further order of the Court.",
                "/s/ John Doe, United States Magistrate Judge",
            ]
        )
    )
    return path


def _draft(window, qtbot, kind: str):
    tab = window.letters_tab
    window.tabs.setCurrentWidget(tab)
    action = next(a for a in tab.draft_menu.actions() if a.data() == kind)
    action.trigger()
    qtbot.waitUntil(
        lambda: tab.current_letter() is not None and tab.current_letter().kind == kind, timeout=10_000
    )
    return tab


def test_the_dates_tab_says_why_the_notice_letter_waits_until_the_order_is_lifted(
    window, qtbot, gagged_demand
):
    case_id = _open(window, qtbot, gagged_demand) or window.case_id
    tab = window.dates_tab
    window.tabs.setCurrentWidget(tab)

    assert "until further order" in tab.order.text()
    assert not tab.letter.isEnabled()
    assert tab.letter_held.isVisible()
    shown = tab.letter_held.text()
    assert STATUTE in shown and "until further order" in shown and "waits" in shown
    assert STATUTE in tab.letter.toolTip()

    Schedule(window.desk).lift_order(case_id, window.desk.clock().date())
    tab.refresh()
    assert tab.letter.isEnabled() and not tab.letter_held.isVisible()


def test_the_letters_tab_disables_finalise_and_export_of_a_gagged_notice_with_the_reason(
    window, qtbot, gagged_demand
):
    _open(window, qtbot, gagged_demand)
    use_our_letterhead(window._letters_service())
    _tick_everything(window.decision_tab)
    _decide(window, "narrow")
    tab = _draft(window, qtbot, "user_notice")  # preparing the notice is allowed

    assert not tab.finalise_action.isEnabled() and not tab.export_action.isEnabled()
    assert tab.letter_held.isVisible()
    assert "Finalise and Export wait" in tab.letter_held.text() and STATUTE in tab.letter_held.text()
    assert STATUTE in tab.finalise_action.toolTip()
    assert not tab.current_letter().final

    # The order is lifted on the Dates tab: the letter may go.
    Schedule(window.desk).lift_order(window.case_id, window.desk.clock().date())
    window.dates_tab.changed.emit("Secrecy order lifted")
    assert tab.finalise_action.isEnabled() and tab.export_action.isEnabled()
    assert not tab.letter_held.isVisible()


def test_the_letters_tab_holds_the_disclosure_cover_and_the_package_until_approval(
    window, qtbot, demand_file
):
    _open(window, qtbot, demand_file)
    use_our_letterhead(window._letters_service())
    _tick_everything(window.decision_tab)
    _decide(window, "narrow")
    tab = _draft(window, qtbot, "narrowing")
    assert tab.finalise() is not None  # a final letter a package could hold
    assert tab.package_button.isEnabled()

    window.desk.add_reviewer(SECOND_REVIEWER, SECOND_PIN, admin_pin=GUI_PIN)  # enrolled before the decision
    _answer_blocking(window)
    _decide(window, "disclose_noncontent", qtbot)
    tab = _draft(window, qtbot, "disclosure_cover")
    assert not tab.finalise_action.isEnabled() and not tab.export_action.isEnabled()
    assert "Nothing leaves before approval" in tab.letter_held.text()
    assert not tab.package_button.isEnabled()
    assert tab.package_held.isVisible() and "Nothing leaves before approval" in tab.package_held.text()

    Review(window.desk).approve(window.case_id, SECOND_REVIEWER, SECOND_PIN)
    window._show_letters()  # as after the approval dialog
    assert tab.finalise_action.isEnabled() and tab.export_action.isEnabled()
    assert tab.package_button.isEnabled() and not tab.package_held.isVisible()
    assert not tab.letter_held.isVisible()


def test_a_final_letter_waits_for_our_letterhead_and_the_tab_says_where_to_set_it(window, qtbot, demand_file):
    _open(window, qtbot, demand_file)
    _tick_everything(window.decision_tab)
    _decide(window, "narrow")
    tab = _draft(window, qtbot, "narrowing")
    assert tab.export_action.isEnabled()  # a draft may leave, marked DRAFT
    assert tab.finalise() is not None
    assert not tab.export_action.isEnabled() and not tab.package_button.isEnabled()
    assert "Tools ▸ Letterhead" in tab.letter_held.text()
    assert "Tools ▸ Letterhead" in tab.package_held.text()

    use_our_letterhead(window._letters_service())
    tab._reload(select=tab.current_letter().id, show=False)
    tab._update_state()
    assert tab.export_action.isEnabled() and tab.package_button.isEnabled()
