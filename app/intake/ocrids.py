"""A second reading of the lines that carry identifiers, with Tesseract's English model.

Identifiers (e-mail addresses, URLs, IP addresses) are written in ASCII whatever the
language of the demand, and the language models disagree about them: on the same
clean line the Spanish model reads the "@" of ``canyon_pebble@example.net`` as "(G",
the German one ``example.net`` as ``example.nev`` and an 8 as "ß", the French one a j
as an i. The English model knows these shapes best. So, after a page is read, the
lines that look as if they hold an identifier are cut out of the page image, stacked
into one small image and read again with ``eng`` (one more Tesseract call per page,
only on pages that have such lines), and where the second reading finds a
well-formed identifier that the first did not, its words replace the first reading's
at that place on the line. Pure functions here; the worker (``ocrworker``) does the
cutting and the reading.

Which reading wins, per identifier:

- the first reading already has it: nothing changes;
- the first has no well-formed identifier there (a misread "@", a non-ASCII letter in a
  host name, a space in the middle): the second's replaces it;
- both are well formed but differ: the one Tesseract was surer of (the lower of its
  words' confidences is higher) stands; on the corpus this picks the right one in
  each of the seven such conflicts of two seeds (``ZBazU9gjt`` over ``ZBazU9git``,
  ``yg2myfwggb`` over ``yg2mytwggb``).
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from app.intake.ocrtext import TsvWord

REREAD_LANGUAGE = "eng"
# Pixels of white around each cut-out line and between lines of the stacked image.
MARGIN = 6
GAP = 24
# At most this many lines of a page are read again (a log printout is not a demand).
MAX_LINES = 40

_EMAIL = re.compile(
    r"^[A-Za-z0-9][A-Za-z0-9._%+\-]*@[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?"
    r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,24}$"
)
_URL = re.compile(r"^(?:https?://|www\.)[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+(?:/[A-Za-z0-9._~%/\-?=&#+]*)?$")
_IPV4 = re.compile(r"^\d{1,3}(?:\.\d{1,3}){3}$")
_IPV6 = re.compile(r"^[0-9A-Fa-f:]{2,39}$")
# A word that may be (part of) an identifier: worth a second look at its line.
_CANDIDATE = re.compile(
    r"@|://|www\.|[©®]|[A-Za-z0-9]\.[A-Za-z]{2,}|\d{1,3}\.\d{1,3}\.\d|[0-9A-Fa-f]{1,4}:[0-9A-Fa-f]{0,4}:"
)
_TRAIL = ".,;:)]}>\"'\u201d\u2019"
_LEAD = "([{<\"'\u201c\u2018"


def well_formed(text: str) -> bool:
    """Is ``text`` (trimmed of punctuation around it) an e-mail address, URL or IP address?"""
    text = text.strip(_TRAIL).lstrip(_LEAD)
    if not text.isascii():
        return False
    if _EMAIL.match(text) or _URL.match(text):
        return True
    if _IPV4.match(text):
        return all(int(part) <= 255 for part in text.split("."))
    if ":" in text and _IPV6.match(text):
        try:
            ipaddress.IPv6Address(text)
        except ValueError:
            return False
        return True
    return False


def is_candidate_line(words: Sequence[TsvWord]) -> bool:
    return any(_CANDIDATE.search(w.text) for w in words)


@dataclass(frozen=True)
class Found:
    """A well-formed identifier made of ``words[start:end]`` of a line."""

    start: int
    end: int
    text: str
    left: int
    right: int


def _may_join(left: TsvWord, right: TsvWord) -> bool:
    """May two neighbouring words be one identifier that OCR split at a space?

    Around an "@", a dot, a colon or an underscore, yes (OCR often puts a space there);
    between two digits only when they stand closer than words do ("203.0.1 13.97").
    """
    a, b = left.text, right.text
    if (
        a.endswith(("@", ".", ":", "_"))
        or b.startswith(("@", ".", "_"))
        or (a[-1:].isalnum() and b[:1] == ":")
    ):
        return True
    gap = right.left - (left.left + left.width)
    return a[-1:].isdigit() and b[:1].isdigit() and gap <= 0.5 * max(left.height, right.height)


def find_identifiers(words: Sequence[TsvWord]) -> list[Found]:
    """The well-formed identifiers on one line, longest joins first, not overlapping."""
    found: list[Found] = []
    i = 0
    while i < len(words):
        best: Found | None = None
        text = words[i].text
        for j in range(i + 1, min(len(words), i + 4) + 1):
            if j > i + 1:
                if not _may_join(words[j - 2], words[j - 1]):
                    break
                text += words[j - 1].text
            if well_formed(text):
                core = text.strip(_TRAIL).lstrip(_LEAD)
                best = Found(i, j, core, words[i].left, words[j - 1].left + words[j - 1].width)
        if best is not None:
            found.append(best)
            i = best.end
        else:
            i += 1
    return found


def _one_word(parts: Sequence[TsvWord], text: str, like: TsvWord) -> TsvWord:
    """Words OCR split an identifier into, as one word on ``like``'s line."""
    top = min(p.top for p in parts)
    left = min(p.left for p in parts)
    return replace(
        like,
        text=text,
        left=left,
        top=top,
        width=max(p.left + p.width for p in parts) - left,
        height=max(p.top + p.height for p in parts) - top,
        confidence=min(p.confidence for p in parts),
    )


