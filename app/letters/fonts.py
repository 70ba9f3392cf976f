"""The faces a letter is set in, and setting text in them.

The DejaVu faces shipped in resources/fonts (serif for the letter, sans for the letterhead
and page furniture), registered with reportlab once and embedded as subsets. DejaVu Serif
has no Arabic, so each character is set in the first face that has it: the letter's face,
then DejaVu Sans in the same weight and slant, then upright, then regular. Text is escaped
here, before reportlab sees it, so that nothing typed can become reportlab markup.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from app.letters import markdown, scripts

FONTS_DIR = Path(__file__).resolve().parents[2] / "resources" / "fonts"

# (bold, italic) -> the registered name of each face.
SERIF = {
    (False, False): "DemandDesk-Serif",
    (True, False): "DemandDesk-Serif-Bold",
    (False, True): "DemandDesk-Serif-Italic",
    (True, True): "DemandDesk-Serif-BoldItalic",
}
SANS = {
    (False, False): "DemandDesk-Sans",
    (True, False): "DemandDesk-Sans-Bold",
    (False, True): "DemandDesk-Sans-Oblique",
    (True, True): "DemandDesk-Sans-BoldOblique",
}
FONT_FILES = {
    "DemandDesk-Serif": "DejaVuSerif.ttf",
    "DemandDesk-Serif-Bold": "DejaVuSerif-Bold.ttf",
    "DemandDesk-Serif-Italic": "DejaVuSerif-Italic.ttf",
    "DemandDesk-Serif-BoldItalic": "DejaVuSerif-BoldItalic.ttf",
    "DemandDesk-Sans": "DejaVuSans.ttf",
    "DemandDesk-Sans-Bold": "DejaVuSans-Bold.ttf",
    "DemandDesk-Sans-Oblique": "DejaVuSans-Oblique.ttf",
    "DemandDesk-Sans-BoldOblique": "DejaVuSans-BoldOblique.ttf",
}


@functools.cache
def register_fonts() -> dict[str, frozenset[int]]:
    """Register the shipped faces with reportlab (once) and return each one's code points."""
    coverage: dict[str, frozenset[int]] = {}
    for name, filename in FONT_FILES.items():
        font = TTFont(name, str(FONTS_DIR / filename))
        pdfmetrics.registerFont(font)
        coverage[name] = frozenset(font.face.charToGlyph)
    return coverage


def face_for(char: str, *, serif: bool = True, bold: bool = False, italic: bool = False) -> str:
    """The face a character is set in: the first of the fallback chain that has its glyph."""
    coverage = register_fonts()
    chain = _chain(serif, bold, italic)
    code = ord(char)
    for name in chain:
        if code in coverage[name]:
            return name
    return chain[0]


@functools.cache
def _chain(serif: bool, bold: bool, italic: bool) -> tuple[str, ...]:
    faces = [SERIF[bold, italic]] if serif else []
    faces += [SANS[bold, italic], SANS[bold, False], SANS[False, False]]
    return tuple(dict.fromkeys(faces))


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def face_runs(text: str, *, serif: bool, bold: bool, italic: bool) -> list[tuple[str, str]]:
    """``text`` (already in display order) cut into (face, text) runs that the faces can set."""
    coverage = register_fonts()
    chain = _chain(serif, bold, italic)
    primary = chain[0]
    primary_cover = coverage[primary]
    if all(ord(c) in primary_cover or c.isspace() for c in text):
        return [(primary, text)]
    runs: list[tuple[str, list[str]]] = []
    for c in text:
        code = ord(c)
        face = primary
        if not c.isspace() and code not in primary_cover:
            face = next((f for f in chain if code in coverage[f]), primary)
        if runs and runs[-1][0] == face:
            runs[-1][1].append(c)
        else:
            runs.append((face, [c]))
    return [(face, "".join(chars)) for face, chars in runs]


def markup(text: str, *, serif: bool = True, bold: bool = False, italic: bool = False) -> str:
    """Plain ``text`` as reportlab paragraph markup, each run in a face that has its glyphs."""
    runs = face_runs(scripts.visual(text), serif=serif, bold=bold, italic=italic)
    return "".join(f'<font face="{face}">{_escape(run)}</font>' for face, run in runs)


def spans_markup(spans: Sequence[markdown.Span], *, serif: bool = True) -> str:
    return "".join(markup(s.text, serif=serif, bold=s.bold, italic=s.italic) for s in spans)
