"""A letter as a PDF: letterhead, date, address block, title, body and signature.

``render()`` lays a letter out with reportlab's platypus and returns the file's bytes.
The body is the Markdown subset of ``app.letters.markdown``; it is parsed here and every
piece of text, the body's and the letterhead's alike, is escaped before reportlab sees
it, so nothing a requester, a customer or a reviewer typed can become reportlab markup.

Fonts are the DejaVu faces shipped in resources/fonts (serif for the letter, sans for
the letterhead and page furniture), embedded as subsets, each character in the first
face that has it (``app.letters.fonts``). Right-to-left names are shaped and put in
display order first (``app.letters.scripts``).

The same input gives the same bytes: reportlab's invariant mode, a creation date taken
from the letter's date, and a document id derived from the input instead of the clock.

A draft (``draft=True``) is marked as one wherever it may be read: a large light-grey
diagonal word across every page, under the text so the letter stays legible, and in the
metadata (title "DRAFT – …", keywords "draft"), so that a draft that leaves the desk
cannot pass for the final letter.
"""

from __future__ import annotations

import functools
import hashlib
import io
import json
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date as Date
from typing import Literal

import PIL.Image
from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfdoc, pdfmetrics
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from app.letters import markdown, scripts
from app.letters.fonts import SANS as SANS
from app.letters.fonts import SERIF, face_runs, markup, spans_markup
from app.letters.fonts import register_fonts as register_fonts
from app.letters.labels import Labels, load_labels

PAGE_SIZES = {"A4": A4, "Letter": LETTER}
# A logo is a small picture for a letterhead; anything larger is a mistake in the settings.
MAX_LOGO_BYTES = 2 * 1024 * 1024
MAX_LOGO_PIXELS = 4000 * 4000

INK = colors.HexColor("#1c1c1c")
MUTED = colors.HexColor("#666666")
RULE = colors.HexColor("#b0b0b0")
DRAFT_INK = colors.HexColor("#d9d9d9")  # light enough to read the letter through
DRAFT_SIZE = 110.0  # points

MARGIN_LEFT = 25 * mm
MARGIN_RIGHT = 20 * mm
MARGIN_TOP = 17 * mm
MARGIN_BOTTOM = 24 * mm


@dataclass(frozen=True)
class Letterhead:
    """The organisation's letterhead and signature, shared by all its letters (the settings)."""

    organisation: str  # the name at the top ("Northwind Mail")
    legal_entity: str = ""  # the company answering ("Northwind Mail Ltd."), under the name
    address_lines: Sequence[str] = ()  # postal address, one line each
    contact: str = ""  # e-mail, telephone: one or more lines, separated by newlines
    signature_name: str = ""  # who signs the letters
    signature_title: str = ""  # their title ("Legal Compliance Counsel")
    logo_png: bytes | None = None  # a PNG, drawn at most 15 mm high left of the name
    page_size: Literal["A4", "Letter"] = "A4"


# ------------------------------------------------------------------------------ page furniture


def _draw_text(canvas: Canvas, text: str, x: float, y: float, *, size: float, right: bool = False) -> None:
    """One line of page furniture (muted sans) at baseline ``y``, ending at ``x`` if ``right``."""
    runs = face_runs(scripts.visual(" ".join(text.split())), serif=False, bold=False, italic=False)
    widths = [pdfmetrics.stringWidth(run, face, size) for face, run in runs]
    x -= sum(widths) if right else 0
    canvas.setFillColor(MUTED)
    for (face, run), w in zip(runs, widths, strict=True):
        canvas.setFont(face, size)
        canvas.drawString(x, y, run)
        x += w


# ------------------------------------------------------------------------------ styles


