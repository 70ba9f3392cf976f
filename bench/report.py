"""How long does the transparency report take over a busy half-year?

Run:  .venv/bin/python bench/report.py [--cases N]      (default 100000)

Sets up a workstation in a temporary folder (encrypted store, as the app does) and
fills it with N synthetic cases, all received in 2026H1: countries, instruments,
targeted identifiers, secrecy orders, issuing authorities, decisions (some awaiting
approval), enterprise customers and where their data is stored. Then measures, median
of 5 runs after one warm-up:

- the report: ``Reports.build`` (the one set-based query, classifying every case,
  every table, the consistency checks, the trend over six half-years);
- the report plus its JSON and CSV exports;
- the PDF, once (it has a fixed number of pages whatever N is).

Each case is read cold: the report raises SQLite's page cache for its query and puts it
back after, so every run decrypts the pages again, as the first report of a session does.

Exits 1 if the report or the report with its JSON and CSV takes over 2 s. The folder
is deleted afterwards.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from app import services
from app.datadir import DataDir
from app.model import Instrument, KeyStorage
from app.report.service import Reports
from db import Store

RUNS = 5
BATCH = 5000
SEED = 20260701
TARGET_S = 2.0
COUNTRIES = ["US"] * 10 + ["IE", "GB", "DE", "FR", "LU", "NL", "IN", "BR", "MX", "JP", "AU", "KR", "ES"]
OUTCOMES = [
    None,
    "reject",
    "withdrawn",
    "no_data",
    "redirect",
    "disclose_noncontent",
    "disclose_content",
    "challenge",
    "narrow",
    "escalate",
]
AUTHORITIES = [
    "Federal Bureau of Investigation",
    "Polizei Berlin",
    "Superior Court of California",
    "An Garda Síochána",
    "United States District Court",
]


def fill(store: Store, count: int) -> None:
    """N cases and what the report reads about them, BATCH cases per transaction."""
    rng = random.Random(SEED)
    instruments = [i.value for i in Instrument]
    start = datetime(2026, 1, 1, tzinfo=UTC)
    tables: dict[str, list[dict[str, Any]]] = {}

    def add(table: str, row: dict[str, Any]) -> None:
        tables.setdefault(table, []).append(row)

    def flush() -> None:
        with store.atomic():
            for table, rows in tables.items():
                store.db.table(table).insert_all(rows)
        tables.clear()

    # In the order they were received, as intake stores them.
    minutes = sorted(rng.randint(0, 180 * 24 * 60) for _ in range(count))
    for n in range(count):
        case_id = f"{rng.getrandbits(64):016x}"
        at = (start + timedelta(minutes=minutes[n])).isoformat(timespec="seconds")
        add(
            "cases",
            {
                "id": case_id,
                "reference": f"BENCH-2026-{n + 1:06d}",
                "title": None,
                "received_at": at,
                "response_due": None,
                "country": rng.choice(COUNTRIES),
                "instrument": rng.choice(instruments),
                "status": "in_review",
                "created_by": "Ada",
                "updated_at": at,
                "version_id": f"{n}",
                "parent_version_id": None,
            },
        )
        for key, value in (
            ("issuing_authority", rng.choice(AUTHORITIES)),
            ("emergency", rng.random() < 0.05),
        ):
            add(
                "facts",
                {
                    "case_id": case_id,
                    "key": key,
                    "value": json.dumps(value),
                    "source": "auto",
                    "updated_at": at,
                },
            )
        for i in range(rng.randint(1, 3)):
            address = f"user{i}.{n}@example.com"
            add(
                "identifiers",
                {
                    "case_id": case_id,
                    "kind": "email",
                    "value": address,
                    "normalized": address,
                    "role": "target",
                },
            )
        if rng.random() < 0.3:
            add("secrecy_orders", {"case_id": case_id, "present": 1, "duration_days": 365})
        outcome = rng.choice(OUTCOMES)
        if outcome is not None:
            add(
                "decisions",
                {
                    "case_id": case_id,
                    "revision": 1,
                    "outcome": outcome,
                    "policy_version": "bench",
                    "decided_by": "Ada",
                    "decided_at": at,
                    "approved_by": "Bob" if rng.random() < 0.9 else None,
                },
            )
        if rng.random() < 0.1:
            for key, value in (
                ("enterprise_customer", True),
                ("enterprise_seats", rng.choice([10, 50, 51, 900])),
                ("data_stored_in", rng.choice(["US", "IE", "DE"])),
            ):
                add(
                    "review_context",
                    {
                        "case_id": case_id,
                        "key": key,
                        "value": json.dumps(value),
                        "reviewer": "Ada",
                        "set_at": at,
                    },
                )
        if (n + 1) % BATCH == 0:
            flush()
    flush()


def median_time(work: Callable[[], object]) -> tuple[float, float]:
    """Median wall-clock and CPU seconds; the CPU figure shows what other load on the machine added."""
    work()  # warm-up: imports, the config, the operating system's file cache
    walls, cpus = [], []
    for _ in range(RUNS):
        wall, cpu = time.perf_counter(), time.process_time()
        work()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return statistics.median(walls), statistics.median(cpus)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=100_000)
    count = parser.parse_args().cases
    with tempfile.TemporaryDirectory(prefix="demand-desk-bench-") as folder:
        desk = services.set_up(
            DataDir(Path(folder) / "data"),
            workstation="bench",
            reviewer="Ada",
            pin="246813",
            passphrase="bench passphrase",
            key_storage=KeyStorage.PASSPHRASE,
        )
        try:
            start = time.perf_counter()
            fill(desk.store, count)
            print(f"filled {count:,} cases in {time.perf_counter() - start:.1f} s")
            reports = Reports(desk)
            report = reports.build("2026H1")
            report.require_consistent()
            total = report.totals()
            print(
                f"2026H1: {len(report.rows):,} cases, {total.value('demands'):,} demands, "
                f"{total.value('accounts'):,} accounts, "
                f"{total.value('percent_disclosed')}% with data disclosed"
            )
            built = median_time(lambda: reports.build("2026H1"))

            def with_exports() -> None:
                r = reports.build("2026H1")
                reports.render(r, "json")
                reports.render(r, "csv")

            exported = median_time(with_exports)
            start = time.perf_counter()
            pdf = reports.render(report, "pdf")
            pdf_s = time.perf_counter() - start
        finally:
            desk.close()
    print(f"report, median of {RUNS}: {built[0]:.2f} s ({built[1]:.2f} s CPU) (target <= {TARGET_S:.0f} s)")
    print(
        f"report + JSON + CSV, median of {RUNS}: {exported[0]:.2f} s ({exported[1]:.2f} s CPU) "
        f"(target <= {TARGET_S:.0f} s)"
    )
    print(f"PDF ({len(pdf) // 1024} KB), once: {pdf_s:.2f} s")
    if built[0] > TARGET_S or exported[0] > TARGET_S:
        print("FAIL: over target")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
