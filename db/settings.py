"""The settings table: one text value per key.

Only the typed settings (``app/settings.py``) read and write it, through ``Store``; each key
is declared there once, by the module that owns it, with how its value is written as text.
"""

from __future__ import annotations

import sqlite_utils


def read(db: sqlite_utils.Database, key: str) -> str | None:
    row = db.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
    return None if row is None else str(row[0])


def write(db: sqlite_utils.Database, key: str, value: str) -> None:
    db.table("settings").upsert({"key": key, "value": value}, pk="key")