def join_split(words: list[TsvWord]) -> list[TsvWord]:
    """The line with each identifier OCR split into several words made one word again."""
    out = list(words)
    for f in reversed(find_identifiers(words)):
        if f.end - f.start > 1:
            out[f.start : f.end] = [_one_word(words[f.start : f.end], f.text, words[f.start])]
    return out


def merge_line(original: list[TsvWord], second: list[TsvWord]) -> list[TsvWord]:
    """The line's words with the second reading's identifiers put in where they are better.

    ``second`` holds the same line read again, its boxes already in the page image's
    pixels. An identifier is taken from it only where it covers the words it replaces
    (a second reading that split a URL in two does not cut the first one short). Every
    identifier, taken or kept, ends up as one word (the split OCR made of it is not
    kept), with the lowest confidence of its parts and the line numbers of the first
    reading.
    """
    words = join_split(original)
    if not words:
        return words
    mine = find_identifiers(words)
    for theirs in find_identifiers(second):
        if any(f.text == theirs.text for f in mine):
            continue
        overlapped = [
            k
            for k, w in enumerate(words)
            if min(w.left + w.width, theirs.right) - max(w.left, theirs.left) > 0.3 * max(w.width, 1)
        ]
        if not overlapped:
            continue
        char = (theirs.right - theirs.left) / max(len(theirs.text), 1)
        left = words[overlapped[0]].left
        right = words[overlapped[-1]].left + words[overlapped[-1]].width
        if left < theirs.left - 1.5 * char or right > theirs.right + 1.5 * char:
            continue  # it would drop part of what the first reading saw
        parts = second[theirs.start : theirs.end]
        rival = [f for f in mine if any(f.start <= k < f.end for k in overlapped)]
        if rival and any(not any(f.start <= k < f.end for f in rival) for k in overlapped):
            continue  # "to" + "lumen@example.net" read as "to.lumen@example.net": a word swallowed
        if rival and min(p.confidence for p in parts) <= min(
            w.confidence for f in rival for w in words[f.start : f.end]
        ):
            continue  # both readings well formed: the surer one stands
        words[overlapped[0] : overlapped[-1] + 1] = [_one_word(parts, theirs.text, words[overlapped[0]])]
        mine = find_identifiers(words)
    return words


@dataclass(frozen=True)
class Strip:
    """One line cut out of the page image: its box there, and where it sits in the stack."""

    left: int
    top: int
    width: int
    height: int
    offset: int  # the row of the stacked image the cut-out starts at


def plan_strips(lines: Sequence[Sequence[TsvWord]], image_width: int, image_height: int) -> list[Strip]:
    """Where to cut each line (with a margin) and where to put it in the stacked image."""
    strips: list[Strip] = []
    offset = GAP
    for line in lines[:MAX_LINES]:
        left = max(0, min(w.left for w in line) - MARGIN)
        top = max(0, min(w.top for w in line) - MARGIN)
        right = min(image_width, max(w.left + w.width for w in line) + MARGIN)
        bottom = min(image_height, max(w.top + w.height for w in line) + MARGIN)
        if right <= left or bottom <= top:
            continue
        strips.append(Strip(left, top, right - left, bottom - top, offset))
        offset += bottom - top + GAP
    return strips


def stack(pixels: bytes | memoryview, stride: int, strips: Sequence[Strip]) -> tuple[bytes, int, int]:
    """The cut-out lines of an 8-bit grey image, one under another on white: (pixels, width, height)."""
    width = max(s.width for s in strips) + 2 * GAP
    height = strips[-1].offset + strips[-1].height + GAP
    out = bytearray(b"\xff" * (width * height))
    for s in strips:
        for row in range(s.height):
            source = (s.top + row) * stride + s.left
            target = (s.offset + row) * width + GAP
            out[target : target + s.width] = pixels[source : source + s.width]
    return bytes(out), width, height


def words_by_strip(words: Sequence[TsvWord], strips: Sequence[Strip]) -> list[list[TsvWord]]:
    """The stacked image's words sorted to the line they were cut from, in page pixels."""
    out: list[list[TsvWord]] = [[] for _ in strips]
    for w in words:
        middle = w.top + w.height / 2
        for k, s in enumerate(strips):
            if s.offset <= middle < s.offset + s.height:
                out[k].append(replace(w, left=w.left - GAP + s.left, top=w.top - s.offset + s.top))
                break
    for line in out:
        line.sort(key=lambda w: w.left)
    return out
