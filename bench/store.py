"""How fast is the encrypted store at the size a busy team reaches, and what does encryption cost?

Run:  .venv/bin/python bench/store.py [--cases N]      (default 100000)

Builds two stores in a temporary folder with the same N cases (reference, dates,
country, instrument, status and ~1 KB of page text each), inserted through the same
``db.Store`` methods in batched transactions:

- SQLCipher: a real ``db.Store`` with a random 256-bit key;
- plain SQLite: the stdlib ``sqlite3`` module, the same schema (the migrations' SQL),
  driven through the same ``Store`` methods, so both run the very same queries.

(The search index is filled with a bulk insert on ``store.db``; see ``fill``.)

Then measures (median of 5 runs) opening the store, unwrapping a passphrase key file,
the first queue page by due date and a full-text search for a word in ~1% of cases,
prints each with the ratio SQLCipher/plain, and exits 1 if a target is missed:
open + unwrap <= 1 s, queue page <= 50 ms, search <= 100 ms, SQLCipher/plain <= 1.5 for
the queue page and the search. Both stores are deleted afterwards.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import sqlite_utils

from app import keys
from app.model import CaseStatus, Instrument
from db import Store
from db.migrations import MIGRATIONS

RUNS = 5
BATCH = 1000
QUEUE_PAGE = 200
SEED = 20260301
# A word in exactly 1% of the cases; no other vocabulary word starts with it, so the
# app's prefix query ("word"*) matches exactly those cases.
RARE_WORD = "wexford"
PASSPHRASE = "bench passphrase"  # noqa: S105 - wraps a throwaway key in a temp folder

TARGET_OPEN_S = 1.0
TARGET_QUEUE_S = 0.050
TARGET_SEARCH_S = 0.100
TARGET_RATIO = 1.5

COUNTRIES = ["US"] * 8 + ["IE", "GB", "DE", "FR", "LU", "NL", "IN", "BR", "MX", "JP", "AU", "KR"]


# -- the data -------------------------------------------------------------------------


def vocabulary(rng: random.Random, size: int = 3000) -> list[str]:
    letters = "abcdefghijklmnopqrstuvwxyz"
    words = {"".join(rng.choice(letters) for _ in range(rng.randint(3, 10))) for _ in range(size * 2)}
    words = {w for w in words if not w.startswith(RARE_WORD[:3])}
    return sorted(words)[:size]


def cases(count: int) -> Iterator[tuple[dict[str, Any], str]]:
    """(case row, page text) for every case; the same sequence on every call."""
    rng = random.Random(SEED)
    words = vocabulary(rng)
    instruments = [i.value for i in Instrument]
    statuses = [s.value for s in CaseStatus]
    start = datetime(2024, 1, 1, 8, 0, tzinfo=UTC)
    for n in range(count):
        received = start + timedelta(minutes=rng.randint(0, 2 * 365 * 24 * 60))
        due = received + timedelta(days=rng.randint(3, 60))
        text_words: list[str] = []
        length = 0
        while length < 1024:
            word = rng.choice(words)
            text_words.append(word)
            length += len(word) + 1
        if n % 100 == 37:
            text_words.insert(rng.randrange(len(text_words)), RARE_WORD)
        row = {
            "id": f"{rng.getrandbits(64):016x}",
            "reference": f"BENCH-{received.year}-{n + 1:06d}",
            "title": f"demand {n + 1}",
            "received_at": received.isoformat(timespec="seconds"),
            "response_due": None if rng.random() < 0.1 else due.date().isoformat(),
            "country": rng.choice(COUNTRIES),
            "instrument": rng.choice(instruments),
            "status": rng.choice(statuses),
            "created_by": rng.choice(["Ada", "Bob", "Carol"]),
            "updated_at": received.isoformat(timespec="seconds"),
            "version_id": f"{rng.getrandbits(128):032x}",
            "parent_version_id": None,
        }
        yield row, " ".join(text_words)


def fill(store: Store, count: int) -> None:
    """Insert every case, BATCH cases per transaction, through the store's own methods."""
    rows = cases(count)
    done = 0
    while done < count:
        batch = [next(rows) for _ in range(min(BATCH, count - done))]
        with store.atomic():
            for row, text in batch:
                store.insert_case(row)
                doc_id = store.insert_document(
                    {
                        "case_id": row["id"],
                        "filename": "demand.pdf",
                        "sha256": "0" * 64,
                        "size": 8,
                        "pages": 1,
                        "pdf": b"%PDF-1.7",
                        "added_at": row["received_at"],
                    }
                )
                store.insert_pages(
                    doc_id,
                    [{"page_no": 1, "width": 612.0, "height": 792.0, "source": "ocr", "text": text}],
                )
                store.index_case_text(row["id"], row["reference"], f"{row['title']} {text}")
        done += len(batch)


# -- plain SQLite through the same Store code -----------------------------------------


def open_plain(path: Path) -> Store:
    """A ``Store`` over stdlib sqlite3: ``db.store._connect`` without the key pragmas.

    Bench-only: it bypasses ``Store.__init__`` (which opens SQLCipher) so that the
    plain database runs exactly the same methods and SQL as the encrypted one.
    """
    conn = sqlite3.connect(str(path), check_same_thread=False)
    conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    conn.execute("PRAGMA temp_store = MEMORY")
    conn.execute("PRAGMA foreign_keys = ON")
    store = object.__new__(Store)
    store.path = path
    store._conn = conn
    store.db = sqlite_utils.Database(conn, execute_plugins=False)
    current = store.schema_version()
    for migration in MIGRATIONS:
        if migration.version > current:
            conn.executescript(
                f"BEGIN;\n{migration.sql}\nPRAGMA user_version = {migration.version};\nCOMMIT;"
            )
    return store


