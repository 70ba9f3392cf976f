"""The facts of a demand as the review reads them: DESIGN.md's Facts JSON, typed.

Facts JSON is made and read only at the edges (the store, ``intake --json``, a decision's
stored basis): ``Facts.from_json`` checks a dict and ``Facts.to_json`` gives back the same
dict, key for key and in the same order, so what is stored and exported stays
byte-identical. Everything a scan may not show is ``None`` (unknown), never a guess.

The review adds what the Facts JSON does not carry, under keys starting with ``_``:
``_provenance`` (where each scalar fact was read), ``_corrected`` (the facts a reviewer
set) and ``_reading`` (how well the scan was read). They are written only when present.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TypeVar

from app.domain.enums import Category, IdentifierKind, Instrument
from app.jsontypes import JsonObject, JsonValue

Box = tuple[float, float, float, float]  # PDF points of the page, origin top-left
Scalar = str | bool | int | float | None

_T = TypeVar("_T")


class FactsError(ValueError):
    """A Facts JSON value of the wrong shape; the message names the key."""


# ------------------------------------------------------------------------------ reading JSON


def _str(data: Mapping[str, JsonValue], key: str) -> str | None:
    value = data.get(key)
    if value is None or isinstance(value, str):
        return value
    raise FactsError(f"Facts JSON: {key} is text or null, not {value!r}")


def _bool(data: Mapping[str, JsonValue], key: str) -> bool | None:
    value = data.get(key)
    if value is None or isinstance(value, bool):
        return value
    raise FactsError(f"Facts JSON: {key} is true, false or null, not {value!r}")


def _int(data: Mapping[str, JsonValue], key: str) -> int | None:
    value = data.get(key)
    if value is None or (isinstance(value, int) and not isinstance(value, bool)):
        return value
    raise FactsError(f"Facts JSON: {key} is a whole number or null, not {value!r}")


def _number(data: Mapping[str, JsonValue], key: str) -> float | None:
    value = data.get(key)
    if value is None or (isinstance(value, int | float) and not isinstance(value, bool)):
        return value
    raise FactsError(f"Facts JSON: {key} is a number or null, not {value!r}")


def _box(data: Mapping[str, JsonValue], key: str = "box") -> Box | None:
    # The numbers are kept as given (72, not 72.0), so the box is written back unchanged.
    value = data.get(key)
    if value is None:
        return None
    if isinstance(value, list) and len(value) == 4:
        numbers = [v for v in value if isinstance(v, int | float) and not isinstance(v, bool)]
        if len(numbers) == 4:
            return (numbers[0], numbers[1], numbers[2], numbers[3])
    raise FactsError(f"Facts JSON: {key} is [x0, y0, x1, y1] or null, not {value!r}")


def _object(value: JsonValue, what: str) -> JsonObject:
    if isinstance(value, dict):
        return value
    raise FactsError(f"Facts JSON: {what} is an object, not {value!r}")


def _list(data: Mapping[str, JsonValue], key: str, read: Callable[[JsonObject], _T]) -> tuple[_T, ...]:
    value = data.get(key)
    if value is None:
        return ()
    if not isinstance(value, list):
        raise FactsError(f"Facts JSON: {key} is a list, not {value!r}")
    return tuple(read(_object(v, f"each of {key}")) for v in value)


def _code(value: str | None, codes: Callable[[str], _T], key: str) -> _T | None:
    if value is None:
        return None
    try:
        return codes(value)
    except ValueError:
        raise FactsError(f"Facts JSON: {key} {value!r} is not a known code") from None


def _box_json(box: Box | None) -> JsonValue:
    return list(box) if box is not None else None


# ------------------------------------------------------------------------------ records


@dataclass(frozen=True)
class Identifier:
    """A target the demand names; a blacked-out or unreadable one is redacted with no value."""

    kind: IdentifierKind | None
    value: str | None
    redacted: bool = False
    page: int | None = None
    box: Box | None = None

    @classmethod
    def from_json(cls, data: JsonObject) -> Identifier:
        kind = _code(_str(data, "kind"), IdentifierKind, "identifier kind")
        return cls(kind, _str(data, "value"), bool(_bool(data, "redacted")), _int(data, "page"), _box(data))

    def to_json(self) -> JsonObject:
        return {
            "kind": self.kind,
            "value": self.value,
            "redacted": self.redacted,
            "page": self.page,
            "box": _box_json(self.box),
        }


@dataclass(frozen=True)
class Contact:
    """One of the requester's own e-mail addresses or phone numbers, read from the demand."""

    kind: IdentifierKind | None
    value: str | None
    page: int | None = None
    box: Box | None = None

    @classmethod
    def from_json(cls, data: JsonObject) -> Contact:
        kind = _code(_str(data, "kind"), IdentifierKind, "contact kind")
        return cls(kind, _str(data, "value"), _int(data, "page"), _box(data))

    def to_json(self) -> JsonObject:
        return {"kind": self.kind, "value": self.value, "page": self.page, "box": _box_json(self.box)}


