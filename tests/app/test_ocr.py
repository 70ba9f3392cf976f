"""OCR of scanned pages: the right words, where they were printed, upright or not, in their language.

One module-wide PDF, OCRed once (in parallel, as the app does): an English scan upright,
the same scan upside down, the same turned a quarter, and a German scan. The truth for
every word's box is the text layer of the document before it was "scanned".
"""

from __future__ import annotations

import io
import os
import secrets
import sys
import time
from dataclasses import dataclass

import pytest
from PIL import Image

from app.intake import ocr as ocr_module
from app.intake.ocr import PageReadError, ocr_pages
from app.intake.ocrtext import TsvWord, detect_language, layout, parse_tsv, unrotate
from app.intake.pdf import IntakeCancelledError, IntakeError, probe_pdf
from app.model import Box, PageSource, PageText
from tests.corpus.scan import Document, Heading, Paragraph, ScanSettings, Table, encode_jpeg, scan_pages

ENGLISH = Document(
    [
        Heading("UNITED STATES DISTRICT COURT", 14),
        Heading("SUBPOENA TO PRODUCE DOCUMENTS", 13),
        Paragraph("To: Example Online Services LLC, Attention: Custodian of Records."),
        Paragraph(
            "You are commanded to produce the subscriber records of the account named below for "
            "the period from January 1, 2026 through March 31, 2026, including names, addresses "
            "and the network addresses used to log in."
        ),
        Table([("Account", "harbor.lantern@example.com"), ("Reference", "GJ-2026-0144")]),
        Paragraph("Respond within fourteen days of service of this subpoena."),
    ],
    font="sans",
)
# Words the OCR must read exactly, and whose boxes are checked against the truth.
ENGLISH_WORDS = ["DISTRICT", "SUBPOENA", "Custodian", "commanded", "subscriber", "fourteen", "Reference"]

GERMAN = Document(
    [
        Heading("Amtsgericht Köln", 14),
        Heading("Beschluss", 13),
        Paragraph(
            "In dem Ermittlungsverfahren gegen Unbekannt wird gemäß § 100g der Strafprozessordnung "
            "angeordnet: Die Example Online Services Ireland Ltd. hat der Staatsanwaltschaft Köln "
            "die Bestandsdaten und die Verkehrsdaten des Kontos für den Zeitraum vom 1. Januar 2026 "
            "bis zum 31. März 2026 herauszugeben."
        ),
        Paragraph(
            "Gründe: Die Übermittlung der Daten ist für die Erforschung des Sachverhalts erforderlich. "
            "Die Maßnahme steht in einem angemessenen Verhältnis zur Bedeutung der Sache."
        ),
        Paragraph("Köln, den 12. November 2026. Die Richterin am Amtsgericht, Dr. Müller."),
    ],
    page_size="a4",
    font="serif",
)
GERMAN_WORDS = ["Köln", "gemäß", "März", "Gründe", "Übermittlung", "Maßnahme", "Verhältnis", "Müller"]

SETTINGS = ScanSettings(dpi=200, seed=11, max_skew=0.3)
# The scanner shifts the sheet up to 0.06 inch (4.3 pt) and skews it a little.
TOLERANCE_PT = 8.0


@dataclass(frozen=True)
class Scanned:
    pdf: bytes
    truth: dict[str, Box]  # word -> box on the upright English page, from its text layer
    german_truth: dict[str, Box]
    pages: list[PageText]
    progress: list[tuple[int, int, str]]
    seconds: float


def _truth(doc: Document, words: list[str]) -> dict[str, Box]:
    from tests.corpus.scan import layout as typeset

    [page] = probe_pdf(typeset(doc).pdf).pages
    found = {w.text.strip(".,:;"): w.box for w in page.words}
    return {word: found[word] for word in words}


