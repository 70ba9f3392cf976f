"""Letters fit to send: the demand named as its law names it, with the requester's own
reference; reasons in the pack's words, never a checker's; a doubtful recipient flagged."""

from __future__ import annotations

from dataclasses import replace

import pytest

from app import services
from app.domain.facts import Facts
from app.letters.service import Letters
from app.letters.templates import load_labels
from app.review.policy import load_pack
from tests.app.test_review_service import SUBPOENA, demand_pdf


@pytest.fixture
def case_id(desk: services.Desk) -> str:
    return desk.intake(demand_pdf(*SUBPOENA), "subpoena.pdf")


@pytest.fixture
def built(desk: services.Desk) -> services.Services:
    return services.Services(desk)


def test_the_law_names_the_instrument_where_one_name_fits():
    pack = load_pack()
    assert pack.local_instrument("subpoena", "FR").local_name == "Réquisition judiciaire"
    # Of the US FISA instruments, only the 702 directive comes from the Attorney General.
    directive = pack.local_instrument("fisa_order", "US", "Office of the Attorney General")
    assert directive is not None and "702" in directive.local_name
    # Two US subpoenas and nothing to tell them apart: no name is guessed.
    assert pack.local_instrument("subpoena", "US", "United States District Court") is None
    assert pack.local_instrument("subpoena", None) is None


def test_a_letter_names_the_demand_in_words_never_by_a_pick_list_label(built, desk, case_id):
    desk.correct_fact(case_id, "file_number", "GJ-2026-114", "on the served original")
    built.review.decide(case_id, "reject", ["validity.signed"])
    letter = built.letters.draft(case_id, "rejection")
    assert letter.title == "Re: Subpoena dated 2 March 2026 (your reference GJ-2026-114)"
    assert "(or equivalent)" not in letter.title + letter.body


def test_a_letter_about_a_french_demand_names_it_as_french_law_does(built, desk, case_id):
    desk.correct_fact(case_id, "country", "FR", "a réquisition, on the served original")
    built.review.decide(case_id, "reject", ["validity.signed"])
    letter = built.letters.draft(case_id, "rejection")
    assert letter.title.startswith("Re: Réquisition judiciaire dated ")
    assert "subpoena" not in letter.title.casefold()


def test_a_checkers_note_never_reaches_the_letter_a_reviewers_does(built, desk, case_id):
    signed = next(a for a in built.review.assess(case_id).answers if a.id == "validity.signed")
    assert signed.note and signed.source != "reviewer"  # the checker's words
    built.review.decide(case_id, "reject", [signed.id])
    statement, rule = load_labels("en").reasons[signed.id]
    (line,) = [x for x in built.letters.draft(case_id, "rejection").body.splitlines() if x.startswith("1. ")]
    assert line == f"1. **{statement}** {rule}"  # the pack's sentences, and nothing after them
    built.review.answer(case_id, signed.id, "fail", "The served copy bears no signature at all.")
    built.review.decide(case_id, "reject", [signed.id])
    assert "The served copy bears no signature at all." in built.letters.draft(case_id, "rejection").body


def test_a_recipient_read_with_low_confidence_is_flagged_until_corrected(built, desk, case_id, monkeypatch):
    built.review.decide(case_id, "reject", ["validity.signed"])
    letter = built.letters.draft(case_id, "rejection")
    authority = desk.facts(case_id)["issuing_authority"]
    assert authority and authority in "\n".join(letter.addressee_lines)
    assert built.letters.recipient_doubts(letter.id) == []  # read from the text layer, sure

    real = built.review.facts

    def unsure(case: str) -> Facts:
        facts = real(case)
        if "issuing_authority" in (facts.corrected or ()):
            return facts
        where = dict(facts.provenance or {})
        where["issuing_authority"] = replace(where["issuing_authority"], confidence=41)
        return replace(facts, provenance=where)

    monkeypatch.setattr(built.review, "facts", unsure)
    (doubt,) = built.letters.recipient_doubts(letter.id)
    assert authority in doubt and "low OCR confidence (41)" in doubt
    corrected = authority + ", Seattle"
    desk.correct_fact(case_id, "issuing_authority", corrected, "checked against the served original")
    again = built.letters.draft(case_id, "rejection")
    assert corrected in "\n".join(again.addressee_lines)  # the block is built from the corrected facts
    assert built.letters.recipient_doubts(again.id) == []


def test_a_letter_without_a_shared_review_still_drafts(desk, case_id):
    assert Letters(desk).allowed_kinds(case_id) == []
