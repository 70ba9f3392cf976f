"""Fact extraction measured on the generated corpus of scanned demands (issue 3's accuracy bars).

The corpus (tests/corpus/generate.py) is generated into a temporary folder, its
image-only pages are OCRed with app.intake.ocr, the facts are read and compared with
each document's truth file. Slow (OCR of some 80 pages): marked ``corpus``. Run with

    .venv/bin/python -m pytest -m corpus tests/app/test_corpus_accuracy.py

The per-field table is printed whether or not the bars are met.
"""

from __future__ import annotations

import json
import re
import shutil
from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from app.intake.extract import extract_facts
from app.intake.facts import ExtractedFacts
from app.intake.pdf import IntakeError, probe_pdf
from app.model import PageSource, PageText

pytestmark = pytest.mark.corpus

try:
    from tests.corpus.generate import generate
except ImportError:  # pragma: no cover - the generator is another piece of work
    pytest.skip("the corpus generator (tests/corpus/generate.py) is not there yet", allow_module_level=True)
try:
    from app.intake.ocr import ocr_pages
except ImportError:  # pragma: no cover
    pytest.skip("OCR (app/intake/ocr.py) is not there yet", allow_module_level=True)
if shutil.which("tesseract") is None:  # pragma: no cover
    pytest.skip("Tesseract is not installed", allow_module_level=True)

COUNT = 48
SEED = 7
TODAY = date(2026, 11, 28)

BARS = {
    "instrument": 0.95,
    "identifiers recall": 0.98,
    "identifiers precision": 0.98,
    "content / non-content": 0.95,
    "secrecy order present": 0.95,
    "country": 0.95,
    "dates": 0.95,
}


@dataclass
class Result:
    name: str
    truth: dict[str, Any]
    facts: ExtractedFacts

    def scalar(self, key: str) -> Any:
        reading = self.facts.scalars.get(key)
        return reading.value if reading else None


@pytest.fixture(scope="session")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> list[Result]:
    outdir = tmp_path_factory.mktemp("corpus")
    results = []
    for pdf in generate(outdir, count=COUNT, seed=SEED):
        truth = json.loads((outdir / f"{pdf.stem}.truth.json").read_text(encoding="utf-8"))
        pages = _read(pdf.read_bytes())
        results.append(Result(pdf.stem, truth, extract_facts(pages, today=TODAY)))
    return results


def _read(data: bytes, attempts: int = 3) -> list[PageText]:
    """The pages of a scanned demand, OCRed; tried again when a busy machine made a reader time out."""
    for attempt in range(attempts):
        try:
            probed = probe_pdf(data).pages
            scanned = [p.page_no for p in probed if p.source is not PageSource.TEXT_LAYER]
            read = {p.page_no: p for p in ocr_pages(data, scanned)} if scanned else {}
            return [read.get(p.page_no, p) for p in probed]
        except IntakeError:
            if attempt == attempts - 1:
                raise
    raise AssertionError("unreachable")


# ------------------------------------------------------------------------------ scoring


def _secrecy(result: Result) -> tuple[bool, str | None]:
    s = result.facts.secrecy_order
    return (bool(s and s.present), s.expires if s and s.present else None)


def _kinds_asked(entries: list[tuple[str, bool]]) -> tuple[bool, bool]:
    """(content asked for?, non-content asked for?)"""
    return any(content for _, content in entries), any(not content for _, content in entries)


def _loose(a: str | None, b: str | None) -> bool:
    if a is None or b is None:
        return a is b
    na, nb = (re.sub(r"[^a-z0-9]", "", s.lower()) for s in (a, b))
    return na in nb or nb in na


def _fields(result: Result) -> dict[str, tuple[Any, Any]]:
    """Per field: (read, true)."""
    t = result.truth
    facts = result.facts
    present, expires = _secrecy(result)
    secrecy = facts.secrecy_order
    return {
        "instrument": (result.scalar("instrument"), t["instrument"]),
        "country": (result.scalar("country"), t["country"]),
        "date_issued": (result.scalar("date_issued"), t["date_issued"]),
        "response_due": (result.scalar("response_due"), t["response_due"]),
        "secrecy expires": (expires, t["secrecy_order"]["expires"]),
        "secrecy order present": (present, t["secrecy_order"]["present"]),
        "secrecy length": (
            secrecy.duration_days if secrecy and secrecy.present else None,
            t["secrecy_order"]["duration_days"],
        ),
        "content / non-content": (
            _kinds_asked([(d.category, d.content) for d in facts.data_requested]),
            _kinds_asked([(d["category"], d["content"]) for d in t["data_requested"]]),
        ),
        "categories": (
            sorted({d.category for d in facts.data_requested}),
            sorted({d["category"] for d in t["data_requested"]}),
        ),
        "date range": (
            (result.scalar("date_range_from"), result.scalar("date_range_to")),
            (t["date_range"]["from"], t["date_range"]["to"]),
        ),
        "signed": (result.scalar("signed"), t["signed"]),
        "emergency": (result.scalar("emergency"), t["emergency"]),
        "language": (facts.language, t["language"]),
    }


