"""Targeted identifiers: e-mail addresses, phone numbers, IP addresses, URLs, account ids,
user names and gamertags; repaired where OCR broke them, normalised, and told apart from
the requester's own contact details.

Repairs (each only where the result is a well-formed identifier):

- an address split around its "@" ("alice@ example.com", "alice @example.com",
  "alice @ example.com") or written "alice(at)example.com" / "alice [at] example [dot] com";
- a word split inside an address ("daniel. whitcombe@example.net") when the two parts
  stand closer than a space;
- an address or URL broken at a line end ("alice.smith-" / "jones@example.com"): the
  hyphen is taken for typesetting and dropped, and the reading is flagged;
- O/o read for 0 and l/I/| for 1 inside runs of digits (phones, IP addresses, ids);
- "example. com" after an "@".

Who an identifier belongs to is read from where it stands (the layout zones: letterhead,
signature block, addressee block, fax header, footer) and from the nearest cue before it
in its sentence or table row: a target label ("Account", "Nutzerkonto", "compte") or a
contact cue ("Tel.", "reply to", "by e-mail to", "Übermittlung an", "Courriel").
An identifier counts as a target when one of its mentions is a target mention and none
is the requester's — or when a mention is introduced by a target label.

Redaction: an identifier slot that is blacked out (a run of █, X or *, "[REDACTED]",
"b6/b7C", an identifier table row whose identifier cell is empty or unreadable, a
target label with no value) is reported with ``redacted=True`` and no value.
"""

from __future__ import annotations

import bisect
import ipaddress
import re
import statistics
from dataclasses import dataclass, field

from app.intake.extract_dates import repair_digits
from app.intake.extract_layout import ADDRESSEE, FAX, FOOTER, LETTERHEAD, SIGNATURE, Layout, is_sentence
from app.intake.extract_text import Line, PlacedWord, provenance_of
from app.intake.facts import IdentifierReading
from app.intake.folding import fold
from app.intake.vocab import Country, PhonePlan, Vocabulary
from app.model import Box

REQUESTER_ZONES = (LETTERHEAD, SIGNATURE, ADDRESSEE, FAX, FOOTER)

_LEAD = "([{<\"'\u201c\u2018\u00ab|."
_TRAIL = ")]}>\"'\u201d\u2019\u00bb.,;:|!?"
_EMAIL = re.compile(
    r"^[a-z0-9][a-z0-9._%+\-]*@[a-z0-9](?:[a-z0-9\-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9\-]*[a-z0-9])?)*\.[a-z]{2,24}$"
)
_LOCAL = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._%+\-]*$")
_DOMAIN = re.compile(r"^@?[A-Za-z0-9][A-Za-z0-9\-]*(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,24}[.,;:)]*$")
_OPEN_DOMAIN = re.compile(r"^[^@\s]+@[^.@\s]+\.$")  # "alice@example." waiting for its "com"
_TLD = re.compile(r"^[A-Za-z]{2,6}[.,;:)]*$")
_AT_WORDS = "at|ät|arobase|arroba|chez"
_DOT_WORDS = "dot|punkt|point|punto"
_AT = re.compile(rf"\s*[\(\[\{{]\s*(?:{_AT_WORDS})\s*[\)\]\}}]\s*", re.IGNORECASE)
_DOT = re.compile(rf"\s*[\(\[\{{]\s*(?:{_DOT_WORDS})\s*[\)\]\}}]\s*", re.IGNORECASE)
_BRACKET_WORD = re.compile(rf"[\(\[\{{]\s*(?:{_AT_WORDS}|{_DOT_WORDS})\s*[\)\]\}}]", re.IGNORECASE)
_URL = re.compile(
    r"^(?:(?:https?|ftp)://[^\s/]+(?:/\S*)?|www\.[a-z0-9\-]+(?:\.[a-z0-9\-]+)+(?:/\S*)?)$", re.IGNORECASE
)
_HOST_PATH = re.compile(r"^[a-z0-9\-]+(?:\.[a-z0-9\-]+)*\.[a-z]{2,24}/\S+$", re.IGNORECASE)
_BARE_HOST = re.compile(
    r"^[a-z0-9\-]+(?:\.[a-z0-9\-]+)+\.[a-z]{2,24}$|^[a-z0-9\-]+\.[a-z]{2,24}$", re.IGNORECASE
)
_IPV4 = re.compile(r"^(\d{1,3}(?:\.\d{1,3}){3})(?::\d{1,5})?(/\d{1,2})?$")
_IPV6_CHARS = re.compile(r"^[0-9a-fA-FlIoOS:.]+(?:/\d{1,3})?$")
_PHONE = re.compile(r"(?<![\w+/@.\-])(?:\+|00)?\s?\(?\d[\d\s().\-/]{5,22}\d(?![\w/@])")
_US_PHONE = re.compile(r"^(?:\+?1[\s.\-]?)?\(?\d{3}\)?[\s.\-]?\d{3}[\s.\-]\d{4}$")
_DATEISH = re.compile(r"^\d{1,4}[./\-]\d{1,2}[./\-]\d{1,4}$")
_REDACTED_LOCAL = re.compile(r"^(?:x{3,}|\*{3,}|[█■▇▆]+|_{3,})$", re.IGNORECASE)
_JUNK_CHARS = re.compile(r"^[\W_]+$")
_MISREAD_AT = re.compile(r"^[©®OoQ0][a-z0-9][a-z0-9\-]*(?:\.[a-z0-9\-]+)*\.[a-z]{2,24}[.,;:)~]*$")
# "coral_marbleOexample.org": an "@" read as O inside one word; the domain is the shortest valid tail.
_FUSED_AT = re.compile(
    r"^(?P<local>[A-Za-z0-9][A-Za-z0-9._%+\-]*?)[©®OQ0](?P<domain>[a-z][a-z0-9\-]{2,}\.[a-z]{2,24})$"
)
# "prairie.garnet18QU example.com": the "@" read as capitals stuck to the local part.
_TRAILING_AT = re.compile(r"^(?P<local>[A-Za-z0-9][A-Za-z0-9._%+\-]*[a-z0-9])(?:QU|Q|W|©|®|@)[~]?$")
_TRAILING_ROUND_AT = re.compile(r"^(?P<local>[A-Za-z0-9][A-Za-z0-9._%+\-]*[a-z0-9])[0O][~]?$")
_PHONE_WORDS = re.compile(
    r"(?:tel|phone|fax|telefon|telephone|telefono|rufnummer|numero|msisdn|mobil|call|handy|movil)"
)


