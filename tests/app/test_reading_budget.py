"""A document's OCR has a time budget, and a document nothing could be read from is flagged.

A 124 KB PDF of 1,000 blank pages once kept every core busy for minutes: now the OCR of
one document stops at its budget (so much per page, with a floor and a ceiling, set per
workstation) and nothing is stored; a document that reads as nothing becomes a case only
with a visible warning, and its review recommends escalating it.
"""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pypdf
import pytest

from app import cli, services
from app.intake import limits
from app.intake.ocr import OcrBudgetError
from app.review.service import Review
from tests.conftest import PIN, REVIEWER


def blank_pdf(pages: int) -> bytes:
    writer = pypdf.PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(612, 792)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def specked_pdf(pages: int) -> bytes:
    """Pages with a mark but no text: each goes through Tesseract (blank ones are skipped)."""
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=(612, 792))
    for number in range(pages):
        pdf.rect(100 + number % 50, 400, 200, 3, fill=1)
        pdf.showPage()
    pdf.save()
    return out.getvalue()


def test_the_budget_grows_with_the_pages_between_a_floor_and_a_ceiling():
    assert limits.ocr_budget(1) == limits.OCR_BUDGET_FLOOR_S
    assert limits.ocr_budget(50) == 50 * limits.OCR_SECONDS_PER_PAGE
    assert limits.ocr_budget(1000) == limits.OCR_BUDGET_CEILING_S
    # A workstation that allows half as long per page has half the floor and ceiling too.
    half = limits.OCR_SECONDS_PER_PAGE / 2
    assert limits.ocr_budget(1, half) == limits.OCR_BUDGET_FLOOR_S / 2
    assert limits.ocr_budget(1000, half) == limits.OCR_BUDGET_CEILING_S / 2


def test_ocr_past_its_budget_stops_with_the_reason_and_stores_nothing(desk, monkeypatch):
    # A budget of 0.05 s a page (floor 1 s): 60 pages take far longer to OCR than 3 s.
    monkeypatch.setattr(limits, "OCR_SECONDS_PER_PAGE", 0.05)
    monkeypatch.setattr(limits, "OCR_BUDGET_FLOOR_S", 1.0)
    monkeypatch.setattr(desk, "ocr_seconds_per_page", lambda: 0.05)
    trail = desk.audit_trail()

    with pytest.raises(OcrBudgetError) as caught:
        desk.intake(specked_pdf(60), "specked.pdf")

    message = str(caught.value)
    assert message.startswith("Reading stopped after ")
    assert "the document has 60 scanned pages to read" in message
    assert "Nothing was stored" in message
    assert desk.cases() == [] and desk.store.count_cases() == 0
    assert desk.audit_trail() == trail


def _ocr_workers() -> list[int]:
    """Our child processes running the OCR worker."""
    found = []
    for entry in Path("/proc").iterdir():
        try:
            ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            command = (entry / "cmdline").read_bytes()
        except (OSError, ValueError, IndexError):
            continue
        if ppid == os.getpid() and b"app.intake.ocrworker" in command:
            found.append(int(entry.name))
    return found


def test_ocr_past_its_budget_kills_its_workers(monkeypatch):
    from app.intake.ocr import ocr_pages

    monkeypatch.setattr(limits, "OCR_BUDGET_FLOOR_S", 0.5)
    with pytest.raises(OcrBudgetError):
        ocr_pages(specked_pdf(40), list(range(1, 41)), seconds_per_page=0.01)
    assert _ocr_workers() == []