@functools.cache
def _styles() -> dict[str, ParagraphStyle]:
    register_fonts()
    body = ParagraphStyle(
        "body",
        fontName=SERIF[False, False],
        fontSize=10,
        leading=14.5,
        textColor=INK,
        spaceAfter=7.5,
        allowWidows=0,
        allowOrphans=0,
    )
    return {
        "body": body,
        "lead": ParagraphStyle("lead", parent=body, keepWithNext=1),
        "item": ParagraphStyle(
            "item",
            parent=body,
            leftIndent=18,
            bulletIndent=4,
            spaceAfter=3.5,
            bulletFontName=SERIF[False, False],
        ),
        "title": ParagraphStyle(
            "title", parent=body, fontName=SERIF[True, False], fontSize=11, leading=15, spaceAfter=12
        ),
        "address": ParagraphStyle("address", parent=body, leading=13.5, spaceAfter=0),
        "meta_label": ParagraphStyle(
            "meta_label", fontName=SANS[False, False], fontSize=6.8, leading=9, textColor=MUTED
        ),
        "meta_value": ParagraphStyle("meta_value", parent=body, fontSize=9.5, leading=12, spaceAfter=6),
        "organisation": ParagraphStyle(
            "organisation", fontName=SERIF[True, False], fontSize=17, leading=20, textColor=INK
        ),
        "entity": ParagraphStyle(
            "entity", fontName=SANS[False, False], fontSize=7.8, leading=10, textColor=MUTED, spaceBefore=2
        ),
        "letterhead_right": ParagraphStyle(
            "letterhead_right",
            fontName=SANS[False, False],
            fontSize=7.5,
            leading=10,
            textColor=MUTED,
            alignment=TA_RIGHT,
        ),
        "signature": ParagraphStyle("signature", parent=body, spaceAfter=0, leading=13.5),
    }


# ------------------------------------------------------------------------------ render


def render(
    title: str,
    body_markdown: str,
    *,
    reference: str,
    date: str,
    addressee_lines: Sequence[str],
    letterhead: Letterhead,
    author: str,
    subject: str,
    language: str = "en",
    their_reference: str = "",
    draft: bool = False,
) -> bytes:
    """The letter as PDF bytes; ``date`` is the ISO date of the letter.

    ``title`` and the address lines are plain text; ``body_markdown`` is the Markdown
    subset. ``draft`` marks every page and the metadata DRAFT. The same arguments always
    give the same bytes.
    """
    if letterhead.page_size not in PAGE_SIZES:
        raise ValueError(f"page size must be one of {', '.join(PAGE_SIZES)}, not {letterhead.page_size!r}")
    letter_date = Date.fromisoformat(date)
    labels = load_labels(language)
    page_w, page_h = PAGE_SIZES[letterhead.page_size]
    width = page_w - MARGIN_LEFT - MARGIN_RIGHT
    logo = _logo(letterhead.logo_png)

    head_height, draw_head = _letterhead(letterhead, logo, width)
    mark = labels.pdf.get("draft", "DRAFT")
    pages, footer = _pages(letterhead, labels, reference, mark, draft, page_w, page_h, head_height, draw_head)
    out = io.BytesIO()
    doc = BaseDocTemplate(
        out,
        pagesize=(page_w, page_h),
        leftMargin=MARGIN_LEFT,
        rightMargin=MARGIN_RIGHT,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=f"{mark} – {title}" if draft else title,
        author=author,
        subject=f"{mark} – {subject}" if draft else subject,
        keywords="draft" if draft else "",
        creator="Demand Desk",
        lang=language,
        invariant=1,
        displayDocTitle=1,
        # Otherwise every page names Helvetica, a font that is not embedded.
        initialFontName=SERIF[False, False],
    )
    doc.addPageTemplates(pages)
    story = _story(
        title, body_markdown, addressee_lines, reference, their_reference, date, labels, letterhead, width
    )
    digest = _doc_id(
        [title, body_markdown, reference, date, list(addressee_lines), _letterhead_key(letterhead),
         author, subject, language, their_reference, draft]
    )  # fmt: skip
    created = f"D:{letter_date:%Y%m%d}000000+00'00'"
    doc.build(story, canvasmaker=functools.partial(_Canvas, footer=footer, created=created, doc_id=digest))
    return out.getvalue()


