"""Finding a phrase in a document's words, to show each place it stands on the page."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from app.model import Box, Word
from app.textfold import fold

_EDGE_PUNCTUATION = re.compile(r"^\W+|\W+$")


def _fold(text: str) -> str:
    """Case-, accent- and edge-punctuation-insensitive form: 'Müller,' matches 'muller'."""
    return _EDGE_PUNCTUATION.sub("", fold(text))


def find_phrase(pages: Mapping[int, Sequence[Word]], query: str) -> list[tuple[int, Box]]:
    """Every place the query's words stand one after another, in page and reading order.

    The first query word may end a word and the last may begin one, so a partial word
    still matches ('exam' finds 'example.org'); words in between must match whole.
    Returns (page, union box) pairs; pages are the mapping's keys.
    """
    terms = [_fold(t) for t in query.split()]
    terms = [t for t in terms if t]
    if not terms:
        return []
    found: list[tuple[int, Box]] = []
    for page in sorted(pages):
        words = list(pages[page])
        folded = [_fold(w.text) for w in words]
        for start in range(len(words) - len(terms) + 1):
            if _matches(folded[start : start + len(terms)], terms):
                boxes = [w.box for w in words[start : start + len(terms)]]
                found.append((page, _union(boxes)))
    return found


def _matches(candidates: Sequence[str], terms: Sequence[str]) -> bool:
    if len(terms) == 1:
        return terms[0] in candidates[0]
    first, *middle, last = terms
    return (
        candidates[0].endswith(first)
        and candidates[-1].startswith(last)
        and all(c == t for c, t in zip(candidates[1:-1], middle, strict=True))
    )


def _union(boxes: Sequence[Box]) -> Box:
    return (
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    )
