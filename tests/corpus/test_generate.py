"""The corpus generator keeps its promises: coverage, valid truth, image-only, reproducible."""

from __future__ import annotations

import io
import json
from collections import Counter
from pathlib import Path

import pypdf

from tests.corpus.generate import RECIPES, build, generate
from tests.corpus.kit import INSTRUMENTS
from tests.corpus.truth import check, validate


def test_first_48_cover_every_kind_language_and_trap() -> None:
    truths = [b.truth for b in build(48, seed=7)]
    instruments = Counter(t["instrument"] for t in truths)
    assert all(instruments[kind] >= 3 for kind in INSTRUMENTS), instruments
    languages = Counter(t["language"] for t in truths)
    assert all(languages[lang] >= 6 for lang in ("en", "de", "fr", "es")), languages
    assert {"US", "GB", "IE", "DE", "FR", "ES"} <= {t["country"] for t in truths}
    secrecy = Counter(
        "open" if s["open_ended"] else s["duration_days"] if s["present"] else "none"
        for s in (t["secrecy_order"] for t in truths)
    )
    assert all(secrecy[key] >= 2 for key in (90, 180, 365, "open", "none")), secrecy
    assert sum(not t["signed"] for t in truths) >= 3
    assert sum(i["redacted"] for t in truths for i in t["identifiers"]) >= 3
    assert all(
        not t["data_requested"] for t in truths if t["instrument"] in ("preservation_request", "other")
    )
    notes = " ".join(t["notes"] for t in truths)
    for trap in ("upside down", "two-column", "broken across", "written out", "requester's own", "stamp"):
        assert trap in notes, trap


def test_truths_are_valid_and_identifiers_unique_for_any_seed() -> None:
    for seed in (1, 2):
        seen: dict[tuple[str, str], str] = {}
        for built in build(2 * len(RECIPES), seed):
            assert validate(built.truth) == [], built.name
            for ident in built.truth["identifiers"]:
                if ident["value"] is not None:
                    key = (ident["kind"], ident["value"])
                    assert seen.setdefault(key, built.name) == built.name, key


def test_generate_writes_image_only_scans_reproducibly(tmp_path: Path) -> None:
    first = generate(tmp_path / "a", count=3, seed=11, jobs=1)
    again = generate(tmp_path / "b", count=3, seed=11, jobs=1)
    assert [p.read_bytes() for p in first] == [p.read_bytes() for p in again]
    assert check(tmp_path / "a") == []
    for pdf in first:
        reader = pypdf.PdfReader(io.BytesIO(pdf.read_bytes()))
        assert 1 <= len(reader.pages) <= 3
        assert all(not (page.extract_text() or "").strip() for page in reader.pages)
        truth = json.loads(pdf.with_suffix("").with_suffix(".truth.json").read_text(encoding="utf-8"))
        assert truth["language"] in ("en", "de", "fr", "es")