def image_pdf(pages: list[tuple[Image.Image, tuple[float, float]]]) -> bytes:
    """An image-only PDF: each image fills its page of the given size in points."""
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    pdf = canvas.Canvas(buf)
    for image, size in pages:
        pdf.setPageSize(size)
        pdf.drawImage(ImageReader(io.BytesIO(encode_jpeg(image, 80))), 0, 0, width=size[0], height=size[1])
        pdf.showPage()
    pdf.save()
    return buf.getvalue()


@pytest.fixture(scope="module")
def scanned() -> Scanned:
    [english], laid = scan_pages(ENGLISH, SETTINGS)
    [german], laid_de = scan_pages(GERMAN, SETTINGS)
    width, height = laid.page_size
    pdf = image_pdf(
        [
            (english, (width, height)),
            (english.rotate(180), (width, height)),
            (english.rotate(90, expand=True), (height, width)),  # a quarter turn anticlockwise
            (german, laid_de.page_size),
        ]
    )
    progress: list[tuple[int, int, str]] = []
    start = time.monotonic()
    pages = ocr_pages(pdf, [1, 2, 3, 4], progress=lambda *a: progress.append(a))
    seconds = time.monotonic() - start
    return Scanned(
        pdf, _truth(ENGLISH, ENGLISH_WORDS), _truth(GERMAN, GERMAN_WORDS), pages, progress, seconds
    )


def _word_boxes(page: PageText) -> dict[str, Box]:
    return {w.text.strip(".,:;"): w.box for w in page.words}


def _assert_near(found: Box, expected: Box, what: str) -> None:
    assert all(abs(a - b) <= TOLERANCE_PT for a, b in zip(found, expected, strict=True)), (
        f"{what}: read at {found}, printed at {expected}"
    )


def test_scanned_page_reads_the_printed_words_where_they_were_printed(scanned):
    page = scanned.pages[0]
    assert (page.page_no, page.source) == (1, PageSource.OCR)
    assert (page.width, page.height) == (612.0, 792.0)
    boxes = _word_boxes(page)
    for word in ENGLISH_WORDS:
        assert word in boxes, f"{word!r} not read; read: {page.text!r}"
        _assert_near(boxes[word], scanned.truth[word], word)
    assert "harbor.lantern@" in page.text  # OCR may split an address at the @; extraction repairs it
    assert all(0 <= w.confidence <= 100 for w in page.words)
    assert sum(w.confidence for w in page.words) / len(page.words) > 80


def test_words_carry_line_numbers_in_reading_order_and_the_text_follows_them(scanned):
    page = scanned.pages[0]
    lines = [w.line for w in page.words]
    assert lines == sorted(lines) and lines[0] == 0
    by_line: dict[int, list[str]] = {}
    for word in page.words:
        by_line.setdefault(word.line, []).append(word.text)
    # The text is the lines in order, words joined by single spaces, paragraphs apart.
    assert [line for line in page.text.split("\n") if line] == [" ".join(by_line[n]) for n in sorted(by_line)]
    assert "\n\n" in page.text
    heading = next(w for w in page.words if w.text == "DISTRICT")
    assert [w.text for w in page.words if w.line == heading.line] == ["UNITED", "STATES", "DISTRICT", "COURT"]


def test_upside_down_scan_reads_right_with_boxes_on_the_page_as_stored(scanned):
    page = scanned.pages[1]
    assert (page.width, page.height) == (612.0, 792.0)
    boxes = _word_boxes(page)
    for word in ENGLISH_WORDS:
        assert word in boxes, f"{word!r} not read; read: {page.text[:300]!r}"
        x0, y0, x1, y1 = scanned.truth[word]
        _assert_near(boxes[word], (612 - x1, 792 - y1, 612 - x0, 792 - y0), word)
    assert page.text.startswith("UNITED STATES DISTRICT COURT")


