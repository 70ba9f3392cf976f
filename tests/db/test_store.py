"""The encrypted store: what goes in comes back out, and nothing opens it without the key."""

from __future__ import annotations

import json
import secrets
import sqlite3
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from db import Store, StoreError, WrongKeyError
from db.migrations import LATEST


@pytest.fixture
def key() -> bytes:
    return secrets.token_bytes(32)


@pytest.fixture
def path(tmp_path: Path) -> Path:
    folder = tmp_path / "db"  # its own folder: tmp_path also holds the test's temp folder
    folder.mkdir()
    return folder / "store.db"


@pytest.fixture
def store(path: Path, key: bytes) -> Iterator[Store]:
    store = Store(path, key)
    yield store
    store.close()


def reopen(store: Store, key: bytes) -> Store:
    store.close()
    return Store(store.path, key)


def case_row(case_id: str, reference: str, **fields: object) -> dict[str, object]:
    return {
        "id": case_id,
        "reference": reference,
        "title": f"Demand {reference}",
        "received_at": "2026-03-01T09:00:00+00:00",
        "response_due": None,
        "country": None,
        "instrument": None,
        "status": "new",
        "created_by": "Ada",
        "updated_at": "2026-03-01T09:00:00+00:00",
        "version_id": secrets.token_hex(16),
        "parent_version_id": None,
    } | fields


def add_case_with_pages(store: Store, case_id: str, pdf: bytes, texts: list[str]) -> int:
    with store.atomic():
        store.insert_case(case_row(case_id, f"REF-{case_id}"))
        doc_id = store.insert_document(
            {
                "case_id": case_id,
                "filename": "demand.pdf",
                "sha256": "0" * 64,
                "size": len(pdf),
                "pages": len(texts),
                "pdf": pdf,
                "added_at": "2026-03-01T09:00:00+00:00",
            }
        )
        store.insert_pages(
            doc_id,
            [
                {
                    "page_no": n,
                    "width": 612.0,
                    "height": 792.0,
                    "source": "text_layer",
                    "text": text,
                    "words": json.dumps([[text.split()[0], 72.0, 72.0, 120.0, 84.0]]),
                }
                for n, text in enumerate(texts, start=1)
            ],
        )
    return doc_id


# -- round trips ---------------------------------------------------------------------


def test_new_store_is_at_the_latest_schema_version(store):
    assert store.schema_version() == LATEST


def test_settings_survive_reopening(store, key):
    store.set_setting("workstation", "test")
    store.set_setting("workstation", "front desk")  # a second write replaces the first
    store = reopen(store, key)
    try:
        assert store.get_setting("workstation") == "front desk"
        assert store.get_setting("missing") is None
        assert store.get_setting("missing", "fallback") == "fallback"
    finally:
        store.close()


def test_reviewer_survives_reopening_and_is_found_whatever_the_case(store, key):
    store.add_reviewer("Ada", "$argon2id$hash", "administrator", "2026-03-01T09:00:00+00:00")
    store.add_reviewer("Bob", "$argon2id$other", "reviewer", "2026-03-01T09:00:00+00:00")
    store = reopen(store, key)
    try:
        row = store.get_reviewer("ada")
        assert row is not None
        assert (row["name"], row["pin_hash"], row["senior"]) == ("Ada", "$argon2id$hash", 1)
        assert [(r["name"], r["role"]) for r in store.list_reviewers()] == [
            ("Ada", "administrator"),
            ("Bob", "reviewer"),
        ]
        assert store.get_reviewer("Carol") is None
    finally:
        store.close()


def test_second_reviewer_with_the_same_name_is_refused(store):
    store.add_reviewer("Ada", "h", "reviewer", "2026-03-01T09:00:00+00:00")
    with pytest.raises(StoreError, match="already exists"):
        store.add_reviewer("ADA", "h2", "reviewer", "2026-03-01T09:00:00+00:00")
    assert [r["name"] for r in store.list_reviewers()] == ["Ada"]


def test_changed_pin_survives_reopening(store, key):
    store.add_reviewer("Ada", "old-hash", "reviewer", "2026-03-01T09:00:00+00:00")
    store.set_reviewer_pin("Ada", "new-hash")
    store = reopen(store, key)
    try:
        assert store.get_reviewer("Ada")["pin_hash"] == "new-hash"
    finally:
        store.close()


def test_case_document_pages_and_facts_survive_reopening(store, key):
    pdf = bytes(range(256)) * 40  # every byte value, NULs included: a blob, not text
    doc_id = add_case_with_pages(store, "c0ffee01", pdf, ["first page words", "second page"])
    store.upsert_fact(
        {
            "case_id": "c0ffee01",
            "key": "country",
            "value": json.dumps("US"),
            "page": 1,
            "box": json.dumps([72, 90, 140, 104]),
            "confidence": 91.5,
            "source": "auto",
            "updated_at": "2026-03-01T09:00:00+00:00",
        }
    )
    store.upsert_fact(  # same key again: replaces, does not duplicate
        {
            "case_id": "c0ffee01",
            "key": "country",
            "value": json.dumps("IE"),
            "source": "reviewer",
            "original_value": json.dumps("US"),
            "updated_by": "Ada",
            "updated_at": "2026-03-02T09:00:00+00:00",
        }
    )
    store = reopen(store, key)
    try:
        case = store.get_case("c0ffee01")
        assert case["reference"] == "REF-c0ffee01" and case["status"] == "new"
        document = store.get_document("c0ffee01")
        assert document["id"] == doc_id
        assert bytes(document["pdf"]) == pdf and document["size"] == len(pdf)
        pages = store.get_pages("c0ffee01")
        assert [(p["page_no"], p["text"]) for p in pages] == [
            (1, "first page words"),
            (2, "second page"),
        ]
        assert json.loads(pages[0]["words"]) == [["first", 72.0, 72.0, 120.0, 84.0]]
        facts = store.get_facts("c0ffee01")
        assert len(facts) == 1
        assert facts[0]["value"] == json.dumps("IE")
        assert facts[0]["original_value"] == json.dumps("US")
        assert store.count_cases() == 1
    finally:
        store.close()


