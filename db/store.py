"""The encrypted case store: SQLCipher through sqlite-utils. The only place SQL lives.

Every method is a small, named query; the domain above never sees a cursor. Writes
that belong together run inside ``with store.atomic():`` so a crash leaves either all
of an action or none of it.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, cast

import sqlcipher3
import sqlite_utils

from db import settings
from db.migrations import MIGRATIONS, Migration

Row = dict[str, Any]


class StoreError(Exception):
    """The store could not be opened or used; the message says why in plain words."""


class WrongKeyError(StoreError):
    pass


def describe_failure(exc: BaseException) -> str | None:
    """A reviewer's words for a failure of the database engine; None when ``exc`` is not one."""
    if not isinstance(exc, sqlcipher3.DatabaseError):
        return None
    text = str(exc)
    if "locked" in text or "busy" in text:
        return (
            "Another Demand Desk is using this workstation's store right now; nothing was changed. "
            "Try again in a moment."
        )
    if "full" in text:
        return "The disk is full; nothing was changed. Free some space and try again."
    if "readonly" in text or "read-only" in text:
        return "The data directory is read-only; nothing was changed."
    return (
        f"The case store is damaged ({text}); nothing was changed. Restore the data directory from a backup."
    )


# A write waits this long for a reader of the same file (the report's own connection, or
# another process) to finish its statement before it is refused as "busy". The report
# reads in short statements (db.report_rows), so a write on the GUI thread waits briefly.
WRITE_WAIT_MS = 1000
# A reader waits longer: it runs off the GUI thread, and a write is short.
READ_WAIT_MS = 10000


def _connect(path: Path, key: bytes, *, read_only: bool = False) -> sqlcipher3.Connection:
    if len(key) != 32:
        raise StoreError("the database key must be 256 bits")
    if read_only:
        # mode=ro: this connection can never write, create or migrate the file.
        conn = sqlcipher3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False)
    else:
        conn = sqlcipher3.connect(str(path), check_same_thread=False)
    # Without this SQLCipher prints HMAC failures for a wrong key on stderr.
    conn.execute("PRAGMA cipher_log_level = NONE")
    # A raw key (x'…') skips SQLCipher's own PBKDF2: the key is already 256 random bits.
    conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlcipher3.DatabaseError as exc:
        conn.close()
        raise WrongKeyError(
            "The case store could not be opened with this key: the key is wrong or the file is damaged."
        ) from exc
    # Sorts and temporary indexes stay in memory: SQLite's temp files are not encrypted.
    conn.execute("PRAGMA temp_store = MEMORY")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute(f"PRAGMA busy_timeout = {READ_WAIT_MS if read_only else WRITE_WAIT_MS}")
    if read_only:
        conn.execute("PRAGMA query_only = ON")
    return conn


# A column name as the code spells it (names are put into SQL text, never values).
_COLUMN_NAME = re.compile(r"[a-z_][a-z0-9_]*")

_QUEUE_COLUMNS = (
    "SELECT id, reference, title, received_at, response_due, country, instrument, status FROM cases"
)
_QUEUE_BY_DUE = _QUEUE_COLUMNS + " ORDER BY response_due IS NULL, response_due, received_at"
_QUEUE_BY_RECEIVED = _QUEUE_COLUMNS + " ORDER BY received_at DESC"


