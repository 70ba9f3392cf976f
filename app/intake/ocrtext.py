"""Tesseract's TSV output made into words, lines and text; the tests OCR results are put to.

Pure functions, shared by the OCR worker process (``ocrworker``) and its tests:

- ``parse_tsv`` — the word rows of ``tesseract … tsv`` output, in Tesseract's reading order;
- ``layout`` — words with boxes mapped back to the page (PDF points, origin top-left, in
  the page as stored, before any rotation the OCR applied), line numbers and the text;
- ``quality`` / ``looks_rotated`` — whether a reading is good enough or the page is
  probably turned;
- ``detect_language`` — which of the supported languages a text is written in, from
  counts of short function words that survive even OCR with the wrong language model.
"""

from __future__ import annotations

import functools
import re
import tomllib
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from app.intake.folding import fold

if TYPE_CHECKING:  # the PDF reader process imports this module; app.model costs it 40+ ms
    from app.model import Box

# Tesseract language codes the automatic choice picks from, with their ISO 639-1 codes:
# the languages a global provider receives demands in (issue 16). packaging/bootstrap.sh
# installs their packs and packaging/demand-desk.spec ships them.
AUTO_LANGUAGES = {
    "eng": "en", "deu": "de", "fra": "fr", "spa": "es", "por": "pt", "ita": "it", "nld": "nl",
    "pol": "pl", "tur": "tr", "rus": "ru", "ukr": "uk", "ara": "ar", "hin": "hi",
    "chi_sim": "zh", "chi_tra": "zh", "jpn": "ja", "kor": "ko",
}  # fmt: skip
DEFAULT_LANGUAGE = "eng"

# The scripts Tesseract's orientation-and-script detection (``--psm 0``) names, and the
# models that read each, the first the usual choice. A Latin page is read with the
# language its function words name (``detect_language``); a Cyrillic one likewise between
# Russian and Ukrainian; Han between simplified and traditional by ``han_variant``.
SCRIPT_LANGUAGES: dict[str, tuple[str, ...]] = {
    "Latin": ("eng", "deu", "fra", "spa", "por", "ita", "nld", "pol", "tur"),
    "Cyrillic": ("rus", "ukr"),
    "Arabic": ("ara",),
    "Devanagari": ("hin",),
    "Han": ("chi_sim", "chi_tra"),
    "Japanese": ("jpn",),
    "Katakana": ("jpn",),
    "Hiragana": ("jpn",),
    "Hangul": ("kor",),
    "Korean": ("kor",),
}
# Pages in a script other than Latin quote Latin text (URLs, e-mail addresses, names of
# services, an English translation): English is read alongside their model.
WITH_LATIN = "eng"

# The stop words of resources/intake/<language>.toml tell a page's language; a word two
# languages share ("de", "la", "que", "en", "in") tells nothing and is left out.
_VOCABULARY_DIR = Path(__file__).resolve().parents[2] / "resources" / "intake"


@functools.cache
def _telling_stop_words() -> dict[str, frozenset[str]]:
    """Tesseract code -> the folded stop words only that language's file lists."""
    lists: dict[str, frozenset[str]] = {}
    for code, iso in AUTO_LANGUAGES.items():
        path = _VOCABULARY_DIR / f"{iso}.toml"
        if path.is_file():
            with path.open("rb") as f:
                lists[code] = frozenset(fold(w) for w in tomllib.load(f).get("stopwords", ()))
    by_language = {AUTO_LANGUAGES[code]: words for code, words in lists.items()}  # zh once, not twice
    seen = Counter(w for words in by_language.values() for w in words)
    return {code: frozenset(w for w in words if seen[w] == 1) for code, words in lists.items()}


_MIN_STOP_WORDS = 8  # fewer hits than this: too little text to tell
_TOKEN = re.compile(r"[^\W\d_]+")

# A reading whose (length-weighted) mean confidence is below this is suspect: upright
# scans read at 85–95, the same page upside down or sideways at 30–40.
SUSPECT_QUALITY = 60.0


@dataclass(frozen=True)
class TsvWord:
    text: str
    left: int
    top: int
    width: int
    height: int
    confidence: float
    block: int
    paragraph: int
    line: int


# Direction marks the Arabic model writes beside words ("LLC\u200f"): no part of any word.
_DIRECTION_MARKS = str.maketrans(dict.fromkeys("\u200e\u200f\u061c"))