@dataclass
class Occurrence:
    kind: str
    value: str | None
    raw: str
    words: list[PlacedWord]
    offset: int  # folded offset of the first character, for context
    redacted: bool = False
    explicit: bool = False  # introduced by a target label, or a row of an identifier table
    role: str = "target"  # target | requester
    flagged: str | None = None
    place: tuple[int, Box] | None = None  # page and box of a redaction no word was read in
    derived: bool = False  # the kind was inferred (an account named by a handle), not labelled


@dataclass
class _Token:
    text: str
    words: list[PlacedWord] = field(default_factory=list)
    flagged: str | None = None


# ------------------------------------------------------------------------------ joining


def _strip(text: str) -> str:
    text = text.strip()
    while text and text[0] in _LEAD:
        text = text[1:]
    while text and text[-1] in _TRAIL:
        text = text[:-1]
    return text


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


# ------------------------------------------------------------------------------ matching


def _email(text: str) -> str | None:
    candidate = _strip(text).replace("\u00a0", "")
    if "@" not in candidate:
        return None
    local, _, domain = candidate.rpartition("@")
    domain = domain.replace(",", ".").replace(":", ".")
    local = re.sub(r"(?<=\d)[Oo](?=\d)", "0", local)
    local = re.sub(r"(?<=\d)[lI|](?=\d)", "1", local)
    value = f"{local}@{domain}".lower()
    return value if _EMAIL.match(value) else None


def _redacted_email(text: str) -> bool:
    candidate = _strip(text)
    if "@" not in candidate:
        return False
    local, _, domain = candidate.rpartition("@")
    return bool(_REDACTED_LOCAL.match(local)) and bool(_BARE_HOST.match(domain) or domain == "")


def _ipv4(text: str) -> str | None:
    candidate = _strip(text)
    if candidate.count(".") != 3:
        return None
    # Each group of an address is digits: O read for 0 and l, I or | for 1 are repaired group by group.
    groups = candidate.split(".")
    repaired = [
        re.sub(r"[oO]", "0", re.sub(r"[lI|]", "1", g)) if re.search(r"\d", g) or len(g) <= 3 else g
        for g in groups
    ]
    fixed = ".".join(repaired)
    m = _IPV4.match(fixed)
    if not m:
        return None
    try:
        address = ipaddress.IPv4Address(m.group(1))
    except ValueError:
        return None
    if m.group(2):
        try:
            return str(ipaddress.IPv4Network(f"{address}{m.group(2)}", strict=False))
        except ValueError:
            return None
    return str(address)


def _ipv6(text: str) -> str | None:
    candidate = _strip(text)
    if candidate.count(":") < 2 or not _IPV6_CHARS.match(candidate):
        return None
    fixed = (
        candidate.replace("l", "1").replace("I", "1").replace("O", "0").replace("o", "0").replace("S", "5")
    )
    groups = [g for g in re.split(r"[:/]", fixed) if g]
    if len(groups) < 2 or not any(re.search(r"[a-f]", g, re.IGNORECASE) or len(g) >= 3 for g in groups):
        return None  # "10:30:00" is a time, not an address
    try:
        if "/" in fixed:
            return str(ipaddress.IPv6Network(fixed, strict=False))
        return ipaddress.IPv6Address(fixed).compressed
    except ValueError:
        return None


def _url(text: str, *, bare_host: bool) -> str | None:
    candidate = _strip(text)
    if "@" in candidate:
        return None
    if _URL.match(candidate) or _HOST_PATH.match(candidate) or (bare_host and _BARE_HOST.match(candidate)):
        m = re.match(r"^((?:[a-z]+://)?)([^/]+)(.*)$", candidate, re.IGNORECASE)
        if m:
            return m.group(1).lower() + m.group(2).lower() + m.group(3)
    return None


# A capital S or O right after a small letter and before a digit or the end of a handle is
# a 5 or a 0 the language model preferred as a letter ("juniperS", "CoralDriftS8").
_LETTER_FOR_DIGIT = re.compile(r"(?<=[a-z])([SO])(?=\d|$)")


def _handle_kind(value: str) -> str:
    """A handle in capitalised words with no separator ("WillowPine17", and "QuillQuillS1" before
    its S is repaired) is written the way gamertags are; any other is a user name."""
    camel = re.fullmatch(r"(?:[A-Z][a-z]+){2,}(?:\d*|[SO]\d?)", value)
    return "gamertag" if camel else "username"


def normalise_handle(kind: str, value: str) -> tuple[str, str | None]:
    """An account id, user name or gamertag as it is compared and stored; and a note of any repair.

    - account ids: the spaces OCR (or the printer) put between digit groups are dropped
      ("UID1741 14251", "8812 4471 0093"), hyphens are kept;
    - user names: lower case (services compare them without case; a capital at the start
      of a table cell is OCR's or the typist's);
    - user names and gamertags: an S or O read for 5 or 0 at the end of the handle or
      before its digits is repaired, and flagged.
    """
    flagged = None
    if kind == "account_id":
        return re.sub(r"(?<=[0-9A-Za-z]) (?=[0-9])", "", value), None
    if kind in ("username", "gamertag"):
        repaired = _LETTER_FOR_DIGIT.sub(lambda m: "5" if m.group(1) == "S" else "0", value)
        if repaired != value:
            flagged, value = f"repaired: {value!r} read as {repaired!r} (S/5, O/0)", repaired
    if kind == "username":
        value = value.lower()
    return value, flagged


