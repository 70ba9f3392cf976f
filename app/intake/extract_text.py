"""The words of a demand as searchable text that remembers where every character came from.

Extraction works on text, but every fact must point back at the words it was read
from (page, box, OCR confidence). ``Stream`` joins the words of some pages into
lines, one string, and keeps for each character the word it belongs to; a second,
*folded* string (lower case, no accents, typographic quotes and dashes made plain,
words broken by a hyphen at a line end joined again, every line break a space) is
what vocabulary phrases are matched against, with a map back to the first.
"""

from __future__ import annotations

import bisect
import re
import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from app.intake.folding import fold
from app.model import Box, PageText, Word


def _fold_char(char: str) -> str:
    return fold(char)


@dataclass(frozen=True)
class PlacedWord:
    """A word with the page it stands on and the line it belongs to.

    ``word.box`` is upright: a page scanned upside down or sideways is turned for the
    geometry here. ``shown`` is the box as the viewer draws the page, for provenance.
    """

    word: Word
    page: int
    line: int  # index into Stream.lines
    index: int  # index into Stream.words
    shown: Box | None = None

    @property
    def text(self) -> str:
        return self.word.text

    @property
    def box(self) -> Box:
        return self.word.box

    @property
    def shown_box(self) -> Box:
        return self.shown or self.word.box


@dataclass
class Line:
    """Words that stand on one line of one page, in reading order."""

    page: int
    words: list[PlacedWord]
    page_width: float
    page_height: float
    start: int = 0  # offset of the line's first character in Stream.raw
    end: int = 0
    index: int = 0
    cells: list[list[PlacedWord]] = field(default_factory=list)
    row: int = 0  # the printed line it came from: two columns of one printed line share it

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)

    @property
    def unspecked(self) -> str:
        """The text without specks OCR read after the line's end ("les éléments suivants : CLS")."""
        words = list(self.words)
        # Nothing of a sentence follows a lead-in's colon, so a longer speck may go ("CLS").
        while len(words) > 1 and is_speck(words[-1], longest=3):
            words.pop()
        return " ".join(w.text for w in words)

    @property
    def top(self) -> float:
        return min(w.box[1] for w in self.words)

    @property
    def bottom(self) -> float:
        return max(w.box[3] for w in self.words)

    @property
    def left(self) -> float:
        return min(w.box[0] for w in self.words)

    @property
    def right(self) -> float:
        return max(w.box[2] for w in self.words)

    @property
    def height(self) -> float:
        heights = [w.box[3] - w.box[1] for w in self.words]
        return statistics.median(heights) if heights else 0.0

    @property
    def confidence(self) -> float:
        return statistics.fmean(w.word.confidence for w in self.words) if self.words else 0.0


@dataclass(frozen=True)
class Provenance:
    page: int | None
    box: Box | None
    confidence: float | None
    words: tuple[PlacedWord, ...]


def union_box(boxes: Iterable[Box]) -> Box | None:
    boxes = list(boxes)
    if not boxes:
        return None
    return (
        round(min(b[0] for b in boxes), 2),
        round(min(b[1] for b in boxes), 2),
        round(max(b[2] for b in boxes), 2),
        round(max(b[3] for b in boxes), 2),
    )


def provenance_of(words: Sequence[PlacedWord]) -> Provenance:
    """Page of the first word; box and mean confidence of the words on that page."""
    if not words:
        return Provenance(None, None, None, ())
    page = words[0].page
    same = [w for w in words if w.page == page]
    conf = round(statistics.fmean(w.word.confidence for w in same), 1)
    return Provenance(page, union_box(w.shown_box for w in same), conf, tuple(words))


def _cells(words: list[PlacedWord]) -> list[list[PlacedWord]]:
    """Split a line where the gap between two words is much wider than a space: table cells."""
    if not words:
        return []
    heights = [w.box[3] - w.box[1] for w in words]
    height = statistics.median(heights) if heights else 10.0
    cells = [[words[0]]]
    for previous, word in zip(words, words[1:], strict=False):
        gap = word.box[0] - previous.box[2]
        if gap > 2.2 * height or gap < -4 * height:
            cells.append([word])
        else:
            cells[-1].append(word)
    return cells


