"""Synthetic *scanned* demand PDFs.

Real legal process mostly reaches a reviewer as a fax or a flatbed scan: an
image-only PDF, a little crooked, speckled, soft, with a received stamp and a
wet-ink signature.  The OCR and intake paths have to cope with exactly that, so
this module turns a demand written as structured blocks into such a PDF:

1. lay the text out with reportlab (a throwaway, text-bearing PDF),
2. rasterise it with pypdfium2 at the scanner's dpi,
3. damage the bitmap with Pillow (ink, stamp, skew, blur, noise, dust),
4. JPEG-encode every page and wrap the JPEGs, one per page, in a new PDF.

The result carries no text layer at all.  Everything stays in memory and the
output is byte-for-byte reproducible for a given seed.

Markup inside block text: ``**bold**``, ``\\n`` for a line break, and
``[[words]]`` for words blacked out by a redaction bar.

Example::

    pdf = scan_document(
        Document([Heading("SUBPOENA"), Paragraph("You are commanded ...")]),
        ScanSettings(dpi=200, seed=7),
    )
"""

from __future__ import annotations

import io
import math
import random
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from statistics import NormalDist
from typing import Any, Literal
from xml.sax.saxutils import escape

import pypdfium2 as pdfium
import reportlab
from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageFont, ImageOps
from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas
from reportlab.platypus import Flowable, SimpleDocTemplate, TableStyle
from reportlab.platypus import PageBreak as RLPageBreak
from reportlab.platypus import Paragraph as RLParagraph
from reportlab.platypus import Spacer as RLSpacer
from reportlab.platypus import Table as RLTable

Align = Literal["left", "center", "right", "justify"]
PageSizeName = Literal["letter", "a4"]
FontFamily = Literal["serif", "sans", "mono"]

PAGE_SIZES: dict[str, tuple[float, float]] = {"letter": LETTER, "a4": A4}

_ALIGN = {"left": TA_LEFT, "center": TA_CENTER, "right": TA_RIGHT, "justify": TA_JUSTIFY}

# The PDF standard-14 faces: pdfium renders them from its own built-in fonts,
# so the rasterised pages look the same on every machine without bundling TTFs.
_FACES: dict[str, tuple[str, str, str]] = {
    "serif": ("Times-Roman", "Times-Bold", "Times-Italic"),
    "sans": ("Helvetica", "Helvetica-Bold", "Helvetica-Oblique"),
    "mono": ("Courier", "Courier-Bold", "Courier-Oblique"),
}


# --------------------------------------------------------------------------- blocks


@dataclass(frozen=True)
class Heading:
    """A caption or title line; bold and centred unless told otherwise."""

    text: str
    size: float = 13
    bold: bool = True
    align: Align = "center"
    space_before: float = 2
    space_after: float = 4
    face: FontFamily | None = None  # overrides the document's font family


@dataclass(frozen=True)
class Paragraph:
    """Body text.  ``**words**`` inside ``text`` are set in bold."""

    text: str
    size: float = 11
    bold: bool = False
    italic: bool = False
    align: Align = "justify"
    indent: float = 0  # points of extra left indent
    bullet: str | None = None  # "1.", "(a)", "-" ... hung to the left of the text
    space_after: float = 6
    face: FontFamily | None = None  # e.g. "mono" for a fax header line


@dataclass(frozen=True)
class Table:
    """A two-column table: identifier lists, caption boxes, key/value forms.

    ``style``: ``"grid"`` draws every rule, ``"plain"`` none, and ``"caption"``
    the half-box US courts put around the case caption.
    """

    rows: Sequence[tuple[str, str]]
    split: float = 0.34  # share of the text width given to the left column
    size: float = 10.5
    bold_left: bool = True
    style: Literal["grid", "plain", "caption"] = "grid"
    space_after: float = 8