def e164(raw: str, country: Country | None, vocab: Vocabulary) -> tuple[str | None, str | None]:
    """A phone number in E.164 ("+14065550177"), and a note when it could not be made so.

    "+" or "00" numbers are read with the calling codes of the vocabulary's countries;
    national numbers with the plan of the demand's country (its trunk prefix dropped).
    """
    lowered = raw.lower()
    text = repair_digits(lowered) if len(lowered) == len(raw) else raw
    text = re.sub(r"\(0\)", "", text).strip()
    digits = re.sub(r"\D", "", text)
    if text.startswith("+") or (text.startswith("00") and len(digits) > 10):
        if text.startswith("00"):
            digits = digits[2:]
        plans: dict[str, PhonePlan] = {}
        for info in vocab.countries.values():
            plans.setdefault(info.phone.code, info.phone)
        for size in (1, 2, 3):
            code = digits[:size]
            plan = plans.get(code)
            if plan is None:
                continue
            national = digits[size:]
            if (
                plan.trunk
                and national.startswith(plan.trunk)
                and len(national) - len(plan.trunk) in plan.lengths
            ):
                national = national[len(plan.trunk) :]
            if len(national) in plan.lengths:
                return f"+{code}{national}", None
            return f"+{digits}", "the length does not fit the country's numbers"
        if 8 <= len(digits) <= 15:
            return f"+{digits}", "calling code not known"
        return None, f"printed as {raw.strip()}; not a full international number"
    if country is None:
        return None, f"printed as {raw.strip()}; country unknown, so not normalised"
    plan = country.phone
    national = digits
    if plan.trunk and national.startswith(plan.trunk) and len(national) - len(plan.trunk) in plan.lengths:
        national = national[len(plan.trunk) :]
    if len(national) in plan.lengths:
        return f"+{plan.code}{national}", None
    return None, f"printed as {raw.strip()}; not a full {country.name} number"


def _kind_of_label(kind: str) -> str:
    return "account_id" if kind in ("generic", "account_id") else kind


# ------------------------------------------------------------------------------ reading


