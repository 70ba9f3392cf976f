"""Right-to-left names in a left-to-right letter, for a renderer that neither shapes nor reorders.

reportlab lays text out one glyph after another, left to right, taking each character's
default glyph. That is right for Latin, Greek and Cyrillic, but an Arabic name would come
out as its letters in isolated forms and in reverse order: legible to no one. Its own
fixes need uharfbuzz and rlbidi, which are not dependencies. So ``visual()`` does the two
things a name needs before it reaches reportlab:

- **contextual forms**: each Arabic letter becomes its isolated, initial, medial or final
  presentation form (Unicode's Arabic Presentation Forms, which DejaVu Sans carries),
  and lam followed by alef becomes the lam-alef ligature;
- **display order**: each run of right-to-left text (Arabic or Hebrew letters and the
  spaces and punctuation between them) is reversed, keeping combining marks after their
  letter and digit sequences in their own order.

This is enough for names and short phrases inside an English or German letter. It is
not the full Unicode bidirectional algorithm: a right-to-left run that wraps over two
lines keeps its words in the order of a single line.
"""

from __future__ import annotations

import re
import unicodedata

# Letter -> (isolated, final, initial, medial) presentation forms. Letters that join only
# to the preceding letter ("right-joining") have no initial or medial form.
_D = "dual"
_R = "right"
_FORMS: dict[str, tuple[str, ...]] = {}
_JOINING: dict[str, str] = {}


def _table() -> None:
    dual = {
        0x0626: 0xFE89, 0x0628: 0xFE8F, 0x062A: 0xFE95, 0x062B: 0xFE99, 0x062C: 0xFE9D,
        0x062D: 0xFEA1, 0x062E: 0xFEA5, 0x0633: 0xFEB1, 0x0634: 0xFEB5, 0x0635: 0xFEB9,
        0x0636: 0xFEBD, 0x0637: 0xFEC1, 0x0638: 0xFEC5, 0x0639: 0xFEC9, 0x063A: 0xFECD,
        0x0641: 0xFED1, 0x0642: 0xFED5, 0x0643: 0xFED9, 0x0644: 0xFEDD, 0x0645: 0xFEE1,
        0x0646: 0xFEE5, 0x0647: 0xFEE9, 0x064A: 0xFEF1,
        # Persian and Urdu letters (Arabic Presentation Forms-A).
        0x067E: 0xFB56, 0x0686: 0xFB7A, 0x06A9: 0xFB8E, 0x06AF: 0xFB92, 0x06CC: 0xFBFC,
    }  # fmt: skip
    right = {
        0x0622: 0xFE81, 0x0623: 0xFE83, 0x0624: 0xFE85, 0x0625: 0xFE87, 0x0627: 0xFE8D,
        0x0629: 0xFE93, 0x062F: 0xFEA9, 0x0630: 0xFEAB, 0x0631: 0xFEAD, 0x0632: 0xFEAF,
        0x0648: 0xFEED, 0x0649: 0xFEEF, 0x0698: 0xFB8A,
    }  # fmt: skip
    for base, first in dual.items():
        _FORMS[chr(base)] = tuple(chr(first + k) for k in range(4))
        _JOINING[chr(base)] = _D
    for base, first in right.items():
        _FORMS[chr(base)] = (chr(first), chr(first + 1))
        _JOINING[chr(base)] = _R
    _FORMS["\u0621"] = ("\ufe80",)  # hamza joins nothing
    _JOINING["\u0640"] = _D  # tatweel, the joining stroke, joins on both sides


_table()

LAM = "\u0644"
# Alef variant -> (isolated, final) lam-alef ligature.
_LAM_ALEF = {
    "\u0622": ("\ufef5", "\ufef6"),
    "\u0623": ("\ufef7", "\ufef8"),
    "\u0625": ("\ufef9", "\ufefa"),
    "\u0627": ("\ufefb", "\ufefc"),
}
_RTL_RANGES = re.compile(
    "[\u0590-\u05ff\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb1d-\ufb4f\ufb50-\ufdff\ufe70-\ufeff]"
)
_HAS_RTL = _RTL_RANGES.search
# A run of right-to-left text: from one strong right-to-left character to the last one
# before the next left-to-right letter, taking in the spaces, digits and punctuation between.
_RTL_RUN = re.compile(
    "[\u0590-\u05ff\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]"
    "(?:[^A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff]*"
    "[\u0590-\u05ff\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb1d-\ufdff\ufe70-\ufeff])?"
)


def _transparent(c: str) -> bool:
    """Combining marks (vowel signs) sit on a letter and do not break its joining."""
    return unicodedata.category(c) in ("Mn", "Me")


def shape(text: str) -> str:
    """Arabic letters in their contextual forms, in logical order."""
    letters = [i for i, c in enumerate(text) if not _transparent(c)]
    out = list(text)
    skip: set[int] = set()
    for pos, i in enumerate(letters):
        if i in skip:
            continue
        c = text[i]
        forms = _FORMS.get(c)
        if forms is None:
            continue
        prev = text[letters[pos - 1]] if pos > 0 else ""
        nxt = text[letters[pos + 1]] if pos + 1 < len(letters) else ""
        joins_prev = _JOINING.get(prev) == _D and c in _JOINING
        if c == LAM and nxt in _LAM_ALEF:
            out[i] = _LAM_ALEF[nxt][1 if joins_prev else 0]
            out[letters[pos + 1]] = ""
            skip.add(letters[pos + 1])
            continue
        joins_next = _JOINING.get(c) == _D and nxt in _JOINING
        if joins_prev and joins_next:
            out[i] = forms[3]
        elif joins_prev:
            out[i] = forms[1]
        elif joins_next:
            out[i] = forms[2]
        else:
            out[i] = forms[0]
    return "".join(out)


def _reverse_run(run: str) -> str:
    clusters: list[str] = []
    for c in run:
        if clusters and (_transparent(c) or (c.isdigit() and clusters[-1][-1].isdigit())):
            clusters[-1] += c
        else:
            clusters.append(c)
    return "".join(reversed(clusters))


def visual(text: str) -> str:
    """``text`` as it should be drawn left to right: shaped, with right-to-left runs reversed."""
    if not _HAS_RTL(text):
        return text
    return _RTL_RUN.sub(lambda m: _reverse_run(m.group(0)), shape(text))
