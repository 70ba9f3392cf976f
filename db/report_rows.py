"""The transparency report's queries: every case of a period in one pass, and trend counts.

The report must reach 100,000 cases in well under two seconds, so each function is a
set-based query: one row per case, with everything the figures need joined in (the
latest decision, the identifiers counted, the secrecy order, the facts and the review
context the report reads). Nothing here classifies; ``app.report`` does.

Each query runs over slices of ``SLICE_CASES`` cases, one statement per slice, so that
the report can read on its own read-only connection (``Store.open_reader``) off the GUI
thread without holding the file for long: a write on the store's own connection waits
for a reader's statement to end.

Periods are half-open ranges of ``received_at`` text: the column holds UTC ISO
timestamps written by one formatter, so comparing text compares instants.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from db.store import ReadOnlyStore, Store

# Columns of ``case_rows``, in order; the report fingerprints a case from exactly these.
CASE_COLUMNS = (
    "id",
    "reference",
    "received_at",
    "country",
    "instrument",
    "accounts",
    "secrecy",
    "authority",
    "outcome",
    "approved",
    "context",
)
# One row of ``case_rows``: id, reference, received_at, country, instrument, accounts, secrecy,
# authority, outcome, approved (0/1), context.
CaseColumns = tuple[
    str, str, str, str | None, str | None, int, int, str | None, str | None, int | None, str | None
]
# What the report reads from review_context, the ``context`` column: "key=json" pairs
# joined by CONTEXT_SEPARATOR (one index probe per case instead of one per key).
CONTEXT_SEPARATOR = "\x1f"

# A disclosure made without legal process (db.disclosures, instrument 'voluntary_disclosure')
# has no decision: its instrument column carries its ground ("voluntary_disclosure:ncmec") and
# its outcome column its approval (app.report.figures.DISCLOSURE_STATES). The probes run for
# those cases only, and a demand's row is what it was before disclosures existed, so periods
# frozen earlier keep their fingerprints.
#
# Measured on 100,000 cases: every join or scalar subquery is one index probe per case,
# and each costs ~0.1-0.25 s, so there are as few as the figures allow. Accounts are the
# targeted identifiers: intake stores each (kind, value) of a demand once, so a plain
# count is the number of accounts it names (a DISTINCT cost a third of the query). The issuing
# authority is only read for cases with a secrecy order (it only counts there), and all
# of a case's review context comes in one probe. Facts and context values are JSON
# text; json_extract(…, '$') gives the SQL value.
_CASE_ROWS = """
SELECT c.id,
       c.reference,
       c.received_at,
       c.country,
       CASE WHEN c.instrument = 'voluntary_disclosure' THEN
           (SELECT 'voluntary_disclosure:' || x.ground FROM disclosures x WHERE x.case_id = c.id)
       ELSE c.instrument END AS instrument,
       (SELECT count(*) FROM identifiers i WHERE i.case_id = c.id AND i.role = 'target') AS accounts,
       coalesce(so.present, 0) AS secrecy,
       CASE WHEN so.present THEN
           (SELECT json_extract(f.value, '$') FROM facts f
             WHERE f.case_id = c.id AND f.key = 'issuing_authority')
       END AS authority,
       CASE WHEN c.instrument = 'voluntary_disclosure' THEN
           (SELECT CASE WHEN x.approved_by IS NULL AND x.made_before_approval THEN 'made_before_approval'
                        WHEN x.approved_by IS NULL THEN 'awaiting_approval'
                        WHEN x.made_before_approval THEN 'approved_after_the_fact'
                        ELSE 'approved' END
              FROM disclosures x WHERE x.case_id = c.id)
       ELSE d.outcome END AS outcome,
       d.approved_by IS NOT NULL AS approved,
       (SELECT group_concat(CASE WHEN r.key IN ('enterprise_customer', 'enterprise_seats', 'data_stored_in')
                                 THEN r.key || '=' || r.value END, char(31))
          FROM review_context r WHERE r.case_id = c.id) AS context
  FROM cases c
  LEFT JOIN secrecy_orders so ON so.case_id = c.id
  LEFT JOIN decisions d ON d.id = (SELECT x.id FROM decisions x WHERE x.case_id = c.id
                                     ORDER BY x.revision DESC LIMIT 1)
 WHERE c.received_at >= :lo_at AND c.received_at <= :hi_at
       AND (c.received_at, c.rowid) > (:lo_at, :lo_id) AND (c.received_at, c.rowid) <= (:hi_at, :hi_id)
 ORDER BY c.received_at, c.rowid
"""

# The probes above touch most pages of the tables they read; with SQLite's default
# cache (2 MB) pages are decrypted again and again. For the report's statements the
# cache is raised, then put back.
_REPORT_CACHE_KIB = 65536

# Per half-year of receipt: how many cases of each instrument ended in each outcome.
_TREND = """
SELECT substr(c.received_at, 1, 4)
       || CASE WHEN substr(c.received_at, 6, 2) <= '06' THEN 'H1' ELSE 'H2' END AS half,
       c.instrument,
       d.outcome,
       d.approved_by IS NOT NULL AS approved,
       count(*) AS n
  FROM cases c
  LEFT JOIN decisions d ON d.case_id = c.id
        AND d.revision = (SELECT max(x.revision) FROM decisions x WHERE x.case_id = c.id)
 WHERE c.received_at >= :lo_at AND c.received_at <= :hi_at
       AND (c.received_at, c.rowid) > (:lo_at, :lo_id) AND (c.received_at, c.rowid) <= (:hi_at, :hi_id)
 GROUP BY half, c.instrument, d.outcome, approved