@dataclass(frozen=True)
class Rule:
    """A horizontal line, e.g. under a letterhead."""

    thickness: float = 1.0
    double: bool = False
    space_after: float = 8


@dataclass(frozen=True)
class Spacer:
    height: float


@dataclass(frozen=True)
class PageBreak:
    pass


@dataclass(frozen=True)
class Signature:
    """A signature block.

    With ``squiggle`` a blank space and a signature rule are left and a
    hand-drawn signature is inked into that space after rasterising; without it
    the lines are printed as they are (``/s/ Name`` e-signatures).
    """

    lines: Sequence[str]
    squiggle: bool = False
    align: Literal["left", "right"] = "left"
    width: float = 210  # points
    size: float = 11
    space_before: float = 8


Block = Heading | Paragraph | Table | Rule | Spacer | PageBreak | Signature


@dataclass(frozen=True)
class Document:
    """A demand as the issuing office typed it."""

    blocks: Sequence[Block]
    page_size: PageSizeName = "letter"
    font: FontFamily = "serif"
    margin: float = 72  # points, all four sides
    footer: str | None = None  # "{page}" and "{pages}" are filled in
    # Demo documents promise a page count; fail loudly instead of silently
    # spilling onto an extra page when the wording grows.
    pages: int | None = None


# ------------------------------------------------------------------- scan settings


@dataclass(frozen=True)
class Stamp:
    """A rubber stamp inked over the page (the first line is set large)."""

    lines: Sequence[str] = ("RECEIVED",)
    color: tuple[int, int, int] = (196, 36, 44)
    page: int = 0
    center: tuple[float, float] = (0.68, 0.2)  # fraction of page width / height, from top-left
    angle: float | None = None  # degrees counter-clockwise; None picks a random tilt
    width_in: float = 2.5  # physical width, so the stamp is the same size at any dpi


@dataclass(frozen=True)
class ScanSettings:
    dpi: int = 200
    seed: int = 0
    max_skew: float = 2.0  # degrees either way
    noise: float = 9.0  # sensor noise in dark areas, standard deviation in grey levels
    # ... and on blank paper.  Kept low on purpose: JPEG spends most of its
    # bytes on hiss in the white, and real scanners flatten the background.
    paper_noise: float = 1.5
    speckles: float = 1.0  # dust density; 0 for a clean glass
    blur: float = 1.2  # gaussian radius in pixels at 300 dpi, scaled with dpi
    paper: int = 246  # how white the paper comes out (contrast loss)
    ink: int = 45  # how black the toner comes out
    jpeg_quality: int = 70
    stamp: Stamp | None = None
    signature_ink: tuple[int, int, int] = (28, 38, 112)  # ballpoint blue-black
    # Pages fed into the scanner the wrong way round, turned 180 degrees; 0-based,
    # negative indices count from the end (-1: the last page).
    upside_down: tuple[int, ...] = ()


@dataclass(frozen=True)
class SignatureSlot:
    """Where a wet-ink signature goes, in PDF points from the page's bottom-left."""

    page: int
    x: float
    y: float
    width: float
    height: float


@dataclass
class Layout:
    pdf: bytes
    page_size: tuple[float, float]
    page_count: int
    signature_slots: list[SignatureSlot] = field(default_factory=list)


# ------------------------------------------------------------------------- layout


# A redaction: the words are set, then covered edge to edge by a black bar,
# which is what a redacting tool leaves in a printed copy.
_REDACTION = '<font backColor="#000000" color="#000000">\u00a0\\1\u00a0</font>'


def _markup(text: str) -> str:
    # reportlab paragraphs parse a mini-HTML dialect; demand text is plain, so
    # escape it and only then re-admit the markup we allow: bold, line breaks and
    # ``[[redacted words]]``.
    text = re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", escape(text))
    text = re.sub(r"\[\[(.+?)\]\]", _REDACTION, text)
    return text.replace("\n", "<br/>")


