"""The JSON the reader processes and the app exchange (pdfprobe, ocrworker, factsproc).

What a process writes has a known shape: a TypedDict here. What comes back is read as
``JsonObject`` and checked where it is read (``as_float``, ``as_int``, ``as_list``), as
``float()`` and ``int()`` checked it before: a process that answers out of shape fails
the read with a TypeError or ValueError, never passes on a value of the wrong kind.
"""

from __future__ import annotations

from typing import Literal, NotRequired, TypedDict

from app.jsontypes import JsonScalar, JsonValue

# A word as the readers send it: [text, x0, y0, x1, y1, confidence, line], in points of
# the page as displayed (a tuple here, a list once through JSON).
WordJson = tuple[str, float, float, float, float, float, int]
WordList = list[str | float | int]  # the same, built as a list


class ProbedPageJson(TypedDict):
    """A page of pdfprobe's answer."""

    width: float
    height: float
    text: str
    words: list[WordList]
    source: str  # "text_layer" | "none"


class ProbeAnswer(TypedDict):
    """pdfprobe's answer: the pages, or why the file is refused."""

    ok: bool
    pages: NotRequired[list[ProbedPageJson]]
    error: NotRequired[str]


class OcrHeader(TypedDict):
    """The first line to an OCR worker: the PDF's size and the languages ``auto`` may switch to."""

    size: int
    languages: list[str]
    fd: NotRequired[int]  # an inherited memory file holding the PDF, instead of the bytes after this line


class OcrJob(TypedDict):
    page: int
    lang: str
    auto: bool


class OcrReady(TypedDict):
    ready: Literal[True]
    pages: int


class OcrFatal(TypedDict):
    fatal: str


class OcrPage(TypedDict):
    """A page an OCR worker read."""

    page: int
    ok: Literal[True]
    width: float
    height: float
    text: str
    words: list[WordJson]
    language: str
    rotation: int
    dpi: int
    passes: int


class OcrPageFailed(TypedDict):
    page: int
    ok: Literal[False]
    error: str


OcrMessage = OcrReady | OcrFatal | OcrPage | OcrPageFailed


class PageJson(TypedDict):
    """A page as the app hands it to the facts reader (factsproc)."""

    page_no: int
    width: float
    height: float
    source: str
    text: str
    words: list[WordList]


def as_float(value: JsonValue) -> float:
    if isinstance(value, str | int | float):
        return float(value)
    raise TypeError(f"not a number: {type(value).__name__}")


def as_int(value: JsonValue) -> int:
    if isinstance(value, str | int | float):
        return int(value)
    raise TypeError(f"not a whole number: {type(value).__name__}")


def as_list(value: JsonValue) -> list[JsonValue]:
    if isinstance(value, list):
        return value
    raise TypeError(f"not a list: {type(value).__name__}")


# The facts the facts reader sends back: ``dataclasses.asdict`` of facts.ExtractedFacts.
class ReadingJson(TypedDict):
    value: JsonScalar
    page: int | None
    box: list[float] | None
    confidence: float | None
    flagged: str | None


class IdentifierJson(TypedDict):
    kind: str
    value: str | None
    redacted: bool
    page: int | None
    box: list[float] | None
    raw: str | None
    confidence: float | None
    flagged: str | None


class DataRequestJson(TypedDict):
    category: str
    content: bool
    text: str
    page: int | None
    box: list[float] | None
    confidence: float | None


class SecrecyJson(TypedDict):
    present: bool
    statute: str | None
    duration_days: int | None
    expires: str | None
    open_ended: bool
    text: str | None
    page: int | None
    box: list[float] | None
    confidence: float | None
    lifted_on: str | None
    flagged: str | None


class FactsJson(TypedDict):
    scalars: dict[str, ReadingJson]
    identifiers: list[IdentifierJson]
    data_requested: list[DataRequestJson]
    requester_contacts: list[IdentifierJson]
    secrecy_order: SecrecyJson | None
    language: str | None
