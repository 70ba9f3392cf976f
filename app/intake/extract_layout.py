"""Where things stand on a demand's pages: documents in a file, and zones within a document.

A scanned file may hold several documents (a letter lifting a secrecy order stapled
to the demand it lifts; three letters sent the same year). A page starts a new
document when its first lines carry an issuer's letterhead and a full date stands
near its top.

Within a document each line gets a zone, because the same e-mail address means
different things in different places: a target in the body, the requester's own
contact in the letterhead, the signature block or a "reply to" line, the provider's
own address in the addressee block, and nothing at all in a fax header or a footer.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Sequence
from dataclasses import dataclass, field

from app.intake.extract_dates import DateReader
from app.intake.extract_text import Line, Stream
from app.intake.folding import fold
from app.intake.vocab import PhraseSet, Vocabulary
from app.model import PageText

BODY = "body"
FAX = "fax"
FOOTER = "footer"
LETTERHEAD = "letterhead"
ADDRESSEE = "addressee"
SIGNATURE = "signature"

_SECTION_LABEL = re.compile(r"^[^\W\d]+\s+[a-z0-9]{1,3}\s*:\s*")
_TIME = re.compile(r"(?<!\d)\d{1,2}[:.h]\d{2}(?!\d)")
_ENUMERATOR = re.compile(r"^\s*(?:\(?[0-9ivxlc]{1,4}[.)]|\(?[a-z][.)]|[-*•–—])\s*")


@dataclass
class Layout:
    stream: Stream
    zones: list[str]
    headings: list[bool]
    sections: list[str]  # "body" | "request" | "reasons"
    spans: list[tuple[int, int, str]] = field(default_factory=list)  # folded spans finer than lines
    letter_date_line: int | None = None
    signature_lines: list[int] = field(default_factory=list)
    addressee_lines: list[int] = field(default_factory=list)

    def zone_at(self, offset: int) -> str:
        for start, end, zone in self.spans:
            if start <= offset < end:
                return zone
        return self.zones[self.stream.line_at(offset).index]

    def line_text(self, line: Line) -> str:
        start, end = self.stream.line_folded_span(line)
        return self.stream.folded[start:end]


def words_per_line(line: Line) -> int:
    return len(line.words)


def full_match(phrases: PhraseSet, text: str, share: float = 0.6, lead: int = 3) -> bool:
    """Does a phrase cover most of ``text`` (a heading that *is* the phrase, not a sentence using it)?

    ``lead``: how many characters may come before the phrase ("Acting Special Agent in Charge").
    """
    text = _ENUMERATOR.sub("", text).strip(" :.-")
    if not text:
        return False
    for m in phrases.finditer(text):
        if m.end() - m.start() >= share * len(text) and m.start() <= lead:
            return True
    return False


def _is_heading(line: Line, median_height: float) -> bool:
    words = line.words
    if not words or len(words) > 14:
        return False
    text = line.text
    if text.rstrip().endswith(","):
        return False
    letters = [c for c in text if c.isalpha()]
    if len(letters) < 3:
        return False
    upper = sum(c.isupper() for c in letters) / len(letters)
    left_margin = line.left
    right_margin = line.page_width - line.right
    centred = (
        abs(left_margin - right_margin) < 0.08 * line.page_width
        and (line.right - line.left) < 0.7 * line.page_width
    )
    large = line.height > 1.25 * median_height
    narrow = (line.right - line.left) < 0.55 * line.page_width
    return upper > 0.7 or (centred and narrow and len(words) <= 8) or large


def is_sentence(line: Line, vocab: Vocabulary) -> bool:
    """A line of running text (many words, several of them stop-words)."""
    words = [fold(w.text.strip(".,;:()")) for w in line.words]
    if len(words) < 7:
        return False
    hits = max(sum(w in stop for w in words) for stop in vocab.stopwords.values())
    return hits >= (3 if len(words) < 10 else 2)


def analyse(stream: Stream, vocab: Vocabulary, dates: DateReader) -> Layout:
    lines = stream.lines
    n = len(lines)
    zones = [BODY] * n
    page_heights: dict[int, float] = {}
    for page_no in {line.page for line in lines}:
        heights = [w.box[3] - w.box[1] for line in lines if line.page == page_no for w in line.words]
        page_heights[page_no] = statistics.median(heights) if heights else 10.0
    headings = [_is_heading(line, page_heights[line.page]) for line in lines]
    layout = Layout(stream, zones, headings, [BODY] * n)
    texts = [layout.line_text(line) for line in lines]

    _fax_and_footers(layout, texts, vocab)
    _letterhead(layout, texts, vocab, dates)
    _addressee_labels(layout, texts, vocab)
    _addressee_sections(layout, texts, vocab)
    _addressee_in_sentence(layout, texts, vocab)
    _sections(layout, texts, vocab)
    _signature(layout, texts, vocab)
    return layout


def _fax_and_footers(layout: Layout, texts: list[str], vocab: Vocabulary) -> None:
    """Fax headers and footers: the machine's line at the very top, running footers at the bottom."""
    lines = layout.stream.lines
    zones = layout.zones
    cues = vocab.cues
    for i, line in enumerate(lines):
        page_top = line.top / line.page_height
        first_lines = i == 0 or lines[i - 1].page != line.page or (i > 1 and lines[i - 2].page != line.page)
        if page_top < 0.16 and first_lines and _TIME.search(texts[i]) and cues["fax_header"].search(texts[i]):
            zones[i] = FAX
        elif line.top / line.page_height > 0.93:
            zones[i] = FOOTER


