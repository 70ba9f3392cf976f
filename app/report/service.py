"""The transparency report as a reviewer uses it: build a period's figures, freeze them, export them.

``Reports(desk)`` is what the window and the command line call. Figures come from the
decisions in the store (``db.report_rows``), counted by ``app.report.figures``.

Freezing: once a period's report is published, ``freeze`` stores every case of it as
the report classified it, with a fingerprint of what the store held. A later report
for that period shows the frozen figures, as published, and lists the cases that
changed since (``changed_since_frozen``) instead of silently reflecting them;
``live=True`` counts today's record instead. Frozen periods live in the settings
table (no schema change): an index ``report.frozen`` with a summary of each, and one
``report.frozen.<period>`` entry holding its cases.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import timedelta
from pathlib import Path
from typing import TypedDict

from app import labels
from app.costs import figures as cost_figures
from app.display_language import ENGLISH
from app.fsutil import write_atomic
from app.jsontypes import JsonObject
from app.model import CaseId
from app.report import exports
from app.report.config import DISCLOSED, ReportConfig, load_config
from app.report.figures import (
    CaseChange,
    CaseRow,
    FrozenInfo,
    Report,
    TrendPoint,
    bucket_of,
    build_report,
    classify,
    disclosure_notes,
    in_totals,
    process_of,
)
from app.report.periods import Period, half_year_of, half_years_before, parse_period
from app.review.said import Said, Word, word
from app.services import Desk, DeskError
from app.settings import Setting, SettingFamily, json_object_of
from db import cost_rows, report_rows
from db.report_rows import CaseColumns, ReadCancelledError
from db.store import ReadOnlyStore, Store


class FrozenSummary(TypedDict):
    """A frozen period's entry in the index of frozen periods (as stored, JSON)."""

    frozen_at: str
    frozen_by: str
    seat_threshold: int
    cases: int
    demands: int
    disclosed: int


def _whole(entry: JsonObject, key: str) -> int:
    value = entry.get(key)
    if not isinstance(value, int) or isinstance(value, bool):
        raise ValueError(f"the frozen index's {key} is not a number")
    return value


def _text(entry: JsonObject, key: str) -> str:
    value = entry.get(key)
    if not isinstance(value, str):
        raise ValueError(f"the frozen index's {key} is not text")
    return value


def _index_of(raw: str) -> dict[str, FrozenSummary]:
    index = {}
    for label, entry in json_object_of(raw).items():
        if not isinstance(entry, dict):
            raise ValueError("the frozen index holds a period that is not a summary")
        index[label] = FrozenSummary(
            frozen_at=_text(entry, "frozen_at"),
            frozen_by=_text(entry, "frozen_by"),
            seat_threshold=_whole(entry, "seat_threshold"),
            cases=_whole(entry, "cases"),
            demands=_whole(entry, "demands"),
            disclosed=_whole(entry, "disclosed"),
        )
    return index


def _index_text(index: dict[str, FrozenSummary]) -> str:
    return json.dumps(index, sort_keys=True)


# Every frozen period's summary, and each frozen period's cases (JSON, hashed when frozen).
_FROZEN_INDEX = Setting("report.frozen", __name__, _index_of, _index_text)
_FROZEN = SettingFamily("report.frozen.", __name__, str, str)
TREND_HALF_YEARS = 6
FORMATS = ("json", "csv", "pdf")
__all__ = ["FORMATS", "ReadCancelledError", "ReportInput", "Reports", "override_notes"]


