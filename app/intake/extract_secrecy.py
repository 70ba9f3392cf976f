"""The secrecy (non-disclosure) order of a demand, and a later letter lifting one."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from app.intake.extract_dates import DateMention, Period, add_period, parse_number, period_days
from app.intake.extract_document import DocumentText, to_reading
from app.intake.extract_layout import FAX, FOOTER
from app.intake.facts import Reading, SecrecyReading


class SecrecyFacts(DocumentText):
    # -- secrecy -----------------------------------------------------------------------

    def lifted(self) -> Reading | None:
        for m in self.vocab.cues["secrecy_lifted"].finditer(self.folded):
            return to_reading(True, self.prov(m.start(), m.end()))
        return None

    def secrecy(self, issued: date | None) -> SecrecyReading:
        cues = self.vocab.cues
        hits: list[tuple[int, int]] = []
        requested = None
        for m in cues["secrecy"].finditer(self.folded):
            start, end = self.sentence(m.start())
            if self.has("secrecy_negated", start, end) or self.has("secrecy_lifted", start, end):
                continue
            if self.has("secrecy_request", start, end):
                requested = requested or (start, end)  # asked, not ordered: no secrecy order
                continue
            if self.in_zone(m.start(), FOOTER, FAX):
                continue
            hits.append((start, end))
        statute_hits = [(s, m) for s, m in self.statutes if s.secrecy]
        for _, m in statute_hits:
            hits.append(self.sentence(m.start()))
        if not hits:
            if requested:
                prov = self.prov(*requested)
                text = self.stream.text(*requested)[:300]
                return SecrecyReading(
                    False,
                    text=text,
                    page=prov.page,
                    box=prov.box,
                    confidence=prov.confidence,
                    flagged="a request not to tell the user, not an order",
                )
            return SecrecyReading(False)
        # Sentences first: a heading ("NONDISCLOSURE REQUIREMENT") says less than the rule under it.
        hits = sorted(set(hits), key=lambda h: (len(self.folded[h[0] : h[1]].split()) < 6, h[0]))
        # The sentence that gives a length, else the first.
        chosen: tuple[int, int] | None = None
        length: tuple[Period, int, int] | None = None
        until: DateMention | None = None
        # The last sentence that gives a length or an end: an order extending an earlier one
        # recites the earlier period first and states its own after.
        for start, end in sorted(hits, key=lambda h: -h[0]):
            found = self._secrecy_length(start, end)
            if found:
                chosen, length = (start, end), found
                break
            until = self._secrecy_until(start, end)
            if until:
                chosen = (start, end)
                break
        if chosen is None:
            chosen = hits[0]
        start, end = chosen
        statute = None
        near = [s for s, m in statute_hits if abs(m.start() - start) < 400]
        if near or statute_hits:
            statute = (near or [statute_hits[0][0]])[0].label
        text = self.stream.text(start, end)[:300]
        prov = self.prov(start, end)
        base = SecrecyReading(True, statute, None, None, False, text, prov.page, prov.box, prov.confidence)
        if length:
            period, _, _ = length
            origin, note = self._secrecy_start(start, end, issued)
            if origin is None:
                days = period_days(issued or date(2001, 1, 1), period) if period.unit != "month" else None
                return replace(
                    base, duration_days=days, flagged="length read, but the date it counts from is unknown"
                )
            expires = add_period(origin, period)
            return replace(
                base, duration_days=(expires - origin).days, expires=expires.isoformat(), flagged=note
            )
        if until and until.value:
            origin = issued
            days = (until.value - origin).days if origin else None
            return replace(base, duration_days=days, expires=until.value.isoformat())
        open_cue = any(self.has("secrecy_open", s, e) for s, e in hits)
        return replace(
            base,
            open_ended=True,
            flagged=None if open_cue else "no length or end stated: open-ended",
        )

    def _secrecy_length(self, start: int, end: int) -> tuple[Period, int, int] | None:
        cues = self.vocab.cues
        units = self.vocab.units
        unit_alternation = "|".join(
            f"(?P<{kind}>{phrases.regex.pattern})"
            for kind, phrases in units.items()
            if phrases.regex is not None
        )
        lead = cues["secrecy_for"]
        if lead.regex is None:
            return None
        pattern = re.compile(
            rf"(?:{lead.regex.pattern})\s+(?:(?:an?|additional|weitere[n]?|further|period\s+of|die\s+dauer\s+von)\s+){{0,3}}(?P<n>{self.dates.number})\s*(?:{unit_alternation})"
        )
        for m in pattern.finditer(self.folded, start, end):
            count = parse_number(m.group("n"), self.vocab)
            unit = next((k for k in units if m.groupdict().get(k)), None)
            if count and unit and unit != "hour":
                return Period(count, unit), m.start(), m.end()
        # The lead words may be unreadable ("... shall he tSerforni (90) days from the date"):
        # a number of days given in figures in brackets, not a "within" deadline, still tells the length.
        bare = re.compile(rf"\(\s*(?P<n>\d{{1,4}})\s*\)\s*(?:{unit_alternation})")
        for m in bare.finditer(self.folded, start, end):
            before = self.folded[max(start, m.start() - 25) : m.start()]
            after = self.folded[m.end() : m.end() + 30]
            if cues["within"].search(before) or cues["receipt"].search(after):
                continue
            unit = next((k for k in units if m.groupdict().get(k)), None)
            if unit and unit != "hour":
                return Period(int(m.group("n")), unit), m.start(), m.end()
        return None

    def _secrecy_until(self, start: int, end: int) -> DateMention | None:
        for d in self.mentions:
            if start <= d.start < end and d.value is not None:
                left = self.folded[max(start, d.start - 20) : d.start]
                if self.vocab.cues["secrecy_until"].ends(left):
                    return d
        return None

    def _secrecy_start(self, start: int, end: int, issued: date | None) -> tuple[date | None, str | None]:
        """The date a secrecy period counts from: the date issued; flagged when the sentence names another."""
        own = [d for d in self.mentions if start <= d.start < end and d.value is not None]
        if own and self.has("secrecy_from", start, end) and (issued is None or own[0].value != issued):
            value = own[0].value
            assert value is not None
            return issued, f"counted from the date issued; the text counts from {value.isoformat()}"
        return issued, None