def test_sideways_scan_reads_right_with_boxes_on_the_page_as_stored(scanned):
    page = scanned.pages[2]
    assert (page.width, page.height) == (792.0, 612.0)  # the page is landscape as stored
    boxes = _word_boxes(page)
    for word in ENGLISH_WORDS:
        assert word in boxes, f"{word!r} not read; read: {page.text[:300]!r}"
        x0, y0, x1, y1 = scanned.truth[word]
        # Turned a quarter anticlockwise: a point (x, y) of the upright page is at (y, 612 - x).
        _assert_near(boxes[word], (y0, 612 - x1, y1, 612 - x0), word)
    assert page.text.startswith("UNITED STATES DISTRICT COURT")


def test_german_scan_is_read_in_german_with_its_umlauts(scanned):
    page = scanned.pages[3]
    assert (page.width, page.height) == (595.28, 841.89)
    boxes = _word_boxes(page)
    missing = [word for word in GERMAN_WORDS if word not in boxes]
    assert not missing, f"not read: {missing}; read: {page.text!r}"
    for word in GERMAN_WORDS:
        _assert_near(boxes[word], scanned.german_truth[word], word)


def test_progress_counts_pages_done_of_pages_asked(scanned):
    assert scanned.progress[0][:2] == (0, 4)
    assert [p[0] for p in scanned.progress] == [0, 1, 2, 3, 4]
    assert scanned.progress[-1] == (4, 4, "OCR page 4 of 4")


def test_pages_come_back_in_the_order_asked(scanned):
    assert [p.page_no for p in scanned.pages] == [1, 2, 3, 4]


@pytest.mark.parametrize("turn", [90, 180, 270])
def test_ocr_and_text_layer_boxes_agree_on_a_page_stored_turned(turn):
    """A page with /Rotate: both readers give boxes on the page as the viewer shows it."""
    import pypdf
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    pdf = canvas.Canvas(buf, pagesize=(612, 792))
    pdf.setFont("Helvetica", 22)
    pdf.drawString(72, 700, "SUBPOENA for the records of the account")
    pdf.drawString(300, 300, "Respond within fourteen days")
    pdf.showPage()
    pdf.save()
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(buf.getvalue())))
    writer.pages[0].rotate(turn)
    out = io.BytesIO()
    writer.write(out)

    [layer] = probe_pdf(out.getvalue()).pages
    [read] = ocr_pages(out.getvalue(), [1], languages="eng")

    assert (read.width, read.height) == (layer.width, layer.height)
    from_layer, from_ocr = _word_boxes(layer), _word_boxes(read)
    for word in ("SUBPOENA", "records", "Respond", "fourteen"):
        _assert_near(from_ocr[word], from_layer[word], word)


# -- cancelling, failing, refusing ------------------------------------------------------


def _process_groups() -> dict[int, str]:
    """pid -> state of every process, keyed for looking up by process group below."""
    groups: dict[int, str] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", "rb") as fh:
                    fields = fh.read().rsplit(b")", 1)[1].split()
            except OSError:
                continue
            if fields[0] != b"Z":  # a zombie is dead; init reaps it
                groups[int(entry)] = fields[2].decode()  # pgrp
    return groups


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_cancel_stops_every_worker_and_tesseract_promptly(scanned, monkeypatch):
    started: list[int] = []
    real_popen = ocr_module.subprocess.Popen

    def popen(argv, *args, **kwargs):
        proc = real_popen(argv, *args, **kwargs)
        if ocr_module.WORKER_MODULE in argv:
            started.append(proc.pid)
        return proc

    monkeypatch.setattr(ocr_module.subprocess, "Popen", popen)
    cancel_at = time.monotonic() + 1.0  # by then every worker is inside Tesseract
    with pytest.raises(IntakeCancelledError, match="cancelled"):
        ocr_pages(scanned.pdf, [1, 2, 3, 4], cancelled=lambda: time.monotonic() > cancel_at)
    assert time.monotonic() - cancel_at < 0.5
    assert len(started) == 2 or len(os.sched_getaffinity(0)) < 2
    for pid in started:
        with pytest.raises(ProcessLookupError):  # killed and reaped
            os.kill(pid, 0)
    # Each worker led its own process group, which was killed whole: whatever of it was
    # still running (its Tesseract) is gone within moments of the SIGKILL.
    deadline = time.monotonic() + 0.5
    while (left := [pid for pid, group in _process_groups().items() if int(group) in started]) and (
        time.monotonic() < deadline
    ):
        time.sleep(0.01)
    assert left == []


