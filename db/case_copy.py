"""A whole case as rows, read out of the store and written back in: what a bundle carries.

``read_case`` returns every row of every table that holds case data, files (PDF bytes)
inline; ``replace_case`` puts such a set of rows in place of the case's current ones.
Integer ids are local to each store (two workstations both have a letter 3), so they
are dropped on the way in and the columns that point at them are renumbered.

Every table with a ``case_id`` column must be in ``TABLES`` or in ``NOT_CASE_DATA``
with the reason it is left out; tests/bundle checks that against the schema, so a new
migration cannot add case data that sync silently drops.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path

import sqlcipher3

from db.store import Row, Store, StoreError


class CaseRowsError(StoreError):
    """The rows do not fit together (a reference to a row that is not there)."""


@dataclass(frozen=True)
class CaseTable:
    name: str
    order_by: str
    # Ids made by this store's INTEGER PRIMARY KEY: renumbered on import.
    local_id: bool = False
    # Columns holding another table's local id: (column, that table).
    refs: tuple[tuple[str, str], ...] = ()
    # A column of file bytes; the bundle carries it as a member of its own.
    file_column: str | None = None
    # Text columns the app writes as JSON and parses when it reads them.
    json_columns: tuple[str, ...] = ()


# In insertion order: a row's references point at rows of tables above it.
TABLES: tuple[CaseTable, ...] = (
    CaseTable("cases", "id"),
    CaseTable("documents", "id", local_id=True, file_column="pdf"),
    CaseTable("pages", "document_id, page_no", refs=(("document_id", "documents"),), json_columns=("words",)),
    CaseTable("facts", "key", json_columns=("value", "original_value", "box")),
    CaseTable("identifiers", "id", local_id=True, json_columns=("box",)),
    CaseTable("data_requested", "id", local_id=True, json_columns=("box",)),
    CaseTable("checklist_answers", "item_id"),
    CaseTable("review_context", "key", json_columns=("value",)),
    CaseTable(
        "decisions",
        "revision",
        local_id=True,
        json_columns=("reasons", "scope", "basis", "recommended", "override_rules"),
    ),
    CaseTable(
        "letters",
        "id",
        local_id=True,
        refs=(("supersedes", "letters"),),
        file_column="pdf",
        json_columns=("addressee",),
    ),
    CaseTable("secrecy_orders", "case_id", json_columns=("box", "extensions")),
    CaseTable("notices", "id", local_id=True, refs=(("letter_id", "letters"),)),
    CaseTable("deadline_changes", "id", local_id=True),
    CaseTable("holds", "case_id", json_columns=("identifiers", "extensions")),
    CaseTable("disclosures", "case_id", json_columns=("categories",)),  # migration 0014
    CaseTable("cost_records", "case_id"),  # cost recovery (app/costs); its hours follow it
    CaseTable("cost_hours", "id", local_id=True),
)

NOT_CASE_DATA = {
    "audit_events": "the case's events travel as audit.jsonl and join the chain one by one",
    "audit_head_findings": "what this store found wrong in colleagues' signed audit heads",
    "case_search": "a search index, rebuilt from the pages on import",
    "case_search_rows": "part of the search index",
    "sync_cases": "this store's own sync state",
    "sync_conflicts": "this store's own sync state",
    "sync_versions": "this store's own sync state",
}


def case_tables(store: Store) -> set[str]:
    """Tables of the schema that hold rows of one case (for the completeness test)."""
    found = set()
    for name in store.db.table_names():
        columns = {c.name for c in store.db[name].columns}
        if "case_id" in columns or name == "cases":
            found.add(name)
    return found | {"pages"}


# Bounds on what a row from another workstation may hold (a page's words are the largest).
MAX_TEXT = 16 << 20
MAX_JSON_DEPTH = 32
_INT64 = 2**63 - 1
_TYPES: dict[str, tuple[type, ...]] = {
    "TEXT": (str,),
    "INTEGER": (int,),
    "REAL": (int, float),
    "BLOB": (bytes,),
}


def check_rows(store: Store, tables: dict[str, list[Row]]) -> None:
    """Refuse (CaseRowsError, naming table and column) rows this store's schema would not
    hold as written: an unknown column, a missing required value, a value of the wrong
    type or out of range, a JSON column that does not parse or nests too deep."""
    known = {t.name: t for t in TABLES}
    for name, rows in tables.items():
        table = known.get(name)
        if table is None:
            raise CaseRowsError(f"its rows name a table this store does not have ({name})")
        columns = {c.name: c for c in store.db[name].columns}
        required = {c.name for c in columns.values() if c.notnull and c.default_value is None}
        required -= {"id"} if table.local_id else set()
        for row in rows:
            unknown = set(row) - set(columns)
            if unknown:
                raise CaseRowsError(
                    f"its {name} rows have columns this store does not know: {sorted(unknown)}"
                )
            for column in sorted(required):
                if row.get(column) is None:
                    raise CaseRowsError(f"its {name} rows lack {name}.{column}")
            for column, value in row.items():
                if value is not None:
                    kind = columns[column].type.upper()
                    _check_value(f"{name}.{column}", kind, value, column in table.json_columns)


def _check_value(where: str, kind: str, value: object, is_json: bool) -> None:
    allowed = _TYPES.get(kind, (str, int, float, bytes))
    if isinstance(value, bool) or not isinstance(value, allowed):
        raise CaseRowsError(f"its {where} holds a {type(value).__name__}, not {kind.lower()}")
    if isinstance(value, int) and abs(value) > _INT64:
        raise CaseRowsError(f"its {where} holds a number out of range")
    if isinstance(value, float) and not math.isfinite(value):
        raise CaseRowsError(f"its {where} holds a number out of range")
    if isinstance(value, str):
        if len(value) > MAX_TEXT:
            raise CaseRowsError(f"its {where} is longer than {MAX_TEXT >> 20} MiB of text")
        if is_json:
            _check_json_text(where, value)


def _check_json_text(where: str, text: str) -> None:
    try:
        doc = json.loads(text)
    except (ValueError, RecursionError):
        raise CaseRowsError(f"its {where} is not valid JSON") from None
    problem = json_problem(doc)
    if problem:
        raise CaseRowsError(f"its {where} {problem}")


def json_problem(doc: object, max_depth: int = MAX_JSON_DEPTH) -> str | None:
    """What makes parsed, untrusted JSON unfit to keep (nesting deeper than ``max_depth``, a
    number SQLite or the app cannot hold), in words that follow its name; None when nothing.
    Walked without recursion, so a deep document cannot exhaust the stack."""
    stack = [(doc, 1)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, dict | list):
            if depth > max_depth:
                return f"is nested deeper than {max_depth} levels"
            stack.extend((v, depth + 1) for v in (value.values() if isinstance(value, dict) else value))
        elif isinstance(value, float) and not math.isfinite(value):
            return "holds a number out of range"
        elif isinstance(value, int) and not isinstance(value, bool) and abs(value) > _INT64:
            return "holds a number out of range"
    return None


def _select(table: CaseTable) -> str:
    if table.name == "cases":
        where = "id = ?"
    elif table.name == "pages":
        where = "document_id IN (SELECT id FROM documents WHERE case_id = ?)"
    else:
        where = "case_id = ?"
    return f"SELECT * FROM {table.name} WHERE {where} ORDER BY {table.order_by}"  # noqa: S608 - names from TABLES


def read_case(store: Store, case_id: str) -> dict[str, list[Row]]:
    """Every row of the case, table by table; files are bytes in their column."""
    return {t.name: list(store.db.query(_select(t), [case_id])) for t in TABLES}


def replace_case(store: Store, case_id: str, tables: dict[str, list[Row]]) -> None:
    """Put these rows in place of the case's own (or add the case); the caller's transaction.

    Columns this store does not have are the caller's to refuse (a newer schema); columns
    the rows lack (an older one) take the column's default.
    """
    conn = store.db.conn
    with store.atomic():
        # Children first, the case row is updated in place: sync state and conflicts
        # hang off it and must survive a replacement.
        for table in reversed(TABLES[1:]):
            if table.name == "pages":
                continue  # goes with its document (ON DELETE CASCADE)
            conn.execute(f"DELETE FROM {table.name} WHERE case_id = ?", [case_id])  # noqa: S608 - names from TABLES
        new_ids: dict[str, dict[int, int]] = {}
        for table in TABLES:
            target_table = store.db.table(table.name)
            columns = {c.name for c in target_table.columns}
            mapping = new_ids.setdefault(table.name, {})
            for row in tables.get(table.name, []):
                values = {k: v for k, v in row.items() if k in columns}
                for column, target in table.refs:
                    old = values.get(column)
                    if old is not None:
                        if old not in new_ids[target]:
                            raise CaseRowsError(f"{table.name}.{column} names a missing {target} row")
                        values[column] = new_ids[target][old]
                old_id = values.pop("id", None) if table.local_id else None
                try:
                    if table.name == "cases":
                        target_table.upsert(values, pk="id")
                        continue
                    target_table.insert(values)
                except (sqlcipher3.IntegrityError, sqlcipher3.InterfaceError, OverflowError) as exc:
                    # Rows that contradict each other (two decisions with one revision…).
                    raise CaseRowsError(f"its {table.name} rows do not fit together ({exc})") from None
                if old_id is not None:
                    mapping[int(old_id)] = int(target_table.last_pk)  # type: ignore[arg-type]
        _reindex(store, case_id, tables)


def _reindex(store: Store, case_id: str, tables: dict[str, list[Row]]) -> None:
    # As intake indexes it: the demand's file name and every page's text.
    case = tables["cases"][0]
    documents = tables.get("documents", [])
    name = Path(documents[0]["filename"]).stem if documents else ""
    text = " ".join(p["text"] for p in tables.get("pages", []))
    store.index_case_text(case_id, case["reference"], f"{name} {text}")


def reference_taken(store: Store, case_id: str, reference: str) -> bool:
    """True when another case of this store already has this reference."""
    row = store.db.conn.execute(
        "SELECT 1 FROM cases WHERE reference = ? AND id != ?", (reference, case_id)
    ).fetchone()
    return row is not None