class _SignatureFlowable(Flowable):
    _SPACE = 34.0  # room left for the hand signature, in points

    def __init__(self, block: Signature, font: str, slots: list[SignatureSlot]) -> None:
        super().__init__()
        self.block = block
        self.font = font
        self.slots = slots
        self.leading = block.size * 1.25
        self.avail = 0.0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        self.avail = availWidth
        top = self._SPACE + 4 if self.block.squiggle else 0
        self.width, self.height = availWidth, top + self.leading * len(self.block.lines)
        return self.width, self.height

    def draw(self) -> None:
        b = self.block
        c = self.canv
        x = self.avail - b.width if b.align == "right" else 0
        y = self.height
        if b.squiggle:
            y -= self._SPACE
            c.setLineWidth(0.6)
            c.line(x, y, x + b.width, y)
            # The canvas is translated into the frame here; only the absolute
            # position is meaningful once the page is a bitmap.
            ax, ay = c.absolutePosition(x, y)
            self.slots.append(SignatureSlot(c.getPageNumber() - 1, ax, ay, b.width, self._SPACE))
            y -= 4
        c.setFont(self.font, b.size)
        for line in b.lines:
            y -= self.leading
            c.drawString(x, y + self.leading * 0.22, line)


def layout(doc: Document) -> Layout:
    """Typeset ``doc`` into an ordinary, text-bearing PDF (the 'original')."""
    pdf, slots, count = _build(doc, total=None)
    if doc.footer and "{pages}" in doc.footer:
        # "Page 1 of N" needs N before the first page is drawn: typeset twice.
        pdf, slots, count = _build(doc, total=count)
    if doc.pages is not None and count != doc.pages:
        raise ValueError(f"document laid out on {count} pages, expected {doc.pages}")
    return Layout(pdf, PAGE_SIZES[doc.page_size], count, slots)


def _build(doc: Document, total: int | None) -> tuple[bytes, list[SignatureSlot], int]:
    page_size = PAGE_SIZES[doc.page_size]
    slots: list[SignatureSlot] = []
    frame_width = page_size[0] - 2 * doc.margin
    story: list[Flowable] = []

    for block in doc.blocks:
        if isinstance(block, Heading):
            regular, bold, _italic = _FACES[block.face or doc.font]
            style = ParagraphStyle(
                "h",
                fontName=bold if block.bold else regular,
                fontSize=block.size,
                leading=block.size * 1.2,
                alignment=_ALIGN[block.align],
                spaceBefore=block.space_before,
                spaceAfter=block.space_after,
            )
            story.append(RLParagraph(_markup(block.text), style))
        elif isinstance(block, Paragraph):
            regular, bold, italic = _FACES[block.face or doc.font]
            face = bold if block.bold else italic if block.italic else regular
            hang = block.size * 2.2 if block.bullet else 0
            style = ParagraphStyle(
                "p",
                fontName=face,
                fontSize=block.size,
                leading=block.size * 1.25,
                alignment=_ALIGN[block.align],
                leftIndent=block.indent + hang,
                bulletIndent=block.indent,
                bulletFontName=face,
                bulletFontSize=block.size,
                spaceAfter=block.space_after,
            )
            story.append(
                RLParagraph(
                    _markup(block.text),
                    style,
                    bulletText=escape(block.bullet) if block.bullet else None,
                )
            )
        elif isinstance(block, Table):
            regular, bold, _italic = _FACES[doc.font]
            story.append(_table(block, frame_width, regular, bold))
        elif isinstance(block, Rule):
            story.append(_RuleFlowable(block))
        elif isinstance(block, Spacer):
            story.append(RLSpacer(1, block.height))
        elif isinstance(block, PageBreak):
            story.append(RLPageBreak())
        elif isinstance(block, Signature):
            story.append(RLSpacer(1, block.space_before))
            story.append(_SignatureFlowable(block, _FACES[doc.font][0], slots))
        else:  # pragma: no cover - guards against a new block type without layout
            raise TypeError(f"unknown block {block!r}")

    def footer(c: canvas.Canvas, _doc: Any) -> None:
        if doc.footer:
            text = doc.footer.format(page=c.getPageNumber(), pages=total or "?")
            c.setFont(_FACES[doc.font][0], 9)
            c.drawCentredString(page_size[0] / 2, doc.margin / 2, text)

    buf = io.BytesIO()
    template = SimpleDocTemplate(
        buf,
        pagesize=page_size,
        leftMargin=doc.margin,
        rightMargin=doc.margin,
        topMargin=doc.margin,
        bottomMargin=doc.margin,
        invariant=1,
    )
    template.build(story, onFirstPage=footer, onLaterPages=footer)
    pdf = buf.getvalue()
    document = pdfium.PdfDocument(pdf)
    count = len(document)
    document.close()
    return pdf, slots, count


