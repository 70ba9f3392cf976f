"""Demands in other scripts, read from image-only scans: the real Russian notices, field by field.

Run:  .venv/bin/python bench/scripts.py [--pages 5] [--dir ../shared/samples/real/other]

The Roskomnadzor notices in ``--dir`` are PDFs with a text layer; each is printed and
scanned here (tests/corpus/scan.py ``rescan``: 300 dpi, skew, noise, JPEG), so that only
OCR can read it, and taken in as the app does (``read_demand``). Printed per file: the
seconds it took, the OCR language the pages were read in, and per field what was read
against what the notice says. The notices carry no date of their own; the only date in
them is that of the decision they report ("решения … от 08.07.2021"), which is what
``date`` is compared with. Not a timed test: the figures go in the note of the change.
"""

from __future__ import annotations

import argparse
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.intake.pipeline import read_demand  # noqa: E402
from tests.corpus.scan import ScanSettings, rescan  # noqa: E402

# What each notice says (read from its text layer): the target, the decision's date.
EXPECTED = {
    "russia_2021-11-23-Roskomnadzor.pdf": (
        "https://github.com/irrequietus/typestring/issues/7",
        "2021-07-08",
    ),
    "russia_2021-12-08-Roskomnadzor.pdf": ("https://jozzcazino.github.io/", "2021-12-08"),
    "russia_2021-12-17-Roskomnadzor.pdf": ("https://1xslots.github.io", "2017-05-18"),
    "russia_2022-02-22-Roskomnadzor.pdf": ("https://sloticacasino.github.io/", "2022-02-21"),
}
FIELDS = ("country", "instrument", "authority", "date", "target")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=5, help="pages of each notice to scan and read")
    parser.add_argument(
        "--dir",
        type=Path,
        default=Path(__file__).resolve().parents[1] / ".." / "shared" / "samples" / "real" / "other",
    )
    args = parser.parse_args()
    right = dict.fromkeys(FIELDS, 0)
    files = [args.dir / name for name in EXPECTED if (args.dir / name).is_file()]
    if not files:
        print(f"no Roskomnadzor notices in {args.dir}")
        return 1
    for path in files:
        target, decided = EXPECTED[path.name]
        pdf = rescan(path.read_bytes(), ScanSettings(dpi=300, seed=1), pages=args.pages)
        start = time.perf_counter()
        read = read_demand(pdf, today=date(2026, 12, 7))
        seconds = time.perf_counter() - start
        facts = read.facts
        values = {k: v.value for k, v in facts.scalars.items()}
        urls = [i.value for i in facts.identifiers if i.kind == "url"]
        authority = str(values.get("issuing_authority") or "")
        got = {
            "country": (values.get("country"), values.get("country") == "RU"),
            "instrument": (values.get("instrument"), values.get("instrument") == "other"),
            "authority": (
                authority or None,
                "роскомнадзор" in authority.lower() or "надзору" in authority.lower(),
            ),
            "date": (values.get("date_issued"), values.get("date_issued") == decided),
            "target": (
                ", ".join(u for u in urls if u) or None,
                target.rstrip("/") in [str(u).rstrip("/") for u in urls],
            ),
        }
        print(f"{path.name}: {len(read.pages)} pages in {seconds:.1f} s, language {facts.language}")
        for field in FIELDS:
            value, ok = got[field]
            right[field] += ok
            print(f"  {field:<11} {'ok  ' if ok else 'MISS'} {value}")
    print("\nright, per field: " + ", ".join(f"{f} {right[f]}/{len(files)}" for f in FIELDS))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