def _letterhead(layout: Layout, texts: list[str], vocab: Vocabulary, dates: DateReader) -> None:
    """Letterhead: the first page's lines above the body; a date among them makes a letter,
    and the lines between that date and the salutation are the addressee's block."""
    lines = layout.stream.lines
    n = len(lines)
    zones = layout.zones
    headings = layout.headings
    cues = vocab.cues
    if lines:
        first_page = lines[0].page
        body_start = n
        for i, line in enumerate(lines):
            if line.page != first_page or line.top / line.page_height > 0.45:
                body_start = i
                break
            if zones[i] != BODY:
                continue
            t = texts[i]
            if (
                (is_sentence(line, vocab) and line.top / line.page_height >= 0.16)
                or cues["salutations"].search(t[:20])
                or _addressee_label(t, line, vocab)
                or (headings[i] and any(full_match(v.titles, t, 0.5) for v in vocab.instruments.values()))
            ):
                body_start = i
                break
        for i in range(body_start):
            if zones[i] == BODY and lines[i].top / lines[i].page_height < 0.45:
                zones[i] = LETTERHEAD
        for i in range(body_start):
            if zones[i] != LETTERHEAD:
                continue
            found = dates.find(texts[i], None)
            rest = texts[i]
            for d in found:
                rest = rest.replace(texts[i][d.start : d.end], " ")
            if found and len(re.sub(r"[\W\d_]", "", rest)) <= 4:
                layout.letter_date_line = i
            elif layout.letter_date_line is None and _garbled_date_line(texts[i], vocab):
                layout.letter_date_line = i
        if layout.letter_date_line is not None:
            for i in range(layout.letter_date_line + 1, body_start):
                zones[i] = ADDRESSEE
                layout.addressee_lines.append(i)
        else:
            # No date line: the provider's name (a company, by its legal form) or the role it is
            # served through ("Custodian of Records") opens the block.
            for i in range(body_start):
                t = texts[i]
                if len(lines[i].words) <= 9 and (
                    (vocab.org_suffixes.search(t + " ") and not vocab.cues["letterhead"].search(t))
                    or full_match(cues["addressee_roles"], t, 0.6, lead=0)
                ):
                    for j in range(i, min(body_start, i + 4)):
                        zones[j] = ADDRESSEE
                        layout.addressee_lines.append(j)
                    break


def _addressee_labels(layout: Layout, texts: list[str], vocab: Vocabulary) -> None:
    """Addressee labels ("To:", "An:", "À :") and the lines that continue their block."""
    lines = layout.stream.lines
    n = len(lines)
    zones = layout.zones
    cues = vocab.cues
    for i, line in enumerate(lines):
        if zones[i] in (FAX, FOOTER) or not _addressee_label(texts[i], line, vocab):
            continue
        if _carries_on(lines, zones, i, vocab):
            continue  # "... faxed to the Division, / attention: General Counsel": a sentence, not a block
        if full_match(cues["addressee_officers"], re.sub(r"^\W*\w+\s*:?", "", texts[i]), 0.5):
            continue
        zones[i] = ADDRESSEE
        layout.addressee_lines.append(i)
        for j in range(i + 1, min(n, i + 5)):
            gap = lines[j].top - lines[j - 1].bottom
            if (
                lines[j].page != line.page
                or gap > 1.6 * max(line.height, 6.0)
                or is_sentence(lines[j], vocab)
            ):
                break
            head = texts[j][:25]
            if (
                ":" in head
                and not cues["addressee_roles"].search(head)
                or cues["salutations"].match(texts[j])
            ):
                break
            if cues["demand"].search(texts[j]) or any(
                vocab.identifier_labels[k].search(texts[j]) for k in ("generic", "account_id", "email")
            ):
                break
            zones[j] = ADDRESSEE
            layout.addressee_lines.append(j)