class IdentifierReader:
    def __init__(self, layout: Layout, vocab: Vocabulary, country: Country | None) -> None:
        self.layout = layout
        self.vocab = vocab
        self.country = country
        self.stream = layout.stream
        self.occurrences: list[Occurrence] = []
        self.table_rows: set[int] = set()
        self.stopwords = frozenset().union(*vocab.stopwords.values())

    # -- context ---------------------------------------------------------------------

    def _previous(self, line: Line) -> Line | None:
        """The line before on the same page, passing over specks ("ÿ.") OCR made a line of."""
        for j in range(line.index - 1, max(-1, line.index - 3), -1):
            previous = self.stream.lines[j]
            if previous.page != line.page:
                return None
            if any(sum(c.isalnum() for c in w.text) >= 2 for w in previous.words):
                return previous
        return None

    def _window_start(self, line: Line, offset: int) -> int:
        start, _ = self.stream.sentence_bounds(offset)
        line_start = self.stream.line_folded_span(line)[0]
        if len(line.cells) > 1:
            return max(start, line_start)
        previous = self._previous(line)
        if previous is not None and start >= line_start and previous.text.rstrip(" ~|").endswith(":"):
            # "… Contact :" / "c.atlas76@example.net": a label at the end of the line before.
            p_start, p_end = self.stream.line_folded_span(previous)
            tail = self.stream.folded[p_start:p_end]
            cut = max(tail.rfind(". "), tail.rfind("; "))
            return p_start + (cut + 2 if cut >= 0 else 0)
        # At most the line before: a sentence may run on, a table row may not.
        if line.index > 0:
            previous = self.stream.lines[line.index - 1]
            return max(start, self.stream.line_folded_span(previous)[0])
        return max(start, line_start)

    def _cue(self, line: Line, offset: int) -> tuple[str | None, str | None]:
        """The nearest cue before an offset: ("target", label kind) or ("contact", None).

        The window is the sentence (or table row) before the identifier; a list separated
        by semicolons ("Enquiries: DI Delaney, …; l.reef@example.org; +44 …") stays one window.
        """
        text = self.stream.folded
        start = self._window_start(line, offset)
        for _ in range(2):
            before = text[:start].rstrip()
            if not before.endswith(";"):
                break
            start = self.stream.line_folded_span(self.stream.line_at(len(before) - 1))[0]
        window = text[start:offset]
        found: list[tuple[int, int, str, str | None]] = []  # start, end, role, kind
        for kind, phrases in self.vocab.identifier_labels.items():
            found += [(m.start(), m.end(), "target", kind) for m in phrases.finditer(window)]
        target_starts = {f[0] for f in found}
        # A contact cue that is also a label at the same place ("E-Mail:") is read as the label.
        found += [
            (m.start(), m.end(), "contact", None)
            for m in self.vocab.cues["contact"].finditer(window)
            if m.start() not in target_starts
        ]
        if not found:
            return self._label_above(line)
        best = max(found, key=lambda f: (f[1], f[1] - f[0]))
        return best[2], best[3]

    def _label_above(self, line: Line) -> tuple[str | None, str | None]:
        """Labels on the row above, as column headings ("E-mail:   E-mail:" over two values)."""
        if line.index == 0:
            return None, None
        above = self.stream.lines[line.index - 1]
        if above.page != line.page or len(above.words) > 8:
            return None, None
        kinds = []
        for cell in above.cells:
            text = fold(" ".join(w.text for w in cell)).strip(" :\"'|~")
            label = self._row_label(text)
            if label is None or label[1] < len(text) - 2:
                return None, None
            kinds.append(label[0])
        return ("target", kinds[0]) if kinds else (None, None)

    def _classify(self, occ: Occurrence, line: Line) -> None:
        if occ.explicit:
            occ.role = "target"
            return
        zone = self.layout.zone_at(occ.offset)
        role, kind = self._cue(line, occ.offset)
        if zone in REQUESTER_ZONES:
            occ.role = "requester"
            if role == "target" and zone == LETTERHEAD and kind in ("generic", "account_id"):
                occ.role = "target"  # a caption naming the account ("IN THE MATTER OF ... THE ACCOUNT x")
            return
        if role == "target" and kind in ("email", "phone") and self._contact_rows_above(line):
            role = "contact"  # "Ansprechpartner … / Rückruf … / E-Mail …": the requester's own details
        if role == "contact":
            occ.role = "requester"
        elif role == "target":
            occ.role = "target"
            occ.explicit = True
        elif role is None and self._contact_list_before(line, occ.offset):
            occ.role = "requester"
        elif occ.kind == "phone":
            # A bare number in running text is a call-back number when its sentence is about contact.
            occ.role = "requester" if self._sentence_has_contact(occ.offset) else "target"
        else:
            occ.role = "target"

    def _contact_rows_above(self, line: Line) -> bool:
        """Is this row in a block of contact rows (a contact cue within two rows above, no target label)?"""
        own = self.layout.line_text(line)[:30]
        if self.vocab.identifier_labels["generic"].search(own) or self.vocab.identifier_labels[
            "account_id"
        ].search(own):
            return False  # "Account  x@example.com (recovery phone …)": the row names a target
        for back in (1, 2):
            j = line.index - back
            if j < 0 or self.stream.lines[j].page != line.page:
                return False
            text = self.layout.line_text(self.stream.lines[j])
            labels = self.vocab.identifier_labels
            if labels["generic"].search(text) or labels["account_id"].search(text):
                return False
            contact = self.vocab.cues["contact"].search(text)
            if contact is None or contact.start() > 3:
                continue
            # "Telephone number …" is a label of a target as much as a contact: only plain contact cues count.
            if any(p.match(text, contact.start()) for p in labels.values()):
                continue
            return True
        return False

    def _contact_cues(self, window: str) -> list[re.Match[str]]:
        """The contact cues in a piece of text that are more than a target label.

        "… linked to it by a common recovery telephone number or payment instrument:" names
        targets: a cue that is no more than a label ("telephone number") is none; a longer
        one ("telephone number of the attorney") is.
        """
        labels: dict[int, int] = {}
        for phrases in self.vocab.identifier_labels.values():
            for m in phrases.finditer(window):
                labels[m.start()] = max(labels.get(m.start(), 0), m.end())
        return [m for m in self.vocab.cues["contact"].finditer(window) if labels.get(m.start(), -1) < m.end()]

    def _contact_list_before(self, line: Line, offset: int) -> bool:
        """Is the identifier in a list of contact details that a cue and a colon opened, within
        three lines? ("The name, address, e-mail address and telephone number of the attorney
        … who issues or requests this subpoena, are: …, Oakland, CA 94607; x@example.net")"""
        first = line.index
        while first > max(0, line.index - 3) and self.stream.lines[first - 1].page == line.page:
            first -= 1
        window = self.stream.folded[self.stream.line_folded_span(self.stream.lines[first])[0] : offset]
        cues = self._contact_cues(window)
        if not cues:
            return False
        rest = window[cues[-1].end() :]
        if ":" not in rest:
            return False
        return not any(labels.search(rest) for labels in self.vocab.identifier_labels.values())

    def _sentence_has_contact(self, offset: int) -> bool:
        start, end = self.stream.sentence_bounds(offset)
        return self.vocab.cues["contact"].search(self.stream.folded, start, end) is not None

    def _raw_offset(self, word: PlacedWord) -> int:
        line = self.stream.lines[word.line]
        raw = line.start
        for w in line.words:
            if w is word:
                break
            raw += len(w.text) + 1
        return raw

    def _offset(self, words: list[PlacedWord]) -> int:
        return self.stream.folded_offset(self._raw_offset(words[0]))

    # -- passes ----------------------------------------------------------------------

    def read(self) -> list[IdentifierReading]:
        for line, tokens in _join_lines(self.layout):
            self._tokens(line, tokens)
            self._phones(line)
        self._labelled()
        self._listed()
        self._tables()
        self._label_rows()
        return self._result()

    def _listed(self) -> None:
        """Bare handles listed under a sentence that names accounts and ends in a colon.

        "“Account” means each of the following …: / QuillQuill51 / thistle@example.net":
        a line holding one handle-shaped word, in the list, is an account named by that
        handle (the e-mail addresses and the like in it are read anyway).
        """
        lines = self.stream.lines
        labels = self.vocab.identifier_labels
        for i, line in enumerate(lines):
            if not line.text.rstrip(" .|~").endswith(":") or self.layout.zones[i] in REQUESTER_ZONES:
                continue
            start, end = self.stream.line_folded_span(line)
            window = self.stream.folded[self.stream.sentence_bounds(end - 1)[0] : end]
            if not (labels["generic"].search(window) or labels["account_id"].search(window)):
                continue
            if self._contact_cues(window):
                continue
            used = {w.index for o in self.occurrences for w in o.words}
            for row in lines[i + 1 : i + 8]:
                if row.page != line.page or is_sentence(row, self.vocab):
                    break
                words = [w for w in row.words if any(c.isalnum() for c in w.text)]
                if len(words) != 1:
                    if len(words) > 3:
                        break
                    continue
                word = words[0]
                value = _strip(word.text)
                if word.index in used or not self._plausible("username", value, False, ""):
                    continue
                kind = _handle_kind(value)
                value, flagged = normalise_handle(kind, value)
                occ = Occurrence(kind, value, word.text, [word], self._offset([word]), derived=True)
                occ.flagged = flagged
                occ.explicit = True
                self.occurrences.append(occ)

    def _add(self, occ: Occurrence, line: Line) -> None:
        self._classify(occ, line)
        self.occurrences.append(occ)

    def _tokens(self, line: Line, tokens: list[_Token]) -> None:
        tokens = self._at_misread(line, tokens)
        for token in tokens:
            if not token.words:
                continue
            text = token.text
            raw = _strip(text) or text
            offset = self._offset(token.words)
            if "@" in text:
                if _redacted_email(text):
                    self._add(Occurrence("email", None, raw, token.words, offset, redacted=True), line)
                    continue
                value = _email(text)
                if value:
                    self._add(
                        Occurrence("email", value, raw, token.words, offset, flagged=token.flagged), line
                    )
                    continue
            ip4 = _ipv4(text)
            if ip4:
                self._add(Occurrence("ip", ip4, raw, token.words, offset), line)
                continue
            ip6 = _ipv6(text)
            if ip6:
                self._add(Occurrence("ip", ip6, raw, token.words, offset), line)
                continue
            url = _url(text, bare_host=False)
            if url:
                self._add(Occurrence("url", url, raw, token.words, offset, flagged=token.flagged), line)

    def _at_misread(self, line: Line, tokens: list[_Token]) -> list[_Token]:
        """ "alice Oexample.net" after an e-mail label: OCR read the "@" as O, ©, ® or Q."""
        out: list[_Token] = []
        i = 0
        while i < len(tokens):
            a = tokens[i]
            b = tokens[i + 1] if i + 1 < len(tokens) else None
            c = tokens[i + 2] if i + 2 < len(tokens) else None
            # Every repair below needs an e-mail label before the word; finding the cue is the
            # costly part, so it is asked last and at most once per word.
            slot: list[bool] = []

            def email_slot(a: _Token = a, slot: list[bool] = slot) -> bool:
                if not slot:
                    slot.append(
                        bool(a.words)
                        and "@" not in a.text
                        and self._cue(line, self._offset(a.words)) == ("target", "email")
                    )
                return slot[0]

            if (
                b is not None
                and b.words
                and "@" not in a.text
                and _LOCAL.match(a.text)
                and _MISREAD_AT.match(b.text)
                and email_slot()
            ):
                out.append(
                    _Token(a.text + "@" + b.text[1:], a.words + b.words, "repaired: '@' read as a letter")
                )
                i += 2
                continue
            if (
                b is not None
                and c is not None
                and re.fullmatch(r"QU|[©®OoQ0@]", b.text.strip("~"))
                and _LOCAL.match(a.text)
                and _is_domain(_strip(c.text))
                and email_slot()
            ):
                out.append(
                    _Token(
                        f"{a.text}@{_strip(c.text)}",
                        a.words + b.words + c.words,
                        "repaired: '@' read as a letter",
                    )
                )
                i += 3
                continue
            glyph = None
            if b is not None and b.words and "@" not in a.text and _BARE_HOST.match(_strip(b.text)):
                glyph = _TRAILING_AT.match(a.text)
                if glyph is None and a.words:
                    # A round "@" read as 0 or O at the end of a word OCR was unsure of, or with
                    # no room before the domain for an "@" OCR might have dropped.
                    gap = b.words[0].box[0] - a.words[-1].box[2]
                    if a.words[-1].word.confidence < 60 or gap < 0.4 * _height(a.words[-1]):
                        glyph = _TRAILING_ROUND_AT.match(a.text)
            if glyph and b is not None and email_slot():
                text = f"{glyph.group('local')}@{_strip(b.text)}"
                out.append(_Token(text, a.words + b.words, "repaired: '@' read as a letter"))
                i += 2
                continue
            fused = _FUSED_AT.match(_strip(a.text)) if "@" not in a.text else None
            if fused and email_slot():
                text = f"{fused.group('local')}@{fused.group('domain')}"
                out.append(_Token(text, a.words, "repaired: '@' read as a letter"))
                i += 1
                continue
            out.append(a)
            i += 1
        return out

    def _phones(self, line: Line) -> None:
        raw = self.stream.raw[line.start : line.end]
        lowered = raw.lower()
        probe = repair_digits(lowered) if len(lowered) == len(raw) else raw
        for m in _PHONE.finditer(probe):
            chunk = raw[m.start() : m.end()]
            text = chunk.strip()
            digits = re.sub(r"\D", "", text)
            if not 7 <= len(digits) <= 15 or _DATEISH.match(text):
                continue
            start = line.start + m.start() + (len(chunk) - len(chunk.lstrip()))
            words = self.stream.words_in(start, start + len(text), folded=False)
            if not words:
                continue
            offset = self.stream.folded_offset(start)
            international = text.startswith("+") or text.startswith("00")
            role, kind = self._cue(line, offset)
            labelled = kind == "phone" or (role == "contact" and _PHONE_WORDS.search(self._left(offset, 40)))
            if not (international or _US_PHONE.match(text) or labelled or line.index in self.table_rows):
                continue
            if self._statute_or_reference(offset):
                continue
            value, note = e164(text, self.country, self.vocab)
            self._add(Occurrence("phone", value, text, words, offset, flagged=note), line)

    def _left(self, offset: int, size: int) -> str:
        return self.stream.folded[max(0, offset - size) : offset]

    def _statute_or_reference(self, offset: int) -> bool:
        left = self._left(offset, 16)
        return bool(
            re.search(
                r"(?:\bno\.?|\bnr\.?|\bn[°o]|#|§|\$|\bcase|\bref\.?|\brecord|\bfile|\baz\.?|\bmisc\.?|\bart\.?|"
                r"\bsection|u\.?s\.?c\.?|\bbadge|\bpv|\bgs|\bjs)\s*[:.]?\s*$",
                left,
            )
        )

    # -- labelled values: account ids, user names, gamertags ---------------------------

    def _labelled(self) -> None:
        text = self.stream.folded
        for kind in ("account_id", "username", "gamertag", "generic", "email", "phone", "ip", "url"):
            for m in self.vocab.identifier_labels[kind].finditer(text):
                self._label_value(kind, m.start(), m.end())

    def _is_mark(self, word: PlacedWord) -> bool:
        regex = self.vocab.redaction.regex
        text = fold(word.text)
        return regex is not None and bool(regex.fullmatch(_strip(text) or text))

    def _label_value(self, kind: str, start: int, end: int) -> None:
        label_words = self.stream.words_in(start, end)
        if not label_words:
            return
        line = self.stream.lines[label_words[-1].line]
        zone = self.layout.zone_at(start)
        after = [w for w in line.words if w.index > label_words[-1].index]
        if not after and label_words[0] is line.words[0] and line.index + 1 < len(self.stream.lines):
            # A table whose label and value OCR put on two lines ("Gamertag" / "DriftOak14").
            nxt = self.stream.lines[line.index + 1]
            if (
                nxt.page == line.page
                and len(nxt.words) <= 3
                and not self._row_label(self.layout.line_text(nxt))
            ):
                after = list(nxt.words)
        if not after:
            return
        colon = label_words[-1].text.endswith(":") or after[0].text in (":", "-", "#")
        while after and (
            after[0].text.lower().strip(":") in ("", "-", "#", "is", "no.", "number", "id")
            or not any(c.isalnum() for c in after[0].text)
        ):
            colon = True
            after = after[1:]
        if not after:
            return
        # A blacked-out value right after the label ("Account: [REDACTED]", "E-mail: ████").
        marks = []
        for w in after[:4]:
            if not self._is_mark(w):
                break
            marks.append(w)
        if marks:
            if zone in REQUESTER_ZONES or self._sentence_has_contact(start):
                return
            occ = Occurrence(
                _kind_of_label(kind), None, " ".join(w.text for w in marks), marks, start, redacted=True
            )
            occ.explicit = True
            occ.flagged = "blacked out"
            self._add(occ, line)
            return
        if kind not in ("account_id", "username", "gamertag"):
            return
        first = after[0].text
        quoted = first[:1] in "\"'\u201c\u2018\u00ab"
        taken: list[PlacedWord] = []
        if quoted:
            for w in after[:4]:
                taken.append(w)
                if w.text.rstrip(".,;)")[-1:] in "\"'\u201d\u2019\u00bb" and (
                    len(taken) > 1 or len(w.text) > 1
                ):
                    break
        else:
            limit = 3 if kind == "gamertag" and colon else 1
            for w in after[:limit]:
                bare = _strip(w.text)
                if not bare or fold(bare) in self.stopwords:
                    break
                taken.append(w)
                if w.text[-1:] in ",;)" or w.text[:1] == "(":
                    break
            if kind == "account_id":
                for w in after[len(taken) : len(taken) + 4]:  # digit groups: "8812 4471 0093"
                    if (
                        taken
                        and re.fullmatch(r"\d{2,6}", _strip(w.text))
                        and re.search(r"\d$", _strip(taken[-1].text))
                    ):
                        taken.append(w)
                    else:
                        break
        value = _strip(" ".join(w.text for w in taken))
        if not value or "@" in value or _ipv4(value) or _ipv6(value) or _url(value, bare_host=False):
            return
        used = {w.index for o in self.occurrences for w in o.words}
        if any(w.index in used for w in taken):
            return
        following = after[len(taken) : len(taken) + 1]
        if following and following[0].text.startswith("@"):
            return  # "harbor.lantern77 @example.com": an e-mail address split by OCR
        label = fold(" ".join(w.text for w in label_words))
        if not self._plausible(kind, value, colon or quoted, label):
            return
        if kind == "account_id" and re.fullmatch(r"[\dOolI| \-]+", value):
            value = repair_digits(value.lower())
        derived = False
        if (
            kind == "account_id"
            and len(re.findall(r"[a-z]", value)) >= 4
            and re.fullmatch(r"[A-Za-z0-9._\-]+", value)
        ):
            kind, derived = (
                _handle_kind(value),
                True,
            )  # an account named by a handle ("Konto mistral-heron39")
        value, flagged = normalise_handle(kind, value)
        occ = Occurrence(kind, value, value, taken, start, derived=derived, flagged=flagged)
        occ.explicit = not (zone in REQUESTER_ZONES or self._sentence_has_contact(start))
        self._add(occ, line)

    def _plausible(self, kind: str, value: str, introduced: bool, label: str) -> bool:
        if _DATEISH.match(value):
            return False
        if kind == "account_id":
            compact = re.sub(r"[\s\-]", "", value)
            digits = sum(c.isdigit() for c in compact)
            if len(compact) < 4 or digits == 0:
                return False
            generic = label.strip(" :") in (
                "account",
                "accounts",
                "konto",
                "kontos",
                "compte",
                "cuenta",
                "la cuenta",
                "le compte",
            )
            handle = len(re.findall(r"[A-Za-z]", value)) >= 3 and bool(re.search(r"[\d._\-]", value))
            if generic and not (digits >= 5 or handle or (introduced and len(compact) >= 6)):
                return False
            return bool(re.fullmatch(r"[A-Za-z0-9._\-:# ]+", value))
        if kind == "username":
            if not re.fullmatch(r"@?[A-Za-z0-9._\-]{3,40}", value):
                return False
            if len(re.findall(r"[A-Za-z0-9]", value)) < 3:
                return False
            if fold(value.strip("._-@")) in self.stopwords:
                return False
            return introduced or bool(re.search(r"[\d_.]", value))
        if kind == "gamertag":
            if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9 ]{1,15}", value):
                return False
            return introduced or bool(re.search(r"\d", value)) or value != value.lower()
        return False

    # -- redactions --------------------------------------------------------------------

    def _tables(self) -> None:
        """Identifier tables ("Accounts:  For Following Date(s)") and their unreadable rows."""
        lines = self.stream.lines
        for i, line in enumerate(lines):
            text = self.layout.line_text(line)
            label = self._header_label(text)
            if (
                label is None
                or is_sentence(line, self.vocab)
                or len(line.words) > 9
                or not self._starts_block(line)
            ):
                continue
            if self.layout.zones[i] in REQUESTER_ZONES:
                continue
            if any(o.words and o.words[0].line == i for o in self.occurrences):
                continue  # a labelled row with its value ("Account 1  alice@example.com")
            rows = []
            for j in range(i + 1, min(len(lines), i + 12)):
                row = lines[j]
                dated = bool(self._period_words(row, self.layout.line_text(row)))
                if row.page != line.page or is_sentence(row, self.vocab):
                    break
                if self.layout.headings[j] and len(row.words) > 4 and not dated:
                    break
                if row.top - lines[j - 1].bottom > 4 * max(row.height, 6.0):
                    break
                if self._header_label(self.layout.line_text(row)) is not None:
                    break
                rows.append(row)
            for row in rows:
                if not self._row(row, label, line):
                    break
                self.table_rows.add(row.index)

    def _starts_block(self, line: Line) -> bool:
        """Does the line start a row or a block, rather than carry on the sentence of the line before?"""
        if line.index == 0 or self.stream.lines[line.index - 1].page != line.page:
            return True
        start = self.stream.line_folded_span(line)[0]
        index = bisect.bisect_left(self.stream.breaks, start)
        if index < len(self.stream.breaks) and self.stream.breaks[index] == start:
            return True
        if len(line.cells) > 1:
            return True  # a label and its value set apart: a table row
        previous = self.stream.lines[line.index - 1]
        return self._row_label(self.layout.line_text(previous)) is not None  # a list of labelled rows

    def _header_label(self, text: str) -> str | None:
        best: tuple[int, str] | None = None
        for kind, phrases in self.vocab.identifier_labels.items():
            m = phrases.search(text[:40])
            if m is None or m.start() > 3:
                continue
            after = text[m.end() : m.end() + 3]
            # The line ends with a colon (OCR often reads ":" as ";").
            ends_colon = text.rstrip(" ~|")[-1:] in (":", ";") and len(text.split()) <= 8
            if ":" in after or "?" in after or ends_colon:
                if best is None or m.end() > best[0]:
                    best = (m.end(), _kind_of_label(kind))
        return best[1] if best else None

    def _row(self, row: Line, kind: str, header: Line) -> bool:
        """Read one row of an identifier table; False when the row is running text, not a row."""
        found = [o for o in self.occurrences if o.words and o.words[0].line == row.index]
        text = self.layout.line_text(row)
        period = self._period_words(row, text)
        if not found:
            # A bare host name is an identifier in such a table ("example-blog.wordpress.com").
            for token in _join_line(row.words):
                url = _url(token.text, bare_host=True)
                # A bare "wordpress.com" or "YAHOO.COM" is what is left of "…@yahoo.com" or
                # "….wordpress.com" under a redaction bar, not a target of its own.
                remnant = url is not None and "/" not in url and url.count(".") == 1
                first = token.words[0]
                if url and not remnant and not self._junk_before(row, first) and first not in period:
                    occ = Occurrence("url", url, _strip(token.text), token.words, self._offset(token.words))
                    occ.explicit = True
                    self._add(occ, row)
                    found.append(occ)
                    break
        if found:
            for o in found:
                if self.layout.zone_at(o.offset) not in REQUESTER_ZONES:
                    o.explicit = True
                    o.role = "target"
            return True
        rest = [w for w in row.words if w not in period and not _JUNK_CHARS.match(w.text)]
        if not rest and not period:
            return True
        own = self._row_label(text)
        if own is not None:
            # "Telephone number ███" under "Accounts:": the row says what it holds.
            kind = own[0]
            label_words = self.stream.words_in(*self._span_of(row, own[1]))
            rest = [w for w in rest if w not in label_words]
        if len(rest) >= 4 and statistics.fmean(w.word.confidence for w in rest) >= 75 and not period:
            return False  # words read well: the text under the table, not a blacked-out row
        occ = Occurrence(
            kind,
            None,
            " ".join(w.text for w in rest),
            rest,
            self.stream.line_folded_span(row)[0],
            redacted=True,
        )
        if "@" in occ.raw:
            occ.kind = "email"
        occ.explicit = True
        occ.flagged = "blacked out or unreadable in an identifier table"
        if not rest:
            right = min(w.box[0] for w in period)
            if right - header.left < 20:
                return True
            occ.place = (
                row.page,
                (round(header.left, 2), round(row.top, 2), round(right - 4, 2), round(row.bottom, 2)),
            )
        self.occurrences.append(occ)
        return True

    def _span_of(self, row: Line, length: int) -> tuple[int, int]:
        start = self.stream.line_folded_span(row)[0]
        return start, start + length

    def _junk_before(self, row: Line, word: PlacedWord) -> bool:
        return any(w.index < word.index and not _JUNK_CHARS.match(w.text) for w in row.words)

    def _period_words(self, row: Line, text: str) -> list[PlacedWord]:
        """The words of a row's date column ("From Inception to Present", "For Current Subscriber")."""
        cues = self.vocab.cues
        starts = [m.start() for m in cues["row_periods"].finditer(text)]
        starts += [m.start() for m in re.finditer(r"(?<!\d)(?:19|20)\d\d-\d\d-\d\d(?!\d)", text)]
        if not starts:
            return []
        line_start = self.stream.line_folded_span(row)[0]
        words = self.stream.words_in(line_start + min(starts), self.stream.line_folded_span(row)[1])
        if not words:
            return []
        # The whole table cell the date column starts in ("Prom Inception to Present", misread).
        for cell in row.cells[1:]:
            if words[0] in cell:
                return [w for w in row.words if w.index >= cell[0].index]
        before = [w for w in row.words if w.index < words[0].index]
        if before and cues["range_from"].search(fold(before[-1].text)):
            words = [before[-1], *words]
        return words

    def _label_rows(self) -> None:
        """Rows that start with a target label and hold no readable identifier.

        "E-mail account  ████" reads as the label and a few unreadable marks (or nothing):
        the identifier was blacked out. Such a row counts when what follows the label is
        short and unreadable (low confidence, no letters or digits, a redaction mark), or
        when the label stands alone but ends with a colon or sits in a list of labelled
        rows whose neighbours carry identifiers.
        """
        lines = self.stream.lines
        with_ids = {o.words[0].line for o in self.occurrences if o.words}
        headers = {i for i, line in enumerate(lines) if i + 1 in self.table_rows and i not in self.table_rows}
        for i, line in enumerate(lines):
            if i in self.table_rows or i in headers or i in with_ids or len(line.words) > 7:
                continue
            if self.layout.zones[i] in REQUESTER_ZONES or is_sentence(line, self.vocab):
                continue
            text = self.layout.line_text(line)
            found = self._row_label(text)
            if found is None or not self._starts_block(line):
                continue
            kind, label_end = found
            if re.search(r"[^\W\d_]\.\s*$", text[:label_end]):
                continue  # "… by ordinary / e-mail." ends a sentence; it does not open a row
            line_start = self.stream.line_folded_span(line)[0]
            rest = [
                w
                for w in self.stream.words_in(line_start + label_end, self.stream.line_folded_span(line)[1])
                if not re.fullmatch(r"[\W_]*\d?[\W_]*", w.text) or self._is_mark(w)
            ]
            label_words = self.stream.words_in(line_start, line_start + label_end)
            rest = [w for w in rest if w not in label_words]
            if label_words and len(label_words) > 1 and _bar_read_as_letter(label_words[-1]):
                rest.insert(0, label_words[-1])  # "Número de teléfono A": the A is a black bar, no row letter
            if len(rest) > 3 and not (
                len(rest) <= 6 and statistics.fmean(w.word.confidence for w in rest) < 50
            ):
                continue
            unreadable = bool(rest) and (
                any(self._is_mark(w) for w in rest)
                or statistics.fmean(w.word.confidence for w in rest) < 70
                or all(not re.search(r"[A-Za-z0-9]{2}", w.text) for w in rest)
            )
            alone = not rest and (
                text.rstrip().endswith(":")
                or any(
                    j in with_ids and (self._row_label(self.layout.line_text(lines[j])) or ("", 0))[0] == kind
                    for j in (i - 1, i + 1)
                    if 0 <= j < len(lines)
                )
            )
            if not (unreadable or alone):
                continue
            occ = Occurrence(kind, None, " ".join(w.text for w in rest), rest, line_start, redacted=True)
            occ.explicit = True
            occ.flagged = "blacked out or unreadable after its label"
            if not rest:
                right = min(line.page_width - 40, line.right + 200)
                occ.place = (
                    line.page,
                    (round(line.right + 4, 2), round(line.top, 2), round(right, 2), round(line.bottom, 2)),
                )
            self.occurrences.append(occ)

    def _row_label(self, text: str) -> tuple[str, int] | None:
        """The kind and end of an identifier label that opens a row ("2. E-mail account:", "Telefon")."""
        lead = re.match(r"\s*(?:\(?[0-9a-z]{1,3}[.)]\s+|[-*\u2013\u2014]\s+)?", text)
        offset = lead.end() if lead else 0
        best: tuple[str, int] | None = None
        for kind, phrases in self.vocab.identifier_labels.items():
            m = phrases.match(text, offset) if phrases.regex is not None else None
            if m and (best is None or m.end() > best[1]):
                best = (_kind_of_label(kind), m.end())
        if best is None:
            return None
        # "Target e-mail address": a general label followed by a specific one takes the specific kind.
        follow = re.match(r"\s+", text[best[1] :])
        if follow:
            after = best[1] + follow.end()
            for kind, phrases in self.vocab.identifier_labels.items():
                m = phrases.match(text, after) if kind != "generic" and phrases.regex is not None else None
                if m:
                    best = (_kind_of_label(kind), m.end())
                    break
        # "Account 1", "Konto 2": a row number belongs to the label.
        number = re.match(r"\s*(?:\d{1,2}(?!\d)|[a-z](?![a-z0-9]))?\s*[:.\-]?(?!\S)", text[best[1] :])
        return best[0], best[1] + (number.end() if number else 0)

    # -- result ------------------------------------------------------------------------

    def _result(self) -> list[IdentifierReading]:
        requester_domains = self.vocab.requester_domains
        # A value read under a specific label ("Gamertag X") is not also an inferred user name.
        labelled = {o.value for o in self.occurrences if o.value is not None and not o.derived}
        self.occurrences = [o for o in self.occurrences if not (o.derived and o.value in labelled)]
        by_value: dict[tuple[str, str], list[Occurrence]] = {}
        for occ in self.occurrences:
            if occ.value is not None:
                by_value.setdefault((occ.kind, occ.value), []).append(occ)
        out: list[IdentifierReading] = []
        seen_places: set[tuple[int | None, tuple[int, ...] | None]] = set()
        emitted: set[tuple[str, str]] = set()
        for occ in self.occurrences:
            if occ.value is None:
                if occ.role != "target":
                    continue
                page, box = self._place(occ)
                key = (page, tuple(round(v) for v in box) if box else None)
                if key in seen_places:
                    continue
                seen_places.add(key)
                confidence = provenance_of(occ.words).confidence if occ.words else None
                out.append(
                    IdentifierReading(
                        occ.kind, None, True, page, box, occ.raw or None, confidence, occ.flagged
                    )
                )
                continue
            key2 = (occ.kind, occ.value)
            if key2 in emitted:
                continue
            group = by_value[key2]
            targets = [o for o in group if o.role == "target"]
            requesters = [o for o in group if o.role == "requester"]
            if not targets or targets[0] is not occ:
                continue
            explicit = any(o.explicit for o in targets)
            if requesters and not explicit:
                continue
            if occ.kind == "email" and occ.value.endswith(requester_domains) and not explicit:
                continue
            emitted.add(key2)
            prov = provenance_of(occ.words)
            flags = [o.flagged for o in group if o.flagged]
            out.append(
                IdentifierReading(
                    occ.kind,
                    occ.value,
                    False,
                    prov.page,
                    prov.box,
                    occ.raw,
                    prov.confidence,
                    flags[0] if flags else None,
                )
            )
        return out

    def contacts(self) -> list[IdentifierReading]:
        """The requester's e-mail addresses and phone numbers (after ``read``), first place each."""
        targets = {
            (o.kind, o.value) for o in self.occurrences if o.role == "target" and o.explicit and o.value
        }
        out: list[IdentifierReading] = []
        seen: set[tuple[str, str]] = set()
        for occ in self.occurrences:
            if occ.value is None or occ.kind not in ("email", "phone") or occ.role != "requester":
                continue
            key = (occ.kind, occ.value)
            if key in seen or key in targets:
                continue
            seen.add(key)
            prov = provenance_of(occ.words)
            out.append(
                IdentifierReading(occ.kind, occ.value, False, prov.page, prov.box, occ.raw, prov.confidence)
            )
        return out

    def _place(self, occ: Occurrence) -> tuple[int | None, Box | None]:
        if occ.words:
            prov = provenance_of(occ.words)
            return prov.page, prov.box
        if occ.place:
            page, box = occ.place
            return page, self.stream.shown_box(page, box)
        return None, None


def read_identifiers(layout: Layout, vocab: Vocabulary, country: Country | None) -> list[IdentifierReading]:
    return IdentifierReader(layout, vocab, country).read()


def read_identifiers_and_contacts(
    layout: Layout, vocab: Vocabulary, country: Country | None
) -> tuple[list[IdentifierReading], list[IdentifierReading]]:
    """The targets, and the requester's own e-mail addresses and phone numbers.

    The contacts are not targets; the review checks them against the directory of
    requesting authorities (a police force writing from a free-mail address is a known fraud).
    """
    reader = IdentifierReader(layout, vocab, country)
    targets = reader.read()
    return targets, reader.contacts()
