"""How the report counts, read from ``resources/report/report.toml`` (see the comments there)."""

from __future__ import annotations

import functools
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from app.disclosure.grounds import Ground, GroundsError, load_grounds
from app.model import Instrument
from app.review.model import DECISION_OUTCOMES

CONFIG_PATH = Path(__file__).resolve().parents[2] / "resources" / "report" / "report.toml"

# The outcome buckets of the issue, in the order every table lists them. Persisted in
# frozen periods and exported: add values, never rename them.
BUCKETS = ("rejected", "withdrawn", "no_data", "redirected", "noncontent_only", "content", "pending")
DISCLOSED = ("noncontent_only", "content")
NOT_A_DATA_DEMAND = "not_a_data_demand"
APART_KINDS = ("banded", "count", "disclosure")


class ConfigError(ValueError):
    """The report's data file is inconsistent; the message names the entry."""


@dataclass(frozen=True)
class LegalProcess:
    key: str
    label: str
    instruments: tuple[str, ...]
    apart: str | None  # None: counted in the totals; else one of APART_KINDS


@dataclass(frozen=True)
class ReportConfig:
    seat_threshold: int
    band: int
    unread_instrument: str
    processes: tuple[LegalProcess, ...]
    outcomes: Mapping[str, str]  # decision outcome -> bucket (or NOT_A_DATA_DEMAND)
    outcome_labels: Mapping[str, str]
    federal_markers: tuple[str, ...]
    countries: Mapping[str, str]
    # The policy pack's grounds for a disclosure without legal process, in the order the
    # report lists them (resources/policy/disclosure_grounds.toml).
    disclosure_grounds: tuple[Ground, ...] = ()

    @functools.cached_property
    def ground(self) -> dict[str, Ground]:
        return {g.key: g for g in self.disclosure_grounds}

    @functools.cached_property
    def process_of_instrument(self) -> dict[str, str]:
        return {i: p.key for p in self.processes for i in p.instruments}

    def process(self, key: str) -> LegalProcess:
        return next(p for p in self.processes if p.key == key)

    def country_name(self, code: str) -> str:
        return self.countries.get(code, code)

    def bucket_label(self, bucket: str) -> str:
        return self.outcome_labels.get(bucket, bucket)


def load_config(path: Path = CONFIG_PATH) -> ReportConfig:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        grounds = load_grounds().grounds
    except (OSError, tomllib.TOMLDecodeError, GroundsError) as exc:
        raise ConfigError(f"{path}: {exc}") from exc
    return replace(parse_config(data, str(path)), disclosure_grounds=grounds)


def _table(data: Mapping[str, object], key: str, fail: Callable[[str], ConfigError]) -> dict[str, object]:
    """A [table] of the data file (empty when absent); one that is not a table is refused."""
    found = data.get(key, {})
    if not isinstance(found, dict):
        raise fail(f"{key} must be a table")
    return {str(k): v for k, v in found.items()}


def _whole(data: Mapping[str, object], key: str, default: int, fail: Callable[[str], ConfigError]) -> int:
    value = data.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise fail(f"{key} must be a whole number")
    return int(value)


def parse_config(data: Mapping[str, object], where: str = "report.toml") -> ReportConfig:
    def fail(message: str) -> ConfigError:
        return ConfigError(f"{where}: {message}")

    processes = []
    entries = data.get("legal_process", [])
    if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
        raise fail("[[legal_process]] must be a list of tables")
    for entry in entries:
        apart = entry.get("apart")
        if apart is not None and apart not in APART_KINDS:
            raise fail(f"legal process {entry.get('key')!r}: apart is one of {', '.join(APART_KINDS)}")
        processes.append(
            LegalProcess(str(entry["key"]), str(entry["label"]), tuple(entry["instruments"]), apart)
        )
    seen: dict[str, str] = {}
    for p in processes:
        for instrument in p.instruments:
            if instrument in seen:
                raise fail(f"instrument {instrument!r} is in both {seen[instrument]} and {p.key}")
            seen[instrument] = p.key
    missing = [i.value for i in Instrument if i.value not in seen]
    if missing:
        raise fail(f"no legal process for instrument(s) {', '.join(missing)}")
    unread = str(data.get("unread_instrument", "other"))
    if unread not in seen:
        raise fail(f"unread_instrument {unread!r} is not an instrument")
    outcomes = {k: str(v) for k, v in _table(data, "outcomes", fail).items()}
    unmapped = [o for o in DECISION_OUTCOMES if o not in outcomes]
    if unmapped:
        raise fail(f"no bucket for decision outcome(s) {', '.join(unmapped)}")
    wrong = {k: v for k, v in outcomes.items() if v not in (*BUCKETS, NOT_A_DATA_DEMAND)}
    if wrong:
        raise fail(f"unknown bucket(s) {wrong}; buckets are {', '.join(BUCKETS)}")
    markers = data.get("federal_markers")
    if not isinstance(markers, list) or not markers:
        # A misplaced key (under a [table]) would silently count no authority as federal.
        raise fail("federal_markers must be a non-empty list at the top of the file")
    seats = _whole(data, "enterprise_seat_threshold", 50, fail)
    band = _whole(data, "national_security_band", 500, fail)
    if seats < 0 or band < 1:
        raise fail("the seat threshold is 0 or more and the band width 1 or more")
    labels = _table(data, "outcome_labels", fail)
    return ReportConfig(
        seat_threshold=seats,
        band=band,
        unread_instrument=unread,
        processes=tuple(processes),
        outcomes=outcomes,
        outcome_labels={b: str(labels.get(b, b)) for b in BUCKETS},
        federal_markers=tuple(str(m).lower() for m in markers),
        countries={k: str(v) for k, v in _table(data, "countries", fail).items()},
    )