def _addressee_sections(layout: Layout, texts: list[str], vocab: Vocabulary) -> None:
    """A form's addressee section ("SECTION B: Addressee") and the lines under it."""
    lines = layout.stream.lines
    n = len(lines)
    zones = layout.zones
    headings = layout.headings
    cues = vocab.cues
    for i, line in enumerate(lines):
        if len(line.words) > 6 or zones[i] in (FAX, FOOTER):
            continue
        m = cues["addressee_headings"].search(texts[i])
        if m is None or texts[i][m.end() :].strip(" :.-"):
            continue
        for j in range(i + 1, min(n, i + 4)):
            if lines[j].page != line.page or headings[j] and j > i + 1:
                break
            if j > i + 1 and (":" in texts[j][:30] or is_sentence(lines[j], vocab)):
                break
            zones[j] = ADDRESSEE
            layout.addressee_lines.append(j)


def _addressee_in_sentence(layout: Layout, texts: list[str], vocab: Vocabulary) -> None:
    """Addressee named in a sentence ("REQUÉRONS la société X, <address>,"): the name and address only."""
    lines = layout.stream.lines
    n = len(lines)
    zones = layout.zones
    stream = layout.stream
    folded = stream.folded
    for pattern in vocab.addressee_patterns:
        for m in pattern.finditer(folded):
            line = stream.line_at(m.start("org"))
            end = m.end() if m.end() > m.end("org") + 20 else stream.line_folded_span(line)[1]
            following = line.index + 1
            if following < n and zones[following] == BODY:
                nxt = lines[following]
                labelled = any(p.search(texts[following]) for p in vocab.identifier_labels.values())
                if (
                    nxt.words
                    and nxt.words[0].text[:1].isupper()
                    and any(c.isdigit() for c in nxt.text)
                    and not labelled
                ):
                    end = max(end, stream.line_folded_span(nxt)[1])
            layout.spans.append((m.start("org"), end, ADDRESSEE))


def _sections(layout: Layout, texts: list[str], vocab: Vocabulary) -> None:
    """Sections: headings that open the list of what is asked for, or the reasons for it."""
    lines = layout.stream.lines
    cues = vocab.cues
    section = BODY
    for i, line in enumerate(lines):
        # "3. Information requested (November 25, 2026 00:00 UTC to present)": the period
        # in brackets is not part of the heading's wording.
        t = re.sub(r"\s*\([^()]*\)[\s:.]*$", "", texts[i])
        short = len(line.words) <= 12
        # A form's section label before the heading: "ABSCHNITT D: Herauszugebende Datenkategorien".
        unlabelled = _SECTION_LABEL.sub("", t)
        if short and full_match(cues["reasons_headings"], t, 0.55):
            section = "reasons"
        elif short and any(full_match(cues["request_headings"], x, 0.4) for x in (t, unlabelled) if x):
            section = "request"
        layout.sections[i] = section


def _garbled_date_line(text: str, vocab: Vocabulary) -> bool:
    """A letter's date line whose day OCR misread ("October O01, 2012"): a month, a year, little else."""
    m = re.fullmatch(r"\W*([a-z]{3,10})\.?\s+\S{1,4}\s*,?\s+((?:19|20)\d\d)\W*", text)
    return m is not None and m.group(1) in vocab.months


def _carries_on(lines: Sequence[Line], zones: list[str], i: int, vocab: Vocabulary) -> bool:
    """Does line ``i``, starting in lower case, carry on a sentence from the line before it?

    Fax lines, footers and, across a page break, the previous page's short marks
    ("FOR INTERNAL USE ONLY", "Ref: 123") are skipped. A label in capitals ("To:",
    "Destinatario:") opens a block even under a heading that ends in a lower-case word.
    """
    if not lines[i].text.lstrip()[:1].islower():
        return False
    for j in range(i - 1, -1, -1):
        if zones[j] in (FAX, FOOTER) or not lines[j].words:
            continue
        if lines[j].page != lines[i].page and not is_sentence(lines[j], vocab):
            continue
        last = lines[j].words[-1].text
        return last[-1:].islower() or last[-1:] in ",:" or last.lower() in ("and", "or")
    return False


def _addressee_label(text: str, line: Line, vocab: Vocabulary) -> bool:
    """Does the line start with "To:" (or "To" alone in the first cell of a table row)?"""
    m = vocab.cues["addressee_labels"].search(text[:40])
    if m is None or m.start() > 2:
        return False
    label = text[m.start() : m.end()]
    if ":" in label:
        return True
    after = text[m.end() : m.end() + 2]
    if after.startswith(":") or after.startswith(" :"):
        return True
    # A label without a colon counts only as the first cell of a table row ("To | Example LLC").
    return len(line.cells) > 1 and fold(" ".join(w.text for w in line.cells[0])).strip(" :") == label.strip(
        " :"
    )


