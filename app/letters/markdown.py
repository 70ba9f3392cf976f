"""The small Markdown subset letters are written in, and how to put text into it safely.

A reviewer edits the drafted letter as plain text, so the format must be one a person
can write without a toolbar, and the PDF renderer must never read it as anything but
text. It has exactly this:

- **Paragraphs**: lines separated by one or more blank lines; the lines of one
  paragraph are joined with single spaces.
- **Lists**: a line starting ``- `` is a bullet item, a line starting with digits and
  ``. `` (``1. ``) a numbered item; items are numbered in the order shown, whatever
  digits were typed. A list may start right after a paragraph line. A line that starts
  no item continues the item above it; a blank line ends the list.
- **Emphasis**: ``*italic*`` and ``**bold**`` (``***both***``). A marker followed by a
  space does not open, and one after a space does not close, so ``5 * 3`` stays as it is.
- **Escapes**: a backslash before any ASCII punctuation character shows that character
  literally (``\\*`` is a star, ``\\\\`` a backslash).

Everything else is text. There are no headings, links, HTML or images: nothing in a
letter can pull in content or change the renderer's behaviour.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass, field

_PUNCTUATION = frozenset(string.punctuation)
_BULLET = re.compile(r"-[ \t]+")
_NUMBER = re.compile(r"\d{1,9}\.[ \t]+")
# A value that starts like a list item would become one if placed at the start of a line.
_ITEM_START = re.compile(r"^(-|\d{1,9}\.)(?=\s|$)")


@dataclass(frozen=True)
class Span:
    text: str
    bold: bool = False
    italic: bool = False


@dataclass(frozen=True)
class Paragraph:
    spans: tuple[Span, ...]


@dataclass(frozen=True)
class ListBlock:
    ordered: bool
    items: tuple[tuple[Span, ...], ...]


Block = Paragraph | ListBlock


def escape(text: str, *, line_start: bool = True) -> str:
    """``text`` as Markdown that shows exactly ``text``: for values put into a template.

    Whitespace runs (newlines included) become single spaces, so that a value cannot
    end a paragraph or start a list item of its own; at the start of a line, a value
    that begins like a list item ("- ", "1. ") has its marker escaped too.
    """
    flat = " ".join(text.split())
    flat = flat.replace("\\", "\\\\").replace("*", "\\*")
    match = _ITEM_START.match(flat) if line_start else None
    if match:
        marker = match.group(1)
        flat = ("\\-" if marker == "-" else marker[:-1] + "\\.") + flat[match.end() :]
    return flat


def parse(text: str) -> list[Block]:
    """The blocks of a letter body."""
    blocks: list[Block] = []
    paragraph: list[str] = []
    items: list[list[str]] = []
    ordered = False

    def flush() -> None:
        nonlocal items
        if paragraph:
            blocks.append(Paragraph(parse_inline(" ".join(paragraph))))
            paragraph.clear()
        if items:
            blocks.append(ListBlock(ordered, tuple(parse_inline(" ".join(i)) for i in items)))
            items = []

    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            flush()
            continue
        bullet = _BULLET.match(line)
        number = None if bullet else _NUMBER.match(line)
        marker = bullet or number
        if marker:
            is_ordered = number is not None
            if paragraph or (items and is_ordered != ordered):
                flush()
            ordered = is_ordered
            items.append([line[marker.end() :]])
        elif items:
            items[-1].append(line)
        else:
            paragraph.append(line)
    flush()
    return blocks


# ------------------------------------------------------------------------------ inline


@dataclass
class _Run:
    """A run of one to three stars, and what it turned out to toggle once paired."""

    width: int
    can_open: bool
    can_close: bool
    toggles: list[int] = field(default_factory=list)  # paired widths: 2 bold, 1 italic


def parse_inline(text: str) -> tuple[Span, ...]:
    """The styled runs of one paragraph or list item; unpaired stars stay literal."""
    tokens: list[str | _Run] = []
    chars: list[str] = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c == "\\" and i + 1 < n and text[i + 1] in _PUNCTUATION:
            chars.append(text[i + 1])
            i += 2
        elif c == "*":
            j = i
            while j < n and text[j] == "*":
                j += 1
            if j - i > 3:
                chars.append(text[i:j])
            else:
                if chars:
                    tokens.append("".join(chars))
                    chars = []
                before = text[i - 1] if i > 0 else " "
                after = text[j] if j < n else " "
                tokens.append(_Run(j - i, not after.isspace(), not before.isspace()))
            i = j
        else:
            chars.append(c)
            i += 1
    if chars:
        tokens.append("".join(chars))
    _pair([t for t in tokens if isinstance(t, _Run)])
    return _spans(tokens)


def _pair(runs: list[_Run]) -> None:
    """Pair openers with closers, innermost first (a closer must match the latest opener)."""
    stack: list[tuple[_Run, int]] = []
    for run in runs:
        if run.can_close and stack:
            if run.width == 3 and len(stack) >= 2 and {stack[-1][1], stack[-2][1]} == {1, 2}:
                closing = 2
            elif stack[-1][1] == run.width:
                closing = 1
            else:
                closing = 0
            if closing:
                for _ in range(closing):
                    opener, width = stack.pop()
                    opener.toggles.append(width)
                    run.toggles.append(width)
                continue
        if run.can_open:
            stack.extend([(run, 2), (run, 1)] if run.width == 3 else [(run, run.width)])


def _spans(tokens: list[str | _Run]) -> tuple[Span, ...]:
    spans: list[Span] = []
    bold = italic = False

    def add(text: str) -> None:
        if not text:
            return
        if spans and spans[-1].bold == bold and spans[-1].italic == italic:
            spans[-1] = Span(spans[-1].text + text, bold, italic)
        else:
            spans.append(Span(text, bold, italic))

    for token in tokens:
        if isinstance(token, str):
            add(token)
            continue
        add("*" * (token.width - sum(token.toggles)))
        for width in token.toggles:
            if width == 2:
                bold = not bold
            else:
                italic = not italic
    return tuple(spans)


def plain_text(text: str) -> str:
    """The letter body as plain text: paragraphs and list items, without markers."""
    out: list[str] = []
    for block in parse(text):
        if isinstance(block, Paragraph):
            out.append("".join(s.text for s in block.spans))
        else:
            out.append(
                "\n".join(
                    (f"{number}. " if block.ordered else "- ") + "".join(s.text for s in item)
                    for number, item in enumerate(block.items, 1)
                )
            )
    return "\n\n".join(out)