def test_the_cli_says_when_reading_stopped_and_leaves_no_case(
    desk, data_dir, passphrase, tmp_path, monkeypatch, capsys
):
    pdf = tmp_path / "specked.pdf"
    pdf.write_bytes(specked_pdf(60))
    desk.close()
    monkeypatch.setattr(limits, "OCR_SECONDS_PER_PAGE", 0.05)
    monkeypatch.setattr(limits, "OCR_BUDGET_FLOOR_S", 1.0)
    monkeypatch.setattr(services.Desk, "ocr_seconds_per_page", lambda self: 0.05)
    monkeypatch.setenv("DEMAND_DESK_PASSPHRASE", passphrase)
    monkeypatch.setenv("DEMAND_DESK_REVIEWER", REVIEWER)
    monkeypatch.setenv("DEMAND_DESK_PIN", PIN)

    code = cli.main(["--data-dir", str(data_dir.root), "intake", str(pdf), "--json"])

    err = capsys.readouterr().err
    assert code == 1
    assert "Reading stopped after" in err and "60 scanned pages" in err
    assert "Traceback" not in err
    assert cli.main(["--data-dir", str(data_dir.root), "cases", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []


def test_the_allowance_per_page_is_a_workstation_setting(desk):
    assert desk.ocr_seconds_per_page() == limits.OCR_SECONDS_PER_PAGE
    desk.set_ocr_seconds_per_page(2)
    assert desk.ocr_seconds_per_page() == 2
    with pytest.raises(services.DeskError, match="between 1 and 60"):
        desk.set_ocr_seconds_per_page(0)
    assert desk.ocr_seconds_per_page() == 2


def test_a_document_nothing_could_be_read_from_is_flagged_and_escalated(desk):
    case_id = desk.intake(blank_pdf(2), "blank.pdf")

    assert desk.intake_warnings(case_id) and "Nothing could be read" in desk.intake_warnings(case_id)[0]
    instrument = next(f for f in desk.fact_values(case_id) if f.key == "instrument")
    assert instrument.value is None and instrument.flag and "nothing could be read" in instrument.flag
    recommendation = Review(desk).assess(case_id).recommendation
    assert recommendation.outcome == "escalate"
    assert recommendation.reasons == ["validity.readable"]
    assert any("nothing could be read from the document" in line for line in recommendation.explanation)


def test_a_document_with_text_has_no_warning(desk, canary_pdf):
    case_id = desk.intake(canary_pdf, "demand.pdf")
    assert desk.intake_warnings(case_id) == []
    instrument = next(f for f in desk.fact_values(case_id) if f.key == "instrument")
    assert not instrument.flag or "nothing could be read" not in instrument.flag


def test_the_cli_intake_warns_when_nothing_could_be_read(
    desk, data_dir, passphrase, tmp_path, monkeypatch, capsys
):
    pdf = tmp_path / "blank.pdf"
    pdf.write_bytes(blank_pdf(1))
    desk.close()
    monkeypatch.setenv("DEMAND_DESK_PASSPHRASE", passphrase)
    monkeypatch.setenv("DEMAND_DESK_REVIEWER", REVIEWER)
    monkeypatch.setenv("DEMAND_DESK_PIN", PIN)
    root = str(data_dir.root)

    assert cli.main(["--data-dir", root, "intake", str(pdf), "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["warnings"] and "Nothing could be read" in shown["warnings"][0]
    assert cli.main(["--data-dir", root, "intake", str(pdf)]) == 0
    assert "Warning: Nothing could be read from the document" in capsys.readouterr().out


def test_blank_pages_are_not_given_to_tesseract(tmp_path, monkeypatch):
    """A thousand blank pages cost their drawing only: no Tesseract pass is spent on them."""
    from app.intake.ocr import PageReadError, ocr_pages

    # A Tesseract that fails whenever it is run: blank pages must not need it.
    fake = tmp_path / "bin" / "tesseract"
    fake.parent.mkdir()
    fake.write_text("#!/bin/sh\necho 'fake tesseract ran' >&2\nexit 1\n")
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", f"{fake.parent}{os.pathsep}{os.environ['PATH']}")

    pages = ocr_pages(blank_pdf(6), list(range(1, 7)))
    assert [p.words for p in pages] == [[]] * 6 and all(p.text == "" for p in pages)
    with pytest.raises(PageReadError, match="fake tesseract ran"):
        ocr_pages(specked_pdf(1), [1])