def _pages(
    letterhead: Letterhead,
    labels: Labels,
    reference: str,
    mark: str,
    draft: bool,
    page_w: float,
    page_h: float,
    head_height: float,
    draw_head: Callable[[Canvas, float, float], None],
) -> tuple[list[PageTemplate], Callable[[Canvas, int, int], None]]:
    """The first page (under the letterhead band) and the later ones (under a running head),
    and the footer drawn once the page count is known; each page marked DRAFT if ``draft``."""
    width = page_w - MARGIN_LEFT - MARGIN_RIGHT
    rule_y = page_h - MARGIN_TOP - head_height - 4 * mm
    first_top = rule_y - 9 * mm
    later_top = page_h - MARGIN_TOP - 9 * mm

    def draft_mark(canvas: Canvas) -> None:
        # Drawn first on each page, so the letter's text lies over it.
        canvas.saveState()
        face = SANS[True, False]
        canvas.setFont(face, DRAFT_SIZE)
        canvas.setFillColor(DRAFT_INK)
        canvas.translate(page_w / 2, page_h / 2)
        canvas.rotate(math.degrees(math.atan2(page_h, page_w)))
        canvas.drawCentredString(0, -DRAFT_SIZE / 3, mark)
        canvas.restoreState()

    def first_page(canvas: Canvas, _doc: object) -> None:
        if draft:
            draft_mark(canvas)
        canvas.saveState()
        draw_head(canvas, MARGIN_LEFT, page_h - MARGIN_TOP)
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.line(MARGIN_LEFT, rule_y, page_w - MARGIN_RIGHT, rule_y)
        canvas.restoreState()

    def later_page(canvas: Canvas, _doc: object) -> None:
        if draft:
            draft_mark(canvas)
        canvas.saveState()
        y = page_h - MARGIN_TOP - 7.5
        _draw_text(canvas, letterhead.organisation, MARGIN_LEFT, y, size=7.5)
        _draw_text(canvas, reference, page_w - MARGIN_RIGHT, y, size=7.5, right=True)
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.4)
        canvas.line(MARGIN_LEFT, y - 4, page_w - MARGIN_RIGHT, y - 4)
        canvas.restoreState()

    def footer(canvas: Canvas, page: int, pages: int) -> None:
        canvas.saveState()
        y = MARGIN_BOTTOM - 13 * mm
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.4)
        canvas.line(MARGIN_LEFT, y + 10, page_w - MARGIN_RIGHT, y + 10)
        _draw_text(canvas, f"{labels.pdf['our_reference']} {reference}", MARGIN_LEFT, y, size=7.2)
        _draw_text(canvas, labels.page(page, pages), page_w - MARGIN_RIGHT, y, size=7.2, right=True)
        canvas.restoreState()

    first = Frame(MARGIN_LEFT, MARGIN_BOTTOM, width, first_top - MARGIN_BOTTOM, 0, 0, 0, 0, id="first")
    later = Frame(MARGIN_LEFT, MARGIN_BOTTOM, width, later_top - MARGIN_BOTTOM, 0, 0, 0, 0, id="later")
    pages = [
        PageTemplate("first", [first], onPage=first_page, autoNextPageTemplate="later"),
        PageTemplate("later", [later], onPage=later_page),
    ]
    return pages, footer


def _story(
    title: str,
    body_markdown: str,
    addressee_lines: Sequence[str],
    reference: str,
    their_reference: str,
    date: str,
    labels: Labels,
    letterhead: Letterhead,
    width: float,
) -> list[Flowable]:
    """The address block, the title, the body and the signature, in the order they are laid out."""
    styles = _styles()
    story: list[Flowable] = [
        _address_block(addressee_lines, reference, their_reference, labels.format_date(date), labels, width),
        Spacer(1, 10 * mm),
        Paragraph(markup(title, bold=True), styles["title"]),
    ]
    body = _body(body_markdown)
    signature = _signature(letterhead)
    # The signature never starts a page on its own: the closing line and the paragraph
    # before it go with it.
    keep = 2 if len(body) >= 2 and isinstance(body[-2], Paragraph) else min(len(body), 1)
    story += body[: len(body) - keep]
    story.append(KeepTogether([*body[len(body) - keep :], *signature]))
    return story


