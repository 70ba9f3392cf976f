"""The transparency report's queries: every case of a period in one pass, and trend counts.

The report must reach 100,000 cases in well under two seconds, so each function is a
single set-based query: one row per case, with everything the figures need joined in
(the latest decision, the identifiers counted, the secrecy order, the facts and the
review context the report reads). Nothing here classifies; ``app.report`` does.

Periods are half-open ranges of ``received_at`` text: the column holds UTC ISO
timestamps written by one formatter, so comparing text compares instants.
"""

from __future__ import annotations

from typing import Any

from db.store import Store

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
    "emergency",
    "outcome",
    "approved",
    "enterprise",
    "seats",
    "stored_in",
)

# Facts and review-context values are stored as JSON text; json_extract(…, '$') gives
# the SQL value (true → 1), so no per-row decoding is needed in Python.
_CASE_ROWS = """
WITH latest AS (
    SELECT case_id, max(revision) AS revision FROM decisions GROUP BY case_id
), accounts AS (
    SELECT case_id, count(DISTINCT coalesce(normalized, kind || ':' || coalesce(value, id))) AS n
      FROM identifiers WHERE role = 'target' GROUP BY case_id
)
SELECT c.id,
       c.reference,
       c.received_at,
       c.country,
       c.instrument,
       coalesce(a.n, 0) AS accounts,
       coalesce(so.present, 0) AS secrecy,
       json_extract(fa.value, '$') AS authority,
       json_extract(fe.value, '$') AS emergency,
       d.outcome,
       d.approved_by IS NOT NULL AS approved,
       json_extract(re.value, '$') AS enterprise,
       json_extract(rs.value, '$') AS seats,
       json_extract(rd.value, '$') AS stored_in
  FROM cases c
  LEFT JOIN accounts a ON a.case_id = c.id
  LEFT JOIN secrecy_orders so ON so.case_id = c.id
  LEFT JOIN facts fa ON fa.case_id = c.id AND fa.key = 'issuing_authority'
  LEFT JOIN facts fe ON fe.case_id = c.id AND fe.key = 'emergency'
  LEFT JOIN latest l ON l.case_id = c.id
  LEFT JOIN decisions d ON d.case_id = c.id AND d.revision = l.revision
  LEFT JOIN review_context re ON re.case_id = c.id AND re.key = 'enterprise_customer'
  LEFT JOIN review_context rs ON rs.case_id = c.id AND rs.key = 'enterprise_seats'
  LEFT JOIN review_context rd ON rd.case_id = c.id AND rd.key = 'data_stored_in'
 WHERE c.received_at >= ? AND c.received_at < ?
 ORDER BY c.received_at, c.id
"""

# Per half-year of receipt: how many cases of each instrument ended in each outcome.
_TREND = """
WITH latest AS (
    SELECT case_id, max(revision) AS revision FROM decisions GROUP BY case_id
)
SELECT substr(c.received_at, 1, 4)
       || CASE WHEN substr(c.received_at, 6, 2) <= '06' THEN 'H1' ELSE 'H2' END AS half,
       c.instrument,
       d.outcome,
       d.approved_by IS NOT NULL AS approved,
       count(*) AS n
  FROM cases c
  LEFT JOIN latest l ON l.case_id = c.id
  LEFT JOIN decisions d ON d.case_id = c.id AND d.revision = l.revision
 WHERE c.received_at >= ? AND c.received_at < ?
 GROUP BY half, c.instrument, d.outcome, approved
"""


def case_rows(store: Store, start: str, end: str) -> list[tuple[Any, ...]]:
    """One tuple per case received in [start, end) (ISO text), columns as ``CASE_COLUMNS``.

    One statement reads one snapshot, so a writer cannot slip in between the joins.
    """
    # The raw cursor, not sqlite-utils' dicts: a tuple per row is what keeps 100,000 cheap.
    return store.db.execute(_CASE_ROWS, (start, end)).fetchall()


def trend_counts(store: Store, start: str, end: str) -> list[tuple[str, str | None, str | None, int, int]]:
    """(half-year, instrument, outcome, approved, cases) for cases received in [start, end)."""
    return [tuple(r) for r in store.db.execute(_TREND, (start, end)).fetchall()]  # type: ignore[misc]