def _signature(layout: Layout, texts: list[str], vocab: Vocabulary) -> None:
    """The signature block: from a closing, a signature mark or a signer's title to the next heading."""
    lines = layout.stream.lines
    n = len(lines)
    if not n:
        return
    cues = vocab.cues
    start: int | None = None
    first_candidate = n // 3 if n > 6 else 0
    for i in range(first_candidate, n):
        if layout.zones[i] in (FAX, FOOTER):
            continue
        t = texts[i]
        words = len(lines[i].words)
        closing = cues["closing"].search(t[:30]) is not None and words <= 6
        mark = cues["signature"].search(t) is not None and words <= 12
        # "Judge, United States Foreign Intelligence Surveillance Court": the title, then its court.
        titled = any(
            m.start() <= 3 and t[m.end() : m.end() + 1] == "," for m in cues["signer_titles"].finditer(t)
        )
        title = words <= 10 and (titled or full_match(cues["signer_titles"], t, 0.45, lead=10))
        # An ink signature reads as a few words OCR is unsure of, every one of them (a row
        # like "E-mail account  x@example.org" with one faint word is no signature).
        scribble = (
            lines[i].confidence < 55
            and words <= 3
            and all(w.word.confidence < 75 for w in lines[i].words)
            and not re.search(r"\d{4}", t)  # "AccountID - 2410-362814" read faintly is no signature
            and i + 1 < n
            and _looks_like_name(lines[i + 1].text)
        )
        if closing or mark or title or scribble:
            start = i
            if title and not mark and not closing:
                # The name (and an ink signature) stand just above a signer's title.
                for back in (1, 2):
                    j = i - back
                    if j >= first_candidate and len(lines[j].words) <= 8 and not is_sentence(lines[j], vocab):
                        start = j
                    else:
                        break
            break
    if start is None:
        return
    first = lines[start]
    spills = first.top / first.page_height > 0.8
    for i in range(start, n):
        line = lines[i]
        if (
            i > start + 1
            and layout.headings[i]
            and line.page == first.page
            and (
                full_match(cues["request_headings"], texts[i], 0.4)
                or full_match(cues["reasons_headings"], texts[i], 0.5)
            )
        ):
            break  # "SCHEDULE" under the signature: the order goes on
        if line.page != first.page:
            next_page = [j for j in range(start, i) if lines[j].page == line.page]
            if not spills or line.page != first.page + 1 or len(next_page) >= 4:
                break
            if layout.headings[i] or is_sentence(line, vocab):
                break
        if layout.zones[i] == BODY:
            layout.zones[i] = SIGNATURE
        layout.signature_lines.append(i)


def _looks_like_name(text: str) -> bool:
    """A printed name under a signature: two to five capitalised words, no digits or colons."""
    head = text.split(",")[0]
    if len(text.split()) > 10 or re.search(r"[\d:@/]", head):  # a line of running text
        return False
    words = [w.strip(".;~") for w in head.split()]
    words = [w for w in words if w]
    # Latin Extended-A too: Polish and Turkish names ("Łukasz Wróbel", "Ahmet Yılmaz").
    capitalised = [w for w in words if re.fullmatch(r"[A-ZÀ-ÝĀ-ſ][a-zà-ÿA-ZÀ-ÝĀ-ſ'\-]+\.?|[A-Z]\.?", w)]
    return 2 <= len(words) <= 5 and len(capitalised) >= max(2, int(0.7 * len(words)))


def split_documents(pages: Sequence[PageText], vocab: Vocabulary, dates: DateReader) -> list[list[PageText]]:
    """The documents in a file: a new one starts on a page headed by a letterhead and a date."""
    documents: list[list[PageText]] = []
    for page in pages:
        if documents and _starts_document(page, vocab, dates):
            documents.append([page])
        elif documents:
            documents[-1].append(page)
        else:
            documents.append([page])
    return documents


def _starts_document(page: PageText, vocab: Vocabulary, dates: DateReader) -> bool:
    stream = Stream([page])
    if not stream.lines:
        return False
    top_lines = [line for line in stream.lines[:8] if line.top / line.page_height < 0.3]
    head = fold(" ".join(line.text for line in top_lines[:6]))
    if not vocab.cues["letterhead"].search(head):
        return False
    upper_lines = [line for line in stream.lines if line.top / line.page_height < 0.4]
    upper = fold(" ".join(line.text for line in upper_lines))
    if any(d.value is not None for d in dates.find(upper, None)):
        return True
    # A letter's opening under the letterhead ("Dear Custodian of Records:") where OCR broke the
    # date apart ("2018" read above "April 19,").
    return any(vocab.cues["salutations"].match(fold(line.text)) for line in upper_lines)
