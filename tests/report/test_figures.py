"""The figures of a known half-year: every table, the cases behind each figure, and the checks."""

from __future__ import annotations

from dataclasses import replace

import pytest

from app.report.config import BUCKETS, ConfigError, load_config, parse_config
from app.report.figures import Figure, ReportError, TableRow, band, build_report, check
from app.report.periods import PeriodError, half_years_before, parse_period
from tests.report.builder import add_case, decide
from tests.report.conftest import EXPECTED_BY_COUNTRY, EXPECTED_BY_PROCESS, EXPECTED_TOTALS


def totals_of(report) -> dict:
    row = report.totals()
    return {
        "demands": row.value("demands"),
        "accounts": row.value("accounts"),
        "secrecy_orders": row.value("secrecy_orders"),
        "secrecy_orders_federal": row.value("secrecy_orders_federal"),
        "emergency": row.value("emergency"),
        "outcomes": {b: row.value(b) for b in BUCKETS},
    }


# -- periods ---------------------------------------------------------------------------------


def test_half_years_and_ranges_name_their_days():
    h1, h2 = parse_period("2026H1"), parse_period("2026h2")
    assert (h1.start.isoformat(), h1.end.isoformat()) == ("2026-01-01", "2026-06-30")
    assert (h2.start.isoformat(), h2.end.isoformat(), h2.label) == ("2026-07-01", "2026-12-31", "2026H2")
    assert h1.title() == "1 January – 30 June 2026"
    q = parse_period("2026-01-01..2026-03-31")
    assert q.bounds() == ("2026-01-01", "2026-04-01") and not q.is_half_year
    assert [p.label for p in half_years_before(q, 3)] == ["2025H1", "2025H2", "2026H1"]


@pytest.mark.parametrize("text", ["2026H3", "H1", "2026-02-30..2026-03-01", "2026-03-01..2026-02-01", ""])
def test_a_period_that_is_not_one_is_refused_with_how_to_write_it(text):
    with pytest.raises(PeriodError):
        parse_period(text)


# -- the known half-year ---------------------------------------------------------------------


def test_known_half_year_gives_the_figures_worked_out_by_hand(reports, known_decided_late):
    report = reports.build("2026H1")
    assert report.consistent, report.problems
    assert totals_of(report) == EXPECTED_TOTALS
    by_country = {r.key: r.value("demands") for r in report.table("outcomes_by_country").rows}
    assert by_country == EXPECTED_BY_COUNTRY
    by_process = {r.key: r.value("demands") for r in report.table("outcomes_by_legal_process").rows}
    assert by_process == EXPECTED_BY_PROCESS
    assert report.totals().value("percent_disclosed") == 27.3  # 3 of 11
    assert report.totals().value("secrecy_order_share") == 18.2  # 2 of 11


def test_a_case_counts_in_the_period_it_was_received_even_when_decided_in_the_next(
    reports, known_decided_late
):
    k = known_decided_late
    h1 = reports.build("2026H1")
    assert h1.cases("outcomes", "no_data", "demands") == [k.decided_next_period]
    h2 = reports.build("2026H2")
    assert k.decided_next_period not in {r.case_id for r in h2.rows}
    assert [r.case_id for r in h2.rows] == [k.next_half]  # received at 00:00:00 on 1 July
    assert k.enterprise_at_threshold in {r.case_id for r in h1.rows}  # 23:59:59 on 30 June


def test_each_figure_lists_the_cases_counted_in_it(reports, known_decided_late):
    k = known_decided_late
    report = reports.build("2026H1")
    assert set(report.cases("outcomes", "rejected", "demands")) == {k.rejected_federal_order,
                                                                    k.challenged_no_country}  # fmt: skip
    assert set(report.cases("outcomes", "pending", "demands")) == {k.awaiting_approval, k.escalated,
                                                                   k.undecided}  # fmt: skip
    assert report.cases("outcomes_by_country", "ZZ", "demands") == [k.challenged_no_country]
    assert report.cases("outcomes_by_country", "US", "content") == [k.enterprise_above]
    assert report.cases("secrecy_orders", "with_order", "federal") == [k.rejected_federal_order]
    assert report.cases("totals", "all", "emergency") == [k.emergency]
    assert report.references(report.cases("civil", "civil", "withdrawn")) == ["H1-CIVIL"]
    # Every figure of every table can be opened, and its count is the number of cases behind it.
    for table in report.tables:
        for row in table.rows:
            for column in table.columns:
                figure = row.cells[column.key]
                if column.kind == "count" and isinstance(figure.value, int):
                    assert len(report.cases(table.key, row.key, column.key)) == figure.value


def test_every_demand_is_in_exactly_one_outcome_and_every_table_adds_up(reports, known_decided_late):
    report = reports.build("2026H1")
    demands = set(report.table("totals").scope)
    for key in ("outcomes_by_country", "outcomes_by_legal_process", "outcomes", "secrecy_orders"):
        table = report.table(key)
        ids = [i for row in table.rows for i in row.cells["demands"].case_ids]
        assert sorted(ids) == sorted(demands), key
        assert table.total("demands") == 11
    for row in report.table("outcomes_by_country").rows:
        assert sum(row.value(b) for b in BUCKETS) == row.value("demands")


def test_enterprise_customers_above_the_threshold_exclude_one_exactly_at_it(reports, known_decided_late):
    k = known_decided_late
    report = reports.build("2026H1")
    enterprise = report.table("enterprise")
    assert report.cases("enterprise", "above_threshold", "demands") == [k.enterprise_above]
    assert enterprise.row("above_threshold").value("content") == 1
    assert report.cases("enterprise", "at_or_below_threshold", "demands") == [k.enterprise_at_threshold]
    assert enterprise.row("above_threshold").label == "More than 50 seats"
    # The threshold is configurable: at 49, the 50-seat customer is above it too.
    lower = reports.build("2026H1", seat_threshold=49)
    above = set(lower.cases("enterprise", "above_threshold", "demands"))
    assert above == {k.enterprise_above, k.enterprise_at_threshold}


