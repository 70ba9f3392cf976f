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

from dataclasses import dataclass
from pathlib import Path

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


# In insertion order: a row's references point at rows of tables above it.
TABLES: tuple[CaseTable, ...] = (
    CaseTable("cases", "id"),
    CaseTable("documents", "id", local_id=True, file_column="pdf"),
    CaseTable("pages", "document_id, page_no", refs=(("document_id", "documents"),)),
    CaseTable("facts", "key"),
    CaseTable("identifiers", "id", local_id=True),
    CaseTable("data_requested", "id", local_id=True),
    CaseTable("checklist_answers", "item_id"),
    CaseTable("review_context", "key"),
    CaseTable("decisions", "revision", local_id=True),
    CaseTable("letters", "id", local_id=True, refs=(("supersedes", "letters"),), file_column="pdf"),
    CaseTable("secrecy_orders", "case_id"),
    CaseTable("notices", "id", local_id=True, refs=(("letter_id", "letters"),)),
    CaseTable("deadline_changes", "id", local_id=True),
)

NOT_CASE_DATA = {
    "audit_events": "the case's events travel as audit.jsonl and join the chain one by one",
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
                if table.name == "cases":
                    target_table.upsert(values, pk="id")
                    continue
                target_table.insert(values)
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