@dataclass(frozen=True)
class ReportInput:
    """Everything one report reads from the store (``Reports.read``), to be counted anywhere (``count``)."""

    period: Period
    seat_threshold: int | None
    live: bool
    raw_rows: Sequence[CaseColumns]  # db.report_rows.case_rows
    frozen_summary: FrozenSummary | None  # the period's entry in the frozen index, if frozen
    frozen_record: str | None  # the cases as frozen (JSON, parsed when counting), if frozen
    index: dict[str, FrozenSummary]  # every frozen period's summary (the trend shows them as published)
    trend_halves: tuple[Period, ...]  # empty: no trend asked for
    trend_rows: tuple[tuple[str, str | None, str | None, int, int], ...]
    generated_at: str
    overridden: tuple[tuple[str, int, str, str, str, str], ...] = ()  # db.report_rows.overridden_decisions
    cost_rows: tuple[Mapping[str, object], ...] = ()  # db.cost_rows.decided_between


class Reports:
    """``reader``, a read-only connection to the desk's store (``Store.open_reader``), is what
    ``read`` and ``half_years`` read from when given, so that they may run off the thread
    that owns the store; everything that writes uses the store."""

    def __init__(
        self, desk: Desk, config: ReportConfig | None = None, *, reader: ReadOnlyStore | None = None
    ) -> None:
        self.desk = desk
        self.store = desk.store
        self.config = config or load_config()
        self.reader = reader

    @classmethod
    def apart(cls, desk: Desk) -> Reports:
        """Reports that read on a read-only connection of their own, opened with the store's key,
        so that ``read`` may run off the thread that owns the store; ``close`` ends it."""
        return cls(desk, reader=desk.store.open_reader())

    def close(self) -> None:
        """Close the own reader (on the thread that reads on it); the store stays open."""
        if self.reader is not None:
            self.reader.close()

    # -- figures ---------------------------------------------------------------------------

    def build(
        self,
        period: Period | str,
        *,
        seat_threshold: int | None = None,
        live: bool = False,
        trend: bool = True,
    ) -> Report:
        """The period's report. A frozen period gives its frozen figures unless ``live``.

        Check ``report.problems`` (or call ``report.require_consistent()``) before
        publishing anything: a report that does not reconcile names the cases at fault.
        """
        return self.count(self.read(period, seat_threshold=seat_threshold, live=live, trend=trend))

    def read(
        self,
        period: Period | str,
        *,
        seat_threshold: int | None = None,
        live: bool = False,
        trend: bool = True,
        cancelled: Callable[[], bool] | None = None,
    ) -> ReportInput:
        """What ``build`` reads from the store, and no more: the first, store-bound half of ``build``.

        With a ``reader`` it may run on any one thread at a time (the window reads and
        counts on its own worker); ``cancelled`` is asked between slices of the record.
        Raises ``DeskError`` for a bad period or a threshold a frozen period was not made
        with, ``ReadCancelledError`` when ``cancelled`` says stop.
        """
        source = self._source()
        period = _period(period)
        if seat_threshold is not None and seat_threshold < 0:
            raise DeskError("The seat threshold is a number of seats, 0 or more.")
        index = self._index(source)
        summary = index.get(period.label)
        if summary is not None and not live and seat_threshold is not None:
            if seat_threshold != summary["seat_threshold"]:
                raise DeskError(
                    f"{period.label} was frozen with a threshold of {summary['seat_threshold']} seats; "
                    "count today's record with another threshold with live=True (--live)."
                )
        start, end = period.bounds()
        trend_rows: list[tuple[str, str | None, str | None, int, int]] = []
        halves: list[Period] = []
        if trend:
            halves = half_years_before(period, TREND_HALF_YEARS)
            own = period.is_half_year and halves[-1] == period
            trend_end = halves[-1].start.isoformat() if own else halves[-1].bounds()[1]
            trend_start = halves[0].bounds()[0]
            trend_rows = report_rows.trend_counts(source, trend_start, trend_end, cancelled=cancelled)
        return ReportInput(
            period=period,
            seat_threshold=seat_threshold,
            live=live,
            raw_rows=report_rows.case_rows(source, start, end, cancelled=cancelled),
            frozen_summary=summary,
            frozen_record=self._frozen_record(period, source) if summary is not None else None,
            index=index,
            trend_halves=tuple(halves),
            trend_rows=tuple(trend_rows),
            generated_at=self.desk.now(),
            overridden=tuple(report_rows.overridden_decisions(source, start, end, cancelled=cancelled)),
            cost_rows=tuple(cost_rows.decided_between(source, start, end)),
        )

    def count(self, given: ReportInput) -> Report:
        """The report from what ``read`` read: pure, touches no store, safe on any thread."""
        period, summary, live = given.period, given.frozen_summary, given.live
        current = classify(given.raw_rows, self.config, fingerprints=summary is not None or live)
        frozen: FrozenInfo | None = None
        changed: list[CaseChange] = []
        rows = current
        seats = given.seat_threshold
        if summary is not None:
            stored = _parse_frozen(given.frozen_record or '{"rows": []}')
            changed = _changes(stored, current)
            if not live:
                rows, seats = stored, int(summary["seat_threshold"])
                frozen = _frozen_info(period.label, summary)
        report = build_report(
            period,
            rows,
            self.config,
            seat_threshold=seats,
            generated_at=given.generated_at,
            frozen=frozen,
            changed=changed,
        )
        notes = override_notes(given.overridden) + disclosure_notes(report.rows, self.config)
        if notes:
            report = replace(report, notes=notes)
        if given.cost_rows:
            report = replace(report, costs=cost_figures.count(given.cost_rows, *period.bounds()))
        if not given.trend_halves:
            return report
        points = self._trend_points(
            period, list(given.trend_halves), given.trend_rows, given.index, this=report
        )
        return replace(report, trend=tuple(points))

    def case_rows(self, period: Period | str, *, fingerprints: bool = False) -> list[CaseRow]:
        """Every case received in the period, as the report classifies it today."""
        start, end = _period(period).bounds()
        return classify(report_rows.case_rows(self.store, start, end), self.config, fingerprints=fingerprints)

    def trend(
        self, period: Period | str, count: int = TREND_HALF_YEARS, *, this: Report | None = None
    ) -> list[TrendPoint]:
        """Demands and disclosures in the ``count`` half-years up to the period's; frozen ones as frozen.

        ``this``, the report of a half-year, gives that half-year's point without reading it again.
        """
        period = _period(period)
        halves = half_years_before(period, count)
        own = this is not None and period.is_half_year and halves[-1] == period
        start, _ = halves[0].bounds()
        end = halves[-1].start.isoformat() if own else halves[-1].bounds()[1]
        counts = report_rows.trend_counts(self.store, start, end)
        return self._trend_points(period, halves, counts, self._index(), this=this)

    def _trend_points(
        self,
        period: Period,
        halves: list[Period],
        counts: Sequence[tuple[str, str | None, str | None, int, int]],
        index: dict[str, FrozenSummary],
        *,
        this: Report | None,
    ) -> list[TrendPoint]:
        own = this if this is not None and period.is_half_year and halves[-1] == period else None
        demands: dict[str, int] = defaultdict(int)
        disclosed: dict[str, int] = defaultdict(int)
        for label, instrument, outcome, approved, n in counts:
            process = process_of(instrument, self.config)
            bucket = bucket_of(outcome, bool(approved), self.config)
            if in_totals(process, bucket, self.config):
                demands[label] += n
                disclosed[label] += n if bucket in DISCLOSED else 0
        points = []
        for half in halves:
            summary = index.get(half.label)
            if own is not None and half == period:
                totals = own.totals()
                disclosed_here = sum(totals.count(b) for b in DISCLOSED)
                points.append(
                    TrendPoint(half.label, totals.count("demands"), disclosed_here, own.frozen is not None)
                )
            elif summary is not None:
                points.append(TrendPoint(half.label, summary["demands"], summary["disclosed"], True))
            else:
                points.append(TrendPoint(half.label, demands[half.label], disclosed[half.label], False))
        return points

    def half_years(self, *, cancelled: Callable[[], bool] | None = None) -> list[tuple[Period, int]]:
        """Half-years a report can be asked for, newest first, with how many cases were received in each.

        From the half-year of the first case received to the current one (the desk's clock),
        empty ones included; just the current one on an empty store. Read as ``read`` reads.
        """
        current = half_year_of(self.desk.clock().date())
        counts = dict(report_rows.cases_by_half_year(self._source(), cancelled=cancelled))
        found = [current]
        first = min(counts, default=current.label)
        while found[-1].label > first:
            found.append(half_year_of(found[-1].start - timedelta(days=1)))
        return [(p, int(counts.get(p.label, 0))) for p in found]

    @staticmethod
    def default_half_year(half_years: Sequence[tuple[Period, int]]) -> Period:
        """The half-year a reviewer most likely reports on: the last complete one when it has
        cases (the one due for publishing), else the current one. ``half_years`` as ``half_years()``."""
        if len(half_years) > 1 and half_years[1][1] > 0:
            return half_years[1][0]
        return half_years[0][0]

    # -- freezing --------------------------------------------------------------------------

    def frozen_periods(self) -> list[FrozenInfo]:
        return [_frozen_info(label, s) for label, s in sorted(self._index().items())]

    def freeze(
        self,
        period: Period | str,
        *,
        seat_threshold: int | None = None,
        replace: bool = False,
        reason: str = "",
    ) -> Report:
        """Store the period's figures as published; refused if they do not reconcile (audited)."""
        actor = self.desk.actor()
        period = _period(period)
        index = self._index()
        previous = index.get(period.label)
        if previous is not None and not replace:
            raise DeskError(
                f"{period.label} was frozen on {previous['frozen_at'][:10]} by {previous['frozen_by']}; "
                "to freeze today's figures instead, replace it and say why."
            )
        if replace and previous is not None and not reason.strip():
            raise DeskError("Say why the published figures of a frozen period are replaced.")
        report = self.build(period, seat_threshold=seat_threshold, live=True, trend=False)
        report.require_consistent()
        totals = report.totals()
        now = self.desk.now()
        index[period.label] = FrozenSummary(
            frozen_at=now,
            frozen_by=actor,
            seat_threshold=report.seat_threshold,
            cases=len(report.rows),
            demands=totals.count("demands"),
            disclosed=sum(totals.count(b) for b in DISCLOSED),
        )
        record = json.dumps({"rows": [r.to_list() for r in report.rows]}, separators=(",", ":"))
        with self.store.atomic():
            _FROZEN.put(self.store, period.label, record)
            _FROZEN_INDEX.put(self.store, index)
            self.desk.record(
                "report.frozen",
                None,
                {
                    "period": period.label,
                    "cases": len(report.rows),
                    "demands": totals.value("demands"),
                    "sha256": hashlib.sha256(record.encode()).hexdigest(),
                    "replaced": previous is not None,
                    "reason": reason.strip(),
                },
                actor=actor,
            )
        return self.build(period, trend=False)

    # -- exports ---------------------------------------------------------------------------

    def render(self, report: Report, fmt: str, *, layout: str = "ours") -> bytes:
        """The report as a file's bytes; ``ReportError`` (naming the cases) if it does not reconcile."""
        if fmt not in FORMATS:
            raise DeskError(f"A report is written as {', '.join(FORMATS)}, not {fmt!r}.")
        report.require_consistent()
        if fmt == "json":
            return exports.to_json_bytes(report)
        if fmt == "csv":
            return exports.to_csv(report, layout).encode("utf-8")
        from app.report import pdf  # reportlab is loaded only when a PDF is made

        return pdf.render(report, organisation=self._organisation())

    def export(self, report: Report, fmt: str, path: Path | None = None, *, layout: str = "ours") -> bytes:
        """Render and, with a path, write the file (atomically, 0600). Audited either way:
        the figures leave the store. A write that fails leaves no file (not even a partial
        one) and no audit event."""
        actor = self.desk.actor()
        data = self.render(report, fmt, layout=layout)
        # One transaction: a file that could not be written (a full disk, a read-only folder)
        # leaves neither a file nor an audit event saying it was exported.
        with self.store.atomic():
            self.desk.record(
                "report.exported",
                None,
                {
                    "period": report.period.label,
                    "format": fmt,
                    "layout": layout if fmt == "csv" else None,
                    "file": path.name if path is not None else None,
                    "frozen": report.frozen is not None,
                    "sha256": hashlib.sha256(data).hexdigest(),
                },
                actor=actor,
            )
            if path is not None:
                write_atomic(path, data)
        return data

    def case_references(self, case_ids: list[str]) -> list[tuple[CaseId, str]]:
        """(id, reference) of cases, for listing the cases behind a figure."""
        found = []
        for case_id in case_ids:
            row = self.store.get_case(case_id)
            if row is not None:
                found.append((CaseId(case_id), str(row["reference"])))
        return found

    # -- stored state ----------------------------------------------------------------------

    def _source(self) -> Store | ReadOnlyStore:
        return self.reader if self.reader is not None else self.store

    def _index(self, source: Store | ReadOnlyStore | None = None) -> dict[str, FrozenSummary]:
        return _FROZEN_INDEX.get(source or self.store) or {}

    def _frozen_record(self, period: Period, source: Store | ReadOnlyStore) -> str:
        raw = _FROZEN.get(source, period.label)
        if raw is None:
            raise DeskError(f"The frozen figures of {period.label} are missing from the store.")
        return raw

    def _organisation(self) -> str:
        from app.letters.letterhead import organisation

        return organisation(self.store)


