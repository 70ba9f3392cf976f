"""Taking a demand PDF in: a good one becomes a case; a bad one is refused and leaves no trace."""

from __future__ import annotations

import hashlib
import io
import os
import re
import sys
from datetime import UTC, datetime

import pypdf
import pytest

from app import services
from app.intake.pdf import IntakeCancelledError, IntakeError, probe_pdf
from app.model import CaseStatus, PageSource

# Every key of the Facts JSON in DESIGN.md ("Command line"), nested keys included.
FACTS_KEYS = {
    "case_id",
    "pages",
    "ocr_used",
    "instrument",
    "issuing_authority",
    "country",
    "date_issued",
    "signed",
    "addressee",
    "identifiers",
    "data_requested",
    "date_range",
    "response_due",
    "emergency",
    "secrecy_order",
}
SECRECY_KEYS = {"present", "duration_days", "expires", "text", "page"}


def test_intake_stores_the_demand_as_a_new_case(desk, canary_pdf, canary):
    case_id = desk.intake(canary_pdf, "/home/ada/Downloads/grand-jury-subpoena.pdf")

    [summary] = desk.cases()
    assert summary.case_id == case_id
    assert re.fullmatch(rf"TEST-{datetime.now(UTC).year}-0001", summary.reference)
    assert summary.status is CaseStatus.NEW
    assert summary.title == "grand-jury-subpoena"  # the file's name, not its folder
    assert desk.document(case_id) == canary_pdf
    pages = desk.pages(case_id)
    assert [p.page_no for p in pages] == [1, 2]
    assert all(p.source is PageSource.TEXT_LAYER for p in pages)
    assert canary.text in pages[0].text and canary.email in pages[0].text
    assert (pages[0].width, pages[0].height) == (612.0, 792.0)
    word = next(w for w in pages[0].words if w.text == canary.text)
    x0, y0, x1, y1 = word.box
    assert 0 < x0 < x1 < 612 and 0 < y0 < y1 < 792
    assert y0 < 792 / 2  # boxes are measured from the top: the line is near the top


def test_intake_facts_have_every_key_with_unknowns_as_null(desk):
    from tests.ui.conftest import make_pdf

    letter = make_pdf(["Thank you for your letter of last week about the weather.", "Kind regards, a friend"])
    case_id = desk.intake(letter, "letter.pdf")
    facts = desk.facts(case_id)
    assert FACTS_KEYS <= facts.keys()
    assert facts["case_id"] == case_id
    assert facts["pages"] == 1
    assert facts["ocr_used"] is False
    for key in ("instrument", "issuing_authority", "date_issued", "addressee", "response_due"):
        assert facts[key] is None, key
    assert facts["identifiers"] == [] and facts["data_requested"] == []
    assert facts["date_range"] == {"from": None, "to": None}
    assert SECRECY_KEYS <= facts["secrecy_order"].keys()
    assert not facts["secrecy_order"]["present"]


def test_intake_reads_the_facts_with_where_they_stand(desk, canary_pdf, canary):
    case_id = desk.intake(canary_pdf, "demand.pdf")
    facts = desk.facts(case_id)
    assert facts["instrument"] == "subpoena" and facts["country"] == "US"
    [target] = facts["identifiers"]
    read = (target["kind"], target["value"], target["redacted"], target["page"])
    assert read == ("email", canary.email, False, 1)
    # Drawn on the fourth line, baseline 666 pt from the bottom: 126 pt from the top.
    x0, y0, x1, y1 = target["box"]
    assert 72 < x0 < x1 < 612 and 110 < y0 < y1 < 130
    assert [d["category"] for d in facts["data_requested"]] == ["subscriber_info"]
    assert facts["data_requested"][0]["content"] is False
    assert facts["date_range"] == {"from": "2025-01-01", "to": "2025-12-31"}
    [case] = desk.cases()
    assert (case.instrument, case.country) == ("subpoena", "US")  # the queue shows what was read


def test_intake_is_audited_with_the_file_fingerprint(desk, canary_pdf):
    case_id = desk.intake(canary_pdf, "demand.pdf")
    event = desk.audit_trail()[-1]
    assert (event.action, event.case_id, event.reviewer) == ("case.intake", case_id, "Ada")
    assert event.payload["sha256"] == hashlib.sha256(canary_pdf).hexdigest()
    assert event.payload["pages"] == 2
    assert [e.action for e in desk.audit_trail(case_id)] == ["case.intake"]


def test_scanned_demand_without_a_text_layer_is_read_by_ocr(desk, scanned_pdf, canary):
    case_id = desk.intake(scanned_pdf, "fax.pdf")
    [page] = desk.pages(case_id)
    assert page.source is PageSource.OCR and "SEARCH WARRANT" in page.text
    assert any(w.text == "WARRANT" and w.confidence > 50 for w in page.words)
    facts = desk.facts(case_id)
    assert facts["pages"] == 1 and facts["ocr_used"] is True
    assert desk.document(case_id) == scanned_pdf


