"""What a reviewer prints (app/printing.py): the case summary's content, a letter's pages under
the export's rules, and the audit event every print leaves."""

from __future__ import annotations

import io
import json
from datetime import date

import pypdf
import pytest

from app import services
from app.fact_editors import choice_words
from app.letters.service import Letters
from app.printing import Prints
from app.review.service import Review
from app.schedule.service import Schedule
from app.services import DeskError
from tests.app.test_review_service import SUBPOENA, demand_pdf
from tests.conftest import use_our_letterhead

IDENTIFIER = "alice.example@example.com"


@pytest.fixture
def case_id(desk: services.Desk) -> str:
    return desk.intake(demand_pdf(*SUBPOENA), "subpoena.pdf")


def events(desk: services.Desk, action: str) -> list[dict]:
    return [json.loads(e["payload"]) for e in desk.store.audit_events() if e["action"] == action]


def test_the_case_summary_holds_facts_targets_checklist_decision_and_dates_in_words(desk, case_id):
    review = Review(desk)
    review.decide(case_id, "reject", ["validity.signed"])
    sheet = Prints(desk).case_sheet(case_id)
    text = sheet.text()
    titles = [s.title for s in sheet.sections]
    assert titles == ["Facts", "Accounts named", "Data asked for", "Checklist as answered", "Decision",
                      "Dates"]  # fmt: skip
    assert desk.facts(case_id)["reference"] in text
    assert IDENTIFIER in text
    instrument = desk.facts(case_id)["instrument"]
    assert f"Instrument: {choice_words('instrument')[instrument]}" in text
    # The checklist by its questions, not its ids; every item of the assessment is there.
    questions = {i.id: i.question for i in review.pack.items}
    answers = review.assess(case_id).answers
    checklist = next(s for s in sheet.sections if s.title == "Checklist as answered")
    assert [q for q, _ in checklist.rows] == [questions[a.id] for a in answers]
    assert "validity.signed" not in text
    decision = dict(next(s for s in sheet.sections if s.title == "Decision").rows)
    assert decision["Outcome"] == "Reject"
    assert decision["Reason"] == questions["validity.signed"]
    dates = dict(next(s for s in sheet.sections if s.title == "Dates").rows)
    assert dates["Received (served)"] == desk.fact_map(case_id)["received"].value
    assert dates["Response due"] == "no deadline known"


def test_an_undecided_case_says_so(desk, case_id):
    sheet = Prints(desk).case_sheet(case_id)
    decision = next(s for s in sheet.sections if s.title == "Decision")
    assert decision.rows == () and "Not decided yet." in sheet.text()


def test_a_print_is_audited_with_its_pages_destination_and_hash(desk, case_id):
    prints = Prints(desk)
    printout = prints.case_summary(case_id)
    assert events(desk, "case.summary_printed") == []
    prints.printed(printout, pages=2, destination="summary.pdf")
    [event] = events(desk, "case.summary_printed")
    assert event["pages"] == 2 and event["to"] == "summary.pdf" and event["sha256"] == printout.sha256
    assert desk.verify_audit().ok


def test_a_letter_prints_its_export_pdf_and_is_refused_when_export_would_be(desk, case_id):
    letters = Letters(desk)
    use_our_letterhead(letters)
    review = Review(desk)
    review.decide(case_id, "narrow")
    letter = letters.draft(case_id, "narrowing")
    printout = Prints(desk, letters=letters).letter(letter.id)
    assert printout.pdf is not None
    pages = pypdf.PdfReader(io.BytesIO(printout.pdf)).pages
    assert IDENTIFIER in "".join(p.extract_text() or "" for p in pages)
    assert printout.details["final"] is False and "draft" in printout.title

    # A user notice under a secrecy order may not leave the store: nor be printed.
    Schedule(desk).record_order(
        case_id, issued=date(2026, 1, 5), expires=date(2099, 1, 5), statute="18 U.S.C. § 2705(b)",
        reason="page 2", covers="both",
    )  # fmt: skip
    notice = letters.draft(case_id, "user_notice")
    with pytest.raises(DeskError, match="2705"):
        Prints(desk, letters=letters).letter(notice.id)
    assert events(desk, "letter.printed") == []