@dataclass(frozen=True)
class DataRequest:
    """One kind of data the demand asks for, and whether it is content."""

    category: Category | None
    content: bool
    text: str | None = None
    page: int | None = None
    box: Box | None = None

    @property
    def is_content(self) -> bool:
        return self.content or self.category == Category.CONTENT

    @classmethod
    def from_json(cls, data: JsonObject) -> DataRequest:
        category = _code(_str(data, "category"), Category, "data category")
        return cls(category, bool(_bool(data, "content")), _str(data, "text"), _int(data, "page"), _box(data))

    def to_json(self) -> JsonObject:
        return {
            "category": self.category,
            "content": self.content,
            "text": self.text,
            "page": self.page,
            "box": _box_json(self.box),
        }


@dataclass(frozen=True)
class DateRange:
    """The period asked for, as ISO dates as read (a misread date stays as read, never parsed away)."""

    start: str | None = None  # the JSON's "from"
    end: str | None = None  # the JSON's "to"

    @classmethod
    def from_json(cls, data: JsonValue) -> DateRange:
        if data is None:
            return cls()
        found = _object(data, "date_range")
        return cls(_str(found, "from"), _str(found, "to"))

    def to_json(self) -> JsonObject:
        return {"from": self.start, "to": self.end}


@dataclass(frozen=True)
class SecrecyOrder:
    """A non-disclosure order on the demand; ``present`` None: whether there is one is not known."""

    present: bool | None = None
    duration_days: int | None = None
    expires: str | None = None  # ISO date
    text: str | None = None
    page: int | None = None
    box: Box | None = None
    open_ended: bool | None = None
    statute: str | None = None

    @classmethod
    def from_json(cls, data: JsonValue) -> SecrecyOrder:
        if data is None:
            return cls()
        found = _object(data, "secrecy_order")
        return cls(
            present=_bool(found, "present"),
            duration_days=_int(found, "duration_days"),
            expires=_str(found, "expires"),
            text=_str(found, "text"),
            page=_int(found, "page"),
            box=_box(found),
            open_ended=_bool(found, "open_ended"),
            statute=_str(found, "statute"),
        )

    def to_json(self) -> JsonObject:
        return {
            "present": self.present,
            "duration_days": self.duration_days,
            "expires": self.expires,
            "text": self.text,
            "page": self.page,
            "box": _box_json(self.box),
            "open_ended": self.open_ended,
            "statute": self.statute,
        }


@dataclass(frozen=True)
class Provenance:
    """Where a scalar fact was read: page, box, the words, and OCR's confidence in them."""

    page: int | None = None
    box: Box | None = None
    text: str | None = None
    confidence: float | None = None  # None: set by a reviewer, or read from a text layer

    @classmethod
    def from_json(cls, data: JsonObject) -> Provenance:
        return cls(_int(data, "page"), _box(data), _str(data, "text"), _number(data, "confidence"))

    def to_json(self) -> JsonObject:
        return {
            "page": self.page,
            "box": _box_json(self.box),
            "text": self.text,
            "confidence": self.confidence,
        }