class _RuleFlowable(Flowable):
    def __init__(self, block: Rule) -> None:
        super().__init__()
        self.block = block

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        self.width = availWidth
        return availWidth, self.block.thickness * (4 if self.block.double else 1) + (self.block.space_after)

    def draw(self) -> None:
        c = self.canv
        c.setLineWidth(self.block.thickness)
        y = self.height
        c.line(0, y, self.width, y)
        if self.block.double:
            c.setLineWidth(self.block.thickness / 2)
            c.line(0, y - self.block.thickness * 3, self.width, y - self.block.thickness * 3)


def _table(block: Table, width: float, regular: str, bold: str) -> RLTable:
    left = ParagraphStyle(
        "tl",
        fontName=bold if block.bold_left else regular,
        fontSize=block.size,
        leading=block.size * 1.2,
    )
    right = ParagraphStyle("tr", fontName=regular, fontSize=block.size, leading=block.size * 1.2)
    data = [[RLParagraph(_markup(k), left), RLParagraph(_markup(v), right)] for k, v in block.rows]
    table = RLTable(
        data,
        colWidths=[width * block.split, width * (1 - block.split)],
        spaceAfter=block.space_after,
        hAlign="LEFT",
    )
    commands: list[tuple[Any, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]
    if block.style == "grid":
        commands.append(("GRID", (0, 0), (-1, -1), 0.6, colors.black))
    elif block.style == "caption":
        commands += [
            ("LINEAFTER", (0, 0), (0, -1), 0.8, colors.black),
            ("LINEBELOW", (0, -1), (0, -1), 0.8, colors.black),
            ("LEFTPADDING", (1, 0), (1, -1), 14),
        ]
    table.setStyle(TableStyle(commands))
    return table


# ---------------------------------------------------------------------- rasterise


def rasterise(pdf: bytes, dpi: int) -> list[Image.Image]:
    """Render every page of ``pdf`` to an 8-bit greyscale bitmap."""
    document = pdfium.PdfDocument(pdf)
    try:
        pages = []
        for page in document:
            width, height = page.get_size()
            bitmap = page.render(scale=dpi / 72, grayscale=True)
            # pdfium may round a pixel up; trim so the image is exactly ``dpi``
            # (Letter at 300 dpi must be 2550 x 3300).  Cropping also copies
            # the pixels out of pdfium's buffer before the document closes.
            image = bitmap.to_pil().convert("L")
            size = (round(width * dpi / 72), round(height * dpi / 72))
            if image.width >= size[0] and image.height >= size[1]:
                image = image.crop((0, 0, *size))
            else:
                image = image.resize(size)
            pages.append(image)
            page.close()
        return pages
    finally:
        document.close()


# ------------------------------------------------------------------------- damage


def _stamp_font(size: int) -> ImageFont.FreeTypeFont:
    # reportlab's wheel ships Bitstream Vera; its bold cut looks like stamp
    # type and spares us depending on whatever fonts the host happens to have.
    return ImageFont.truetype(str(Path(reportlab.__file__).parent / "fonts" / "VeraBd.ttf"), size)


def _fit_font(text: str, width: int, largest: float) -> ImageFont.FreeTypeFont:
    """The stamp font at ``largest`` px, shrunk until ``text`` fits ``width``."""
    size = max(6, int(largest))
    font = _stamp_font(size)
    text_width = font.getlength(text)
    if text_width > width:
        font = _stamp_font(max(6, int(size * width / text_width)))
    return font


def _mottle(size: tuple[int, int], rng: random.Random, low: int, cell: int) -> Image.Image:
    """Smooth random texture in [low, 255]: uneven ink, uneven paper."""
    w, h = max(1, size[0] // cell), max(1, size[1] // cell)
    coarse = Image.frombytes("L", (w, h), rng.randbytes(w * h))
    coarse = coarse.point(lambda v: low + (255 - low) * v // 255)
    return coarse.resize(size, Image.Resampling.BICUBIC)


def draw_stamp(page: Image.Image, stamp: Stamp, dpi: int, rng: random.Random) -> Image.Image:
    """Ink ``stamp`` onto ``page`` (multiplied, so the text underneath shows through)."""
    width = int(stamp.width_in * dpi)
    pad = int(width * 0.07)
    border = max(2, dpi // 45)
    inner = width - 2 * pad
    fonts = [
        _fit_font(line, inner, 0.24 * width if i == 0 else 0.085 * width)
        for i, line in enumerate(stamp.lines)
    ]
    gaps = [int(font.size * (1.3 if i == 0 else 1.35)) for i, font in enumerate(fonts)]
    height = 2 * pad + sum(gaps)

    mask = Image.new("L", (width, height), 0)
    draw = ImageDraw.Draw(mask)
    draw.rectangle((0, 0, width - 1, height - 1), outline=255, width=border)
    inset = border * 2
    draw.rectangle(
        (inset, inset, width - 1 - inset, height - 1 - inset),
        outline=255,
        width=max(1, border // 2),
    )
    y = pad + (fonts[0].size * 0.1)
    for line, font, gap in zip(stamp.lines, fonts, gaps, strict=True):
        left, top, right, bottom = draw.textbbox((0, 0), line, font=font)
        draw.text(((width - (right - left)) / 2 - left, y - top), line, fill=255, font=font)
        y += gap

    # A hand-pressed stamp never inks evenly: fade it in patches.
    mask = ImageChops.multiply(mask, _mottle(mask.size, rng, 110, max(4, dpi // 25)))
    angle = stamp.angle if stamp.angle is not None else rng.choice((-1, 1)) * rng.uniform(4, 12)
    mask = mask.rotate(angle, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=0)

    grey = stamp.color[0] == stamp.color[1] == stamp.color[2]
    mode = "L" if grey and page.mode == "L" else "RGB"
    page = page.convert(mode)
    ink: int | tuple[int, int, int] = stamp.color[0] if mode == "L" else stamp.color
    white: int | tuple[int, int, int] = 255 if mode == "L" else (255, 255, 255)
    layer = Image.new(mode, page.size, white)
    cx = int(stamp.center[0] * page.width) - mask.width // 2
    cy = int(stamp.center[1] * page.height) - mask.height // 2
    layer.paste(Image.new(mode, mask.size, ink), (cx, cy), mask)
    return ImageChops.multiply(page, layer)


def draw_signature(
    page: Image.Image,
    box: tuple[int, int, int, int],
    rng: random.Random,
    ink: tuple[int, int, int] = (28, 38, 112),
) -> Image.Image:
    """Scrawl a cursive-looking signature into ``box`` (left, top, width, height) in pixels."""
    left, top, width, height = box
    colour: int | tuple[int, int, int] = ink if page.mode == "RGB" else sum(ink) // 3
    draw = ImageDraw.Draw(page)
    pen = max(2, height // 24)
    base = top + height * 0.74
    slant = rng.uniform(0.25, 0.45)
    unit = height * 0.2  # x-height of the running hand

    def ink_line(points: list[tuple[float, float]]) -> None:
        # Handwriting leans right: shear by the distance above the baseline.
        sheared = [(x + (base - y) * slant, y) for x, y in points]
        draw.line(sheared, fill=colour, width=pen, joint="curve")

    def capital(x: float) -> float:
        cap = height * rng.uniform(0.55, 0.85)
        style = rng.choice(("loop", "arc", "spike"))
        if style == "loop":  # a tall narrow loop closed by a downstroke
            angles = [i * math.pi / 16 for i in range(-8, 33)]
            ink_line([(x + cap * 0.16 * math.cos(a), base - cap * (0.5 + 0.5 * math.sin(a))) for a in angles])
            return x + cap * 0.22
        if style == "arc":  # an open 'C'-like sweep from the top right
            angles = [math.pi * (0.15 + 1.3 * i / 30) for i in range(31)]
            ink_line(
                [(x + cap * 0.3 * (1 + math.cos(a)), base - cap * 0.5 * (1 + math.sin(a))) for a in angles]
            )
            return x + cap * 0.45
        # spike: straight up, then down and a hook into the next letter
        ink_line(
            [
                (x, base),
                (x + cap * 0.12, base - cap),
                (x + cap * 0.2, base),
                (x + cap * 0.35, base - unit),
            ]
        )
        return x + cap * 0.35

    def word(x: float, letters: int) -> float:
        x = capital(x)
        # Running hand: a circle rolled along the baseline draws the loops of
        # cursive letters.  Letter heights change smoothly from one to the
        # next, which is what separates an 'e' from an 'l' at a glance.
        heights = [rng.choice((0.8, 1.0, 1.0, 1.2, 2.2, 2.6)) for _ in range(letters + 1)]
        advance = unit * rng.uniform(1.3, 2.0)
        steps = 24
        points = []
        for k in range(letters):
            for i in range(steps):
                t = i / steps
                blend = (1 - math.cos(math.pi * t)) / 2
                r = unit * (heights[k] * (1 - blend) + heights[k + 1] * blend) / 2
                a = math.tau * t - math.pi / 2
                points.append((x + advance * (k + t) + r * 0.7 * math.sin(a), base - r - r * math.sin(a)))
        ink_line(points)
        return x + advance * letters

    x = left + width * rng.uniform(0.03, 0.1)
    if rng.random() < 0.35:  # some people sign with the surname only
        x = word(x, rng.randint(5, 8))
    else:
        x = word(x, rng.randint(1, 3))
        x = word(x + unit * rng.uniform(0.8, 1.6), rng.randint(3, 6))

    finish = rng.choice(("underline", "underline", "tail", "none"))
    if finish == "underline":  # back under the name
        start = left + width * 0.05
        ink_line(
            [
                (x - (x - start) * t, base + height * 0.1 + height * 0.08 * math.sin(math.pi * t))
                for t in (i / 30 for i in range(31))
            ]
        )
    elif finish == "tail":  # a long trailing stroke rising to the right
        ink_line([(x + unit * 2.5 * t, base - unit * 1.5 * t * t) for t in (i / 12 for i in range(13))])
    return page


def _noise(size: tuple[int, int], sigma: float, rng: random.Random) -> Image.Image:
    """Gaussian sensor noise around 128, drawn from ``rng`` (Pillow's own is unseeded)."""
    if sigma <= 0:
        return Image.new("L", size, 128)
    # Map uniform bytes through the inverse normal CDF instead of calling
    # gauss() per pixel: the same distribution at C speed.
    normal = NormalDist(128, sigma)
    lut = [max(0, min(255, round(normal.inv_cdf((u + 0.5) / 256)))) for u in range(256)]
    # Scanner grain is a couple of pixels wide, and noise at half resolution
    # costs JPEG far fewer bytes than per-pixel hiss.
    half = (max(1, size[0] // 2), max(1, size[1] // 2))
    grain = Image.frombytes("L", half, rng.randbytes(half[0] * half[1])).point(lut)
    return grain.resize(size, Image.Resampling.BILINEAR)


def _dust(page: Image.Image, dpi: int, density: float, rng: random.Random) -> None:
    draw = ImageDraw.Draw(page)
    black: Any = 0 if page.mode == "L" else (0, 0, 0)
    scale = dpi / 200
    area_in2 = page.width * page.height / dpi / dpi
    for _ in range(int(area_in2 * 1.5 * density)):
        x, y = rng.uniform(0, page.width), rng.uniform(0, page.height)
        r = rng.uniform(0.4, 1.6) * scale
        shade = rng.randint(20, 140)
        fill = shade if page.mode == "L" else (shade, shade, shade)
        draw.ellipse((x - r, y - r, x + r, y + r), fill=fill)
    # A few hairs and fibres on the glass.
    for _ in range(int(rng.uniform(0, 3) * density)):
        x, y = rng.uniform(0, page.width), rng.uniform(0, page.height)
        a = rng.uniform(0, math.tau)
        length = rng.uniform(0.1, 0.4) * dpi
        bend = rng.uniform(-0.5, 0.5)
        pts = [
            (
                x + math.cos(a + bend * t) * length * t,
                y + math.sin(a + bend * t) * length * t,
            )
            for t in (i / 12 for i in range(13))
        ]
        draw.line(pts, fill=black, width=max(1, int(scale)))


def degrade(
    page: Image.Image,
    settings: ScanSettings,
    rng: random.Random,
    *,
    stamp: Stamp | None = None,
    signatures: Sequence[tuple[int, int, int, int]] = (),
) -> Image.Image:
    """Make a clean greyscale rendering look like it went through a tired scanner."""
    dpi = settings.dpi
    # Toner is never black and paper never white: squeeze the range first.
    ink, paper = settings.ink, settings.paper
    page = page.point(lambda v: ink + (paper - ink) * v // 255)
    # Only a coloured stamp makes the page worth scanning in colour.
    if stamp is not None and len(set(stamp.color)) > 1:
        page = page.convert("RGB")
    # Paper is not evenly lit either.
    light = _mottle(page.size, rng, 242, dpi)
    page = ImageChops.multiply(page, light.convert(page.mode))

    # Ink goes on before the page is fed, so it shares the page's skew and blur.
    for box in signatures:
        page = draw_signature(page, box, rng, settings.signature_ink)
    if stamp is not None:
        page = draw_stamp(page, stamp, dpi, rng)

    angle = rng.uniform(-settings.max_skew, settings.max_skew)
    # The sheet never lands exactly on the platen corner.
    shift = (round(rng.uniform(-0.06, 0.06) * dpi), round(rng.uniform(-0.06, 0.06) * dpi))
    white: Any = 255 if page.mode == "L" else (255, 255, 255)
    page = page.rotate(angle, resample=Image.Resampling.BICUBIC, translate=shift, fillcolor=white)

    if settings.blur > 0:
        page = page.filter(ImageFilter.GaussianBlur(settings.blur * dpi / 300))

    # Noise grows with darkness (strokes and stamp ink), so blend a strong and a
    # weak noise field by how dark each pixel is.
    darkness = ImageOps.invert(page.convert("L"))
    noise = Image.composite(
        _noise(page.size, settings.noise, rng),
        _noise(page.size, settings.paper_noise, rng),
        darkness,
    )
    if page.mode == "RGB":
        noise = Image.merge("RGB", (noise, noise, noise))
    page = ImageChops.add(page, noise, scale=1.0, offset=-128)

    _dust(page, dpi, settings.speckles, rng)
    return page


# ----------------------------------------------------------------------- assemble


@contextmanager
def _raw_jpeg_streams() -> Iterator[None]:
    # reportlab ASCII85-wraps image streams by default, which inflates every
    # JPEG by a quarter; real scanners embed the DCT data as-is.
    saved = rl_config.useA85
    rl_config.useA85 = 0
    try:
        yield
    finally:
        rl_config.useA85 = saved


def encode_jpeg(page: Image.Image, quality: int) -> bytes:
    buf = io.BytesIO()
    page.save(buf, "JPEG", quality=quality, optimize=True)
    return buf.getvalue()


class _ImageOnlyCanvas(canvas.Canvas):
    # reportlab primes every page with a default font: an empty BT/ET block
    # and Helvetica in the font resources.  A scanner writes neither, and a
    # text-layer detector that looks for text objects or fonts must not be
    # fooled.  (reportlab still writes an empty /Font dictionary; harmless.)
    def _make_preamble(self) -> None:
        self._preamble = "1 0 0 1 0 0 cm"


def assemble(jpegs: Sequence[bytes], page_size: tuple[float, float]) -> bytes:
    """Wrap one JPEG per page, edge to edge, in an image-only PDF."""
    out = io.BytesIO()
    c = _ImageOnlyCanvas(out, pagesize=page_size, invariant=1, pageCompression=1)
    c.setCreator("Demand Desk synthetic scan (tests/corpus)")
    c.setProducer("tests.corpus.scan")
    with _raw_jpeg_streams():
        for jpeg in jpegs:
            c.setPageSize(page_size)
            c.drawImage(ImageReader(io.BytesIO(jpeg)), 0, 0, width=page_size[0], height=page_size[1])
            c.showPage()
        c.save()
    return out.getvalue()


def scan_pages(doc: Document, settings: ScanSettings) -> tuple[list[Image.Image], Layout]:
    """Lay out, rasterise and damage ``doc``; the damaged page bitmaps and the layout."""
    if not 100 <= settings.dpi <= 600:
        raise ValueError("dpi out of the range scanners use")
    rng = random.Random(settings.seed)
    laid = layout(doc)
    px = settings.dpi / 72
    pages = []
    for index, clean in enumerate(rasterise(laid.pdf, settings.dpi)):
        boxes = [
            (
                int(s.x * px),
                int((laid.page_size[1] - s.y - s.height) * px),
                int(s.width * px),
                int(s.height * px),
            )
            for s in laid.signature_slots
            if s.page == index
        ]
        stamp = settings.stamp if settings.stamp and settings.stamp.page == index else None
        page = degrade(clean, settings, rng, stamp=stamp, signatures=boxes)
        if index in settings.upside_down or index - laid.page_count in settings.upside_down:
            page = page.transpose(Image.Transpose.ROTATE_180)
        pages.append(page)
    return pages, laid


def scan_document(doc: Document, settings: ScanSettings | None = None) -> bytes:
    """The whole pipeline: ``doc`` in, image-only 'scanned' PDF bytes out."""
    settings = settings or ScanSettings()
    pages, laid = scan_pages(doc, settings)
    jpegs = [encode_jpeg(p, settings.jpeg_quality) for p in pages]
    return assemble(jpegs, laid.page_size)


def rescan(pdf: bytes, settings: ScanSettings | None = None, pages: int | None = None) -> bytes:
    """An existing PDF (its first ``pages`` pages) printed and scanned: image-only, damaged.

    For real documents that carry a text layer, so that the OCR path reads them as the
    scans they usually are.
    """
    settings = settings or ScanSettings()
    rng = random.Random(settings.seed)
    images = rasterise(pdf, settings.dpi)[:pages]
    document = pdfium.PdfDocument(pdf)
    try:
        size = document[0].get_size()
    finally:
        document.close()
    jpegs = [encode_jpeg(degrade(page, settings, rng), settings.jpeg_quality) for page in images]
    return assemble(jpegs, size)