class Store:
    def __init__(self, path: Path, key: bytes, *, migrate: bool = True) -> None:
        self.path = Path(path)
        is_new = not self.path.exists()
        self._conn = _connect(self.path, key)
        # Kept while the store is open, for a reader of its own (open_reader); dropped on close.
        self._key: bytes | None = key
        if is_new:
            os.chmod(self.path, 0o600)
        # sqlcipher3's connection is a drop-in sqlite3 connection; sqlite-utils' types say sqlite3.
        self.db = sqlite_utils.Database(cast(Any, self._conn), execute_plugins=False)
        if migrate:
            try:
                self.migrate()
            except BaseException:
                self._conn.close()
                raise

    def _table(self, name: str) -> sqlite_utils.db.Table:
        return self.db.table(name)

    # -- lifecycle -------------------------------------------------------------------

    def close(self) -> None:
        self._key = None
        self._conn.close()

    def open_reader(self) -> ReadOnlyStore:
        """A second connection to this store that can only read, for work off the GUI thread.

        The caller closes it; it works on after this store is closed only until then.
        """
        if self._key is None:
            raise StoreError("the store is closed")
        return ReadOnlyStore(self.path, self._key)

    @contextmanager
    def atomic(self) -> Iterator[None]:
        with self.db.atomic():
            yield

    def schema_version(self) -> int:
        return int(self._conn.execute("PRAGMA user_version").fetchone()[0])

    def migrate(self, *, upto: int | None = None) -> list[int]:
        """Apply pending migrations in order; returns the versions applied.

        An existing store is copied first (the copy is as encrypted as the original),
        so a migration that fails half way can be recovered from by hand.
        """
        current = self.schema_version()
        pending = [m for m in MIGRATIONS if m.version > current and (upto is None or m.version <= upto)]
        if pending and current > 0:
            shutil.copy2(self.path, self.path.with_name(f"{self.path.name}.pre-v{pending[0].version}"))
        for migration in pending:
            self._apply(migration)
        return [m.version for m in pending]

    def _apply(self, migration: Migration) -> None:
        # executescript commits any open transaction first; the script brings its own
        # BEGIN/COMMIT so the migration and the version bump land together or not at all.
        script = f"BEGIN;\n{migration.sql}\nPRAGMA user_version = {migration.version};\nCOMMIT;"
        try:
            self._conn.executescript(script)
        except sqlcipher3.Error as exc:
            if self._conn.in_transaction:
                self._conn.execute("ROLLBACK")
            raise StoreError(f"migration {migration.name} failed: {exc}") from exc

    def schema(self) -> list[tuple[str, str, str]]:
        """(type, name, sql) of every schema object; used to compare fresh and migrated stores."""
        rows = self._conn.execute(
            "SELECT type, name, coalesce(sql, '') FROM sqlite_master ORDER BY type, name"
        ).fetchall()
        return [tuple(r) for r in rows]

    # -- settings --------------------------------------------------------------------

    def get_setting(self, key: str, default: str | None = None) -> str | None:
        """The raw text of ``key``; the core reads it through its typed ``app.settings.Setting``."""
        value = settings.read(self.db, key)
        return default if value is None else value

    def set_setting(self, key: str, value: str) -> None:
        settings.write(self.db, key, value)

    # -- reviewers -------------------------------------------------------------------

    def add_reviewer(
        self,
        name: str,
        pin_hash: str,
        role: str,
        created_at: str,
        enrolled_by: str | None = None,
        origin: str | None = None,
    ) -> None:
        try:
            self._table("reviewers").insert(
                {
                    "name": name,
                    "pin_hash": pin_hash,
                    "role": role,
                    # Kept for stores read by older code: senior means "may decide escalated cases".
                    "senior": int(role != "reviewer"),
                    "created_at": created_at,
                    "enrolled_by": enrolled_by,
                    "origin": origin,
                }
            )
        except sqlcipher3.IntegrityError as exc:
            raise StoreError(f"a reviewer named {name!r} already exists") from exc

    def get_reviewer(self, name: str, *, removed: bool = False) -> Row | None:
        """A present reviewer; with ``removed``, one who left too (their past approvals stand)."""
        rows = self.db.query("SELECT * FROM reviewers WHERE name = ?", [name])
        return next((r for r in rows if removed or r["active"]), None)

    def list_reviewers(self, *, removed: bool = False) -> list[Row]:
        rows = self.db.query(
            "SELECT name, role, created_at, enrolled_by, removed_at, removed_by, origin, active, "
            "pin_hash != '' AS pin_here FROM reviewers ORDER BY name"
        )
        return [r for r in rows if removed or r["active"]]

    def set_reviewer_pin(self, name: str, pin_hash: str) -> None:
        with self.db.atomic():
            self._conn.execute("UPDATE reviewers SET pin_hash = ? WHERE name = ?", (pin_hash, name))

    def set_pin_failures(self, name: str, failures: int, locked_until: str | None) -> None:
        self._conn.execute(
            "UPDATE reviewers SET failed_pins = ?, locked_until = ? WHERE name = ?",
            (failures, locked_until, name),
        )

    # -- cases -----------------------------------------------------------------------

    def insert_case(self, row: Row) -> None:
        self._table("cases").insert(row)

    def count_cases(self) -> int:
        return int(self._conn.execute("SELECT count(*) FROM cases").fetchone()[0])

    def list_cases(self, *, order_by_due: bool = False, limit: int | None = None) -> list[Row]:
        # NULL due dates sort last: a case without a deadline is not the most urgent.
        sql = _QUEUE_BY_DUE if order_by_due else _QUEUE_BY_RECEIVED
        params: list[Any] = []
        if limit is not None:
            sql += " LIMIT ?"
            params.append(limit)
        return list(self.db.query(sql, params))

    def get_case(self, case_id: str) -> Row | None:
        rows = list(self.db.query("SELECT * FROM cases WHERE id = ?", [case_id]))
        return rows[0] if rows else None

    def find_case_ids(self, prefix_or_reference: str) -> list[str]:
        """Case ids matching a full reference or the start of an id (as typed on a CLI)."""
        pattern = prefix_or_reference.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        rows = self._conn.execute(
            "SELECT id FROM cases WHERE reference = ? COLLATE NOCASE OR id LIKE ? ESCAPE '\\'",
            (prefix_or_reference, pattern + "%"),
        ).fetchall()
        return [r[0] for r in rows]

    def update_case(self, case_id: str, fields: Row) -> None:
        self._table("cases").update(case_id, fields)

    def references_with_prefix(self, prefix: str) -> int:
        """How many references begin with ``prefix``: a range of the reference's unique index
        (LIKE scanned every case, ~15 ms of the window's thread per intake at 100,000 cases)."""
        if not prefix:
            return int(self._conn.execute("SELECT count(*) FROM cases").fetchone()[0])
        above = prefix[:-1] + chr(ord(prefix[-1]) + 1)  # the first text after every "prefix…"
        return int(
            self._conn.execute(
                "SELECT count(*) FROM cases WHERE reference >= ? AND reference < ?", (prefix, above)
            ).fetchone()[0]
        )

    # -- documents and pages -----------------------------------------------------------

    def insert_document(self, row: Row) -> int:
        table = self._table("documents")
        table.insert(row)
        return int(cast(int, table.last_pk))

    def get_document(self, case_id: str) -> Row | None:
        rows = list(
            self.db.query(
                "SELECT id, filename, sha256, size, pages, pdf, added_at FROM documents "
                "WHERE case_id = ? ORDER BY id LIMIT 1",
                [case_id],
            )
        )
        return rows[0] if rows else None

    def insert_pages(self, document_id: int, pages: Sequence[Row]) -> None:
        self._table("pages").insert_all({"document_id": document_id, **p} for p in pages)

    def get_pages(self, case_id: str) -> list[Row]:
        return list(
            self.db.query(
                "SELECT p.page_no, p.width, p.height, p.source, p.text, p.words FROM pages p "
                "JOIN documents d ON d.id = p.document_id WHERE d.case_id = ? "
                "ORDER BY d.id, p.page_no",
                [case_id],
            )
        )

    # -- facts ---------------------------------------------------------------------------

    def get_facts(self, case_id: str) -> list[Row]:
        return list(self.db.query("SELECT * FROM facts WHERE case_id = ?", [case_id]))

    def cases_with_fact(self, key: str) -> list[str]:
        """Ids of the cases that have a value for ``key``."""
        sql = "SELECT case_id FROM facts WHERE key = ? AND value IS NOT NULL ORDER BY case_id"
        return [r[0] for r in self._conn.execute(sql, (key,))]

    def facts_of_all_cases(self, keys: Sequence[str]) -> list[Row]:
        """The facts ``keys`` of every case, in one query (Today reads a few of each case's)."""
        marks = ", ".join("?" * len(keys))
        sql = f"SELECT * FROM facts WHERE key IN ({marks}) ORDER BY case_id"  # noqa: S608 - placeholders only
        return list(self.db.query(sql, list(keys)))

    def review_context_values(self, key: str) -> list[Row]:
        """(case_id, value) of one review-context key, every case that has it."""
        sql = "SELECT case_id, value FROM review_context WHERE key = ? ORDER BY case_id"
        return list(self.db.query(sql, [key]))

    def all_secrecy_orders(self) -> list[Row]:
        return list(self.db.query("SELECT * FROM secrecy_orders ORDER BY case_id"))

    def last_decision_outcomes(self) -> dict[str, str]:
        """The outcome of each decided case's last decision (its highest revision)."""
        sql = "SELECT case_id, outcome FROM decisions ORDER BY case_id, revision"
        return {case_id: outcome for case_id, outcome in self._conn.execute(sql)}

    def all_notices(self) -> list[Row]:
        return list(self.db.query("SELECT * FROM notices ORDER BY case_id, id"))

    def all_deadline_changes(self) -> list[Row]:
        return list(self.db.query("SELECT * FROM deadline_changes ORDER BY case_id, id"))

    def fact_values(self, key: str) -> list[Row]:
        """``case_id`` and stored ``value`` of every case that has a value for ``key``."""
        sql = "SELECT case_id, value FROM facts WHERE key = ? AND value IS NOT NULL ORDER BY case_id"
        return [{"case_id": r[0], "value": r[1]} for r in self._conn.execute(sql, (key,))]

    def upsert_fact(self, row: Row) -> None:
        """Insert the fact, or set the columns given on the one stored. One statement: sqlite-utils'
        upsert read the table's schema at every call (~1.5 ms a fact on the window's thread)."""
        columns = list(row)
        if not all(_COLUMN_NAME.fullmatch(c) for c in columns) or not {"case_id", "key"} <= set(columns):
            raise StoreError(f"not a fact's columns: {columns}")
        changed = [c for c in columns if c not in ("case_id", "key")]
        update = ", ".join(f"{c} = excluded.{c}" for c in changed)
        sql = (
            f"INSERT INTO facts ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)})"  # noqa: S608 - names checked above
            f" ON CONFLICT (case_id, key) DO {'UPDATE SET ' + update if changed else 'NOTHING'}"
        )
        with self.db.atomic():  # committed on its own, or part of the caller's transaction
            self._conn.execute(sql, [row[c] for c in columns])

    def insert_identifiers(self, rows: Sequence[Row]) -> None:
        self._table("identifiers").insert_all(rows)

    def insert_data_requested(self, rows: Sequence[Row]) -> None:
        self._table("data_requested").insert_all(rows)

    def delete_identifier(self, row_id: int) -> None:
        self._conn.execute("DELETE FROM identifiers WHERE id = ?", (row_id,))

    def delete_data_requested(self, row_id: int) -> None:
        self._conn.execute("DELETE FROM data_requested WHERE id = ?", (row_id,))

    def set_secrecy_order(self, row: Row) -> None:
        self._table("secrecy_orders").upsert(row, pk="case_id")

    def get_identifiers(self, case_id: str, role: str = "target") -> list[Row]:
        return list(
            self.db.query(
                "SELECT * FROM identifiers WHERE case_id = ? AND role = ? ORDER BY id", [case_id, role]
            )
        )

    def get_data_requested(self, case_id: str) -> list[Row]:
        return list(self.db.query("SELECT * FROM data_requested WHERE case_id = ? ORDER BY id", [case_id]))

    def get_secrecy_order(self, case_id: str) -> Row | None:
        rows = list(self.db.query("SELECT * FROM secrecy_orders WHERE case_id = ?", [case_id]))
        return rows[0] if rows else None

    # -- review ------------------------------------------------------------------------

    def get_answers(self, case_id: str) -> list[Row]:
        return list(self.db.query("SELECT * FROM checklist_answers WHERE case_id = ?", [case_id]))

    def upsert_answer(self, row: Row) -> None:
        self._table("checklist_answers").upsert(row, pk=("case_id", "item_id"))

    def delete_answer(self, case_id: str, item_id: str) -> None:
        with self.db.atomic():
            self._conn.execute(
                "DELETE FROM checklist_answers WHERE case_id = ? AND item_id = ?", (case_id, item_id)
            )

    def get_review_context(self, case_id: str) -> list[Row]:
        return list(self.db.query("SELECT * FROM review_context WHERE case_id = ? ORDER BY key", [case_id]))

    def set_review_context(self, row: Row) -> None:
        self._table("review_context").upsert(row, pk=("case_id", "key"))

    def delete_review_context(self, case_id: str, key: str) -> None:
        with self.db.atomic():
            self._conn.execute("DELETE FROM review_context WHERE case_id = ? AND key = ?", (case_id, key))

    def insert_decision(self, row: Row) -> int:
        table = self._table("decisions")
        table.insert(row)
        return int(cast(int, table.last_pk))

    def get_decisions(self, case_id: str) -> list[Row]:
        return list(self.db.query("SELECT * FROM decisions WHERE case_id = ? ORDER BY revision", [case_id]))

    def approve_decision(self, decision_id: int, approved_by: str, approved_at: str) -> None:
        with self.db.atomic():
            self._conn.execute(
                "UPDATE decisions SET approved_by = ?, approved_at = ? WHERE id = ? AND approved_by IS NULL",
                (approved_by, approved_at, decision_id),
            )

    def cases_with_identifiers(self, normalized: Sequence[str]) -> list[Row]:
        """(case_id, normalized) pairs of every case holding one of these identifiers."""
        if not normalized:
            return []
        marks = ",".join("?" * len(normalized))
        return list(
            self.db.query(
                "SELECT DISTINCT case_id, normalized FROM identifiers "  # noqa: S608 - placeholders only
                f"WHERE role = 'target' AND normalized IN ({marks})",
                list(normalized),
            )
        )

    # -- letters -----------------------------------------------------------------------

    def insert_letter(self, row: Row) -> int:
        table = self._table("letters")
        table.insert(row)
        return int(cast(int, table.last_pk))

    def get_letters(self, case_id: str) -> list[Row]:
        """Every letter of a case without its PDF, oldest first."""
        return list(
            self.db.query(
                "SELECT id, case_id, kind, title, language, body, status, sha256, revision, supersedes, "
                "recipient, addressee, created_by, created_at, updated_at, finalised_at "
                "FROM letters WHERE case_id = ? ORDER BY id",
                [case_id],
            )
        )

    def get_letter(self, letter_id: int) -> Row | None:
        rows = list(self.db.query("SELECT * FROM letters WHERE id = ?", [letter_id]))
        return rows[0] if rows else None

    def update_letter(self, letter_id: int, fields: Row) -> None:
        self._table("letters").update(letter_id, fields)

    # -- notices -----------------------------------------------------------------------

    def get_notices(self, case_id: str) -> list[Row]:
        return list(self.db.query("SELECT * FROM notices WHERE case_id = ? ORDER BY id", [case_id]))

    def insert_notice(self, row: Row) -> None:
        self._table("notices").insert(row)

    def update_secrecy_order(self, case_id: str, fields: Row) -> None:
        self._table("secrecy_orders").update(case_id, fields)

    def cases_with_deadline_changes(self) -> list[str]:
        return [
            r[0] for r in self._conn.execute("SELECT DISTINCT case_id FROM deadline_changes ORDER BY case_id")
        ]

    def get_deadline_changes(self, case_id: str) -> list[Row]:
        return list(self.db.query("SELECT * FROM deadline_changes WHERE case_id = ? ORDER BY id", [case_id]))

    def insert_deadline_change(self, row: Row) -> None:
        self._table("deadline_changes").insert(row)

    def end_pause(self, change_id: int, ends: str) -> None:
        self._table("deadline_changes").update(change_id, {"ends": ends})

    # -- preservation holds --------------------------------------------------------------

    def get_hold(self, case_id: str) -> Row | None:
        rows = list(self.db.query("SELECT * FROM holds WHERE case_id = ?", [case_id]))
        return rows[0] if rows else None

    def list_holds(self) -> list[Row]:
        return list(self.db.query("SELECT * FROM holds ORDER BY starts, case_id"))

    def insert_hold(self, row: Row) -> None:
        self._table("holds").insert(row)

    def update_hold(self, case_id: str, fields: Row) -> None:
        self._table("holds").update(case_id, fields)

    # -- search --------------------------------------------------------------------------

    def index_case_text(self, case_id: str, reference: str, body: str) -> None:
        with self.db.atomic():
            found = self._conn.execute(
                "SELECT row FROM case_search_rows WHERE case_id = ?", (case_id,)
            ).fetchone()
            if found:
                self._conn.execute("DELETE FROM case_search WHERE rowid = ?", (found[0],))
            cursor = self._conn.execute(
                "INSERT INTO case_search (case_id, reference, body) VALUES (?, ?, ?)",
                (case_id, reference, body),
            )
            self._conn.execute(
                "INSERT INTO case_search_rows (case_id, row) VALUES (?, ?) "
                "ON CONFLICT (case_id) DO UPDATE SET row = excluded.row",
                (case_id, cursor.lastrowid),
            )

    def search_cases(self, fts_query: str, limit: int = 200) -> list[str]:
        try:
            rows = self._conn.execute(
                "SELECT case_id FROM case_search WHERE case_search MATCH ? ORDER BY rank LIMIT ?",
                (fts_query, limit),
            ).fetchall()
        except sqlcipher3.OperationalError as exc:
            raise StoreError(f"search could not be understood: {exc}") from exc
        return [r[0] for r in rows]

    # -- audit ---------------------------------------------------------------------------

    def audit_last(self) -> Row | None:
        rows = list(self.db.query("SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1"))
        return rows[0] if rows else None

    def insert_audit(self, row: Row) -> None:
        self._table("audit_events").insert(row)

    def audit_events(self, case_id: str | None = None) -> Iterator[Row]:
        if case_id is None:
            cursor = self._conn.execute("SELECT * FROM audit_events ORDER BY seq")
        else:
            cursor = self._conn.execute(
                "SELECT * FROM audit_events WHERE case_id = ? ORDER BY seq", (case_id,)
            )
        names = [d[0] for d in cursor.description]
        for values in cursor:
            yield dict(zip(names, values, strict=True))


class ReadOnlyStore:
    """A read-only connection to an open store's file, opened with the same key.

    For reading off the GUI thread while the store's own connection stays the GUI
    thread's (the report window counts on it). One thread at a time uses it.
    """

    def __init__(self, path: Path, key: bytes) -> None:
        self.path = Path(path)
        if not self.path.exists():
            raise StoreError(f"no store at {self.path}")
        self._conn = _connect(self.path, key, read_only=True)
        self.db = sqlite_utils.Database(cast(Any, self._conn), execute_plugins=False)

    def close(self) -> None:
        self._conn.close()

    def get_setting(self, key: str, default: str | None = None) -> str | None:
        value = settings.read(self.db, key)
        return default if value is None else value

    def get_case(self, case_id: str) -> Row | None:
        rows = list(self.db.query("SELECT * FROM cases WHERE id = ?", [case_id]))
        return rows[0] if rows else None


def dumps(value: Any) -> str:
    """JSON as stored in TEXT columns: compact and stable."""
    return json.dumps(value, separators=(",", ":"), sort_keys=True, ensure_ascii=False)
