"""Facts JSON is read into typed ``Facts`` only at the edges, and written back unchanged:
what the store gives, what a decision's basis keeps and what the scenarios feed the checklist."""

from __future__ import annotations

import json
from typing import Any

import pytest

from app import services
from app.domain.enums import Category, IdentifierKind, Instrument
from app.domain.facts import Facts, FactsError
from app.review.service import Review
from tests.app.test_review_service import SUBPOENA, demand_pdf
from tests.review.test_scenarios import SCENARIOS, demand, ident


def _old_review_facts(desk: services.Desk, review: Review, case_id: str) -> dict[str, Any]:
    """The review's Facts JSON as the service built it before it was typed (the stored basis)."""
    facts = desk.facts(case_id)
    values = desk.fact_values(case_id)
    facts["_provenance"] = {
        f.key: {
            "page": f.page,
            "box": list(f.box) if f.box else None,
            "text": str(f.value),
            "confidence": f.confidence if f.source == "auto" else None,
        }
        for f in values
        if f.value is not None and f.page is not None
    }
    facts["_corrected"] = [f.key for f in values if f.source == "reviewer"]
    pages = desk.pages(case_id)
    words = [w for p in pages for w in p.words if any(c.isalnum() for c in w.text)]
    cut = review.pack.poor_word_confidence
    facts["_reading"] = {
        "pages": len(pages),
        "ocr_words": len(words),
        "low_confidence_words": sum(1 for w in words if w.confidence < cut),
    }
    return facts


def test_a_stored_cases_facts_json_round_trips_byte_identically(desk: services.Desk) -> None:
    case_id = desk.intake(demand_pdf(*SUBPOENA), "subpoena.pdf")
    desk.correct_fact(case_id, "addressee", "Contoso Corporation", "as served")
    review = Review(desk)
    stored = desk.facts(case_id)
    facts = Facts.from_json(stored)
    assert facts.instrument is Instrument.SUBPOENA and facts.identifiers[0].kind is IdentifierKind.EMAIL
    assert json.dumps(facts.to_json()) == json.dumps(stored)
    # What a decision keeps as its basis is what it kept before the facts were typed.
    old = _old_review_facts(desk, review, case_id)
    assert old["_corrected"] == ["addressee"]
    assert json.dumps(review.review_facts(case_id)) == json.dumps(old)
    assert json.dumps(Facts.from_json(old).to_json()) == json.dumps(old)


def test_the_basis_a_decision_stores_reads_back_to_the_same_facts(desk: services.Desk) -> None:
    case_id = desk.intake(demand_pdf(*SUBPOENA), "subpoena.pdf")
    review = Review(desk)
    review.decide(case_id, "reject", ["validity.signed"])
    [row] = desk.store.get_decisions(case_id)
    kept = json.loads(row["basis"])["facts"]
    assert json.dumps(Facts.from_json(kept).to_json()) == json.dumps(kept)
    assert Facts.from_json(kept) == review.facts(case_id)


def _keeps(given: Any, written: Any) -> bool:
    """Whether ``written`` holds every key ``given`` has, with the same value (more keys may be
    unknown beside them)."""
    if isinstance(given, dict):
        return isinstance(written, dict) and all(
            k in written and _keeps(v, written[k]) for k in given for v in [given[k]]
        )
    if isinstance(given, list):
        return isinstance(written, list) and len(given) == len(written) and all(map(_keeps, given, written))
    return given == written and isinstance(given, bool) == isinstance(written, bool)


@pytest.mark.parametrize("s", SCENARIOS, ids=[s.name for s in SCENARIOS])
def test_every_scenarios_facts_keep_what_they_say(s: Any) -> None:
    # The scenarios give only the keys they are about; what they give comes back as given,
    # the rest as unknown, and what comes back reads back to itself byte for byte.
    written = Facts.from_json(s.facts).to_json()
    assert _keeps(s.facts, written)
    assert json.dumps(Facts.from_json(written).to_json()) == json.dumps(written)


def test_what_the_scan_cannot_show_stays_unknown() -> None:
    facts = Facts.from_json(
        demand(
            identifiers=[ident(None, redacted=True)],
            signed=None,
            instrument=None,
            secrecy_order=None,
            data_requested=[{"category": None, "content": False, "text": "records", "page": 1, "box": None}],
        )
    )
    assert facts.identifiers[0].value is None and facts.identifiers[0].redacted
    assert facts.signed is None and facts.instrument is None
    assert facts.secrecy_order.present is None and facts.data_requested[0].category is None
    assert facts.to_json()["country"] == "US" and facts.received is None


def test_a_box_keeps_its_numbers_as_written() -> None:
    given = demand(identifiers=[{"kind": "email", "value": "a@example.com", "redacted": False, "page": 1,
                                 "box": [72, 300.5, 260, 312]}])  # fmt: skip
    assert json.dumps(Facts.from_json(given).to_json()["identifiers"]) == json.dumps(given["identifiers"])


def test_a_key_this_version_does_not_know_is_kept_where_it_was() -> None:
    given = {**demand(), "from_a_newer_workstation": {"x": 1}}
    assert list(Facts.from_json(given).to_json()).count("from_a_newer_workstation") == 1
    assert Facts.from_json(given).to_json()["from_a_newer_workstation"] == {"x": 1}


@pytest.mark.parametrize(
    ("change", "named"),
    [
        ({"instrument": "writ_of_fancy"}, "instrument 'writ_of_fancy' is not a known code"),
        ({"signed": "yes"}, "signed is true, false or null"),
        ({"pages": "3"}, "pages is a whole number"),
        ({"identifiers": [{"kind": "fax", "value": "1"}]}, "identifier kind 'fax'"),
        ({"data_requested": [{"category": "content", "box": [1, 2, 3]}]}, "box is"),
        ({"date_range": ["2025-01-01"]}, "date_range is an object"),
        ({"_corrected": "signed"}, "_corrected is a list"),
    ],
)
def test_facts_json_of_the_wrong_shape_is_refused_naming_the_key(change: dict[str, Any], named: str) -> None:
    with pytest.raises(FactsError, match=named.replace("(", r"\(")):
        Facts.from_json({**demand(), **change})


def test_categories_and_kinds_are_the_stored_strings() -> None:
    facts = Facts.from_json(demand())
    assert facts.data_requested[1].category is Category.CONTENT and facts.data_requested[1].is_content
    assert json.dumps(facts.to_json()["data_requested"]) == json.dumps(demand()["data_requested"])


def test_every_scalar_fact_reads_by_its_key_and_an_unknown_key_reads_none() -> None:
    facts = Facts.from_json(
        {
            "signed": True,
            "country": "FR",
            "date_range": {"from": "2025-01-01", "to": None},
            "offence": "fraud",
        }
    )
    assert facts.scalar("signed") is True
    assert facts.scalar("country") == "FR"
    assert facts.scalar("date_range_from") == "2025-01-01"
    assert facts.scalar("date_range_to") is None
    assert facts.scalar("offence") == "fraud"
    assert facts.scalar("identifiers") is None  # a list, not a scalar
    assert facts.scalar("no_such_key") is None
