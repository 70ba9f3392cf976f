"""The core's words in the window's language (issue 20, point 7): every English word for a code
has its German, with the same placeholders; the display language changes what the window
shows and nothing that leaves the workstation."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from pathlib import Path

import pytest

from app import labels
from app.display_language import ENGLISH, overlay_path
from app.model import AuditEvent
from app.review.policy import POLICY_DIR, load_pack

ROOT = Path(__file__).resolve().parents[2]
# English files of words and their German overlays, keyed the same (resources/).
OVERLAID = (
    ROOT / "resources" / "labels.toml",
    ROOT / "resources" / "print" / "case_summary.toml",
    ROOT / "resources" / "schedule" / "words.toml",
)


def _read(path: Path) -> dict:
    with path.open("rb") as f:
        return tomllib.load(f)


def _entries(table: Mapping, prefix: str = "") -> dict[str, str]:
    found: dict[str, str] = {}
    for key, value in table.items():
        if isinstance(value, Mapping):
            found |= _entries(value, f"{prefix}{key}.")
        elif isinstance(value, list):  # the months: each name an entry
            found |= _entries(dict(enumerate(value)), f"{prefix}{key}.")
        else:
            found[f"{prefix}{key}"] = value
    return found


def _placeholders(text: str) -> list[str]:
    return sorted(re.findall(r"\{[^{}]*\}", text))


def _untranslated(english: Mapping[str, str], german: Mapping[str, str]) -> list[str]:
    """Entries with no German, or whose German names other {placeholders} than the English."""
    missing = [f"{k}: no German" for k, v in english.items() if v and not german.get(k)]
    broken = [
        f"{k}: {german[k]!r} has not the placeholders of {v!r}"
        for k, v in english.items()
        if german.get(k) and _placeholders(german[k]) != _placeholders(v)
    ]
    unknown = [f"{k}: German for no English entry" for k in german if k not in english]
    return missing + broken + unknown


@pytest.mark.parametrize("path", OVERLAID, ids=lambda p: p.name)
def test_every_english_word_has_its_german_with_the_same_placeholders(path):
    german = _entries(_read(overlay_path(path, "de")))
    assert _untranslated(_entries(_read(path)), german) == []


def test_every_checklist_item_and_instrument_kind_has_its_german():
    pack = load_pack()
    items = _read(overlay_path(POLICY_DIR / "checklist.toml", "de"))["items"]
    fields = ("label", "question", "help", "rule")
    english = {f"{i.id}.{f}": getattr(i, f) for i in pack.items for f in fields}
    german = {f"{item_id}.{f}": text for item_id, words in items.items() for f, text in words.items()}
    assert _untranslated(english, german) == []
    kinds = _read(overlay_path(POLICY_DIR / "instruments.toml", "de"))
    assert (
        _untranslated(
            {k: i.label for k, i in pack.instruments.items()}, {k: v["label"] for k, v in kinds.items()}
        )
        == []
    )


def test_a_missing_german_entry_falls_back_to_english(tmp_path):
    from app.display_language import words

    (tmp_path / "w.toml").write_text('[a]\nx = "English x"\ny = "English y"\n')
    (tmp_path / "w.de.toml").write_text('[a]\nx = "Deutsches x"\n')
    assert words(tmp_path / "w.toml", "de")["a"] == {"x": "Deutsches x", "y": "English y"}
    assert words(tmp_path / "w.toml", "fr")["a"]["x"] == "English x"  # no overlay: English


def _event(action: str, **payload: object) -> AuditEvent:
    return AuditEvent(1, "2026-12-07T10:00:00Z", "Ada", "ws", "c1", action, dict(payload), "0", "1")


def test_german_sentences_name_facts_items_outcomes_and_kinds_in_german(german):
    dates = {"from": None, "to": "2026-03-04"}
    corrected = _event("fact.corrected", key="date_issued", **dates, reason="Scan")
    assert labels.audit_sentence(corrected) == "Ausstellungsdatum korrigiert (— → 2026-03-04): Scan"
    answered = _event("checklist.answered", item="validity.signed", answer="fail")
    assert labels.audit_sentence(answered) == "„Unterschrieben“ beantwortet: nicht erfüllt"
    assert labels.audit_sentence(_event("decision.made", outcome="reject")) == "Entschieden: Ablehnen"
    assert labels.audit_sentence(_event("letter.drafted", kind="narrowing")) == (
        "Schreiben entworfen (Bitte um Eingrenzung)"
    )
    details = labels.audit_details(_event("fact.corrected", key="date_issued"))
    assert ("Angabe", "Ausstellungsdatum") in details
    # Asked for in English, the same event reads as before, whatever the window speaks.
    assert labels.audit_sentence(answered, ENGLISH) == "Answered Signed: fail"
    drafted = _event("letter.drafted", kind="narrowing")
    assert labels.audit_sentence(drafted, ENGLISH) == "Drafted a narrowing letter"


def test_a_disclosures_audit_sentence_names_its_ground_not_its_key(german):
    recorded = _event(
        "disclosure.recorded", ground="emergency", recipient="Polizei Berlin", disclosed_on="2026-12-05"
    )
    assert labels.audit_sentence(recorded) == (
        "Herausgabe ohne förmliches Verfahren an Polizei Berlin am 2026-12-05 erfasst "
        "(Notfall mit Gefahr für Leib oder Leben)"
    )
    approved = labels.audit_sentence(_event("disclosure.approved", ground="emergency"))
    assert approved.endswith("genehmigt (Notfall mit Gefahr für Leib oder Leben)"), approved
    assert "Notfall mit Gefahr für Leib oder Leben" in dict(labels.audit_details(recorded)).values()
    # A ground the shipped pack does not know is shown as stored.
    assert labels.audit_sentence(_event("disclosure.approved", ground="retired")).endswith("(retired)")


def test_fact_editor_choices_are_german_and_either_language_is_accepted(german):
    from app.fact_editors import choice_words, fact_editor, parse_choice

    assert choice_words("instrument")["search_warrant"] == "Durchsuchungsbeschluss"
    assert choice_words("instrument", ENGLISH)["search_warrant"] == "Search warrant"
    countries = [words for _code, words in fact_editor("country").choices]
    assert "Deutschland" in countries and "Österreich" in countries
    assert countries.index("Österreich") < countries.index("Polen")  # sorted as a German reads
    assert parse_choice("country", "Deutschland") == parse_choice("country", "Germany") == "DE"
    assert parse_choice("instrument", "durchsuchungsbeschluss") == "search_warrant"


def test_the_case_summary_prints_in_german_when_the_window_speaks_it(desk, german):
    from app.printing import Prints
    from tests.app.test_review_service import SUBPOENA, demand_pdf

    case_id = desk.intake(demand_pdf(*SUBPOENA), "subpoena.pdf")
    sheet = Prints(desk).case_sheet(case_id)
    assert [s.title for s in sheet.sections][:3] == ["Angaben", "Genannte Konten", "Verlangte Daten"]
    accounts = next(s for s in sheet.sections if s.title == "Genannte Konten")
    kinds = {kind for kind, _value in accounts.rows}
    assert kinds and kinds <= set(labels.labels("de").kinds.values())  # "E-Mail-Adresse", not "email"
    assert sheet.heading.startswith("Fallzusammenfassung · ")
    checklist = dict(next(s for s in sheet.sections if s.title == "Prüfliste mit Antworten").rows)
    assert "Ist das Schriftstück unterschrieben?" in checklist
    decision = next(s for s in sheet.sections if s.title == "Entscheidung")
    assert decision.empty == "Noch nicht entschieden."
    assert Prints(desk).case_sheet(case_id, ENGLISH).sections[0].title == "Facts"


def test_coded_values_of_an_event_read_in_german(german):
    changed = _event("reviewer.role_changed", name="Grace", **{"from": "reviewer", "to": "senior"})
    assert labels.audit_sentence(changed) == "Rolle von Grace geändert (Prüfer → leitender Prüfer)"
    withheld = _event("notice.withheld", recipient="user", exception_kind="danger", reason="Drohung")
    assert labels.audit_sentence(withheld) == (
        "Benachrichtigung zurückgehalten, Empfänger: Nutzer (Gefahr für Leib oder Leben): Drohung"
    )
    assert labels.audit_sentence(changed, ENGLISH) == "Changed Grace's role from reviewer to senior"


def test_every_country_files_prose_the_window_shows_has_its_german():
    """A country's rights notes and (where refused) reason have German beside its file; the
    German of a statute names an instrument of that file and keeps every number of its citation."""
    pack = load_pack()
    missing, stale, changed = [], [], []
    for j in (*pack.jurisdictions.values(), pack.default):
        shown = ["human_rights.notes"] + ([] if j.accepted else ["reason"])
        missing += [
            f"{j.code} {k}"
            for k in shown
            if pack.jurisdiction_text(j, k, "de") == pack.jurisdiction_text(j, k)
        ]
        statutes = _read(overlay_path(Path(j.source), "de")).get("statutes", {})
        by_name = {i.local_name: i for i in j.instruments}
        stale += [f"{j.code} {name}" for name in statutes if name not in by_name]
        changed += [
            f"{j.code} {name}: {german!r}"
            for name, german in statutes.items()
            if name in by_name and re.findall(r"\d+", german) != re.findall(r"\d+", by_name[name].statute)
        ]
    assert (missing, stale, changed) == ([], [], [])


def test_every_disclosure_ground_has_its_german_name_and_policy_sentence():
    from app.disclosure.grounds import GROUNDS_PATH, ground_words, shipped_grounds

    german = _read(overlay_path(GROUNDS_PATH, "de"))
    english = {f"{g.key}.{f}": getattr(g, f) for g in shipped_grounds().grounds for f in ("label", "policy")}
    assert _untranslated(english, _entries(german)) == []
    ncmec = shipped_grounds().get("ncmec")
    assert ground_words(ncmec, "de")[0] == "Meldung von Material über sexuellen Kindesmissbrauch an das NCMEC"
    assert ground_words(ncmec, ENGLISH) == (ncmec.label, ncmec.policy)


def test_a_recorded_disclosures_ground_is_named_in_german_unless_the_pack_renamed_it():
    from app.disclosure.grounds import shipped_grounds, shown_label

    emergency = shipped_grounds().get("emergency")
    assert shown_label("emergency", emergency.label, "de") == "Notfall mit Gefahr für Leib oder Leben"
    assert shown_label("emergency", emergency.label, ENGLISH) == emergency.label
    # A label an older pack gave, or a ground no longer in the pack, is shown as recorded.
    assert shown_label("emergency", "Imminent danger", "de") == "Imminent danger"
    assert shown_label("rumour", "rumour (no longer in the pack)", "de") == "rumour (no longer in the pack)"


def test_the_kinds_of_data_and_a_counted_period_read_in_german_and_as_stored_in_english():
    from app.domain.enums import CATEGORIES
    from app.review.said import Said, category_word
    from app.schedule.deadlines import format_period, period_words

    german = labels.labels("de").codes["category"]
    assert set(german) == set(CATEGORIES) == set(labels.labels(ENGLISH).codes["category"])
    note = Said("decide.struck_beyond_emergency", category=category_word("ip_history"))
    assert note == "Struck: ip_history does not address the emergency."  # as the notes always read
    assert note.text("de") == "Gestrichen: IP-Verlauf, für den Notfall nicht nötig."
    period = format_period(7, "days", "issued")
    assert period == "7 days from issue" and period_words(period, ENGLISH) == period
    assert period_words(period, "de") == "7 Tage ab Ausstellung"
    assert period_words(format_period(10, "business_days", "received"), "de") == "10 Werktage ab Zugang"
    assert period_words("within a fortnight", "de") == "within a fortnight"  # not one the app wrote
