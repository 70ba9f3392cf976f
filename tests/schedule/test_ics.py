"""The ICS export parses under a small strict RFC 5545 reader and carries no identifiers."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

import pytest

from app.schedule.ics import CalendarItem, deadlines_ics

STAMP = datetime(2026, 11, 2, 9, 30, tzinfo=UTC)

REQUIRED_VEVENT = {"UID", "DTSTAMP", "DTSTART"}
REQUIRED_VCALENDAR = {"VERSION", "PRODID"}


def parse_ics(data: bytes) -> list[dict[str, list[tuple[str, str]]]]:
    """Strict enough reader: returns each VEVENT as {name: [(params, value)]}."""
    assert data.endswith(b"\r\n")
    raw_lines = data.split(b"\r\n")[:-1]
    for raw in raw_lines:
        assert b"\r" not in raw and b"\n" not in raw, "bare CR or LF"
        assert len(raw) <= 75, f"line longer than 75 octets: {raw!r}"
    # unfold
    lines: list[bytes] = []
    for raw in raw_lines:
        if raw[:1] in (b" ", b"\t"):
            assert lines, "continuation before any line"
            lines[-1] += raw[1:]
        else:
            lines.append(raw)
    stack: list[str] = []
    events: list[dict[str, list[tuple[str, str]]]] = []
    calendar_props: set[str] = set()
    current: dict[str, list[tuple[str, str]]] | None = None
    for line_b in lines:
        line = line_b.decode("utf-8")
        m = re.fullmatch(r"([A-Z0-9-]+)((?:;[A-Z0-9-]+=[^;:]*)*):(.*)", line)
        assert m, f"bad content line {line!r}"
        name, params, value = m.group(1), m.group(2), m.group(3)
        if name == "BEGIN":
            stack.append(value)
            if value == "VEVENT":
                assert stack == ["VCALENDAR", "VEVENT"]
                current = {}
            else:
                assert stack == ["VCALENDAR"]
            continue
        if name == "END":
            assert stack and stack[-1] == value, f"END:{value} does not close {stack}"
            stack.pop()
            if value == "VEVENT":
                assert current is not None
                missing = REQUIRED_VEVENT - current.keys()
                assert not missing, f"VEVENT missing {missing}"
                events.append(current)
                current = None
            continue
        assert stack, "property outside VCALENDAR"
        if current is not None:
            current.setdefault(name, []).append((params, value))
        else:
            calendar_props.add(name)
    assert stack == [], "unclosed components"
    assert REQUIRED_VCALENDAR <= calendar_props
    for ev in events:
        for key in ("UID", "DTSTAMP", "DTSTART"):
            assert len(ev[key]) == 1
        params, value = ev["DTSTART"][0]
        assert params == ";VALUE=DATE"
        assert re.fullmatch(r"\d{8}", value)
        date(int(value[:4]), int(value[4:6]), int(value[6:]))
        assert re.fullmatch(r"\d{8}T\d{6}Z", ev["DTSTAMP"][0][1])
    return events


def unescape(value: str) -> str:
    return re.sub(r"\\([\\;,nN])", lambda m: "\n" if m.group(1) in "nN" else m.group(1), value)


# A case whose identifiers are known: none of them may appear in the export.
CASE = {
    "reference": "DD-2026-0042",
    "identifiers": ["alice.target@example.com", "+1 202 555 0143", "acct-7788991", "203.0.113.77"],
    "requester": "Special Agent Example",
    "subject": "Fraud investigation into widget shipments",
}


def case_items() -> list[CalendarItem]:
    ref = CASE["reference"]
    assert isinstance(ref, str)
    return [
        CalendarItem(ref, "response_due", date(2026, 11, 27)),
        CalendarItem(ref, "order_expires", date(2027, 1, 10)),
        CalendarItem(ref, "notice_due", date(2027, 1, 10)),
        CalendarItem(ref, "reconsider_order", date(2026, 12, 1)),
    ]


def test_ics_parses_and_has_expected_events() -> None:
    data = deadlines_ics(case_items(), stamp=STAMP)
    events = parse_ics(data)
    summaries = sorted(unescape(e["SUMMARY"][0][1]) for e in events)
    assert summaries == [
        "Notice due: DD-2026-0042",
        "Reconsider secrecy order: DD-2026-0042",
        "Response due: DD-2026-0042",
        "Secrecy order expires: DD-2026-0042",
    ]
    assert len({e["UID"][0][1] for e in events}) == 4
    assert all(e["DTSTAMP"][0][1] == "20261102T093000Z" for e in events)


def test_ics_carries_no_identifiers_or_case_content() -> None:
    data = deadlines_ics(case_items(), stamp=STAMP)
    text = data.decode("utf-8").replace("\r\n ", "")
    secrets = [*CASE["identifiers"], CASE["requester"], CASE["subject"]]
    for secret in secrets:
        assert isinstance(secret, str)
        assert secret.lower() not in text.lower()
        assert secret.encode() not in data


def test_ics_is_deterministic() -> None:
    a = deadlines_ics(case_items(), stamp=STAMP)
    b = deadlines_ics(list(reversed(case_items())), stamp=STAMP)
    assert a == b


def test_folding_and_escaping() -> None:
    ref = "REF;with,special\\chars-" + "é" * 60
    events = parse_ics(deadlines_ics([CalendarItem(ref, "notice_due", date(2026, 1, 2))], stamp=STAMP))
    assert unescape(events[0]["SUMMARY"][0][1]) == f"Notice due: {ref}"


def test_naive_stamp_rejected() -> None:
    with pytest.raises(ValueError):
        deadlines_ics([], stamp=datetime(2026, 1, 1))
