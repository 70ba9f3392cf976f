"""Disclosures without legal process in the transparency report: their own tables, reconciled."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

import pytest

from app import services
from app.disclosure.service import Disclosures
from app.report import exports
from app.report.figures import check
from app.report.service import Reports
from app.review.service import Review
from tests.report.test_service_flow import SUBPOENA, demand_pdf
from tests.review_support import answer_blocking_pass

OTHER, OTHER_PIN = "Grace", "135792"


def at(desk: services.Desk, when: str) -> None:
    moment = datetime.fromisoformat(when).replace(tzinfo=UTC)
    desk.clock = lambda: moment


@pytest.fixture
def period(desk: services.Desk) -> dict[str, str]:
    """In 2026H1: one approved subpoena, and four disclosures without legal process."""
    at(desk, "2026-01-05T09:00:00")
    desk.add_reviewer(OTHER, OTHER_PIN, admin_pin="246813")
    at(desk, "2026-03-02T10:00:00")
    demand = desk.intake(demand_pdf(*SUBPOENA), "subpoena.pdf")
    review = Review(desk)
    answer_blocking_pass(review, demand)
    review.decide(demand, "disclose_noncontent")
    review.approve(demand, OTHER, OTHER_PIN)
    d = Disclosures(desk)
    ids = {
        "ncmec": d.record("ncmec", "NCMEC", identifiers=["a@example.net", "b@example.net"]),
        "ncmec_pending": d.record("ncmec", "NCMEC", identifiers=["c@example.net"]),
        "emergency": d.record(
            "emergency",
            "Polizei Berlin",
            country="DE",
            identifiers=["d@example.net"],
            justification="threat to life",
            made_before_approval=True,
        ),
        "harm": d.record(
            "harm", "Garda", country="IE", justification="suicide note on a forum", made_before_approval=True
        ),
    }
    for key in ("ncmec", "emergency"):
        d.approve(ids[key], OTHER, OTHER_PIN)
    # Made in the next half-year: not in this period.
    at(desk, "2026-07-02T10:00:00")
    d.record("ncmec", "NCMEC")
    return ids | {"demand": demand}


def test_disclosures_are_counted_apart_by_ground_and_country_and_reconcile(desk, period):
    report = Reports(desk).build("2026H1", trend=False)
    assert report.consistent, report.problems
    assert report.totals().value("demands") == 1  # the disclosures are not demands
    assert report.cases("totals", "all", "demands") == [period["demand"]]
    by_ground = report.table("disclosures_by_ground")
    assert [r.key for r in by_ground.rows] == ["ncmec", "harm", "crime_victim", "emergency"]
    assert sorted(report.cases("disclosures_by_ground", "ncmec", "disclosures")) == sorted(
        [period["ncmec"], period["ncmec_pending"]]
    )
    assert report.figure("disclosures_by_ground", "ncmec", "accounts").value == 3
    assert report.figure("disclosures_by_ground", "ncmec", "voluntary").value == 2
    assert report.cases("disclosures_by_ground", "ncmec", "unapproved") == [period["ncmec_pending"]]
    assert report.cases("disclosures_by_ground", "emergency", "approved_after_the_fact") == [
        period["emergency"]
    ]
    assert report.cases("disclosures_by_ground", "harm", "unapproved") == [period["harm"]]
    assert report.figure("disclosures_by_ground", "crime_victim", "disclosures").value == 0
    by_country = {r.key: r for r in report.table("disclosures_by_country").rows}
    assert {k: r.value("disclosures") for k, r in by_country.items()} == {"US": 2, "DE": 1, "IE": 1}
    assert report.cases("disclosures_by_country", "DE", "emergency") == [period["emergency"]]
    assert by_country["US"].value("emergency") == 0 and by_country["US"].value("voluntary") == 2
    # Both tables list exactly the disclosure cases, each once.
    disclosed = {period[k] for k in ("ncmec", "ncmec_pending", "emergency", "harm")}
    for key in ("disclosures_by_ground", "disclosures_by_country"):
        assert set(report.table(key).scope) == disclosed
        assert report.table(key).total("disclosures") == 4


def test_a_disclosure_made_before_approval_is_flagged_in_the_report(desk, period):
    report = Reports(desk).build("2026H1", trend=False)
    references = {k: desk.store.get_case(v)["reference"] for k, v in period.items()}
    flagged = [n for n in report.notes if "before a second reviewer approved it" in n]
    assert len(flagged) == 2
    assert any(references["emergency"] in n and "approved after the fact" in n for n in flagged)
    assert any(references["harm"] in n and "NOT YET APPROVED" in n for n in flagged)


def test_the_window_reads_the_disclosure_notes_and_flags_in_german_and_the_exports_in_english(desk, period):
    from app.disclosure.grounds import ground_words, shipped_grounds
    from app.review.said import said_in

    report = Reports(desk).build("2026H1", trend=False)
    harm = desk.store.get_case(period["harm"])["reference"]
    [note] = [n for n in report.notes if harm in n]
    label, german = shipped_grounds().get("harm").label, ground_words(shipped_grounds().get("harm"), "de")[0]
    assert note == (
        f"{harm}: disclosed on 2026-03-02 ({label}) before a second reviewer approved it; NOT YET APPROVED."
    )
    assert said_in(note, "de") == (
        f"{harm}: am 2026-03-02 herausgegeben ({german}), bevor ein zweiter Prüfer sie genehmigt hatte; "
        "NOCH NICHT GENEHMIGT."
    )
    assert json.loads(json.dumps(exports.to_json(report)))["notes"] == [str(n) for n in report.notes]
    found = Disclosures(desk).get(period["harm"])
    assert found.flags == [
        "Made before a second reviewer approved it (emergency); not yet approved by a second reviewer."
    ]
    assert said_in(found.flags[0], "de") == (
        "Herausgegeben, bevor ein zweiter Prüfer sie genehmigt hatte (Notfall); "
        "noch nicht von einem zweiten Prüfer genehmigt."
    )
    emergency = Disclosures(desk).get(period["emergency"])
    assert emergency.notice == "Withheld: notice could put someone in danger"
    assert said_in(emergency.notice, "de") == "Zurückgehalten: Gefahr für Leib oder Leben"
    assert emergency.to_json()["notice"] == emergency.notice


def test_the_exports_carry_the_disclosure_tables(desk, period):
    reports = Reports(desk)
    report = reports.build("2026H1", trend=False)
    data = json.loads(reports.render(report, "json"))
    ground = {r["ground"]: r for r in data["disclosures"]["by_ground"]}
    assert ground["ncmec"]["disclosures"] == 2 and ground["emergency"]["approved_after_the_fact"] == 1
    assert data["totals"]["demands"] == 1
    csv = exports.to_csv(report, "ours")
    assert "disclosures_by_ground,ncmec," in csv
    google = exports.to_csv(report, "google")
    assert "NCMEC" not in google and "isclosure" not in google  # public layouts count demands only
    assert reports.render(report, "pdf").startswith(b"%PDF")


def test_a_ground_the_pack_no_longer_lists_fails_the_check_naming_the_case(desk, period):
    desk.store.db.execute("UPDATE disclosures SET ground = 'retired' WHERE case_id = ?", [period["harm"]])
    report = Reports(desk).build("2026H1", trend=False)
    reference = desk.store.get_case(period["harm"])["reference"]
    assert any(reference in p.references for p in report.problems)


def test_a_split_that_does_not_add_up_is_a_problem(desk, period):
    from dataclasses import replace

    report = Reports(desk).build("2026H1", trend=False)
    table = report.table("disclosures_by_ground")
    row = table.row("ncmec")
    broken = replace(row, cells=row.cells | {"voluntary": row.cells["unapproved"]})
    tables = tuple(
        replace(t, rows=tuple(broken if r is row else r for r in t.rows)) if t is table else t
        for t in report.tables
    )
    problems = check(replace(report, tables=tables, problems=()))
    assert any("emergency + voluntary add up to 1, not its 2 disclosures" in p.message for p in problems)


def test_the_trend_does_not_count_disclosures_as_demands(desk, period):
    points = {p.label: p for p in Reports(desk).trend("2026H2", 2)}
    assert points["2026H1"].demands == 1 and points["2026H2"].demands == 0


def test_a_frozen_period_keeps_its_disclosure_figures(desk, period):
    reports = Reports(desk)
    at(desk, "2026-07-03T10:00:00")
    reports.freeze("2026H1")
    Disclosures(desk).approve(period["harm"], OTHER, OTHER_PIN)
    frozen = reports.build("2026H1", trend=False)
    assert frozen.consistent
    assert frozen.cases("disclosures_by_ground", "harm", "unapproved") == [period["harm"]]
    assert [c.case_id for c in frozen.changed_since_frozen] == [period["harm"]]
    assert date.fromisoformat(frozen.frozen.frozen_at[:10]) == date(2026, 7, 3)
