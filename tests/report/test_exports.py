"""The known half-year in every format a reviewer publishes: JSON, our CSV, Google-like, Apple-like, PDF."""

from __future__ import annotations

import csv
import io
import json
import stat

import pytest
from pypdf import PdfReader

from app.report.exports import APPLE_COLUMNS, GOOGLE_COLUMNS, OUR_COLUMNS
from app.services import DeskError
from tests.report.conftest import EXPECTED_BY_COUNTRY, EXPECTED_BY_PROCESS, EXPECTED_TOTALS


def rows_of(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_json_has_the_documented_shape_and_the_exact_figures(reports, known_decided_late):
    data = json.loads(reports.render(reports.build("2026H1"), "json"))
    assert (data["period"], data["from"], data["to"]) == ("2026H1", "2026-01-01", "2026-06-30")
    totals = data["totals"]
    assert {k: totals[k] for k in EXPECTED_TOTALS} == EXPECTED_TOTALS
    assert {r["country"]: r["demands"] for r in data["by_country"]} == EXPECTED_BY_COUNTRY
    assert data["by_country"][0]["country"] == "US"  # most demands first
    assert {r["legal_process"]: r["demands"] for r in data["by_legal_process"]} == EXPECTED_BY_PROCESS
    assert data["secrecy_orders"] == {"demands": 2, "share": 18.2, "federal": 1}
    assert data["emergency"]["demands"] == 1 and data["emergency"]["outcomes"]["noncontent_only"] == 1
    assert data["enterprise"]["seat_threshold"] == 50
    assert data["enterprise"]["above_threshold"]["demands"] == 1
    assert data["content_by_storage"]["outside"] == {"demands": 1, "accounts": 1}
    assert data["civil"]["outcomes"]["withdrawn"] == 1
    assert data["national_security"]["nsl"] == {"demands": "0-499", "accounts": "0-499"}
    assert data["preservation"] == {"requests": 1, "accounts": 2}
    assert data["not_data_demands"] == 1
    assert data["frozen"] is None and data["changed_since_frozen"] == []
    assert "received" in data["counting"]
    # A published file names no case: the ids of the known cases are nowhere in it.
    text = json.dumps(data)
    assert known_decided_late.enterprise_above not in text and "H1-ENT51" not in text


def test_our_csv_has_the_documented_columns_and_agrees_with_the_json(reports, known_decided_late):
    lines = rows_of(reports.render(reports.build("2026H1"), "csv").decode())
    assert tuple(lines[0]) == OUR_COLUMNS
    totals = next(r for r in lines if r["table"] == "totals")
    assert int(totals["demands"]) == 11 and int(totals["accounts"]) == 12
    assert {b: int(totals[b]) for b in EXPECTED_TOTALS["outcomes"]} == EXPECTED_TOTALS["outcomes"]
    countries = {r["row"]: int(r["demands"]) for r in lines if r["table"] == "outcomes_by_country"}
    assert countries == EXPECTED_BY_COUNTRY
    ns = next(r for r in lines if r["table"] == "national_security" and r["row"] == "nsl")
    assert ns["demands"] == "0-499"
    preservation = next(r for r in lines if r["table"] == "preservation")
    assert preservation["demands"] == "1" and preservation["accounts"] == "2"
    assert {r["period"] for r in lines} == {"2026H1"}


def test_google_layout_is_one_line_per_country_and_legal_process(reports, known_decided_late):
    lines = rows_of(reports.render(reports.build("2026H1"), "csv", layout="google").decode())
    assert tuple(lines[0]) == GOOGLE_COLUMNS
    assert sum(int(r["User Data Requests"]) for r in lines) == 11
    by_key = {(r["CLDR Territory Code"], r["Legal Process"]): r for r in lines}
    us_subpoenas = by_key["US", "Subpoena"]
    assert (us_subpoenas["User Data Requests"], us_subpoenas["Percentage disclosed"]) == ("3", "0.0")
    warrant = by_key["US", "Search warrant"]
    assert (warrant["Country/Region"], warrant["Percentage disclosed"], warrant["Period Ending"]) == (
        "United States",
        "100.0",
        "2026-06-30",
    )
    assert by_key["ZZ", "Subpoena"]["Country/Region"] == "Unknown"
    assert not any(r["Legal Process"] == "National security" for r in lines)


def test_apple_layout_is_one_line_per_country(reports, known_decided_late):
    lines = rows_of(reports.render(reports.build("2026H1"), "csv", layout="apple").decode())
    assert tuple(lines[0]) == APPLE_COLUMNS
    us = next(r for r in lines if r["Country/Region"] == "United States")
    assert us["Account Requests Received"] == "7"
    assert us["Accounts Specified in Requests"] == "8"
    assert us["Requests Challenged in Part or Rejected in Full"] == "1"
    assert us["Requests where Only Non-Content Data Provided"] == "2"
    assert us["Requests where Content Provided"] == "1"
    assert us["Percentage of Requests where Data Provided"] == "42.9"
    assert sum(int(r["Account Requests Received"]) for r in lines) == 11


def test_pdf_reads_like_a_report_with_the_key_figures(reports, known_decided_late):
    data = reports.render(reports.build("2026H1"), "pdf")
    reader = PdfReader(io.BytesIO(data))
    assert len(reader.pages) >= 3
    assert reader.metadata.title == "Transparency report 2026H1"
    first = reader.pages[0].extract_text()
    assert "Transparency report" in first and "1 January – 30 June 2026" in first
    assert "we received 11 demands" in " ".join(first.split())
    assert "specifying 12 accounts" in " ".join(first.split())
    text = " ".join(" ".join(p.extract_text() for p in reader.pages).split())
    for phrase in ("Demands by requesting country", "Demands by legal process", "National-security demands",
                   "0–499", "Preservation requests", "More than 50 seats", "United States",
                   "Demands over time", "2025H2"):  # fmt: skip
        assert phrase in text, phrase
    # Only the shipped faces, embedded (no Helvetica that a reader would substitute).
    fonts = {
        str(f.get_object()["/BaseFont"]) for p in reader.pages for f in p["/Resources"]["/Font"].values()
    }
    assert fonts == {"/AAAAAA+DejaVuSans", "/AAAAAA+DejaVuSans-Bold"}, fonts


def test_pdf_of_an_empty_period_says_so(reports):
    data = reports.render(reports.build("2031H1"), "pdf")
    first = PdfReader(io.BytesIO(data)).pages[0].extract_text()
    assert "We received no demands for customer data between 1 January and 30 June 2031" in " ".join(
        first.split()
    )


def test_export_writes_a_private_file_and_audits_it(reports, desk, tmp_path, known_decided_late):
    out = tmp_path / "out" / "report.csv"
    out.parent.mkdir()
    reports.export(reports.build("2026H1"), "csv", out, layout="apple")
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert out.read_text().startswith("Period,Country/Region")
    event = desk.audit_trail()[-1]
    assert event.action == "report.exported"
    assert event.payload["period"] == "2026H1" and event.payload["file"] == "report.csv"
    assert [p.name for p in out.parent.iterdir()] == ["report.csv"]  # no temporary file left


def test_an_export_that_does_not_reconcile_writes_nothing(reports, desk, tmp_path):
    from app.report.figures import ReportError
    from tests.report.builder import add_case

    add_case(desk.store, received="2026-03-04", reference="ODD-1", outcome="partially_granted")
    out = tmp_path / "report.pdf"
    with pytest.raises(ReportError, match="ODD-1"):
        reports.export(reports.build("2026H1"), "pdf", out)
    assert not out.exists()
    assert desk.audit_trail()[-1].action != "report.exported"


def test_an_unknown_format_is_refused(reports):
    with pytest.raises(DeskError, match="json, csv, pdf"):
        reports.render(reports.build("2026H1"), "xlsx")
