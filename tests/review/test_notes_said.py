"""The checklist's notes in the display language (issue 20, point 7): every automatic note is
a sentence of resources/review/notes.toml, the English one as before and a German one for a
German window, with the same values in it."""

from __future__ import annotations

import string
from collections.abc import Iterator, Mapping
from typing import Any

import pytest

from app.display_language import words
from app.review.said import JOINED, NOTES_FILE, Said, Word, overlay_keys, said_in, template
from tests.review.test_scenarios import SCENARIOS, Scenario, run


def _keys(table: Mapping[str, Any], prefix: str = "") -> Iterator[str]:
    for name, value in table.items():
        if isinstance(value, Mapping):
            yield from _keys(value, f"{prefix}{name}.")
        else:
            yield prefix + name


def _fields(text: str) -> list[tuple[str, str | None, str | None]]:
    return sorted((f, c, s) for _, f, s, c in string.Formatter().parse(text) if f is not None)


def test_every_english_note_has_german_with_the_same_placeholders() -> None:
    english = list(_keys(words(NOTES_FILE)))
    german = set(overlay_keys("de"))
    assert len(english) > 100
    missing = [k for k in english if k not in german]
    assert not missing, f"notes.de.toml lacks {missing}"
    differ = {k for k in english if _fields(template(k)) != _fields(template(k, "de"))}
    assert not differ, {k: (template(k), template(k, "de")) for k in differ}
    assert not german - set(english), "notes.de.toml has keys notes.toml does not"


def _parts(note: object) -> Iterator[Said]:
    if isinstance(note, Said):
        yield note
        for value in note.values.values():
            for part in value if isinstance(value, tuple) else (value,):
                yield from _parts(part)


def _literal(text: str) -> list[str]:
    """The words of a template outside its placeholders, in runs long enough to mean something."""
    return [t.strip(" ;:,.()") for t, *_ in string.Formatter().parse(text) if len(t.strip(" ;:,.()")) > 8]


def assert_said_in_german(where: str, note: str) -> None:
    assert isinstance(note, Said), f"{where}: {note!r} is no sentence of notes.toml"
    german = note.text("de")
    assert str(note) == note.text("en")
    for part in _parts(note):
        if part.key == JOINED:
            continue
        for english in _literal(template(part.key)):
            if english not in template(part.key, "de"):
                assert english not in german, f"{where}: {english!r} left in {german!r}"


@pytest.mark.parametrize("s", SCENARIOS, ids=[s.name for s in SCENARIOS])
def test_every_automatic_note_and_explanation_of_a_scenario_says_itself_in_german(s: Scenario) -> None:
    # A scenario's stand-in directory (fake_requesters) is left out: the real check speaks here.
    answers, recommendation = run(s)
    for answer in answers:
        if answer.source == "auto":
            assert_said_in_german(answer.id, answer.note)
    assert recommendation.explanation
    for sentence in recommendation.explanation:
        assert_said_in_german("the recommendation", sentence)


def test_a_note_reads_as_the_english_sentence_and_in_german_with_the_same_values() -> None:
    note = Said("authority.reviewer_checks", authority="Polizei Berlin")
    assert note == "the reviewer checks that Polizei Berlin may issue this instrument"
    assert note.text("de") == "der Prüfer prüft, ob Polizei Berlin dieses Rechtsinstrument ausstellen darf"
    counted = [Said("targets.specific_one", count=1), Said("targets.specific_many", count=3)]
    assert [n.text("de") for n in counted] == ["1 bestimmte Kennung", "3 bestimmte Kennungen"]
    kind = Word({"en": "email", "de": "E-Mail-Adresse"})
    nested = Said("checklist.applies_unknown", note=Said("targets.malformed", value="x@", kind=kind))
    assert nested == "whether this applies is not known yet; 'x@' is not a well-formed email"
    assert nested.text("de") == (
        "ob dies gilt, ist noch nicht bekannt; 'x@' ist keine wohlgeformte Kennung der Art E-Mail-Adresse"
    )


def test_a_reviewers_own_reason_is_shown_as_written() -> None:
    assert said_in("Checked by phone with the court.", "de") == "Checked by phone with the court."


def _note(answers: list, item_id: str) -> str:
    return next(a.note for a in answers if a.id == item_id)


def test_the_packs_own_prose_and_country_codes_read_in_german_and_stay_english_as_stored() -> None:
    """What a note quotes of the pack (a country's rights notes and refusal reason, the prose
    of a statute) and the countries a data-location note names are German in a German window;
    the note's stored value is the English of before."""
    from tests.review.test_scenarios import S, context, demand, subpoena

    answers, _ = run(S("us", demand(), "disclose_content", ctx=context(data_stored_in="IE")))
    baseline = _note(answers, "human_rights.country_baseline")
    assert baseline.startswith("United States: standard. Independent courts review warrants")
    assert baseline.text("de").startswith("Vereinigte Staaten: Standard. Unabhängige Gerichte prüfen")
    location = _note(answers, "enterprise.data_location_recorded")
    assert location == "stored in IE, outside the requesting country US: recorded as a CLOUD Act case"
    assert location.text("de") == (
        "Speicherort: Irland, außerhalb des ersuchenden Staates (Vereinigte Staaten): "
        "als CLOUD-Act-Fall erfasst"
    )

    answers, _ = run(S("us subpoena", subpoena(), "disclose_noncontent"))
    local = _note(answers, "validity.issued_under_local_law")
    assert "Administrative subpoena (18 U.S.C. § 2703(c)(2); e.g. 21 U.S.C. § 876 (DEA)" in local
    assert "Administrative subpoena (18 U.S.C. § 2703(c)(2); z. B. 21 U.S.C. § 876 (DEA)" in local.text("de")

    answers, _ = run(S("elsewhere", demand(country="ZZ"), "reject"))
    refused = _note(answers, "validity.issued_under_local_law")
    assert refused.endswith("legal process must come through mutual legal assistance.")
    assert refused.text("de").endswith("Ersuchen müssen im Wege der Rechtshilfe gestellt werden.")
    assert "Keine Länderbewertung hinterlegt" in _note(answers, "human_rights.country_baseline").text("de")


@pytest.mark.parametrize(
    "date_range",
    [{"from": "2025-12-05", "to": None}, {"from": None, "to": "2026-02-28"}],
    ids=["no end", "no start"],
)
def test_an_open_ended_date_range_reads_without_none_in_either_language(date_range: dict) -> None:
    """A demand whose range has no end (or no start) names only the end it has, never "None"."""
    from tests.review.test_scenarios import S, demand

    answers, recommendation = run(S("open", demand(date_range=date_range), "disclose_content"))
    notes = [a.note for a in answers if a.source == "auto"] + list(recommendation.explanation)
    for note in notes:
        for language in ("en", "de"):
            assert "None" not in said_in(note, language), (language, note)
    issued = _note(answers, "validity.dates")
    if date_range["to"] is None:
        assert issued == "issued 2026-03-02; range from 2025-12-05"
        assert issued.text("de") == "ausgestellt am 2026-03-02; Zeitraum ab 2025-12-05"
    else:
        assert issued == "issued 2026-03-02; range up to 2026-02-28"
        assert issued.text("de") == "ausgestellt am 2026-03-02; Zeitraum bis 2026-02-28"