def parse_tsv(tsv: str) -> list[TsvWord]:
    """The words (level 5 rows with text) of Tesseract's TSV, in its reading order."""
    words = []
    for row in tsv.splitlines():
        cells = row.split("\t")
        if len(cells) != 12 or cells[0] != "5":
            continue  # the header, page/block/paragraph/line rows
        text = cells[11].translate(_DIRECTION_MARKS).strip()
        if not text:
            continue
        try:
            left, top, width, height = (int(c) for c in cells[6:10])
            confidence = min(100.0, max(0.0, float(cells[10])))
            block, paragraph, line = int(cells[2]), int(cells[3]), int(cells[4])
        except ValueError:
            continue
        words.append(TsvWord(text, left, top, width, height, confidence, block, paragraph, line))
    return words


def quality(words: Iterable[TsvWord]) -> float:
    """Mean confidence of the words that hold letters or digits, weighted by their length."""
    weighted = total = 0.0
    for word in words:
        size = sum(1 for c in word.text if c.isalnum())
        weighted += word.confidence * size
        total += size
    return weighted / total if total else 0.0


def sideways(words: Sequence[TsvWord]) -> bool:
    """True when most longer words stand upright in columns: the page lies on its side."""
    long_words = [w for w in words if sum(1 for c in w.text if c.isalnum()) >= 4]
    return len(long_words) >= 3 and sum(w.height > 1.2 * w.width for w in long_words) * 2 > len(long_words)


def looks_rotated(words: Sequence[TsvWord]) -> bool:
    """True when the page is probably turned by 90, 180 or 270 degrees.

    Sideways text is sometimes read as columns of tall words, with good confidence; turned
    text otherwise reads as confident-looking garbage of low confidence.
    """
    return sideways(words) or (len(words) >= 3 and quality(words) < SUSPECT_QUALITY)


def turns_to_try(words: Sequence[TsvWord], osd_turn: int) -> list[int]:
    """The turns (clockwise degrees) to read a suspect page at, most likely first.

    Tesseract's orientation detection first, when it named one (it needs a fair amount of
    text to be sure, and its guess is checked by the reading anyway); then upside down
    for text that lies flat, or both quarter turns for text that stands in columns.
    """
    turns = [osd_turn] if osd_turn else []
    turns += [t for t in ((90, 270) if sideways(words) else (180,)) if t not in turns]
    return turns


def detect_language(text: str, candidates: Iterable[str] = AUTO_LANGUAGES) -> str | None:
    """The Tesseract code of the language ``text`` is written in, or None when unclear."""
    telling = _telling_stop_words()
    counts = dict.fromkeys(candidates, 0)
    for token in _TOKEN.findall(fold(text)):
        for language in counts:
            if token in telling.get(language, ()):
                counts[language] += 1
    ranked = sorted(counts.items(), key=lambda item: item[1], reverse=True)
    if not ranked or ranked[0][1] < _MIN_STOP_WORDS:
        return None
    if len(ranked) > 1 and ranked[0][1] < 2 * ranked[1][1]:
        return None
    return ranked[0][0]


# Characters written one way in simplified Chinese and another in traditional (common ones
# of official letters); a page's count of each tells the two apart.
_SIMPLIFIED = frozenset(
    "们国与为会这个来说对时从点发经还关开问题体号过于处务网络资讯请据联户账电话邮报区须应将总门属览见条规"
)
_TRADITIONAL = frozenset(
    "們國與為會這個來說對時從點發經還關開問題體號過於處務網絡資訊請據聯戶帳電話郵報區須應將總門屬覽見條規"
)


def han_variant(text: str) -> str:
    """``chi_tra`` when ``text`` holds more traditional-only than simplified-only characters."""
    simplified = sum(c in _SIMPLIFIED for c in text)
    traditional = sum(c in _TRADITIONAL for c in text)
    return "chi_tra" if traditional > simplified else "chi_sim"


def script_languages(script: str, installed: Iterable[str]) -> list[str]:
    """The installed models for a script OSD named, most usual first; empty if none."""
    have = set(installed)
    return [code for code in SCRIPT_LANGUAGES.get(script, ()) if code in have]


def script_of(language: str) -> str | None:
    """The script a model reads (its first in ``SCRIPT_LANGUAGES``): "Latin" for "deu"."""
    first = language.split("+")[0]
    for script, codes in SCRIPT_LANGUAGES.items():
        if first in codes:
            return script
    return None


def with_latin(language: str) -> str:
    """The model list for a page in ``language``: with English beside a non-Latin script."""
    if script_of(language) in (None, "Latin") or WITH_LATIN in language.split("+"):
        return language
    return f"{language}+{WITH_LATIN}"