def test_second_intake_gets_the_next_reference(desk, canary_pdf, scanned_pdf):
    first = desk.intake(canary_pdf, "a.pdf")
    second = desk.intake(scanned_pdf, "b.pdf")
    references = {c.case_id: c.reference for c in desk.cases()}
    assert references[first].endswith("-0001") and references[second].endswith("-0002")


def test_intake_needs_a_signed_in_reviewer(desk, data_dir, passphrase, canary_pdf):
    desk.close()
    locked = services.unlock(data_dir, passphrase=passphrase)
    try:
        with pytest.raises(services.NotSignedInError):
            locked.intake(canary_pdf, "demand.pdf")
        assert locked.cases() == []
    finally:
        locked.close()


# -- bad input ---------------------------------------------------------------------------


def _password_protected(pdf: bytes) -> bytes:
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(pdf)))
    writer.encrypt(user_password="open sesame", owner_password="owner")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _over_the_page_limit(_: bytes) -> bytes:
    from app.intake.limits import MAX_PAGES

    writer = pypdf.PdfWriter()
    for _ in range(MAX_PAGES + 1):
        writer.add_blank_page(612, 792)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _no_pages(_: bytes) -> bytes:
    out = io.BytesIO()
    pypdf.PdfWriter().write(out)
    return out.getvalue()


@pytest.mark.parametrize(
    "make, message",
    [
        pytest.param(lambda pdf: b"", "The file is empty", id="zero-bytes"),
        pytest.param(
            lambda pdf: b"PK\x03\x04 this is a zip, not a demand" * 10,
            "not a PDF",
            id="not-a-pdf",
        ),
        pytest.param(lambda pdf: pdf[: len(pdf) // 2], "not a readable PDF", id="truncated"),
        pytest.param(_password_protected, "password-protected", id="password-protected"),
        pytest.param(_over_the_page_limit, "1001 pages; the limit is 1000", id="too-many-pages"),
        pytest.param(_no_pages, "no pages", id="no-pages"),
    ],
)
def test_bad_file_is_refused_and_leaves_no_case_and_no_audit_event(desk, canary_pdf, make, message):
    untrusted = make(canary_pdf)
    trail_before = desk.audit_trail()
    with pytest.raises(IntakeError, match=message):
        desk.intake(untrusted, "demand.pdf")
    assert desk.cases() == []
    assert desk.store.count_cases() == 0
    assert desk.audit_trail() == trail_before
    assert desk.verify_audit().ok


def test_file_over_the_size_limit_is_refused_before_reading(desk, monkeypatch, canary_pdf):
    monkeypatch.setattr("app.intake.pdf.MAX_PDF_BYTES", len(canary_pdf) - 1)
    with pytest.raises(IntakeError, match="the limit is"):
        desk.intake(canary_pdf, "demand.pdf")
    assert desk.cases() == []


def test_reader_that_hangs_is_stopped(monkeypatch, canary_pdf):
    # A "reader" that never answers stands in for a PDF crafted to make the parser spin.
    monkeypatch.setattr(
        "app.intake.pdf.reader_argv",
        lambda module: [sys.executable, "-c", "import time; time.sleep(30)"],
    )
    with pytest.raises(IntakeError, match="took longer than"):
        probe_pdf(canary_pdf, timeout=0.5)


def test_reader_that_crashes_is_reported_as_a_damaged_or_hostile_file(desk, monkeypatch, canary_pdf):
    monkeypatch.setattr(
        "app.intake.pdf.reader_argv",
        lambda module: [sys.executable, "-c", "import os; os.abort()"],
    )
    with pytest.raises(IntakeError, match="damaged or hostile"):
        desk.intake(canary_pdf, "demand.pdf")
    assert desk.cases() == []


def test_cancelled_reading_stops_the_reader(monkeypatch, canary_pdf, tmp_path):
    pid_file = tmp_path / "reader.pid"
    monkeypatch.setattr(
        "app.intake.pdf.reader_argv",
        lambda module: [
            sys.executable,
            "-c",
            "import os, sys, time\n"
            f"with open({str(pid_file)!r} + '.tmp', 'w') as fh: fh.write(str(os.getpid()))\n"
            f"os.replace({str(pid_file)!r} + '.tmp', {str(pid_file)!r})\n"
            "time.sleep(30)",
        ],
    )
    with pytest.raises(IntakeCancelledError, match="cancelled"):
        services.read_pdf(canary_pdf, cancelled=pid_file.exists)
    with pytest.raises(ProcessLookupError):  # killed and reaped, not left running
        os.kill(int(pid_file.read_text()), 0)