def _upright(page: PageText) -> tuple[list[Word], float, float, int]:
    """The page's words with boxes turned so that text runs left to right, top to bottom.

    OCR reads a page scanned upside down or sideways turned upright but reports boxes
    where the words stand on the page as shown; the direction in which the words of its
    lines advance tells how the page lies.
    """
    votes = {0: 0, 90: 0, 180: 0, 270: 0}
    lines: dict[int, list[Word]] = {}
    for word in page.words:
        lines.setdefault(word.line, []).append(word)
    for words in lines.values():
        if len(words) < 2:
            continue
        a, b = words[0].box, words[-1].box
        dx = (b[0] + b[2] - a[0] - a[2]) / 2
        dy = (b[1] + b[3] - a[1] - a[3]) / 2
        if abs(dx) >= abs(dy):
            votes[0 if dx >= 0 else 180] += 1
        else:
            votes[90 if dy > 0 else 270] += 1
    turn = max(votes, key=lambda k: (votes[k], k == 0))
    w, h = page.width, page.height
    if turn == 0:
        return list(page.words), w, h, 0
    out = []
    for word in page.words:
        x0, y0, x1, y1 = word.box
        if turn == 180:
            box = (w - x1, h - y1, w - x0, h - y0)
        elif turn == 90:
            box = (y0, w - x1, y1, w - x0)
        else:
            box = (h - y1, x0, h - y0, x1)
        out.append(Word(word.text, box, word.confidence, word.line))
    return out, (w if turn == 180 else h), (h if turn == 180 else w), turn


def turn_back(box: Box, turn: int, width: float, height: float) -> Box:
    """An upright box as it stands on the page as shown (the inverse of ``_upright``)."""
    x0, y0, x1, y1 = box
    if turn == 180:
        return (width - x1, height - y1, width - x0, height - y0)
    if turn == 90:  # upright (u, v) = (y, W - x): the shown page is ``height`` wide
        return (height - y1, x0, height - y0, x1)
    if turn == 270:  # upright (u, v) = (H - y, x)
        return (y0, width - x1, y1, width - x0)
    return box


