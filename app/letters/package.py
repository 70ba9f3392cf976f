"""The response package: the final letters and, optionally, the demand, as one stamped PDF.

Every page gets a Bates-style number, the case reference and a running six-digit count
("DEMO-2026-0005-000001"), in the bottom right corner on a white ground, so that any
page of the package can be cited and a missing one is noticed. The stamp is a reportlab
overlay merged onto each page with pypdf; pages that are rotated have their rotation
moved into their content first so that the stamp is upright where the page is read.

The demand came from outside (at intake, or in a colleague's bundle): the desk runs
``package`` only in a child process under the reader's limits, with intake's checks
first (``packageproc.package_isolated``).
"""

from __future__ import annotations

import io

from pypdf import PdfReader, PdfWriter, Transformation
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from app.intake.limits import MAX_PAGES, MAX_PDF_BYTES
from app.letters.fonts import SANS, register_fonts

STAMP_SIZE = 8.0  # points
STAMP_INSET = 5 * mm  # from the page's right and bottom edges
HEAD_SIZE = 5.5  # points: the audit chain's head, on the first page, fits beside the Bates number


class PackageError(ValueError):
    """A document cannot go into the package (too large, encrypted, unreadable)."""


def bates(reference: str, number: int) -> str:
    """The Bates number of the ``number``-th page (1-based) of a package."""
    return f"{reference}-{number:06d}"


def package(
    letters: list[bytes],
    demand: bytes | None,
    reference: str,
    *,
    chain_head: tuple[int, str] | None = None,
) -> bytes:
    """One PDF: ``letters`` in order, then ``demand`` if given, every page stamped.

    ``chain_head`` is the audit trail's (seq, hash) when the package was made: printed at
    the foot of its first page and kept in its metadata, so a package handed over can be
    placed in the trail later. The same input always gives the same bytes.
    """
    documents = [("letter", pdf) for pdf in letters]
    if demand is not None:
        documents.append(("demand", demand))
    if not documents:
        raise PackageError("a package needs at least one letter or the demand")
    writer = PdfWriter()
    for name, data in documents:
        for page in _read(name, data).pages:
            writer.add_page(page)
            if len(writer.pages) > MAX_PAGES:
                raise PackageError(f"the package would have more than {MAX_PAGES} pages")

    boxes = []
    for page in writer.pages:
        page.transfer_rotation_to_content()
        box = page.cropbox
        boxes.append((float(box.left), float(box.bottom), float(box.width), float(box.height)))
    head = audit_head_line(chain_head) if chain_head else None
    stamps = PdfReader(io.BytesIO(_stamps(reference, [(w, h) for _, _, w, h in boxes], head)))
    for page, stamp, (left, bottom, _, _) in zip(writer.pages, stamps.pages, boxes, strict=True):
        page.merge_transformed_page(stamp, Transformation().translate(left, bottom))

    writer.add_metadata(
        {
            "/Title": f"{reference}: response package",
            "/Subject": f"Letters{' and demand' if demand is not None else ''} for case {reference}",
            "/Creator": "Demand Desk",
            "/Producer": "Demand Desk",
            **({"/DemandDeskAuditHead": f"{chain_head[0]}:{chain_head[1]}"} if chain_head else {}),
        }
    )
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _read(name: str, data: bytes) -> PdfReader:
    if len(data) > MAX_PDF_BYTES:
        raise PackageError(f"the {name} is larger than {MAX_PDF_BYTES // 1024 // 1024} MB")
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise PackageError(f"the {name} is encrypted")
        if len(reader.pages) > MAX_PAGES:
            raise PackageError(f"the {name} has more than {MAX_PAGES} pages")
    except PackageError:
        raise
    except Exception as exc:  # pypdf raises many kinds of error for a damaged file
        raise PackageError(f"the {name} cannot be read as a PDF: {exc}") from exc
    return reader


def audit_head_line(chain_head: tuple[int, str]) -> str:
    """How the first page names the audit trail's head the package was made at."""
    seq, digest = chain_head
    return f"Made at audit event {seq}, chain SHA-256 {digest}"


def _stamps(reference: str, sizes: list[tuple[float, float]], head: str | None = None) -> bytes:
    """A PDF with one page per size, each carrying its Bates number in the bottom right corner;
    the first also ``head`` (the audit chain's head) in the bottom left."""
    register_fonts()
    face = SANS[False, False]
    out = io.BytesIO()
    canvas = Canvas(out, invariant=1, pageCompression=1, initialFontName=face)
    for number, (width, height) in enumerate(sizes, 1):
        canvas.setPageSize((width, height))
        text = bates(reference, number)
        text_w = pdfmetrics.stringWidth(text, face, STAMP_SIZE)
        x = width - STAMP_INSET - text_w
        y = STAMP_INSET
        canvas.setFillColor(colors.white)
        canvas.rect(x - 2.5, y - 2.5, text_w + 5, STAMP_SIZE + 3.5, stroke=0, fill=1)
        canvas.setFillColor(colors.black)
        canvas.setFont(face, STAMP_SIZE)
        canvas.drawString(x, y, text)
        if head and number == 1:
            canvas.setFont(face, HEAD_SIZE)
            head_w = pdfmetrics.stringWidth(head, face, HEAD_SIZE)
            canvas.setFillColor(colors.white)
            canvas.rect(STAMP_INSET - 2.5, y - 2.5, head_w + 5, HEAD_SIZE + 3.5, stroke=0, fill=1)
            canvas.setFillColor(colors.black)
            canvas.drawString(STAMP_INSET, y, head)
        canvas.showPage()
    canvas.save()
    return out.getvalue()