# -- measuring ------------------------------------------------------------------------


def timed(action: Callable[[], Any]) -> tuple[float, list[float], Any]:
    """(median seconds, every run's seconds, last result) over RUNS runs."""
    times = []
    result = None
    for _ in range(RUNS):
        start = time.perf_counter()
        result = action()
        times.append(time.perf_counter() - start)
    return statistics.median(times), times, result


def reopen_cipher(path: Path, key: bytes) -> None:
    Store(path, key).close()


def reopen_plain(path: Path) -> None:
    open_plain(path).close()


def ms(seconds: float) -> str:
    return f"{seconds * 1000:9.1f} ms"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=100_000, help="cases per store (100000)")
    args = parser.parse_args()
    if args.cases < 100:
        parser.error("--cases must be at least 100 (1% of them hold the searched word)")

    key = keys.new_database_key()
    query = f'"{RARE_WORD}"*'  # what Desk.search sends for one typed word
    misses: list[str] = []
    with tempfile.TemporaryDirectory(prefix="demand-desk-bench-") as folder:
        root = Path(folder)
        cipher_path, plain_path, key_path = root / "cipher.db", root / "plain.db", root / "key.json"
        keys.write_key_file(key_path, keys.wrap_key(key, PASSPHRASE))

        print(f"Building two stores of {args.cases:,} cases in {root} …", flush=True)
        for label, opener, path in (
            ("SQLCipher", lambda: Store(cipher_path, key), cipher_path),
            ("plain", lambda: open_plain(plain_path), plain_path),
        ):
            start = time.perf_counter()
            store = opener()
            fill(store, args.cases)
            store.close()
            elapsed = time.perf_counter() - start
            size = path.stat().st_size / 2**20
            print(f"  {label:<9} built in {elapsed:6.1f} s, {size:7.1f} MiB", flush=True)

        open_c, _, _ = timed(lambda: reopen_cipher(cipher_path, key))
        open_p, _, _ = timed(lambda: reopen_plain(plain_path))
        unwrap, _, unwrapped = timed(lambda: keys.unwrap_key(keys.read_key_file(key_path), PASSPHRASE))
        assert unwrapped == key

        cipher, plain = Store(cipher_path, key), open_plain(plain_path)
        try:
            queue_c, queue_c_runs, rows_c = timed(
                lambda: cipher.list_cases(order_by_due=True, limit=QUEUE_PAGE)
            )
            queue_p, queue_p_runs, rows_p = timed(
                lambda: plain.list_cases(order_by_due=True, limit=QUEUE_PAGE)
            )
            search_c, search_c_runs, hits_c = timed(lambda: cipher.search_cases(query))
            search_p, search_p_runs, hits_p = timed(lambda: plain.search_cases(query))
            matching = len(cipher.search_cases(query, limit=args.cases))
        finally:
            cipher.close()
            plain.close()
        # Same data, same SQL: the two must agree, or the comparison means nothing.
        assert [r["id"] for r in rows_c] == [r["id"] for r in rows_p]
        assert sorted(hits_c) == sorted(hits_p)
        assert len(rows_c) == min(QUEUE_PAGE, args.cases)

    print()
    print(
        f"SQLCipher {sqlite_cipher_version()} vs plain SQLite {sqlite3.sqlite_version}; median of {RUNS} runs"
    )
    print(f"{'':34}{'SQLCipher':>12}{'plain':>13}{'ratio':>8}   target")
    rows = [
        ("open store (Store(path, key))", open_c, open_p, None, None),
        ("unwrap passphrase key file", unwrap, None, None, None),
        ("open + unwrap", open_c + unwrap, None, TARGET_OPEN_S, None),
        (f"queue: first {QUEUE_PAGE} by due date", queue_c, queue_p, TARGET_QUEUE_S, TARGET_RATIO),
        (f"search {query} ({matching} cases)", search_c, search_p, TARGET_SEARCH_S, TARGET_RATIO),
    ]
    for name, c, p, target, ratio_target in rows:
        ratio = c / p if p else None
        line = f"{name:<34}{ms(c):>12}{ms(p) if p is not None else '':>13}"
        line += f"{f'{ratio:6.2f}' if ratio is not None else '':>8}"
        goals = []
        if target is not None:
            goals.append(f"<= {ms(target).strip()}")
            if c > target:
                misses.append(f"{name}: {ms(c).strip()} > {ms(target).strip()}")
        if ratio_target is not None and ratio is not None:
            goals.append(f"ratio <= {ratio_target}")
            if ratio > ratio_target:
                misses.append(f"{name}: SQLCipher/plain {ratio:.2f} > {ratio_target}")
        print(line + ("   " + ", ".join(goals) if goals else ""))
    print()
    print("first (cold) run of each, SQLCipher / plain:")
    print(f"  queue  {ms(queue_c_runs[0]).strip()} / {ms(queue_p_runs[0]).strip()}")
    print(f"  search {ms(search_c_runs[0]).strip()} / {ms(search_p_runs[0]).strip()}")
    print()
    if misses:
        print("MISSED:\n  " + "\n  ".join(misses))
        return 1
    print("All targets met.")
    return 0


def sqlite_cipher_version() -> str:
    import sqlcipher3

    conn = sqlcipher3.connect(":memory:")
    try:
        version = conn.execute("PRAGMA cipher_version").fetchone()
    finally:
        conn.close()
    return f"{version[0] if version else '?'} (SQLite {sqlcipher3.sqlite_version})"


if __name__ == "__main__":
    sys.exit(main())