@dataclass(frozen=True)
class Reading:
    """How well the scan was read: its pages, the words read, and those read with low confidence."""

    pages: int
    ocr_words: int
    low_confidence_words: int

    @classmethod
    def from_json(cls, data: JsonObject) -> Reading:
        return cls(
            _int(data, "pages") or 0, _int(data, "ocr_words") or 0, _int(data, "low_confidence_words") or 0
        )

    def to_json(self) -> JsonObject:
        return {
            "pages": self.pages,
            "ocr_words": self.ocr_words,
            "low_confidence_words": self.low_confidence_words,
        }


# ------------------------------------------------------------------------------ the facts

# The Facts JSON's keys in the order the store writes them; keys outside this list (a key a
# newer workstation added) are kept as they are and written back after these.
KEYS = (
    "case_id",
    "reference",
    "pages",
    "ocr_used",
    "instrument",
    "issuing_authority",
    "country",
    "date_issued",
    "signed",
    "addressee",
    "file_number",
    "identifiers",
    "data_requested",
    "requester_contacts",
    "date_range",
    "response_due",
    "response_period",
    "received",
    "emergency",
    "letterhead",
    "emergency_summary",
    "emergency_how_data_helps",
    "secrecy_order",
    "hold",
    "preservation_holds",
)
# Read when present, written only when known: the offence a demand names, and the review's own keys.
OPTIONAL_KEYS = ("offence", "_provenance", "_corrected", "_reading")