"""

# How many cases were received in each half-year (the periods a report can be asked for).
_BY_HALF_YEAR = """
SELECT substr(received_at, 1, 4)
       || CASE WHEN substr(received_at, 6, 2) <= '06' THEN 'H1' ELSE 'H2' END AS half,
       count(*) AS n
  FROM cases
 WHERE received_at >= :lo_at AND received_at <= :hi_at
       AND (received_at, rowid) > (:lo_at, :lo_id) AND (received_at, rowid) <= (:hi_at, :hi_id)
 GROUP BY half
"""


# A statement reads at most this many cases: the store's own connection waits for a
# statement of this connection to finish before it may write (the journal is not WAL),
# so each is kept to tens of milliseconds even at 100,000 cases.
SLICE_CASES = 1000
# The whole text range of received_at: every ISO timestamp sorts inside it.
EVERYTHING = ("", "\uffff")
_BELOW_EVERY_ROWID = -(2**63)

# The last (received_at, rowid) of the slice that begins after a key: one short walk of
# the index on received_at (which holds the rowid, so the order is the index's own).
_SLICE_END = """
SELECT received_at, rowid FROM cases
 WHERE received_at >= :lo_at AND received_at < :end AND (received_at, rowid) > (:lo_at, :lo_id)
 ORDER BY received_at, rowid LIMIT 1 OFFSET :skip
"""

Source = Store | ReadOnlyStore
Cancelled = Callable[[], bool]


class ReadCancelledError(Exception):
    """The caller asked to stop (``cancelled()`` turned true) between two slices."""


def _slices(source: Source, start: str, end: str, cancelled: Cancelled | None) -> Iterator[dict[str, Any]]:
    """Parameters of each slice of the cases received in [start, end): ``end`` and the keys
    (received_at, rowid) it runs after (``lo_``) and up to (``hi_``).

    Each slice is read by its own statements, so no statement holds the file for long;
    the slices are cut by key, so a case is in exactly one however the record changes.
    """
    lo: tuple[str, int] = (start, _BELOW_EVERY_ROWID)
    while True:
        if cancelled is not None and cancelled():
            raise ReadCancelledError
        bounds = {"end": end, "lo_at": lo[0], "lo_id": lo[1]}
        found = source.db.execute(_SLICE_END, {**bounds, "skip": SLICE_CASES - 1}).fetchone()
        hi = (str(found[0]), int(found[1])) if found else (end, _BELOW_EVERY_ROWID)
        yield {**bounds, "hi_at": hi[0], "hi_id": hi[1]}
        if found is None:
            return
        lo = hi


@contextmanager
def _large_cache(source: Source) -> Iterator[None]:
    before = source.db.execute("PRAGMA cache_size").fetchone()[0]
    source.db.execute(f"PRAGMA cache_size = -{_REPORT_CACHE_KIB}")
    try:
        yield
    finally:
        source.db.execute(f"PRAGMA cache_size = {int(before)}")


def case_rows(
    source: Source, start: str, end: str, *, cancelled: Cancelled | None = None
) -> list[CaseColumns]:
    """One tuple per case received in [start, end) (ISO text), columns as ``CASE_COLUMNS``.

    Read a slice of cases at a time (``SLICE_CASES``): a writer may slip in between
    slices, but every case is read whole, by one statement. ``cancelled`` is asked
    between slices; ``ReadCancelledError`` when it says stop.
    """
    rows: list[CaseColumns] = []
    with _large_cache(source):
        for params in _slices(source, start, end, cancelled):
            # The raw cursor, not sqlite-utils' dicts: a tuple per row is what keeps 100,000 cheap.
            rows += source.db.execute(_CASE_ROWS, params).fetchall()
    return rows


def trend_counts(
    source: Source, start: str, end: str, *, cancelled: Cancelled | None = None
) -> list[tuple[str, str | None, str | None, int, int]]:
    """(half-year, instrument, outcome, approved, cases) for cases received in [start, end)."""
    counts: dict[tuple[str, str | None, str | None, int], int] = {}
    with _large_cache(source):
        for params in _slices(source, start, end, cancelled):
            for half, instrument, outcome, approved, n in source.db.execute(_TREND, params):
                key = (str(half), instrument, outcome, int(approved))
                counts[key] = counts.get(key, 0) + int(n)
    return [(*key, n) for key, n in counts.items()]


# Every decision a senior reviewer recorded over a refusal, of cases received in the period.
_OVERRIDDEN = """
SELECT c.reference, d.revision, d.outcome, d.decided_by, d.override_reason, d.override_rules
  FROM cases c CROSS JOIN decisions d ON d.case_id = c.id
 WHERE d.override_reason IS NOT NULL
       AND c.received_at >= :lo_at AND c.received_at <= :hi_at
       AND (c.received_at, c.rowid) > (:lo_at, :lo_id) AND (c.received_at, c.rowid) <= (:hi_at, :hi_id)
 ORDER BY c.received_at, c.rowid, d.revision
"""


def overridden_decisions(
    source: Source, start: str, end: str, *, cancelled: Cancelled | None = None
) -> list[tuple[str, int, str, str, str, str]]:
    """(reference, revision, outcome, decided by, reason, rules JSON) of cases received in [start, end)."""
    found: list[tuple[str, int, str, str, str, str]] = []
    for params in _slices(source, start, end, cancelled):
        found += [tuple(r) for r in source.db.execute(_OVERRIDDEN, params).fetchall()]
    return found


def cases_by_half_year(source: Source, *, cancelled: Cancelled | None = None) -> list[tuple[str, int]]:
    """(half-year label such as 2026H1, cases received in it) for every half-year that has cases."""
    counts: dict[str, int] = {}
    for params in _slices(source, *EVERYTHING, cancelled):
        for half, n in source.db.execute(_BY_HALF_YEAR, params):
            counts[str(half)] = counts.get(str(half), 0) + int(n)
    return sorted(counts.items())