# A text layer is judged only when it has this many words; a shorter one is kept as it is.
_MIN_JUDGED_WORDS = 30
# Real text in a language we have function words for holds about one in five of them (one
# in eight in Russian); OCR garbage and mojibake hardly any.
_MIN_STOP_SHARE = 0.04
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN = re.compile(r"[a-zA-Z\u00c0-\u024f]")
# Latin-1 letters of mojibake: Cyrillic or Greek in cp1251/cp1253 read as Latin-1 ("Ñâåäîì").
_LATIN1_LETTER = re.compile(r"[\u00c0-\u00ff]")
# Writing systems whose words the function-word test cannot judge (no spaces, or no list).
_UNJUDGED_SCRIPT = re.compile(r"[\u0600-\u06ff\u0900-\u097f\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")


def text_layer_problem(text: str) -> str | None:
    """Why a PDF's text layer is not to be trusted as the page's text; None if it reads as real text.

    Garbage (control and private-use characters, U+FFFD), mojibake (Cyrillic stored as
    Latin-1 letters), words mixing Latin and Cyrillic letters (OCR errors), or words that
    hold none of the function words of any language we read.
    """
    visible = [c for c in text if not c.isspace()]
    if not visible:
        return None
    bad = sum(1 for c in visible if c == "\ufffd" or unicodedata.category(c) in ("Cc", "Co", "Cs", "Cn"))
    if bad > 0.02 * len(visible):
        return "the text layer holds unreadable characters"
    words = _TOKEN.findall(text)
    if len(words) < _MIN_JUDGED_WORDS:
        return None
    letters = "".join(words)
    if len(_LATIN1_LETTER.findall(letters)) > 0.3 * len(letters):
        return "the text layer is mojibake (letters of another encoding)"
    mixed = sum(1 for w in words if _CYRILLIC.search(w) and _LATIN.search(w))
    if mixed > 0.1 * len(words):
        return "the text layer mixes Latin and Cyrillic letters inside words (OCR errors)"
    if len(_UNJUDGED_SCRIPT.findall(letters)) > 0.3 * len(letters):
        return None
    telling = frozenset().union(*_telling_stop_words().values())
    hits = sum(1 for w in words if fold(w) in telling)
    if hits < _MIN_STOP_SHARE * len(words):
        return "the text layer does not read as text in any language (OCR errors or garbage)"
    return None


def unrotate(box: Box, rotation: int, width: float, height: float) -> Box:
    """Map a box from an image turned ``rotation`` degrees clockwise back to the unturned one.

    ``width`` and ``height`` are those of the unturned image.
    """
    x0, y0, x1, y1 = box
    if rotation == 0:
        return box
    if rotation == 90:  # turned: (x, y) -> (height - y, x)
        return (y0, height - x1, y1, height - x0)
    if rotation == 180:  # turned: (x, y) -> (width - x, height - y)
        return (width - x1, height - y1, width - x0, height - y0)
    if rotation == 270:  # turned: (x, y) -> (y, width - x)
        return (width - y1, x0, width - y0, x1)
    raise ValueError(f"rotation must be 0, 90, 180 or 270, not {rotation}")


@dataclass(frozen=True)
class PageLayout:
    text: str
    words: list[tuple[str, float, float, float, float, float, int]]  # text, x0, y0, x1, y1, conf, line


def layout(
    words: Sequence[TsvWord], *, rotation: int, scale: float, width: float, height: float
) -> PageLayout:
    """Words in page coordinates with line numbers, and the page's text.

    ``scale`` is pixels per point of the OCRed image; ``width``/``height`` the page in
    points as stored. Lines are numbered from 0 in reading order, one per Tesseract
    (block, paragraph, line); the text has a line per line, words separated by single
    spaces, and an empty line between paragraphs.
    """
    out: list[tuple[str, float, float, float, float, float, int]] = []
    lines: list[list[str]] = []
    previous: tuple[int, int, int] | None = None
    number = -1
    for word in words:
        key = (word.block, word.paragraph, word.line)
        if key != previous:
            if previous is not None and key[:2] != previous[:2]:
                lines.append([])  # an empty line between paragraphs and blocks
            lines.append([])
            number += 1
            previous = key
        lines[-1].append(word.text)
        pixels = (word.left, word.top, word.left + word.width, word.top + word.height)
        x0, y0, x1, y1 = unrotate(pixels, rotation, width * scale, height * scale)
        box = tuple(
            round(min(max(v / scale, 0.0), limit), 2)
            for v, limit in ((x0, width), (y0, height), (x1, width), (y1, height))
        )
        out.append((word.text, box[0], box[1], box[2], box[3], round(word.confidence, 1), number))
    return PageLayout("\n".join(" ".join(line) for line in lines), out)
