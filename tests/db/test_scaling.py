"""Everyday queries cost the same in a big store as in a small one.

Cost is counted in SQLite virtual-machine steps (a progress handler), which is exact and
does not depend on the machine's speed. bench/store.py measures the same in milliseconds.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from pathlib import Path

import pytest

from db import Store

SMALL, BIG = 300, 3000


def vm_steps(store: Store, action: Callable[[], object]) -> int:
    steps = 0

    def count() -> int:
        nonlocal steps
        steps += 1
        return 0  # 0 = carry on

    store.db.conn.set_progress_handler(count, 1)
    try:
        action()
    finally:
        store.db.conn.set_progress_handler(None, 1)
    return steps


def grow(store: Store, upto: int) -> None:
    start = store.count_cases()
    with store.atomic():
        for n in range(start, upto):
            case_id = f"{n:016x}"
            store.insert_case(
                {
                    "id": case_id,
                    "reference": f"SCALE-{n:06d}",
                    "title": f"demand {n}",
                    "received_at": f"2026-01-01T00:{n % 60:02d}:00+00:00",
                    "response_due": f"2026-{1 + n % 12:02d}-{1 + n % 28:02d}",
                    "status": "new",
                    "created_by": "Ada",
                    "updated_at": "2026-01-01T00:00:00+00:00",
                    "version_id": secrets.token_hex(16),
                }
            )
            store.index_case_text(case_id, f"SCALE-{n:06d}", f"page text of demand {n} " * 20)


@pytest.fixture
def store(tmp_path: Path) -> Store:
    folder = tmp_path / "db"
    folder.mkdir()
    store = Store(folder / "store.db", secrets.token_bytes(32))
    yield store
    store.close()


def cost_small_and_big(store: Store, action: Callable[[], object]) -> tuple[int, int]:
    grow(store, SMALL)
    small = vm_steps(store, action)
    grow(store, BIG)
    return small, vm_steps(store, action)


def test_first_queue_page_costs_the_same_in_a_big_store(store):
    # A queue sorted by due date must not read and sort every case to show the first 200.
    small, big = cost_small_and_big(store, lambda: store.list_cases(order_by_due=True, limit=200))
    assert big < 2 * small, f"{SMALL} cases: {small} steps, {BIG} cases: {big} steps"


def test_indexing_a_case_costs_the_same_in_a_big_store(store):
    # Intake indexes the new case's text; that must not scan every other case's text.
    def reindex() -> None:
        with store.atomic():
            store.index_case_text(f"{5:016x}", "SCALE-000005", "corrected text")

    small, big = cost_small_and_big(store, reindex)
    assert big < 2 * small, f"{SMALL} cases: {small} steps, {BIG} cases: {big} steps"


def test_search_for_a_reference_costs_the_same_in_a_big_store(store):
    small, big = cost_small_and_big(store, lambda: store.search_cases('"000005"'))
    assert big < 2 * small, f"{SMALL} cases: {small} steps, {BIG} cases: {big} steps"