def test_case_update_changes_only_the_fields_given(store):
    store.insert_case(case_row("c1", "REF-1", country="US"))
    store.update_case("c1", {"status": "in_review"})
    case = store.get_case("c1")
    assert (case["status"], case["country"]) == ("in_review", "US")


def test_references_are_counted_by_exact_prefix_so_the_next_number_follows_them(store):
    for n, reference in enumerate(
        ["WS-2026-0001", "WS-2026-0002", "WS-2025-0007", "WS-20260-0001", "WSX-2026-0001"]
    ):
        store.insert_case(case_row(f"c{n}", reference))
    assert store.references_with_prefix("WS-2026-") == 2
    assert store.references_with_prefix("WS-2025-") == 1
    assert store.references_with_prefix("WS-2027-") == 0


def test_case_is_found_by_reference_or_the_start_of_its_id(store):
    store.insert_case(case_row("ab12cd34", "TEST-2026-0001"))
    store.insert_case(case_row("ab99ff00", "TEST-2026-0002"))
    assert store.find_case_ids("test-2026-0001") == ["ab12cd34"]
    assert store.find_case_ids("ab12") == ["ab12cd34"]
    assert sorted(store.find_case_ids("ab")) == ["ab12cd34", "ab99ff00"]
    # LIKE wildcards typed by a user match themselves, not everything.
    assert store.find_case_ids("%") == []
    assert store.find_case_ids("_b12") == []
    assert store.get_case("nope") is None


def test_queue_by_due_date_puts_earliest_first_and_undated_last(store):
    store.insert_case(case_row("c1", "R1", response_due=None))
    store.insert_case(case_row("c2", "R2", response_due="2026-05-01"))
    store.insert_case(case_row("c3", "R3", response_due="2026-04-01"))
    store.insert_case(case_row("c4", "R4", response_due="2026-06-01"))
    assert [r["id"] for r in store.list_cases(order_by_due=True)] == ["c3", "c2", "c4", "c1"]
    assert [r["id"] for r in store.list_cases(order_by_due=True, limit=2)] == ["c3", "c2"]


def test_queue_by_default_shows_newest_first(store):
    store.insert_case(case_row("old", "R1", received_at="2026-01-01T00:00:00+00:00"))
    store.insert_case(case_row("new", "R2", received_at="2026-02-01T00:00:00+00:00"))
    assert [r["id"] for r in store.list_cases()] == ["new", "old"]


def test_indexed_text_is_searchable_and_reindexing_replaces_it(store):
    store.insert_case(case_row("c1", "R1"))
    store.insert_case(case_row("c2", "R2"))
    with store.atomic():
        store.index_case_text("c1", "R1", "subpoena for subscriber records")
        store.index_case_text("c2", "R2", "emergency disclosure request")
    assert store.search_cases("subscriber") == ["c1"]
    assert store.search_cases("emergency") == ["c2"]
    with store.atomic():
        store.index_case_text("c1", "R1", "preservation letter")
    assert store.search_cases("subscriber") == []
    assert store.search_cases("preservation") == ["c1"]


def test_search_syntax_error_is_a_store_error(store):
    with pytest.raises(StoreError, match="search could not be understood"):
        store.search_cases('"unbalanced')


def test_failed_transaction_leaves_nothing_behind(store):
    with pytest.raises(RuntimeError), store.atomic():
        store.insert_case(case_row("c1", "R1"))
        store.set_setting("half", "done")
        raise RuntimeError("power cut")
    assert store.count_cases() == 0
    assert store.get_setting("half") is None


# -- encryption ----------------------------------------------------------------------


def test_store_file_is_not_readable_as_plain_sqlite(store, path):
    store.set_setting("secret", "something a thief should not read")
    store.close()
    assert path.read_bytes()[:16] != b"SQLite format 3\0"
    conn = sqlite3.connect(path)
    try:
        with pytest.raises(sqlite3.DatabaseError):
            conn.execute("SELECT * FROM sqlite_master").fetchall()
    finally:
        conn.close()
    assert b"something a thief" not in path.read_bytes()


def test_wrong_key_is_refused_and_leaves_the_file_untouched(store, path):
    store.insert_case(case_row("c1", "R1"))
    store.close()
    before = (path.read_bytes(), path.stat().st_mtime_ns)
    with pytest.raises(WrongKeyError, match="key is wrong or the file is damaged"):
        Store(path, secrets.token_bytes(32))
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before
    assert sorted(p.name for p in path.parent.iterdir()) == ["store.db"]


def test_key_of_the_wrong_size_is_refused(path):
    with pytest.raises(StoreError, match="256 bits"):
        Store(path, b"too short")
    assert not path.exists()


def test_store_file_is_private_to_its_owner(store, path):
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