# Words Tesseract reads without fail; a random pick of them (and digits that look like no
# letter) makes a phrase that exists only in one test's scan.
CANARY_WORDS = (
    "harbour kestrel marigold lantern quartz velvet meadow copper thistle walnut saffron "
    "juniper falcon orchard granite willow ember tundra cobalt maple"
).split()


def test_ocr_leaves_nothing_on_disk(tmp_path, private_tempdir, find_leaks, monkeypatch):
    cwd = tmp_path / "cwd"
    cwd.mkdir()
    monkeypatch.chdir(cwd)
    phrase = " ".join(
        [*(secrets.choice(CANARY_WORDS) for _ in range(4)), str(secrets.choice(range(2345, 9876)))]
    )
    doc = Document(
        [Heading("SEARCH WARRANT"), Paragraph(f"Matter reference {phrase} for the account.", size=12)],
        font="sans",
    )
    [image], laid = scan_pages(doc, ScanSettings(dpi=200, seed=5, max_skew=0.2))
    pdf = image_pdf([(image, laid.page_size)])

    [page] = ocr_pages(pdf, [1])

    read = [token for token in phrase.split() if token in page.text.split()]
    assert len(read) >= 4, page.text  # read, so there was something to leak
    assert list(private_tempdir.iterdir()) == []
    assert list(cwd.iterdir()) == []
    needles = [phrase.encode(enc) for enc in ("utf-8", "utf-16-le", "utf-16-be")]
    needles += [token.encode() for token in read]
    assert find_leaks(needles, tmp_path) == []


def _fake_worker(monkeypatch: pytest.MonkeyPatch, code: str) -> None:
    """Replace the OCR worker with a Python snippet that speaks (some of) its protocol."""
    monkeypatch.setattr(
        "app.intake.ocr.reader_argv",
        lambda module: [sys.executable, "-c", "import json, os, sys, time\n" + code],
    )


READY = "sys.stdin.buffer.readline()\nprint(json.dumps({'ready': True, 'pages': 1}), flush=True)\n"


def test_worker_that_crashes_on_a_page_fails_that_page(monkeypatch, scanned):
    _fake_worker(monkeypatch, READY + "sys.stdin.buffer.readline()\nos.abort()")
    with pytest.raises(PageReadError, match=r"Page 2 could not be read: the reader stopped on it") as caught:
        ocr_pages(scanned.pdf, [2], workers=1)
    assert caught.value.page_no == 2 and caught.value.pages_done == []


def test_worker_that_hangs_on_a_page_is_stopped_at_the_time_limit(monkeypatch, scanned):
    monkeypatch.setattr("app.intake.limits.OCR_PAGE_TIMEOUT_S", 0.5)
    _fake_worker(monkeypatch, READY + "time.sleep(30)")
    start = time.monotonic()
    with pytest.raises(PageReadError, match=r"Page 1 could not be read: it took longer than 0.5 s"):
        ocr_pages(scanned.pdf, [1], workers=1)
    assert time.monotonic() - start < 3


def test_worker_that_dies_before_reading_the_pdf_is_reported_as_a_bad_file(monkeypatch, scanned):
    _fake_worker(monkeypatch, "os.abort()")
    with pytest.raises(IntakeError, match="The PDF reader stopped on this file"):
        ocr_pages(scanned.pdf, [1])


def test_a_page_the_pdf_does_not_have_is_refused(scanned):
    with pytest.raises(
        PageReadError, match=r"Page 9 could not be read: the PDF has no such page \(it has 4\)"
    ):
        ocr_pages(scanned.pdf, [9])


