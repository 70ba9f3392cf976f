"""Each case as the report sees it: read once from ``db.report_rows.case_rows`` and
classified into its legal process and outcome bucket (``app.report.figures`` counts them)."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from app.jsontypes import JsonObject
from app.model import Instrument
from app.report.config import NOT_A_DATA_DEMAND, ReportConfig
from app.review.model import DISCLOSING
from db.report_rows import CONTEXT_SEPARATOR, CaseColumns

UNKNOWN = "?"  # a process or bucket the data file does not know: a failed check
# A disclosure case's instrument, as db.report_rows gives it: this prefix and the ground.
DISCLOSURE_PREFIX = "voluntary_disclosure:"
# A disclosure case's bucket: how its second reviewer's approval stands (db.report_rows).
DISCLOSURE_STATES = ("approved", "approved_after_the_fact", "made_before_approval", "awaiting_approval")
UNKNOWN_COUNTRY = "ZZ"  # CLDR's code for an unknown region


class CaseRow(NamedTuple):
    """One case as the report sees it, classified. Frozen periods store these (as lists)."""

    case_id: str
    reference: str
    received: str  # ISO date (UTC)
    country: str  # ISO 3166 code, UNKNOWN_COUNTRY when not read
    instrument: str | None
    process: str  # legal-process key, UNKNOWN when the data file has none
    outcome: str | None  # the latest decision's outcome as recorded
    bucket: str  # one of BUCKETS, NOT_A_DATA_DEMAND, or UNKNOWN
    accounts: int
    secrecy: bool
    federal: bool  # a secrecy order's demand issued by a federal authority (config.federal_markers)
    emergency: bool
    enterprise: bool
    seats: int | None
    stored_in: str | None  # where the data is stored, ISO code
    fingerprint: str  # of what the store holds for the report ("" unless asked for)

    def to_list(self) -> list[object]:
        return list(self)

    @classmethod
    def from_list(cls, values: Iterable[object]) -> CaseRow:
        return cls._make(values)


def fingerprint(raw: Sequence[object]) -> str:
    """A short digest of a case's report row as stored; equal rows give equal figures."""
    return hashlib.blake2b(repr(tuple(raw)).encode(), digest_size=8).hexdigest()


_DISCLOSURE = "voluntary_disclosure"  # the legal process of resources/report/report.toml


def process_of(instrument: str | None, config: ReportConfig) -> str:
    if instrument and instrument.startswith(DISCLOSURE_PREFIX):
        # A ground the pack no longer lists cannot be counted in its row: a failed check.
        known = instrument[len(DISCLOSURE_PREFIX) :] in config.ground
        return _DISCLOSURE if known and _DISCLOSURE in config.process_of_instrument.values() else UNKNOWN
    return config.process_of_instrument.get(instrument or config.unread_instrument, UNKNOWN)


def bucket_of(outcome: str | None, approved: bool, config: ReportConfig) -> str:
    """The latest decision's bucket; a disclosure counts only once a second reviewer approved it."""
    if outcome is None or (outcome in DISCLOSING and not approved):
        return "pending"
    return config.outcomes.get(outcome, UNKNOWN)


def in_totals(process: str, bucket: str, config: ReportConfig) -> bool:
    """Whether a case is one of the demands, or is set apart in a table of its own."""
    apart = {p.key: p.apart for p in config.processes}
    return apart.get(process) is None and bucket != NOT_A_DATA_DEMAND


_NO_CONTEXT: JsonObject = {}


def _context(text: str | None) -> JsonObject:
    """The ``context`` column: "key=json" pairs (db.report_rows.CONTEXT_SEPARATOR)."""
    if not text:
        return {}
    found: JsonObject = {}
    for pair in text.split(CONTEXT_SEPARATOR):
        key, _, value = pair.partition("=")
        try:
            found[key] = json.loads(value)
        except ValueError:
            found[key] = None  # a damaged value counts as not recorded
    return found


def classify(
    raws: Iterable[CaseColumns], config: ReportConfig, *, fingerprints: bool = False
) -> list[CaseRow]:
    """Rows of ``db.report_rows.case_rows`` (columns ``CASE_COLUMNS``) as ``CaseRow``s.

    Fingerprints cost a hash per case; they are only needed to freeze a period or to
    compare with a frozen one.
    """
    processes: dict[str | None, str] = {}
    buckets: dict[tuple[str | None, int | None], str] = {}
    seats: int | None
    stored_in: str | None
    federal_names: dict[str, bool] = {}
    markers = config.federal_markers
    emergency_instrument = Instrument.EMERGENCY_REQUEST.value
    found = []
    for raw in raws:
        (
            case_id,
            reference,
            received_at,
            country,
            instrument,
            accounts,
            secrecy,
            authority,
            outcome,
            approved,
            ctx,
        ) = raw
        process = processes.get(instrument)
        if process is None:
            process = processes[instrument] = process_of(instrument, config)
        if process == _DISCLOSURE:  # no decision: the approval's state is its bucket
            ground = config.ground.get(str(instrument)[len(DISCLOSURE_PREFIX) :])
            bucket = outcome if outcome in DISCLOSURE_STATES else UNKNOWN
            secret = federal = enterprise = False
            emergency = ground is not None and ground.emergency
            seats = stored_in = None
        else:
            federal = False
            if authority:
                known = federal_names.get(authority)
                if known is None:
                    name = str(authority).lower()
                    known = federal_names[authority] = any(m in name for m in markers)
                federal = known
            cached = buckets.get((outcome, approved))
            if cached is None:
                cached = buckets[outcome, approved] = bucket_of(outcome, bool(approved), config)
            bucket = cached
            context = _context(ctx) if ctx else _NO_CONTEXT
            secret = bool(secrecy)
            emergency = instrument == emergency_instrument
            enterprise = context.get("enterprise_customer") is True
            given = context.get("enterprise_seats")
            seats = int(given) if isinstance(given, int | float) and not isinstance(given, bool) else None
            where = context.get("data_stored_in")
            stored_in = str(where).upper() if where else None
        found.append(
            CaseRow(
                case_id,
                reference,
                received_at[:10],
                country.upper() if country else UNKNOWN_COUNTRY,
                instrument,
                process,
                outcome,
                bucket,
                accounts or 0,
                secret,
                federal,
                emergency,
                enterprise,
                seats,
                stored_in,
                fingerprint(raw) if fingerprints else "",
            )
        )
    return found