def test_content_stored_outside_the_requesting_country_is_counted(reports, known_decided_late):
    report = reports.build("2026H1")
    stored = report.table("content_stored_abroad")
    assert stored.row("outside").value("demands") == 1  # a US demand, data in Ireland
    assert stored.total("demands") == report.totals().value("content")


def test_national_security_preservation_and_non_demands_are_apart_and_banded(reports, known_decided_late):
    k = known_decided_late
    report = reports.build("2026H1")
    demands = set(report.table("totals").scope)
    assert not {k.national_security, k.preservation, k.not_a_data_demand} & demands
    ns = report.table("national_security").row("nsl")
    assert (ns.value("demands"), ns.value("accounts")) == ("0-499", "0-499")
    assert report.figure("preservation", "preservation", "requests").value == 1
    assert report.figure("preservation", "preservation", "accounts").value == 2
    assert report.figure("not_data_demands", "not_data_demands", "documents").value == 1
    # Its secrecy order does not count among the demands' (it would reveal the exact number).
    assert k.national_security not in report.cases("totals", "all", "secrecy_orders")


def test_bands_are_ranges_of_five_hundred():
    bands = [band(n, 500) for n in (0, 1, 499, 500, 1234)]
    assert bands == ["0-499", "0-499", "0-499", "500-999", "1000-1499"]


def test_a_disclosure_counts_only_once_approved(desk, reports):
    case = add_case(desk.store, received="2026-02-02", outcome="disclose_noncontent", approved=False)
    assert reports.build("2026H1").cases("outcomes", "pending", "demands") == [case]
    decide(desk.store, case, "disclose_noncontent", approved=True)
    assert reports.build("2026H1").cases("outcomes", "noncontent_only", "demands") == [case]


def test_trend_shows_the_six_half_years_up_to_the_period(reports, known_decided_late):
    report = reports.build("2026H1")
    assert [p.label for p in report.trend] == ["2023H2", "2024H1", "2024H2", "2025H1", "2025H2", "2026H1"]
    points = {p.label: p for p in report.trend}
    assert (points["2026H1"].demands, points["2026H1"].disclosed) == (11, 3)
    assert (points["2025H2"].demands, points["2025H2"].disclosed) == (1, 1)
    assert reports.trend("2026H2")[-1].demands == 1


# -- checks ----------------------------------------------------------------------------------


def test_an_outcome_the_report_does_not_know_stops_the_export_naming_the_case(desk, reports):
    add_case(desk.store, received="2026-03-03", reference="GOOD-1", outcome="reject")
    # A decision from a newer workstation, with an outcome this version has no bucket for.
    add_case(desk.store, received="2026-03-04", reference="ODD-1", outcome="partially_granted")
    report = reports.build("2026H1")
    assert not report.consistent
    with pytest.raises(ReportError) as failed:
        reports.render(report, "csv")
    message = str(failed.value)
    assert "partially_granted" in message and "ODD-1" in message and "GOOD-1" not in message


def test_a_case_read_twice_is_named_and_stops_the_export(desk, reports):
    add_case(desk.store, received="2026-03-03", reference="ONCE-1")
    rows = reports.case_rows("2026H1")
    report = build_report(parse_period("2026H1"), [*rows, rows[0]], reports.config)
    assert any("more than once" in p.message and p.references == ("ONCE-1",) for p in report.problems)
    with pytest.raises(ReportError, match="ONCE-1"):
        report.require_consistent()


def test_a_table_that_does_not_add_up_to_the_totals_is_caught(desk, reports, known_decided_late):
    report = reports.build("2026H1")
    by_country = report.table("outcomes_by_country")
    us = by_country.row("US")
    # Drop one case from the US row, as a faulty grouping would.
    cells = dict(us.cells)
    dropped = us.cells["demands"].cases[0].reference
    cells["demands"] = Figure(us.value("demands") - 1, list(us.cells["demands"].cases)[1:])
    broken = replace(by_country, rows=tuple(TableRow(r.key, r.label, cells) if r.key == "US" else r
                                            for r in by_country.rows))  # fmt: skip
    tampered = replace(report, tables=tuple(broken if t.key == by_country.key else t for t in report.tables))
    messages = [p.describe() for p in check(tampered)]
    assert any("missing from every row" in m and dropped in m for m in messages), messages
    assert any("add up to 10, not the total 11" in m for m in messages), messages


# -- the data file ---------------------------------------------------------------------------


def raw_config() -> dict:
    import tomllib

    from app.report.config import CONFIG_PATH

    return tomllib.loads(CONFIG_PATH.read_text(encoding="utf-8"))


def test_the_shipped_data_file_maps_every_instrument_and_outcome():
    config = load_config()
    assert config.seat_threshold == 50 and config.band == 500
    assert config.process_of_instrument["fisa_order"] == "national_security"
    assert config.outcomes["challenge"] == "rejected"


def test_a_data_file_that_forgets_an_instrument_or_outcome_is_refused():
    data = raw_config()
    data["legal_process"] = [p for p in data["legal_process"] if p["key"] != "civil"]
    with pytest.raises(ConfigError, match="civil_subpoena"):
        parse_config(data)
    data = raw_config()
    del data["outcomes"]["withdrawn"]
    with pytest.raises(ConfigError, match="withdrawn"):
        parse_config(data)
    data = raw_config()
    data["outcomes"]["narrow"] = "maybe"
    with pytest.raises(ConfigError, match="maybe"):
        parse_config(data)
