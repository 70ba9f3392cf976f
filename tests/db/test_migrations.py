"""An old store upgrades in place, with a copy made first; a failed step changes nothing."""

from __future__ import annotations

import secrets
from pathlib import Path

import pytest

import db.store
from db import Store, StoreError
from db.migrations import LATEST, MIGRATIONS, Migration


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Its own folder: tmp_path also holds the test's temp folder."""
    path = tmp_path / "db"
    path.mkdir()
    return path


def make_v1_store(path: Path, key: bytes) -> Store:
    store = Store(path, key, migrate=False)
    assert store.migrate(upto=1) == [1]
    assert store.schema_version() == 1
    return store


def put_case(store: Store, case_id: str, page_text: str) -> None:
    """Through the store's API, as version 1 of the app would have done it."""
    with store.atomic():
        store.insert_case(
            {
                "id": case_id,
                "reference": f"OLD-2025-{case_id}",
                "title": "Production order",
                "received_at": "2025-11-01T10:00:00+00:00",
                "status": "new",
                "created_by": "Ada",
                "updated_at": "2025-11-01T10:00:00+00:00",
                "version_id": secrets.token_hex(16),
            }
        )
        doc_id = store.insert_document(
            {
                "case_id": case_id,
                "filename": "order.pdf",
                "sha256": "0" * 64,
                "size": 4,
                "pages": 1,
                "pdf": b"%PDF",
                "added_at": "2025-11-01T10:00:00+00:00",
            }
        )
        store.insert_pages(
            doc_id,
            [{"page_no": 1, "width": 595.0, "height": 842.0, "source": "ocr", "text": page_text}],
        )


def test_version_1_store_upgrades_in_place_and_its_cases_become_searchable(folder):
    key = secrets.token_bytes(32)
    path = folder / "store.db"
    old = make_v1_store(path, key)
    put_case(old, "0ld0ca5e", "Disclose the billing records of the Wexford account")
    old.close()
    v1_bytes = path.read_bytes()

    store = Store(path, key)
    try:
        assert store.schema_version() == LATEST
        backup = folder / "store.db.pre-v2"
        assert backup.read_bytes() == v1_bytes  # the copy is the store as it was, still encrypted
        assert store.search_cases("wexford") == ["0ld0ca5e"]
        assert store.search_cases("Production") == ["0ld0ca5e"]  # the title is indexed too
        assert store.get_case("0ld0ca5e")["reference"] == "OLD-2025-0ld0ca5e"
        assert [p["text"] for p in store.get_pages("0ld0ca5e")] == [
            "Disclose the billing records of the Wexford account"
        ]
    finally:
        store.close()
    # The backup opens with the same key and is still at version 1.
    backup_store = Store(backup, key, migrate=False)
    try:
        assert backup_store.schema_version() == 1
    finally:
        backup_store.close()


def test_fresh_schema_equals_a_fully_migrated_one(folder):
    key = secrets.token_bytes(32)
    old = make_v1_store(folder / "old.db", key)
    put_case(old, "c1", "some text")
    old.close()
    migrated = Store(folder / "old.db", key)
    fresh = Store(folder / "fresh.db", key)
    try:
        assert fresh.schema() == migrated.schema()
        assert fresh.schema_version() == migrated.schema_version() == LATEST
        assert any(name == "case_search" for _, name, _ in fresh.schema())
    finally:
        migrated.close()
        fresh.close()


def test_reopening_a_current_store_applies_nothing_and_copies_nothing(folder):
    key = secrets.token_bytes(32)
    Store(folder / "store.db", key).close()
    store = Store(folder / "store.db", key)
    try:
        assert store.migrate() == []
    finally:
        store.close()
    assert sorted(p.name for p in folder.iterdir()) == ["store.db"]


def test_failed_migration_leaves_the_version_and_the_data_unchanged(folder, monkeypatch):
    key = secrets.token_bytes(32)
    path = folder / "store.db"
    old = make_v1_store(path, key)
    put_case(old, "c1", "page text")
    old.close()
    broken = Migration(
        2,
        "0002_broken.sql",
        "CREATE TABLE half_done (x);\nINSERT INTO no_such_table VALUES (1);",
    )
    monkeypatch.setattr(db.store, "MIGRATIONS", (MIGRATIONS[0], broken))

    with pytest.raises(StoreError, match="0002_broken.sql"):
        Store(path, key)

    monkeypatch.undo()
    store = Store(path, key, migrate=False)
    try:
        assert store.schema_version() == 1
        assert not any(name == "half_done" for _, name, _ in store.schema())
        assert store.get_case("c1") is not None
        # The real migration still applies afterwards.
        assert store.migrate() == [m.version for m in MIGRATIONS[1:]]
        assert store.search_cases("page") == ["c1"]
    finally:
        store.close()


def test_each_migration_step_runs_on_a_store_holding_data(folder):
    key = secrets.token_bytes(32)
    path = folder / "store.db"
    store = make_v1_store(path, key)
    try:
        put_case(store, "c1", "first")
        for migration in MIGRATIONS[1:]:
            assert store.migrate(upto=migration.version) == [migration.version]
            assert store.schema_version() == migration.version
            assert store.get_case("c1") is not None
        assert [p["text"] for p in store.get_pages("c1")] == ["first"]
    finally:
        store.close()