def _identifiers(result: Result) -> tuple[Counter[tuple[Any, ...]], Counter[tuple[Any, ...]]]:
    read = Counter((i.kind, i.value, i.redacted) for i in result.facts.identifiers)
    true = Counter((i["kind"], i["value"], i["redacted"]) for i in result.truth["identifiers"])
    return read, true


def score(results: list[Result]) -> tuple[dict[str, tuple[int, int]], list[str]]:
    """Per measure: (right, out of); and the misses, one line each."""
    right: Counter[str] = Counter()
    total: Counter[str] = Counter()
    misses: list[str] = []
    for result in results:
        for field, (got, want) in _fields(result).items():
            total[field] += 1
            if got == want:
                right[field] += 1
            else:
                misses.append(f"{result.name}: {field}: read {got!r}, true {want!r}")
        for field, key in (
            ("issuing authority (loose)", "issuing_authority"),
            ("addressee (loose)", "addressee"),
        ):
            total[field] += 1
            got = result.scalar(key)
            if _loose(got, result.truth[key]):
                right[field] += 1
        read, true = _identifiers(result)
        matched = sum((read & true).values())
        right["identifiers recall"] += matched
        total["identifiers recall"] += sum(true.values())
        right["identifiers precision"] += matched
        total["identifiers precision"] += sum(read.values())
        misses += [f"{result.name}: identifier not read: {k}" for k in (true - read)]
        misses += [f"{result.name}: identifier read but not true: {k}" for k in (read - true)]
    for field in ("date_issued", "response_due", "secrecy expires"):
        right["dates"] += right[field]
        total["dates"] += total[field]
    return {k: (right[k], total[k]) for k in total}, misses


def _share(measure: tuple[int, int]) -> float:
    ok, out_of = measure
    return ok / out_of if out_of else 1.0


def table(measures: dict[str, tuple[int, int]]) -> str:
    lines = [f"{'field':32} {'right':>7} {'share':>7}  bar"]
    for field, measure in measures.items():
        bar = BARS.get(field)
        mark = "" if bar is None else (f"≥ {bar:.0%}  " + ("ok" if _share(measure) >= bar else "BELOW"))
        lines.append(f"{field:32} {measure[0]:>3}/{measure[1]:<3} {_share(measure):>7.1%}  {mark}")
    return "\n".join(lines)


# ------------------------------------------------------------------------------ tests


def test_print_the_per_field_table(corpus: list[Result], capsys: pytest.CaptureFixture[str]) -> None:
    measures, misses = score(corpus)
    with capsys.disabled():
        print(f"\n\nFact extraction on the generated corpus ({len(corpus)} scanned demands, seed {SEED})")
        print(table(measures))
        print("\nMisses:")
        print("\n".join(f"  {m}" for m in misses) or "  none")
    assert len(corpus) == COUNT


# Bars the extractor does not reach yet (issue 3 stays open for them). strict: the day
# they pass, this marker must go, so the shortfall cannot hide.
NOT_YET: dict[str, str] = {}


@pytest.mark.parametrize(
    "measure",
    [
        pytest.param(m, marks=pytest.mark.xfail(reason=NOT_YET[m], strict=True)) if m in NOT_YET else m
        for m in sorted(BARS)
    ],
)
def test_accuracy_bar(corpus: list[Result], measure: str) -> None:
    measures, misses = score(corpus)
    share = _share(measures[measure])
    related = [
        m
        for m in misses
        if measure.split()[0] in m
        or (measure == "dates" and re.search(r"date_issued|response_due|expires", m))
    ]
    assert share >= BARS[measure], f"{measure}: {share:.1%} < {BARS[measure]:.0%}\n" + "\n".join(related[:20])


def test_corpus_names_match_their_truth(corpus: list[Result]) -> None:
    # NN-cc-kind: the country in the name is the truth's country.
    for result in corpus:
        assert Path(result.name).name.split("-")[1].upper() == result.truth["country"]
