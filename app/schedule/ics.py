"""deadlines.ics: an RFC 5545 calendar of due dates and expiries for an offline calendar.

Each event is an all-day date whose summary is the kind of date and the case reference
only; no identifiers, names or case content are written. UIDs are derived from the
reference and kind, and DTSTAMP comes from the caller, so the same input always gives the
same bytes.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Literal

ItemKind = Literal["response_due", "order_expires", "notice_due", "reconsider_order"]

KIND_LABELS: dict[str, str] = {
    "response_due": "Response due",
    "order_expires": "Secrecy order expires",
    "notice_due": "Notice due",
    "reconsider_order": "Reconsider secrecy order",
}

PRODID = "-//Demand Desk//deadlines//EN"


@dataclass(frozen=True)
class CalendarItem:
    reference: str
    kind: ItemKind
    on: date

    def __post_init__(self) -> None:
        if self.kind not in KIND_LABELS:
            raise ValueError(f"unknown calendar item kind {self.kind!r}")
        if not self.reference.strip():
            raise ValueError("a calendar item needs a case reference")


def escape_text(value: str) -> str:
    """RFC 5545 TEXT escaping (backslash, semicolon, comma, newline)."""
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return value.replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n")


def fold_line(line: str) -> bytes:
    """Fold a content line at 75 octets without splitting a UTF-8 sequence."""
    out: list[bytes] = []
    current = b""
    limit = 75
    for ch in line:
        encoded = ch.encode("utf-8")
        if len(current) + len(encoded) > limit:
            out.append(current)
            current = b" "
            limit = 75
        current += encoded
    out.append(current)
    return b"\r\n".join(out) + b"\r\n"


def item_uid(item: CalendarItem) -> str:
    digest = hashlib.sha256(f"{item.reference}\x00{item.kind}".encode()).hexdigest()[:32]
    return f"{digest}@demand-desk"


def deadlines_ics(items: Iterable[CalendarItem], *, stamp: datetime) -> bytes:
    """The calendar as bytes; ``stamp`` (converted to UTC) is every event's DTSTAMP."""
    if stamp.tzinfo is None:
        raise ValueError("stamp must be timezone-aware")
    dtstamp = stamp.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", "CALSCALE:GREGORIAN"]
    ordered = sorted(set(items), key=lambda i: (i.on, i.reference, i.kind))
    for item in ordered:
        label = KIND_LABELS[item.kind]
        lines += [
            "BEGIN:VEVENT",
            f"UID:{item_uid(item)}",
            f"DTSTAMP:{dtstamp}",
            f"DTSTART;VALUE=DATE:{item.on.strftime('%Y%m%d')}",
            f"DTEND;VALUE=DATE:{(item.on + timedelta(days=1)).strftime('%Y%m%d')}",
            f"SUMMARY:{escape_text(f'{label}: {item.reference}')}",
            "TRANSP:TRANSPARENT",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return b"".join(fold_line(line) for line in lines)