def _doc_id(key: list[object]) -> bytes:
    """The document id: derived from the input, so the same letter gives the same bytes."""
    return hashlib.sha256(json.dumps(key, ensure_ascii=False).encode()).digest()[:16]


class _Canvas(Canvas):  # type: ignore[misc]  # reportlab has no type hints
    """Draws each page's footer once the page count is known ("Page 2 of 3").

    Pages are held back until ``save()``, the usual reportlab way to number "of M".
    The creation date and the document id are fixed here: reportlab's invariant mode
    would otherwise use 2000-01-01, or $SOURCE_DATE_EPOCH when it is set.
    """

    def __init__(
        self,
        *args: object,
        footer: Callable[[Canvas, int, int], None],
        created: str,
        doc_id: bytes,
        **kwargs: object,
    ) -> None:
        super().__init__(*args, **kwargs)
        self._held: list[dict[str, object]] = []
        self._footer = footer
        self.setDateFormatter(lambda *_: created)
        ids = pdfdoc.PDFText(doc_id, enc="raw").format(pdfdoc.DummyDoc())
        self._doc._ID = b"\n[" + ids + ids + b"]\n% ReportLab generated PDF document\n"

    def showPage(self) -> None:  # noqa: N802 - reportlab's name
        self._held.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        pages = len(self._held)
        for number, state in enumerate(self._held, 1):
            self.__dict__.update(state)
            self._footer(self, number, pages)
            super().showPage()
        super().save()


def _letterhead_key(letterhead: Letterhead) -> list[str | list[str] | None]:
    logo = hashlib.sha256(letterhead.logo_png).hexdigest() if letterhead.logo_png else None
    return [
        letterhead.organisation,
        letterhead.legal_entity,
        list(letterhead.address_lines),
        letterhead.contact,
        letterhead.signature_name,
        letterhead.signature_title,
        logo,
        letterhead.page_size,
    ]


def check_logo(png: bytes) -> None:
    """Refuse (ValueError, in words) a logo that could not be drawn on a letter, before it is kept."""
    _logo_size(png)
    try:
        with PIL.Image.open(io.BytesIO(png)) as image:
            image.load()  # the whole picture decodes, not only its header
    except (OSError, ValueError, SyntaxError, PIL.Image.DecompressionBombError):
        raise ValueError("the logo is not a PNG image that can be drawn") from None


def _logo(png: bytes | None) -> ImageReader | None:
    if png is None:
        return None
    _logo_size(png)
    return ImageReader(io.BytesIO(png))


def _logo_size(png: bytes) -> None:
    if len(png) > MAX_LOGO_BYTES or not png.startswith(b"\x89PNG\r\n\x1a\n"):
        raise ValueError(f"the logo must be a PNG of at most {MAX_LOGO_BYTES // 1024 // 1024} MB")
    # The width and height are in the IHDR chunk, read before anything is decoded.
    w, h = int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
    if not (0 < w * h <= MAX_LOGO_PIXELS):
        raise ValueError(f"the logo must be at most {MAX_LOGO_PIXELS:,} pixels")


