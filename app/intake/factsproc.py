"""Reading the facts in a process of its own: pages as JSON on stdin, facts as JSON on stdout.

Why a process, when extraction is our own pure Python:

- the window stays smooth. Extraction matches long phrase lists against the whole text
  of a demand, and one ``re`` search holds the interpreter lock for as long as it scans
  (12 ms and more on a 20-page demand, growing with its length); in a thread of the GUI
  process that is a stall of the window each time;
- the text is untrusted. A text layer built to make a pattern backtrack, or a file of
  a thousand pages of words, ends here in a time limit and a message, with the memory
  limit of the other readers, instead of a hung or swollen app.

``extract_isolated`` is the caller's side; ``main`` runs in the child (``python -m
app.intake.factsproc``, or ``demand-desk --worker app.intake.factsproc`` when frozen).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Sequence
from dataclasses import asdict
from datetime import date

from app.intake.child import ChildCancelledError, ChildTimeoutError, exchange
from app.intake.facts import (
    DataRequestReading,
    ExtractedFacts,
    IdentifierReading,
    Reading,
    SecrecyReading,
)
from app.intake.pdf import IntakeCancelledError, IntakeError, reader_argv
from app.intake.readerjson import (
    DataRequestJson,
    FactsJson,
    IdentifierJson,
    PageJson,
    ReadingJson,
    SecrecyJson,
    as_float,
    as_int,
    as_list,
)
from app.jsontypes import JsonObject, JsonValue
from app.model import Box, PageSource, PageText, Word

MODULE = "app.intake.factsproc"
# Seconds a demand may take to read, on top of a base: a 300-page demand reads in about
# ten seconds; this is the limit beyond which something is wrong with the text.
TIMEOUT_BASE_S = 30.0
TIMEOUT_PER_PAGE_S = 0.5


# ------------------------------------------------------------------------------ JSON


def pages_to_json(pages: Sequence[PageText]) -> list[PageJson]:
    return [
        {
            "page_no": p.page_no,
            "width": p.width,
            "height": p.height,
            "source": p.source.value,
            "text": p.text,
            "words": [[w.text, *w.box, w.confidence, w.line] for w in p.words],
        }
        for p in pages
    ]


def pages_from_json(data: list[JsonValue]) -> list[PageText]:
    return [
        PageText(
            page_no=as_int(p["page_no"]),
            width=as_float(p["width"]),
            height=as_float(p["height"]),
            source=PageSource(str(p["source"])),
            text=str(p["text"]),
            words=[
                Word(
                    str(w[0]),
                    (as_float(w[1]), as_float(w[2]), as_float(w[3]), as_float(w[4])),
                    as_float(w[5]),
                    as_int(w[6]),
                )
                for w in map(as_list, as_list(p["words"]))
            ],
        )
        for p in map(_object, data)
    ]


def _object(value: JsonValue) -> JsonObject:
    if isinstance(value, dict):
        return value
    raise TypeError(f"not an object: {type(value).__name__}")


def facts_to_json(facts: ExtractedFacts) -> JsonObject:
    """In the shape of ``FactsJson`` (boxes as tuples, which JSON writes as lists)."""
    return asdict(facts)


def _box(value: list[float] | None) -> Box | None:
    return (value[0], value[1], value[2], value[3]) if value is not None else None


def facts_from_json(data: FactsJson) -> ExtractedFacts:
    secrecy = data.get("secrecy_order")
    return ExtractedFacts(
        scalars={k: _reading(v) for k, v in data["scalars"].items()},
        identifiers=[_identifier(i) for i in data["identifiers"]],
        requester_contacts=[_identifier(i) for i in data.get("requester_contacts", [])],
        data_requested=[_data_request(d) for d in data["data_requested"]],
        secrecy_order=_secrecy(secrecy) if secrecy else None,
        language=data.get("language"),
    )


def _reading(v: ReadingJson) -> Reading:
    return Reading(
        value=v["value"], page=v["page"], box=_box(v["box"]), confidence=v["confidence"], flagged=v["flagged"]
    )


def _identifier(i: IdentifierJson) -> IdentifierReading:
    return IdentifierReading(
        kind=i["kind"],
        value=i["value"],
        redacted=i["redacted"],
        page=i["page"],
        box=_box(i["box"]),
        raw=i["raw"],
        confidence=i["confidence"],
        flagged=i["flagged"],
    )


def _data_request(d: DataRequestJson) -> DataRequestReading:
    return DataRequestReading(
        category=d["category"],
        content=d["content"],
        text=d["text"],
        page=d["page"],
        box=_box(d["box"]),
        confidence=d["confidence"],
    )


def _secrecy(s: SecrecyJson) -> SecrecyReading:
    return SecrecyReading(
        present=s["present"],
        statute=s["statute"],
        duration_days=s["duration_days"],
        expires=s["expires"],
        open_ended=s["open_ended"],
        text=s["text"],
        page=s["page"],
        box=_box(s["box"]),
        confidence=s["confidence"],
        lifted_on=s["lifted_on"],
        flagged=s["flagged"],
    )


# ------------------------------------------------------------------------------ caller


def extract_isolated(
    pages: Sequence[PageText],
    *,
    today: date,
    cancelled: Callable[[], bool] | None = None,
    timeout: float | None = None,
) -> ExtractedFacts:
    """``extract_facts`` run in a child process; raises IntakeError if it fails or takes too long."""
    request = json.dumps({"today": today.isoformat(), "pages": pages_to_json(pages)}).encode("utf-8")
    limit = timeout if timeout is not None else TIMEOUT_BASE_S + TIMEOUT_PER_PAGE_S * len(pages)
    try:
        status, stdout = exchange(reader_argv(MODULE), request, timeout=limit, cancelled=cancelled)
    except ChildCancelledError:
        raise IntakeCancelledError("Reading the facts was cancelled.") from None
    except ChildTimeoutError:
        raise IntakeError(
            f"Reading the facts of this demand took longer than {limit:.0f} s; it was stopped."
        ) from None
    if status != 0:
        raise IntakeError("Reading the facts stopped on this demand (its text may be damaged or hostile).")
    try:
        return facts_from_json(json.loads(stdout))
    except (ValueError, KeyError, TypeError, AttributeError, IndexError):
        raise IntakeError("Reading the facts gave no answer for this demand.") from None


# ------------------------------------------------------------------------------ child


def main() -> int:
    from app.intake.extract import extract_facts
    from app.intake.pdfcheck import limit_resources

    limit_resources()
    out = sys.stdout.buffer
    sys.stdout = sys.stderr  # nothing but the answer goes to the parent
    try:
        request = json.loads(sys.stdin.buffer.read())
        pages = pages_from_json(request["pages"])
        today = date.fromisoformat(request["today"])
    except (ValueError, KeyError, TypeError):
        return 2
    facts = extract_facts(pages, today=today)
    out.write(json.dumps(facts_to_json(facts), ensure_ascii=False).encode("utf-8"))
    out.flush()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
