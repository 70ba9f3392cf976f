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
from app.letters.pdf import SANS, register_fonts

STAMP_SIZE = 8.0  # points
STAMP_INSET = 5 * mm  # from the page's right and bottom edges


class PackageError(ValueError):
    """A document cannot go into the package (too large, encrypted, unreadable)."""


def bates(reference: str, number: int) -> str:
    """The Bates number of the ``number``-th page (1-based) of a package."""
    return f"{reference}-{number:06d}"


def package(letters: list[bytes], demand: bytes | None, reference: str) -> bytes:
    """One PDF: ``letters`` in order, then ``demand`` if given, every page stamped.

    The same input always gives the same bytes.
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
    stamps = PdfReader(io.BytesIO(_stamps(reference, [(w, h) for _, _, w, h in boxes])))
    for page, stamp, (left, bottom, _, _) in zip(writer.pages, stamps.pages, boxes, strict=True):
        page.merge_transformed_page(stamp, Transformation().translate(left, bottom))

    writer.add_metadata(
        {
            "/Title": f"{reference}: response package",
            "/Subject": f"Letters{' and demand' if demand is not None else ''} for case {reference}",
            "/Creator": "Demand Desk",
            "/Producer": "Demand Desk",
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


def _stamps(reference: str, sizes: list[tuple[float, float]]) -> bytes:
    """A PDF with one page per size, each carrying its Bates number in the bottom right corner."""
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
        canvas.showPage()
    canvas.save()
    return out.getvalue()