def _split_gap(words: list[Word]) -> list[list[Word]]:
    heights = sorted(w.box[3] - w.box[1] for w in words)
    height = heights[len(heights) // 2] if heights else 10.0
    parts = [[words[0]]]
    for previous, word in zip(words, words[1:], strict=False):
        if word.box[0] - previous.box[2] > 2.2 * height:
            parts.append([word])
        else:
            parts[-1].append(word)
    return parts


def _join_split_rows(rows: list[list[Word]]) -> list[list[Word]]:
    """One printed line that OCR gave as two lines, one after the other, joined left to right.

    Tesseract sometimes puts the end of a line in a block of its own: a real NSL's date line
    "April 19, 2018" came back as "2018" and then "April 19,", at the same height and a word
    space apart, and no date was read.
    """
    out: list[list[Word]] = []
    for row in rows:
        if out and _one_printed_line(out[-1], row):
            out[-1] = sorted(out[-1] + row, key=lambda w: w.box[0])
        else:
            out.append(row)
    return out


def _one_printed_line(a: list[Word], b: list[Word]) -> bool:
    top_a, bottom_a = min(w.box[1] for w in a), max(w.box[3] for w in a)
    top_b, bottom_b = min(w.box[1] for w in b), max(w.box[3] for w in b)
    height = min(bottom_a - top_a, bottom_b - top_b)
    if height <= 0 or min(bottom_a, bottom_b) - max(top_a, top_b) < 0.6 * height:
        return False
    left, right = (a, b) if a[0].box[0] <= b[0].box[0] else (b, a)
    gap = min(w.box[0] for w in right) - max(w.box[2] for w in left)
    return -0.2 * height <= gap <= 2.2 * height


def _segments(rows: list[list[Word]], width: float) -> list[tuple[list[Word], int]]:
    """Printed lines in reading order; a two-column block (a letterhead beside a file
    reference) that OCR merged line by line is read column by column instead.

    A run of lines is a two-column block when each line splits at a wide gap into a
    left part (long on the first line) and a right part that starts past 45 % of the page
    at the same place. Label/value tables ("Account 1   alice@example.com") have short labels and
    are left alone, so each value stays beside its label.
    """
    out: list[tuple[list[Word], int]] = []
    n = 0
    row_no = 0
    while n < len(rows):
        run: list[list[list[Word]]] = []
        anchor: float | None = None
        m = n
        while m < len(rows):
            parts = _split_gap(rows[m])
            if len(parts) != 2:
                break
            left, right = parts
            left_width = left[-1].box[2] - left[0].box[0]
            x = right[0].box[0]
            # The block's first line is long on the left; the lines after it may be short
            # there (a name that runs on: "… police nationale du / Rhône").
            if x < 0.45 * width or (anchor is None and left_width < 0.28 * width):
                break
            if anchor is not None and abs(x - anchor) > 0.05 * width:
                break
            anchor = x if anchor is None else anchor
            run.append(parts)
            m += 1
        if len(run) >= 2:
            for k, parts in enumerate(run):
                out.append((parts[0], row_no + k))
            for k, parts in enumerate(run):
                out.append((parts[1], row_no + k))
            row_no += len(run)
            n = m
            continue
        out.append((rows[n], row_no))
        row_no += 1
        n += 1
    return out


# A letter or two OCR read below this confidence is a speck, not a word.
DEBRIS_CONFIDENCE = 30.0
# Specks are this short; inside a name a longer token may be a real word OCR was unsure of ("the").
SPECK_LETTERS = 2


def is_speck(word: PlacedWord, *, longest: int = SPECK_LETTERS, height: float | None = None) -> bool:
    """Whether OCR made ``word`` of a speck (a seal's edge, a smudge, a stamp): at most ``longest``
    characters, read below DEBRIS_CONFIDENCE or, given the ``height`` of the words around it,
    standing more than twice as tall."""
    if len(word.text) > longest:
        return False
    tall = height is not None and word.box[3] - word.box[1] > 2 * height
    return word.word.confidence < DEBRIS_CONFIDENCE or tall


def without_debris(words: list[PlacedWord]) -> list[PlacedWord]:
    """A name without the specks OCR read in it ("… for the i F Western District …")."""
    if len(words) < 3:
        return words
    height = statistics.median(w.box[3] - w.box[1] for w in words)
    return [w for w in words if not is_speck(w, height=height)]


class Stream:
    """Text of a run of pages, line by line, with each character mapped to its word."""

    def __init__(self, pages: Sequence[PageText]) -> None:
        self.pages = {p.page_no: p for p in pages}
        self.lines: list[Line] = []
        self.words: list[PlacedWord] = []
        self.turns: dict[int, tuple[int, float, float]] = {}
        for page in pages:
            upright, width, height, turn = _upright(page)
            self.turns[page.page_no] = (turn, width, height)
            grouped: dict[int, list[Word]] = {}
            order: list[int] = []
            for word in upright:
                if not word.text.strip():
                    continue
                if word.line not in grouped:
                    grouped[word.line] = []
                    order.append(word.line)
                grouped[word.line].append(word)
            rows = _join_split_rows([grouped[key] for key in order])
            shown = {id(u): w.box for u, w in zip(upright, page.words, strict=True)}
            for segment, row in _segments(rows, width):
                line = Line(page.page_no, [], width, height, index=len(self.lines))
                for word in segment:
                    placed = PlacedWord(word, page.page_no, line.index, len(self.words), shown[id(word)])
                    self.words.append(placed)
                    line.words.append(placed)
                line.cells = _cells(line.words)
                line.row = row
                self.lines.append(line)
        self._build_raw()
        self._build_folded()
        self._find_paragraphs()

    # -- the raw text ----------------------------------------------------------------

    def _build_raw(self) -> None:
        parts: list[str] = []
        owner: list[int] = []  # word index per character, -1 for separators
        offset = 0
        for n, line in enumerate(self.lines):
            if n:
                parts.append("\n")
                owner.append(-1)
                offset += 1
            line.start = offset
            for i, word in enumerate(line.words):
                if i:
                    parts.append(" ")
                    owner.append(-1)
                    offset += 1
                parts.append(word.text)
                owner.extend([word.index] * len(word.text))
                offset += len(word.text)
            line.end = offset
        self.raw = "".join(parts)
        self.owner = owner

    def _build_folded(self) -> None:
        """Folded text; a hyphen that breaks a word at a line end is dropped with the break.

        Marks OCR made of specks (a lone "*", "~" or "|" read with low confidence) are
        blanked, so that "prohibited from * disclosing" still reads as the phrase.
        """
        self._junk = {
            w.index
            for w in self.words
            if (w.word.confidence < 60 and len(w.text) <= 2 and not any(c.isalnum() for c in w.text))
            or w.text in (".", "'", "\u2018", "\u2019", "`", "|", "~", "*", "\u00b0", "\u2022", "\u00b7")
        }
        out: list[str] = []
        back: list[int] = []
        raw = self.raw
        i = 0
        while i < len(raw):
            char = raw[i]
            if char == "\n":
                # "Kommu-\nnikation": the hyphen was typesetting, the word is one word.
                if (
                    out
                    and out[-1] == "-"
                    and len(out) > 1
                    and out[-2].isalpha()
                    and i + 1 < len(raw)
                    and raw[i + 1].islower()
                ):
                    out.pop()
                    back.pop()
                    i += 1
                    continue
                out.append(" ")
                back.append(i)
                i += 1
                continue
            folded = _fold_char(char)
            owner = self.owner[i]
            if owner >= 0 and owner in self._junk:
                folded = " "  # a speck or a stray mark between the words of a phrase
            for f in folded:
                out.append(f)
                back.append(i)
            i += 1
        self.folded = "".join(out)
        self.back = back

    def _find_paragraphs(self) -> None:
        """Folded offsets where a new block of text starts, so sentences do not run across them.

        A block ends after a line that ends without a sentence going on (not a lower-case
        word, a comma or a hyphen) when it is short or the next line starts with a capital,
        after a line ending in a colon, and wherever the gap between lines is wide.
        """
        right_edge: dict[int, float] = {}
        for line in self.lines:
            right_edge[line.page] = max(right_edge.get(line.page, 0.0), line.right)
        self.breaks: list[int] = []
        for previous, line in zip(self.lines, self.lines[1:], strict=False):
            if not previous.words or not line.words:
                continue
            last = previous.words[-1].text
            first = line.words[0].text
            goes_on = (
                last[-1:].islower() or last[-1:] in ",-(&" or last.lower() in ("and", "or", "und", "et", "y")
            )
            short = previous.right < 0.85 * right_edge[previous.page]
            gap = line.top - previous.bottom
            wide = line.page == previous.page and gap > 1.3 * max(previous.height, line.height, 4.0)
            ended = last[-1:] in ".!?;" and not _ABBREVIATIONS.search(fold(last[:-1]))
            # A capital at the start of the next line ends a block only after a full stop:
            # German nouns start with capitals mid-sentence ("180 / Tagen").
            if (
                wide
                or last.endswith(":")
                or (not goes_on and (short or (first[:1].isupper() and not last[-1:].isdigit())))
                or (ended and (first[:1].isupper() or first[:1].isdigit()))
                or (line.row == previous.row and line.page == previous.page)
            ):
                self.breaks.append(self.folded_offset(line.start))
        self.breaks.sort()

    # -- mapping back ----------------------------------------------------------------

    def shown_box(self, page: int, box: Box) -> Box:
        """An upright box on a page, as the viewer shows that page."""
        turn, width, height = self.turns.get(page, (0, 0.0, 0.0))
        return turn_back(box, turn, width, height)

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """The raw span of a folded span."""
        if start >= len(self.back):
            return len(self.raw), len(self.raw)
        raw_start = self.back[start]
        raw_end = self.back[max(start, end - 1)] + 1 if end > start else raw_start
        return raw_start, raw_end

    def words_in(self, start: int, end: int, *, folded: bool = True) -> list[PlacedWord]:
        """The words a span touches, in order."""
        if folded:
            start, end = self.raw_span(start, end)
        seen: dict[int, None] = {}
        for i in range(max(0, start), min(end, len(self.owner))):
            w = self.owner[i]
            if w >= 0:
                seen[w] = None
        return [self.words[i] for i in seen]

    def provenance(self, start: int, end: int, *, folded: bool = True) -> Provenance:
        return provenance_of(self.words_in(start, end, folded=folded))

    def text(self, start: int, end: int, *, folded: bool = True) -> str:
        """The words of a span as printed, lines joined by spaces."""
        if folded:
            start, end = self.raw_span(start, end)
        return re.sub(r"\s+", " ", self.raw[start:end]).strip()

    def line_at(self, offset: int, *, folded: bool = True) -> Line:
        raw = self.back[min(offset, len(self.back) - 1)] if folded else offset
        lo, hi = 0, len(self.lines) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self.lines[mid].start <= raw:
                lo = mid
            else:
                hi = mid - 1
        return self.lines[lo]

    def folded_offset(self, raw_offset: int) -> int:
        """First folded character at or after a raw offset."""
        lo, hi = 0, len(self.back)
        while lo < hi:
            mid = (lo + hi) // 2
            if self.back[mid] < raw_offset:
                lo = mid + 1
            else:
                hi = mid
        return lo

    def line_folded_span(self, line: Line) -> tuple[int, int]:
        return self.folded_offset(line.start), self.folded_offset(line.end)

    # -- sentences -------------------------------------------------------------------

    def sentence_bounds(self, offset: int) -> tuple[int, int]:
        """Folded span of the sentence around an offset (stops at . ; ! ? and where a block of text ends)."""
        text = self.folded
        index = bisect.bisect_right(self.breaks, offset)
        floor = self.breaks[index - 1] if index else 0
        ceiling = self.breaks[index] if index < len(self.breaks) else len(text)
        start = offset
        while start > floor:
            c = text[start - 1]
            if c in "!?;" or (c == "." and _sentence_end(text, start - 1)):
                break
            start -= 1
        end = offset
        while end < ceiling:
            c = text[end]
            if c in "!?;" or (c == "." and _sentence_end(text, end)):
                end += 1
                break
            end += 1
        return start, end


_ABBREVIATIONS = re.compile(
    r"(?:\b(?:u\.s|u\.s\.c|s\.a|no|nr|abs|art|arts|sec|secs|ss|par|para|p|pp|vol|rev|fed|r|evid|crim|civ|"
    r"st|dr|mr|mrs|ms|hon|det|sgt|insp|sa|spec|jr|inc|ltd|co|corp|llc|e\.g|i\.e|vs|v|cf|etc|ca|approx|"
    r"z\.b|u\.a|bzw|ggf|gem|i\.v\.m|vgl|mme|m|mlle|cie|sr|sra|dña|d|dn|av|c|num|n|tel|fax|ref|az|aktz|"
    r"gz|re|misc|to|by|at|an|au|du|the|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|okt|nov|dec|dez)|\b[a-z])$"
)


def _sentence_end(text: str, dot: int) -> bool:
    """Is the full stop at ``dot`` the end of a sentence (not an abbreviation, a decimal, a domain)?"""
    after = text[dot + 1 : dot + 2]
    if after and not after.isspace():
        return False  # "example.com", "2.1", "u.s.c"
    before = text[max(0, dot - 12) : dot]
    if _ABBREVIATIONS.search(before):
        return False
    return not (before[-1:].isdigit() and text[dot + 2 : dot + 3].isdigit())