def override_notes(rows: Sequence[tuple[str, int, str, str, str, str]]) -> tuple[str, ...]:
    """One note per decision a senior reviewer recorded over a refusal (app.review.limits)."""
    notes = []
    for reference, revision, outcome, by, reason, rules in rows:
        try:
            named = ", ".join(json.loads(rules or "[]"))
        except ValueError:
            named = "?"
        notes.append(
            Said(
                "report.override",
                reference=reference,
                revision=revision,
                outcome=_outcome_word(outcome),
                by=by,
                rules=named,
                reason=reason,
            )
        )
    return tuple(notes)


def _outcome_word(code: str) -> Word:
    # The English note names the stored code as it always did; another language its label.
    return word(lambda language: code if language == ENGLISH else labels.outcome(code, language))


def _period(period: Period | str) -> Period:
    if isinstance(period, Period):
        return period
    from app.report.periods import PeriodError

    try:
        return parse_period(period)
    except PeriodError as exc:
        raise DeskError(str(exc)) from None


def _parse_frozen(record: str) -> list[CaseRow]:
    return [CaseRow.from_list(values) for values in json.loads(record)["rows"]]


def _frozen_info(label: str, summary: FrozenSummary) -> FrozenInfo:
    return FrozenInfo(
        period=label,
        frozen_at=summary["frozen_at"],
        frozen_by=summary["frozen_by"],
        seat_threshold=int(summary["seat_threshold"]),
        cases=int(summary["cases"]),
    )


def _changes(frozen: list[CaseRow], current: list[CaseRow]) -> list[CaseChange]:
    """Cases whose stored record differs from when the period was frozen, or that came or went."""
    then = {r.case_id: r for r in frozen}
    now = {r.case_id: r for r in current}
    changes = [
        CaseChange(r.case_id, r.reference, "changed")
        for r in current
        if r.case_id in then and then[r.case_id].fingerprint != r.fingerprint
    ]
    changes += [CaseChange(r.case_id, r.reference, "added") for r in current if r.case_id not in then]
    changes += [CaseChange(r.case_id, r.reference, "removed") for r in frozen if r.case_id not in now]
    return sorted(changes, key=lambda c: c.reference)