def _letterhead(
    letterhead: Letterhead, logo: ImageReader | None, width: float
) -> tuple[float, Callable[[Canvas, float, float], None]]:
    """The height of the letterhead band and a function drawing it from its top-left corner."""
    styles = _styles()
    logo_w = logo_h = 0.0
    if logo is not None:
        px_w, px_h = logo.getSize()
        logo_h = min(15 * mm, 45 * mm * px_h / px_w)
        logo_w = logo_h * px_w / px_h
    gap = 4 * mm if logo else 0.0
    right_w = width * 0.38
    left_w = width - right_w - logo_w - gap - 6 * mm

    left = [Paragraph(markup(letterhead.organisation, bold=True), styles["organisation"])]
    if letterhead.legal_entity and letterhead.legal_entity != letterhead.organisation:
        left.append(Paragraph(markup(letterhead.legal_entity, serif=False), styles["entity"]))
    right_lines = [*letterhead.address_lines, *letterhead.contact.splitlines()]
    right = [
        Paragraph(markup(line.strip(), serif=False), styles["letterhead_right"])
        for line in right_lines
        if line.strip()
    ]

    def stack(paras: list[Paragraph], w: float) -> list[tuple[Paragraph, float, float]]:
        placed, y = [], 0.0
        for para in paras:
            _, h = para.wrap(w, 1000)
            y += para.getSpaceBefore()
            placed.append((para, y, h))
            y += h
        return placed

    left_placed = stack(left, left_w)
    right_placed = stack(right, right_w)
    heights = [logo_h]
    heights += [y + h for _, y, h in left_placed[-1:]]
    heights += [y + h for _, y, h in right_placed[-1:]]
    height = max(heights)

    def draw(canvas: Canvas, x: float, top: float) -> None:
        if logo is not None:
            canvas.drawImage(logo, x, top - logo_h, logo_w, logo_h, mask="auto")
        for para, y, h in left_placed:
            para.drawOn(canvas, x + logo_w + gap, top - y - h)
        for para, y, h in right_placed:
            para.drawOn(canvas, x + width - right_w, top - y - h)

    return height, draw


def _address_block(
    addressee_lines: Sequence[str],
    reference: str,
    their_reference: str,
    shown_date: str,
    labels: Labels,
    width: float,
) -> Flowable:
    styles = _styles()
    address = [Paragraph(markup(line), styles["address"]) for line in addressee_lines if line.strip()]
    meta: list[Flowable] = []
    for label, value in (
        (labels.pdf["our_reference"], reference),
        (labels.pdf["your_reference"], their_reference),
        (labels.pdf["date"], shown_date),
    ):
        if value:
            meta.append(Paragraph(markup(label.upper(), serif=False), styles["meta_label"]))
            meta.append(Paragraph(markup(value), styles["meta_value"]))
    table = Table([[address or "", meta]], colWidths=[width * 0.64, width * 0.36])
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                # The cells hold paragraphs, but reportlab selects the cell font anyway.
                ("FONTNAME", (0, 0), (-1, -1), SERIF[False, False]),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                # Long address lines wrap before they reach the reference column.
                ("RIGHTPADDING", (0, 0), (0, 0), 6 * mm),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return table


def _body(text: str) -> list[Flowable]:
    styles = _styles()
    blocks = markdown.parse(text)
    out: list[Flowable] = []
    for index, block in enumerate(blocks):
        if isinstance(block, markdown.Paragraph):
            nxt = blocks[index + 1] if index + 1 < len(blocks) else None
            # A heading-like line ("**Period**") or an introduction ending in a colon stays
            # on the page of what it introduces.
            text_of = "".join(s.text for s in block.spans).rstrip()
            leads = nxt is not None and (all(s.bold for s in block.spans) or text_of.endswith(":"))
            out.append(Paragraph(spans_markup(block.spans), styles["lead" if leads else "body"]))
        else:
            for number, item in enumerate(block.items, 1):
                bullet = f"{number}." if block.ordered else "\u2022"
                out.append(Paragraph(spans_markup(item), styles["item"], bulletText=bullet))
            out.append(Spacer(1, 4))
    return out


def _signature(letterhead: Letterhead) -> list[Flowable]:
    styles = _styles()
    lines: list[Flowable] = [Spacer(1, 13 * mm)]
    if letterhead.signature_name:
        lines.append(Paragraph(markup(letterhead.signature_name, bold=True), styles["signature"]))
    if letterhead.signature_title:
        lines.append(Paragraph(markup(letterhead.signature_title), styles["signature"]))
    entity = letterhead.legal_entity or letterhead.organisation
    if entity:
        lines.append(Paragraph(markup(entity), styles["signature"]))
    return lines