@pytest.mark.parametrize("pages", [[0], [1, 1], [-2]])
def test_page_numbers_start_at_one_and_do_not_repeat(pages):
    with pytest.raises(ValueError, match="page numbers"):
        ocr_pages(b"%PDF-1.7\n", pages)


def test_no_pages_asked_costs_nothing():
    assert ocr_pages(b"%PDF-1.7\n", []) == []


@pytest.mark.parametrize(
    "languages, message",
    [("xyz", "No Tesseract language pack for xyz"), ("eng; rm -rf", "not a Tesseract language list")],
)
def test_unknown_or_malformed_language_is_refused_before_any_work(languages, message):
    with pytest.raises(IntakeError, match=message):
        ocr_pages(b"%PDF-1.7\n", [1], languages=languages)


# -- the pure parts ------------------------------------------------------------------------


@pytest.mark.parametrize("rotation", [0, 90, 180, 270])
def test_unrotate_inverts_turning_an_image(rotation):
    width, height = 100.0, 200.0
    x0, y0, x1, y1 = 10.0, 20.0, 30.0, 25.0

    def turn(x: float, y: float) -> tuple[float, float]:  # clockwise, as pdfium renders
        return {0: (x, y), 90: (height - y, x), 180: (width - x, height - y), 270: (y, width - x)}[rotation]

    corners = [turn(x0, y0), turn(x1, y1)]
    turned = (
        min(c[0] for c in corners),
        min(c[1] for c in corners),
        max(c[0] for c in corners),
        max(c[1] for c in corners),
    )
    assert unrotate(turned, rotation, width, height) == (x0, y0, x1, y1)


@pytest.mark.parametrize(
    "text, language",
    [
        (
            "You are commanded to produce all of the records of the account, for the period and by the date"
            " shown, and to keep this request confidential.",
            "eng",
        ),
        (
            "Die Bestandsdaten und die Verkehrsdaten des Kontos sind für den Zeitraum von der Firma an die"
            " Staatsanwaltschaft zu übermitteln, und zwar nicht später als mit dem Beschluss.",
            "deu",
        ),
        (
            "Nous vous demandons de communiquer les données du compte pour la période et dans le délai"
            " prévus par cette réquisition, qui est une mesure pour les besoins de l'enquête.",
            "fra",
        ),
        (
            "Se requiere a la empresa que entregue los datos del usuario y las direcciones IP por el"
            " periodo indicado, con el fin de esta investigación, como lo dispone el juez para su causa.",
            "spa",
        ),
        ("Subpoena No. 2026-0144", None),
    ],
)
def test_function_words_tell_the_language(text, language):
    assert detect_language(text) == language


TSV = "\n".join(
    [
        "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext",
        "1\t1\t0\t0\t0\t0\t0\t0\t1000\t2000\t-1\t",
        "5\t1\t1\t1\t1\t1\t100\t100\t200\t40\t96.5\tSUBPOENA",
        "5\t1\t1\t1\t2\t1\t100\t160\t80\t40\t91\tTo:",
        "5\t1\t1\t1\t2\t2\t200\t160\t120\t40\t88.25\tExample",
        "5\t1\t1\t1\t2\t3\t330\t160\t10\t40\t-1\t ",
        "5\t1\t2\t1\t1\t1\t100\t400\t300\t40\t45\tcommanded",
    ]
)


def test_tsv_words_become_lines_paragraphs_and_boxes_in_points():
    words = parse_tsv(TSV)
    assert [w.text for w in words] == ["SUBPOENA", "To:", "Example", "commanded"]
    laid = layout(words, rotation=0, scale=2.0, width=500.0, height=1000.0)
    assert laid.text == "SUBPOENA\nTo: Example\n\ncommanded"
    assert laid.words[0] == ("SUBPOENA", 50.0, 50.0, 150.0, 70.0, 96.5, 0)
    assert [w[6] for w in laid.words] == [0, 1, 1, 2]
    assert isinstance(words[0], TsvWord)
