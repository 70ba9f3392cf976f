"""How long Today holds the window's thread, on a big store.

Run: .venv/bin/python bench/today.py [--cases 1000 10000 100000]

The main window counts Today (``Schedule.today``) on its thread at every queue refresh,
so the window cannot repaint meanwhile. Fills a temporary store like bench/report.py (all
cases in review), counts Today RUNS times and prints the median beside a named peer: a bare
``SELECT * FROM cases`` of the same store, every row fetched (the cost of reading the
case rows at all, nothing else). Target: Today within 50 ms at 1,000 cases. The folder is
deleted afterwards.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app import services  # noqa: E402
from app.datadir import DataDir  # noqa: E402
from app.model import KeyStorage  # noqa: E402
from bench.report import fill  # noqa: E402

RUNS = 3
TARGET_MS = 50
TARGET_CASES = 1000


def measure(cases: int, runs: int = RUNS) -> tuple[float, float, int]:
    """(Today's median ms, the peer's median ms, items on Today) over a store of ``cases``."""
    with tempfile.TemporaryDirectory(prefix="demand-desk-bench-") as folder:
        desk = services.set_up(DataDir(Path(folder) / "data"), workstation="bench", reviewer="Ada",
                               pin="246813", passphrase="bench passphrase",
                               key_storage=KeyStorage.PASSPHRASE)  # fmt: skip
        fill(desk.store, cases)
        schedule = services.Services(desk).schedule
        ours, peer, items = [], [], 0
        for _ in range(runs + 1):
            start = time.perf_counter()
            today = schedule.today()
            ours.append((time.perf_counter() - start) * 1000)
            items = sum(len(v) for v in vars(today).values() if isinstance(v, list))
            start = time.perf_counter()
            desk.store.db.execute("SELECT * FROM cases").fetchall()
            peer.append((time.perf_counter() - start) * 1000)
        desk.close()
    # The first run warms SQLite's page cache, as the window's first refresh does.
    return statistics.median(ours[1:]), statistics.median(peer[1:]), items


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, nargs="+", default=[1000, 10_000, 100_000])
    parser.add_argument("--runs", type=int, default=RUNS)
    args = parser.parse_args()
    ok = True
    for cases in args.cases:
        ours, floor, items = measure(cases, args.runs)
        target = f"target <= {TARGET_MS} ms" if cases <= TARGET_CASES else ""
        if cases <= TARGET_CASES and ours > TARGET_MS:
            ok, target = False, target + " MISSED"
        print(f"{cases:>7,} cases  today() {ours:9.1f} ms ({items} items)  "
              f"peer: case rows {floor:7.1f} ms  ratio {ours / floor:6.1f}  {target}")  # fmt: skip
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