@dataclass(frozen=True)
class Facts:
    """A demand's facts: every key of the Facts JSON, unknown values None, lists possibly empty."""

    case_id: str | None = None
    reference: str | None = None
    pages: int | None = None
    ocr_used: bool | None = None
    instrument: Instrument | None = None
    issuing_authority: str | None = None
    country: str | None = None  # ISO 3166 code
    date_issued: str | None = None  # ISO dates as read
    signed: bool | None = None
    addressee: str | None = None
    file_number: str | None = None
    identifiers: tuple[Identifier, ...] = ()
    data_requested: tuple[DataRequest, ...] = ()
    requester_contacts: tuple[Contact, ...] = ()
    date_range: DateRange = field(default_factory=DateRange)
    response_due: str | None = None
    response_period: str | None = None
    received: str | None = None
    emergency: bool | None = None
    letterhead: bool | None = None
    # An emergency request's passages on the emergency and how the data helps; "" when the
    # request was read and says nothing of the kind.
    emergency_summary: str | None = None
    emergency_how_data_helps: str | None = None
    secrecy_order: SecrecyOrder = field(default_factory=SecrecyOrder)
    # A preservation hold's own JSON (app/holds owns its shape): passed through untouched.
    hold: JsonObject | None = None
    preservation_holds: tuple[JsonObject, ...] = ()
    offence: str | None = None
    extra: tuple[tuple[str, JsonValue], ...] = ()  # keys this version does not know, as read
    provenance: Mapping[str, Provenance] | None = None  # _provenance: scalar key → where it was read
    corrected: tuple[str, ...] | None = None  # _corrected: the facts a reviewer set
    reading: Reading | None = None  # _reading

    # -- JSON at the edges ---------------------------------------------------------------

    @classmethod
    def from_json(cls, data: Mapping[str, JsonValue]) -> Facts:
        """The facts of a Facts JSON dict; ``FactsError`` names a value of the wrong shape."""
        hold = data.get("hold")
        provenance = data.get("_provenance")
        corrected = data.get("_corrected")
        reading = data.get("_reading")
        if corrected is not None and (
            not isinstance(corrected, list) or not all(isinstance(k, str) for k in corrected)
        ):
            raise FactsError(f"Facts JSON: _corrected is a list of keys, not {corrected!r}")
        return cls(
            case_id=_str(data, "case_id"),
            reference=_str(data, "reference"),
            pages=_int(data, "pages"),
            ocr_used=_bool(data, "ocr_used"),
            instrument=_code(_str(data, "instrument"), Instrument, "instrument"),
            issuing_authority=_str(data, "issuing_authority"),
            country=_str(data, "country"),
            date_issued=_str(data, "date_issued"),
            signed=_bool(data, "signed"),
            addressee=_str(data, "addressee"),
            file_number=_str(data, "file_number"),
            identifiers=_list(data, "identifiers", Identifier.from_json),
            data_requested=_list(data, "data_requested", DataRequest.from_json),
            requester_contacts=_list(data, "requester_contacts", Contact.from_json),
            date_range=DateRange.from_json(data.get("date_range")),
            response_due=_str(data, "response_due"),
            response_period=_str(data, "response_period"),
            received=_str(data, "received"),
            emergency=_bool(data, "emergency"),
            letterhead=_bool(data, "letterhead"),
            emergency_summary=_str(data, "emergency_summary"),
            emergency_how_data_helps=_str(data, "emergency_how_data_helps"),
            secrecy_order=SecrecyOrder.from_json(data.get("secrecy_order")),
            hold=None if hold is None else _object(hold, "hold"),
            preservation_holds=_list(data, "preservation_holds", dict),
            offence=_str(data, "offence"),
            extra=tuple((k, v) for k, v in data.items() if k not in KEYS and k not in OPTIONAL_KEYS),
            provenance=None
            if provenance is None
            else {
                k: Provenance.from_json(_object(v, f"_provenance of {k}"))
                for k, v in _object(provenance, "_provenance").items()
            },
            corrected=None if corrected is None else tuple(str(k) for k in corrected),
            reading=None if reading is None else Reading.from_json(_object(reading, "_reading")),
        )

    def to_json(self) -> JsonObject:
        """The Facts JSON these facts were read from: the same keys, in the same order."""
        out: JsonObject = {
            "case_id": self.case_id,
            "reference": self.reference,
            "pages": self.pages,
            "ocr_used": self.ocr_used,
            "instrument": self.instrument,
            "issuing_authority": self.issuing_authority,
            "country": self.country,
            "date_issued": self.date_issued,
            "signed": self.signed,
            "addressee": self.addressee,
            "file_number": self.file_number,
            "identifiers": [i.to_json() for i in self.identifiers],
            "data_requested": [d.to_json() for d in self.data_requested],
            "requester_contacts": [c.to_json() for c in self.requester_contacts],
            "date_range": self.date_range.to_json(),
            "response_due": self.response_due,
            "response_period": self.response_period,
            "received": self.received,
            "emergency": self.emergency,
            "letterhead": self.letterhead,
            "emergency_summary": self.emergency_summary,
            "emergency_how_data_helps": self.emergency_how_data_helps,
            "secrecy_order": self.secrecy_order.to_json(),
            "hold": self.hold,
            "preservation_holds": list(self.preservation_holds),
        }
        if self.offence is not None:
            out["offence"] = self.offence
        out.update(self.extra)
        if self.provenance is not None:
            out["_provenance"] = {k: p.to_json() for k, p in self.provenance.items()}
        if self.corrected is not None:
            out["_corrected"] = list(self.corrected)
        if self.reading is not None:
            out["_reading"] = self.reading.to_json()
        return out

    # -- reading a scalar fact by its key ------------------------------------------------

    def scalar(self, key: str) -> Scalar:
        """A scalar fact by its Facts-JSON key ("signed", "date_range_from", ...); None if unknown."""
        read = _SCALARS.get(key)
        return None if read is None else read(self)

    def where(self, key: str) -> Provenance | None:
        """Where the scalar fact ``key`` was read, when anyone said."""
        return self.provenance.get(key) if self.provenance else None


# The scalar facts by Facts-JSON key, made once: the checklist reads one by name per item.
_SCALARS: Mapping[str, Callable[[Facts], Scalar]] = {
    "instrument": lambda f: f.instrument,
    "issuing_authority": lambda f: f.issuing_authority,
    "country": lambda f: f.country,
    "date_issued": lambda f: f.date_issued,
    "signed": lambda f: f.signed,
    "addressee": lambda f: f.addressee,
    "file_number": lambda f: f.file_number,
    "response_due": lambda f: f.response_due,
    "response_period": lambda f: f.response_period,
    "received": lambda f: f.received,
    "emergency": lambda f: f.emergency,
    "letterhead": lambda f: f.letterhead,
    "emergency_summary": lambda f: f.emergency_summary,
    "emergency_how_data_helps": lambda f: f.emergency_how_data_helps,
    "offence": lambda f: f.offence,
    "date_range_from": lambda f: f.date_range.start,
    "date_range_to": lambda f: f.date_range.end,
}
