"""When: a demand's date of issue, the date range of the data it asks for, and its response date."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from app.intake.extract_dates import DateMention, Period, add_period, parse_number, period_in_days
from app.intake.extract_document import DocumentText, to_reading
from app.intake.extract_layout import FAX, FOOTER, LETTERHEAD, is_sentence
from app.intake.extract_text import PlacedWord
from app.intake.facts import Reading
from app.schedule.deadlines import format_period

# A response date read: (score, position, due date, period)
_Candidate = tuple[float, int, Reading, Reading | None]


class TimingFacts(DocumentText):
    # -- dates -------------------------------------------------------------------------

    def _cell_bounds(self, offset: int) -> tuple[int, int]:
        """Folded span of the table cell (or line) around an offset."""
        line = self.stream.line_at(offset)
        start, end = self.stream.line_folded_span(line)
        if len(line.cells) > 1:
            raw = self.stream.back[offset]
            for cell in line.cells:
                cell_start = self.stream.folded_offset(self._raw_of(cell[0]))
                cell_end = self.stream.folded_offset(self._raw_of(cell[-1]) + len(cell[-1].text))
                if cell_start <= offset < cell_end or self._raw_of(cell[0]) <= raw < self._raw_of(
                    cell[-1]
                ) + len(cell[-1].text):
                    return cell_start, cell_end
        return start, end

    def _raw_of(self, word: PlacedWord) -> int:
        line = self.stream.lines[word.line]
        raw = line.start
        for w in line.words:
            if w is word:
                return raw
            raw += len(w.text) + 1
        return raw

    def date_issued(self) -> Reading | None:
        cues = self.vocab.cues
        candidates: list[tuple[float, int, DateMention, str | None]] = []
        for d in self.mentions:
            if d.start in self.range_dates:
                continue
            cell_start, cell_end = self._cell_bounds(d.start)
            left = self.folded[cell_start : d.start]
            right = self.folded[d.end : cell_end]
            line = self.stream.line_at(d.start)
            score = 0.0
            issued = cues["issued"].search(left)
            due = cues["due"].ends(left)
            if (
                issued
                and issued.start() <= 3
                and not re.search(r"\d", left[issued.end() :])
                and len(left) - issued.end() <= 35
            ):
                if not (due and len(due.group(0)) > len(issued.group(0))):
                    score = 3.0
            elif _PLACE.fullmatch(left) and len(re.sub(r"[\W\d]", "", right)) <= 6:
                if line.index == self.layout.letter_date_line:
                    score = 3.0
                elif left.strip(" ,") and not is_sentence(line, self.vocab):
                    score = 2.5  # "Köln, 12.11.2026", "Lyon, le 25 novembre 2026"
                elif not left.strip() and not is_sentence(line, self.vocab):
                    score = 1.5 + (0.5 if self.layout.zones[line.index] == LETTERHEAD else 0)
            if not score and self.layout.zones[line.index] == LETTERHEAD and not right.strip(" .,"):
                score = 2.0  # "Our ref: CTIRU/95/96080        28/09/2026"
            if re.match(r"\s*[-\u2013]\s*\d", right) or self.layout.zones[line.index] in (FAX, FOOTER):
                score = 0
            if score:
                candidates.append((score, d.start, d, None))
        if not candidates:
            return None
        top = max(c[0] for c in candidates)
        best = [c for c in candidates if c[0] == top]
        best.sort(key=lambda c: c[1])
        chosen = best[0][2]
        values = {c[2].value for c in best if c[2].value}
        if chosen.value is None:
            return to_reading(
                None, self.prov(chosen.start, chosen.end), "date could be read day-first or month-first"
            )
        flag = None
        if len(values) > 1:
            flag = "several dates of issue: " + ", ".join(sorted(v.isoformat() for v in values))
        return to_reading(chosen.value.isoformat(), self.prov(chosen.start, chosen.end), flag)

    def date_range(self) -> dict[str, Reading]:
        cues = self.vocab.cues
        mentions = self.mentions
        for a, b in zip(mentions, mentions[1:], strict=False):
            between = self.folded[a.end : b.start]
            if len(between) > 40:
                continue
            between = re.sub(r"^\s*,?\s*(?:\d{1,2}[:.h]\d{2}\s*(?:[a-z]{2,4})?\s*)", " ", between)
            connector = re.sub(r"\s+", " ", re.sub(r"[^\w\s'\-]", " ", between)).strip()
            strong = cues["range_strong"].regex is not None and cues["range_strong"].regex.fullmatch(
                connector
            )
            weak = cues["range_weak"].regex is not None and cues["range_weak"].regex.fullmatch(connector)
            if not (strong or weak):
                continue
            left = self.folded[max(0, a.start - 60) : a.start]
            if weak and not cues["range_from"].search(left[-30:]):
                continue
            if a.value is None or b.value is None or b.value < a.value:
                continue
            self.range_dates.update({a.start, b.start})
            return {
                "date_range_from": to_reading(a.value.isoformat(), self.prov(a.start, a.end)),
                "date_range_to": to_reading(b.value.isoformat(), self.prov(b.start, b.end)),
            }
        # One date and an open or relative end: "from 2015-01-01 to present", "since March 1, 2026",
        # "January 1, 2026 through the date of this subpoena".
        for a in mentions:
            if a.value is None:
                continue
            after = self.folded[a.end : a.end + 60]
            after = re.sub(r"^\s*,?\s*(?:\d{1,2}[:.h]\d{2}\s*(?:[a-z]{2,4})?\s*)", " ", after)
            joined = cues["range_strong"].search(after[:25]) or cues["range_weak"].search(after[:8])
            if joined is None or not after.strip():
                continue
            rest = after[joined.end() :].lstrip(" ,")
            if cues["self_date"].regex and cues["self_date"].regex.match(rest):
                self.range_dates.add(a.start)
                self.range_to_self = True
                return {"date_range_from": to_reading(a.value.isoformat(), self.prov(a.start, a.end))}
            if cues["present"].regex and cues["present"].regex.match(rest):
                self.range_dates.add(a.start)
                return {
                    "date_range_from": to_reading(a.value.isoformat(), self.prov(a.start, a.end)),
                    "date_range_to": Reading(None, flagged="to the present (the day the data are retrieved)"),
                }
        for a in mentions:
            if a.value is None:
                continue
            left = self.folded[max(0, a.start - 25) : a.start]
            if cues["since"].ends(left) and not self.in_zone(a.start, FAX):
                start, end = self.sentence(a.start)
                if (
                    self.has("demand", start, end)
                    or self.layout.sections[self.stream.line_at(a.start).index] == "request"
                ):
                    self.range_dates.add(a.start)
                    return {
                        "date_range_from": to_reading(a.value.isoformat(), self.prov(a.start, a.end)),
                        "date_range_to": Reading(None, flagged="no end stated"),
                    }
        return {}

    def _demand_sentence(self, start: int, end: int) -> bool:
        return self.has("demand", start, end) and not self.has("secrecy", start, end)

    def response_due(self, issued: date | None) -> tuple[Reading, Reading | None] | None:
        """The response date, and the period it was counted by ("10 business days from issue").

        The period is kept so the schedule can count it again: from the day the demand was
        received when it runs from receipt, and with a jurisdiction's new holiday calendar.
        """
        cues = self.vocab.cues
        country = self.country_info.code if self.country_info else None
        candidates: list[_Candidate] = []
        for d in self.mentions:
            if d.start in self.range_dates or d.value is None:
                continue
            left = self.folded[max(0, d.start - 45) : d.start]
            m = cues["due"].ends(left)
            if m is None:
                continue
            issued_cue = cues["issued"].ends(left)
            if issued_cue and len(issued_cue.group(0)) > len(m.group(0)):
                continue
            start, end = self.sentence(d.start)
            score = 3.0 + (1.0 if self._demand_sentence(start, end) else 0.0)
            candidates.append(
                (score, d.start, to_reading(d.value.isoformat(), self.prov(d.start, d.end)), None)
            )
        candidates += self._period_deadlines(issued, country)
        if not candidates:
            return None
        top = max(c[0] for c in candidates)
        best = sorted((c for c in candidates if c[0] == top), key=lambda c: c[1])
        chosen, period = best[0][2], best[0][3]
        if chosen.value is None and chosen.flagged and "receipt" in chosen.flagged:
            return chosen, period
        others = {c[2].value for c in best if c[2].value and c[2].value != chosen.value}
        if others and not chosen.flagged:
            chosen = replace(chosen, flagged="other deadlines in the text: " + ", ".join(sorted(others)))
        return chosen, period

    def _period_deadlines(self, issued: date | None, country: str | None) -> list[_Candidate]:
        """Deadlines given as a period: "within 10 business days", "innerhalb einer Woche"."""
        cues = self.vocab.cues
        candidates: list[_Candidate] = []
        number = self.dates.number
        units = self.vocab.units
        unit_alternation = "|".join(
            f"(?P<{kind}>{phrases.regex.pattern})"
            for kind, phrases in units.items()
            if phrases.regex is not None
        )
        within = cues["within"]
        if within.regex is not None:
            before = re.compile(
                rf"(?:{within.regex.pattern})\s+(?:a\s+period\s+of\s+|einer\s+frist\s+von\s+)?(?P<n>{number})\s*(?:{unit_alternation})"
            )
            # Japanese, Korean and Hindi put "within" after the length: 10日以内, 10일 이내,
            # 10 दिनों के भीतर; and "from receipt" before it (受領後10日以内).
            after = re.compile(
                rf"(?<![\d.])(?P<n>\d{{1,3}})\s*(?:{unit_alternation})\s*(?:{within.regex.pattern})"
            )
            found = [(m, False) for m in before.finditer(self.folded)]
            found += [(m, True) for m in after.finditer(self.folded)]
            for m, postfix in sorted(found, key=lambda f: f[0].start()):
                start, end = self.sentence(m.start())
                if not self._demand_sentence(start, end):
                    continue
                count = parse_number(m.group("n"), self.vocab)
                unit = next((k for k in units if m.groupdict().get(k)), None)
                if count is None or unit is None:
                    continue
                prov = self.prov(m.start(), m.end())
                tail = self.folded[m.end() : m.end() + 40]
                head = self.folded[max(0, m.start() - 30) : m.start()] if postfix else ""
                from_receipt = bool(cues["receipt"].search(tail) or cues["receipt"].search(head))
                in_days = period_in_days(Period(count, unit))
                period = (
                    to_reading(
                        format_period(in_days[0], in_days[1], "received" if from_receipt else "issued"), prov
                    )
                    if in_days
                    else None
                )
                if issued is None and not from_receipt:
                    candidates.append(
                        (
                            2.0,
                            m.start(),
                            to_reading(
                                None, prov, f"within {count} {unit.replace('_', ' ')}s of an unknown date"
                            ),
                            period,
                        )
                    )
                    continue
                if from_receipt:
                    # Counts from a day the document does not give; the estimate goes in the note.
                    estimate = ""
                    if issued:
                        if_same_day = add_period(issued, Period(count, unit), country).isoformat()
                        estimate = f" ({if_same_day} if received on the date issued)"
                    note = f"within {count} {unit.replace('_', ' ')}s of receipt or service{estimate}"
                    candidates.append((3.5, m.start(), to_reading(None, prov, note), period))
                    continue
                assert issued is not None  # a period from the issue date with none is handled above
                value = add_period(issued, Period(count, unit), country)
                candidates.append((4.0, m.start(), to_reading(value.isoformat(), prov), period))
            for word, days in self.vocab.day_words.items():
                for m in re.finditer(rf"(?:{within.regex.pattern})\s+{re.escape(word)}\b", self.folded):
                    start, end = self.sentence(m.start())
                    if issued and self._demand_sentence(start, end):
                        value = add_period(issued, Period(days, "day"))
                        prov = self.prov(m.start(), m.end())
                        period = to_reading(format_period(days, "days", "issued"), prov)
                        candidates.append((4.0, m.start(), to_reading(value.isoformat(), prov), period))
        return candidates


# "Köln, ", "Chicago, Illinois, ", "Fait à Lyon, le ": a place (and its article) before a date.
_PLACE = re.compile(
    r"\W*(?:(?:[a-z][a-z' .-]{1,30},\s*){0,2}[a-z][a-z' .-]{1,30},?\s*(?:den|le|el|a|am)?\s*)?"
)
