"""The words of a line joined into identifier tokens where OCR split one identifier into
several words ("alice @ example.com", "alice.smith-" / "jones@example.com"); see ``extract_ids``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from app.intake.extract_ids_values import (
    _AT,
    _BRACKET_WORD,
    _DOMAIN,
    _DOT,
    _LEAD,
    _LOCAL,
    _OPEN_DOMAIN,
    _TLD,
    _strip,
)
from app.intake.extract_layout import Layout
from app.intake.extract_text import Line, PlacedWord


@dataclass
class _Token:
    text: str
    words: list[PlacedWord] = field(default_factory=list)
    flagged: str | None = None


def _height(word: PlacedWord) -> float:
    return max(word.box[3] - word.box[1], 4.0)


def _is_local(text: str) -> bool:
    return bool(_LOCAL.match(_strip(text)))


def _is_domain(text: str) -> bool:
    return bool(_DOMAIN.match(text.strip(_LEAD)))


def _join_line(words: list[PlacedWord]) -> list[_Token]:
    """The words of a line, with identifiers OCR split into several words joined again."""
    tokens: list[_Token] = []
    i = 0
    while i < len(words):
        token = _Token(words[i].text, [words[i]])
        i += 1
        while i < len(words):
            nxt = words[i].text
            gap = words[i].box[0] - token.words[-1].box[2]
            height = _height(words[i])
            text = token.text
            bracket = bool(_BRACKET_WORD.fullmatch(nxt))
            if text.endswith("@") and not any(c.isalnum() for c in nxt):
                i += 1  # a speck after a broken address ("ember_quartz@ °"): the rest is on the next line
                continue
            if text.endswith("@") or nxt == "@" or bracket:
                pass
            elif (
                _BRACKET_WORD.search(text)
                and _BRACKET_WORD.search(text[-12:])
                and text.rstrip()[-1:] in ")]}"
            ):
                pass
            elif nxt.startswith("@") and _is_local(text) and _is_domain(nxt):
                pass
            elif (
                text.endswith((".", "-", "_"))
                and "@" in nxt
                and not nxt.startswith("@")
                and _is_local(text.rstrip(".-_") or "x")
                and (len(text.rstrip(".-_")) >= 4 or re.search(r"\d", text))
                and gap < 0.45 * height
            ):
                pass  # "daniel. whitcombe@example.net" (but not "e-mail to. alice@example.net")
            elif _OPEN_DOMAIN.match(text) and _TLD.match(nxt) and gap < 1.5 * height:
                pass
            elif (
                re.fullmatch(r"[A-Za-z0-9]{1,2}|[0-9]{3,4}", nxt)
                and i + 1 < len(words)
                and words[i + 1].text.startswith("@")
                and _is_local(text)
                and re.search(r"[A-Za-z]{3}", text)
            ):
                token.flagged = "repaired: joined across a gap"  # "glacier.cobalt 1 @example.org"
            elif (
                re.fullmatch(r"[0-9]{1,4}@\S+|[A-Za-z0-9]@\S+", nxt)
                and _is_local(re.sub(r"[!|~]+$", "", text))
                and "@" not in text
                and re.search(r"[A-Za-z]{3}", text)
            ):
                # "glacier.cobalt 1@example.org", "quartz.meadow1! 3@example.net": the tail of the
                # local part was split off (and a speck read beside it).
                token.text = re.sub(r"[!|~]+$", "", token.text)
                token.flagged = "repaired: joined across a gap"
            elif (
                text.endswith(":")
                and text.count(":") >= 2
                and re.fullmatch(r"[0-9a-fA-FlIoOS:]{1,40}[.,;)]*", nxt)
            ):
                pass
            elif re.fullmatch(r"[0-9a-fA-F]{1,4}", text) and re.fullmatch(
                r"['\u2018\u2019`.,:;][0-9a-fA-FlIoOS]{1,4}:[0-9a-fA-FlIoOS:]+[~.,;)]*", nxt
            ):
                nxt = ":" + nxt[1:]  # "2001 ‘DB8:A964::BA83": a colon read as a quote
                token.flagged = "repaired: a colon read as a quote"
            else:
                break
            token.text += nxt
            token.words.append(words[i])
            if "@" in token.text and gap > 0.45 * height:
                token.flagged = "repaired: joined across a gap"
            i += 1
        token.text = _DOT.sub(".", _AT.sub("@", token.text))
        tokens.append(token)
    return tokens


def _join_lines(layout: Layout) -> list[tuple[Line, list[_Token]]]:
    """Tokens of every line; an identifier broken at a line end is joined to its rest."""
    lines = layout.stream.lines
    out = [(line, _join_line(line.words)) for line in lines]
    for n in range(len(out) - 1):
        line, tokens = out[n]
        nxt_line, nxt_tokens = out[n + 1]
        # A speck after the broken address ("ember_quartz@ °") does not stop the join.
        while tokens and tokens[-1].words and not any(c.isalnum() or c == "@" for c in tokens[-1].text):
            tokens = tokens[:-1]
        if not tokens or not nxt_tokens or nxt_line.page != line.page or not tokens[-1].words:
            continue
        last, first = tokens[-1], nxt_tokens[0]
        a, b = last.text, first.text
        joined: str | None = None
        if a.endswith("@") and _is_domain(b) or b.startswith("@") and _is_local(a) and _is_domain(b):
            joined = a + b
        elif a.endswith("-") and len(a) > 2 and ("@" in b or "@" in a or "/" in b or "/" in a):
            # A hyphen at a line end inside an address: typesetting hyphenation is
            # dropped, so the address reads as one word; flagged for the reviewer.
            joined = a[:-1] + b
        elif _OPEN_DOMAIN.match(a) and re.fullmatch(r"[a-z]{2,6}[.,;:)]*", b):
            joined = a + b
        if joined is None:
            continue
        tokens[-1] = _Token(joined, last.words + first.words, "repaired: joined across a line break")
        out[n] = (line, tokens)
        nxt_tokens[0] = _Token("", [])
    return out


def _bar_read_as_letter(word: PlacedWord) -> bool:
    """A one-character word that is a redaction bar OCR made a letter of: wide, or barely read."""
    x0, y0, x1, y1 = word.box
    return len(_strip(word.text)) == 1 and (word.word.confidence < 40 or x1 - x0 > 2.5 * max(y1 - y0, 1.0))
