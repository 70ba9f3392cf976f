"""Reading cases back: finding them, searching their text, correcting their facts."""

from __future__ import annotations

import json

import pytest

from app import services
from app.model import CaseStatus


@pytest.fixture
def case_id(desk, canary_pdf):
    return desk.intake(canary_pdf, "subpoena.pdf")


def put_auto_fact(desk, case_id, key, value, page=1, box=(72.0, 90.0, 140.0, 104.0)):
    """A fact as the extractor reads it (extraction itself is not built yet)."""
    desk.store.upsert_fact(
        {
            "case_id": case_id,
            "key": key,
            "value": json.dumps(value),
            "page": page,
            "box": json.dumps(list(box)),
            "confidence": 88.0,
            "source": "auto",
            "updated_at": "2026-03-01T09:00:00+00:00",
        }
    )


# -- search --------------------------------------------------------------------------


def test_search_finds_a_case_by_a_word_of_its_text(desk, case_id, canary, scanned_pdf):
    other = desk.intake(scanned_pdf, "fax.pdf")
    # The scan carries the canary too, in pixels: found there as well when OCR reads it exactly.
    for typed in (canary.text, canary.text.lower()):
        found = desk.search(typed)
        assert case_id in found and set(found) <= {case_id, other}
    assert desk.search("subscriber information") == [case_id]
    assert desk.search("subscr") == [case_id]  # the last word is a prefix, as one types
    assert desk.search("fax") == [other]  # the file's name is searchable too
    assert desk.search("warrant") == [other]  # the scan's OCR text is searchable
    assert desk.search("preservation") == []


def test_search_for_words_in_no_case_finds_nothing(desk, case_id):
    assert desk.search("preservation") == []
    assert desk.search("subpoena preservation") == []  # every word must be there


@pytest.mark.parametrize("typed", ["", "   ", '"', "*", "-- ;", 'NEAR(" AND OR'])
def test_search_with_only_punctuation_or_operators_finds_nothing_without_failing(desk, case_id, typed):
    assert desk.search(typed) == []


def test_case_is_found_by_reference_or_id_prefix(desk, case_id):
    [summary] = desk.cases()
    assert desk.resolve_case(summary.reference.lower()) == case_id
    assert desk.resolve_case(case_id[:6]) == case_id
    with pytest.raises(services.DeskError, match="No case matches"):
        desk.resolve_case("NOPE-2026-0001")


# -- correcting facts ------------------------------------------------------------------


def test_correction_keeps_the_original_reading_and_is_audited(desk, case_id):
    put_auto_fact(desk, case_id, "country", "US")

    corrected = desk.correct_fact(case_id, "country", "ie", reason="issued by the Dublin court")

    assert (corrected.value, corrected.source, corrected.original) == ("IE", "reviewer", "US")
    assert corrected.updated_by == "Ada"
    assert corrected.page == 1 and corrected.box == (72.0, 90.0, 140.0, 104.0)  # still shown
    event = desk.audit_trail()[-1]
    assert (event.action, event.case_id, event.reviewer) == ("fact.corrected", case_id, "Ada")
    assert event.payload == {
        "key": "country",
        "from": "US",
        "to": "IE",
        "reason": "issued by the Dublin court",
    }
    assert desk.facts(case_id)["country"] == "IE"
    [summary] = desk.cases()
    assert summary.country == "IE"  # the queue shows the corrected value
    assert summary.status is CaseStatus.IN_REVIEW


def test_second_correction_still_keeps_the_first_reading(desk, case_id):
    put_auto_fact(desk, case_id, "response_due", "2026-04-01")
    desk.correct_fact(case_id, "response_due", "2026-04-15")
    again = desk.correct_fact(case_id, "response_due", "2026-05-01")
    assert (again.value, again.original) == ("2026-05-01", "2026-04-01")
    assert desk.cases()[0].response_due == "2026-05-01"


def test_correction_to_the_same_value_records_nothing(desk, case_id):
    desk.correct_fact(case_id, "signed", "yes")
    events = len(desk.audit_trail())
    assert desk.correct_fact(case_id, "signed", True).value is True
    assert len(desk.audit_trail()) == events


@pytest.mark.parametrize(
    "key, value, message",
    [
        ("date_issued", "2026-13-01", "YYYY-MM-DD"),
        ("instrument", "letter", "Unknown instrument"),
        ("country", "USA", "Unknown country 'USA': give its name"),
        ("country", "ZX", "Unknown country"),
        ("signed", "maybe", "yes or no"),
        ("title", "x", "not a fact that can be edited"),
    ],
)
def test_invalid_correction_is_refused_and_changes_nothing(desk, case_id, key, value, message):
    put_auto_fact(desk, case_id, "country", "US")
    before = (desk.fact_values(case_id), desk.audit_trail(), desk.cases())
    with pytest.raises(services.DeskError, match=message):
        desk.correct_fact(case_id, key, value)
    assert (desk.fact_values(case_id), desk.audit_trail(), desk.cases()) == before


@pytest.mark.parametrize(
    "key, given, stored",
    [
        ("instrument", "National Security Letter", "nsl"),
        ("instrument", "  search   WARRANT ", "search_warrant"),
        ("instrument", "court_order", "court_order"),
        ("country", "Germany", "DE"),
        ("country", "gb", "GB"),
        ("country", "Hong Kong", "HK"),
    ],
)
def test_instrument_and_country_are_corrected_by_their_names_or_codes(desk, case_id, key, given, stored):
    assert desk.correct_fact(case_id, key, given).value == stored


def test_an_unknown_instrument_is_answered_with_the_list_in_words(desk, case_id):
    with pytest.raises(services.DeskError) as refused:
        desk.correct_fact(case_id, "instrument", "letter")
    assert "National Security Letter (nsl)" in str(refused.value)


def test_correcting_a_case_that_does_not_exist_is_refused(desk):
    with pytest.raises(services.DeskError, match="No case"):
        desk.correct_fact("0000000000000000", "country", "US")


def test_correction_survives_reopening(desk, case_id, data_dir, passphrase):
    desk.correct_fact(case_id, "instrument", "search_warrant")
    desk.close()
    reopened = services.unlock(data_dir, passphrase=passphrase)
    try:
        assert reopened.facts(case_id)["instrument"] == "search_warrant"
    finally:
        reopened.close()
