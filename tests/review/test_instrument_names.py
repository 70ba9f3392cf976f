"""The checklist's notes name a demand's instrument as the law where it was issued names it
("réquisition judiciaire"), and by the pack's label for its kind where the pack cannot tell."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from app.domain.facts import Facts
from app.review import checklist, decide
from app.review.policy import load_pack
from tests.review.test_scenarios import context, demand, subpoena

FRENCH_POLICE = "Direction interdépartementale de la police nationale du Rhône"


def notes(facts: dict[str, Any]) -> dict[str, str]:
    answers = checklist.evaluate(Facts.from_json(facts), context(), load_pack())
    return {a.id: a.note for a in answers}


def requisition(**changes: Any) -> dict[str, Any]:
    asked = [{"category": "subscriber_info", "content": False, "text": "l'identité de l'abonné", "page": 1}]
    return demand(
        **{
            "instrument": "subpoena",
            "country": "FR",
            "issuing_authority": FRENCH_POLICE,
            "data_requested": asked,
        }
        | changes
    )


def test_a_french_requisitions_checklist_calls_it_a_requisition_never_a_subpoena():
    found = notes(requisition())
    assert found["validity.readable"] == "read as a réquisition judiciaire that asks for data"
    assert found["validity.official_document"] == f"Réquisition judiciaire issued by {FRENCH_POLICE}"
    assert found["validity.instrument_sufficient"].startswith(
        "a réquisition judiciaire (Code de procédure pénale, art. 60-1"
    )
    assert not any("subpoena" in note.casefold() for note in found.values()), found


def test_a_french_requisition_for_content_is_refused_in_its_own_words():
    found = notes(requisition(data_requested=[{"category": "content", "content": True, "page": 1}]))
    assert found["validity.instrument_sufficient"].startswith("a réquisition judiciaire (Code de procédure")
    assert "cannot compel content" in found["validity.instrument_sufficient"]


def test_an_american_subpoena_keeps_the_kinds_name_where_the_law_has_two():
    # A grand-jury and an administrative subpoena: the pack cannot tell which, so it does not guess.
    found = notes(subpoena(data_requested=[{"category": "subscriber_info", "content": False, "page": 1}]))
    assert found["validity.readable"] == "read as a subpoena (or equivalent) that asks for data"
    assert found["validity.official_document"].startswith("Subpoena (or equivalent) issued by ")
    assert found["validity.instrument_sufficient"] == (
        "a subpoena (or equivalent) (Grand-jury subpoena (Fed. R. Crim. P. 17; 18 U.S.C. § 2703(c)(2)); "
        "Administrative subpoena (18 U.S.C. § 2703(c)(2); e.g. 21 U.S.C. § 876 (DEA), 18 U.S.C. § 3486)) "
        "can compel what is asked"
    )


def test_the_recommendation_does_not_read_the_notes():
    # Only the notes changed: the outcome, its reasons, scope and pending items must not.
    pack = load_pack()
    facts = Facts.from_json(requisition())
    answers = checklist.evaluate(facts, context(), pack)
    renamed = [replace(a, note="a subpoena (or equivalent)") for a in answers]
    before, after = (decide.recommend(facts, a, context(), pack) for a in (answers, renamed))
    assert (before.outcome, before.reasons, before.scope, before.pending) == (
        after.outcome,
        after.reasons,
        after.scope,
        after.pending,
    )
