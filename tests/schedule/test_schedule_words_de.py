"""Today's sections and lines, a deadline's status and an emergency request's hours in the
window's language (issue 20, point 7), while the command line's ``today`` stays English."""

from __future__ import annotations

import argparse
import contextlib
import json
from datetime import UTC, date, datetime, timedelta

import pytest

from app.display_language import ENGLISH
from app.schedule.deadlines import Deadline, deadline_status, emergency_label, emergency_short
from app.schedule.model import Today
from app.schedule.service import Schedule
from tests.schedule.test_emergency import EMERGENCY_PDF, TAKEN_IN, at


def _deadline(due: date) -> Deadline:
    return Deadline(due, due, None, 0, False, "v1")


def test_todays_section_titles_are_german_in_a_german_window_and_english_when_asked(german):
    titles = [title for title, _items in Today("2026-03-04").sections()]
    assert titles[:4] == [
        "Notfallersuchen",
        "Überfällige Antworten",
        "Antworten fällig in den nächsten 7 Tagen",
        "Fällige Benachrichtigungen",
    ]
    assert "Geheimhaltungsanordnungen, die in den nächsten 30 Tagen ablaufen" in titles
    english = [title for title, _items in Today("2026-03-04").sections(ENGLISH)]
    assert english[2] == "Responses due in the next 7 days"


def test_a_deadline_says_its_days_in_singular_and_plural(german):
    day = date(2026, 3, 4)
    assert deadline_status(_deadline(day - timedelta(days=1)), day).label == "Seit 1 Tag überfällig"
    assert deadline_status(_deadline(day - timedelta(days=2)), day).label == "Seit 2 Tagen überfällig"
    assert deadline_status(_deadline(day), day).label == "Heute fällig"
    assert deadline_status(_deadline(day + timedelta(days=1)), day).label == "Fällig in 1 Tag"
    assert deadline_status(_deadline(day + timedelta(days=30)), day).label == "Fällig am 2026-04-03"
    english = deadline_status(_deadline(day - timedelta(days=1)), day, language=ENGLISH)
    assert english.label == "Overdue by 1 day"


def test_an_emergency_requests_hours_read_in_german(german):
    due = datetime(2026, 3, 4, 14, 32, tzinfo=UTC)
    assert emergency_label(due, due - timedelta(hours=5), UTC) == "Fällig heute um 14:32 (in 5 Std.)"
    assert emergency_label(due, datetime(2026, 3, 1, 12, tzinfo=UTC), UTC) == (
        "Fällig am 4. März um 14:32 (in 3 Tagen)"
    )
    assert emergency_label(due, due + timedelta(hours=3), UTC) == "3 Std. überfällig (fällig um 14:32)"
    assert emergency_label(due, due + timedelta(days=3), UTC) == (
        "3 Tage überfällig (fällig am 4. März um 14:32)"
    )
    assert emergency_short(due, due + timedelta(hours=2)) == "2 Std. überfällig"
    # The month is the words file's, never the C library's locale's.
    assert emergency_label(due, due + timedelta(days=3), UTC, ENGLISH) == (
        "Overdue by 3 days (since 4 Mar 14:32)"
    )


def test_todays_lines_are_german_in_a_german_window(desk, german):
    desk.clock = at(TAKEN_IN)
    emergency = desk.intake(EMERGENCY_PDF.read_bytes(), "emergency.pdf")
    desk.clock = at(TAKEN_IN + timedelta(hours=19))
    today = Schedule(desk).today()
    [item] = today.emergencies
    assert item.case_id == emergency
    assert item.label.startswith("Fällig ") and item.label.endswith("(in 5 Std.)")
    assert Schedule(desk).today(language=ENGLISH).emergencies[0].label.endswith("(in 5 h)")


@pytest.mark.parametrize("as_json", [True, False])
def test_the_command_lines_today_stays_english_whatever_the_display_language(
    desk, german, monkeypatch, capsys, as_json
):
    from app.cli import schedule as cli

    desk.clock = at(TAKEN_IN)
    desk.intake(EMERGENCY_PDF.read_bytes(), "emergency.pdf")
    desk.clock = at(TAKEN_IN + timedelta(hours=19))
    monkeypatch.setattr(cli, "open_desk", lambda args: contextlib.nullcontext(desk))
    monkeypatch.setattr(cli, "open_schedule", Schedule)
    cli.cmd_today(argparse.Namespace(date=None, json=as_json))
    out = capsys.readouterr().out
    if as_json:
        assert json.loads(out)["emergencies"][0]["label"].endswith("(in 5 h)")
    else:
        assert out.startswith("Emergency requests: 1\n") and "Responses overdue: nothing" in out
    assert "Fällig" not in out and "Notfall" not in out


def test_where_notice_stands_reads_in_german_in_the_window_and_in_english_as_stored():
    from app.review.said import said_in
    from app.schedule.notices import NoticeException, SecrecyOrder, notice_status

    today = date(2026, 3, 4)
    exc = NoticeException("compromised_account", "attacker controls the recovery email", "J. Counsel")
    withheld = notice_status(None, [exc], None, today).reason
    assert withheld == (
        "Notice withheld: account compromised; notice would reach the attacker: "
        "attacker controls the recovery email (decided by J. Counsel)"
    )
    assert said_in(withheld, "de") == (
        "Benachrichtigung zurückgehalten: kompromittiertes Konto: "
        "attacker controls the recovery email (entschieden von J. Counsel)"
    )
    prior = notice_status(None, [], None, today).reason
    assert prior == "Prior notice owed to the user: no secrecy order"
    assert (
        said_in(prior, "de")
        == "Vorherige Benachrichtigung geschuldet (Nutzer): keine Geheimhaltungsanordnung"
    )
    order = SecrecyOrder(issued=date(2026, 1, 10), expires=date(2026, 7, 10), covers="both")
    in_force = notice_status(order, [], None, today).reason
    assert in_force == "Secrecy order in force; delayed notice due on 2026-07-10"
    assert said_in(in_force, "de") == (
        "Geheimhaltungsanordnung in Kraft; nachträgliche Benachrichtigung fällig am 2026-07-10"
    )


def test_a_withheld_notice_names_its_exception_in_german_in_the_window(desk):
    from app.disclosure.service import Disclosures
    from app.review.said import said_in

    case_id = Disclosures(desk).record(
        "emergency", "Polizei Berlin", country="DE", justification="threat to life", made_before_approval=True
    )
    [withheld] = Schedule(desk).case_schedule(case_id).notices
    assert withheld.how == "notice could put someone in danger"  # the English, as the CLI prints it
    assert said_in(withheld.how, "de") == "Gefahr für Leib oder Leben"
