"""A disclosure without legal process travels in a bundle like any case: its own row included."""

from __future__ import annotations

from app.bundle.service import Received
from app.disclosure.service import Disclosures
from app.report.service import Reports
from tests.sync.stations import comparable


def test_a_disclosure_arrives_whole_and_counts_apart_on_the_other_workstation(
    tmp_path, station_a, station_b, team_file
):
    case_id = Disclosures(station_a.desk).record(
        "emergency",
        "Polizei Berlin",
        country="DE",
        identifiers=["x.k9@example.net"],
        categories=["ip_history"],
        justification="threat to life",
        made_before_approval=True,
    )
    bundle = station_a.bundles.export_case(case_id, tmp_path / "out")
    assert station_b.bundles.import_file(bundle)[1] is Received.ADDED
    assert comparable(station_b.desk, case_id) == comparable(station_a.desk, case_id)
    there = Disclosures(station_b.desk).get(case_id)
    assert there is not None
    assert there.to_json() == Disclosures(station_a.desk).get(case_id).to_json()
    period = station_b.desk.clock().date().isoformat()
    report = Reports(station_b.desk).build(f"{period}..{period}", trend=False)
    assert report.consistent and report.cases("disclosures_by_country", "DE", "emergency") == [case_id]
    assert report.totals().value("demands") == 0
