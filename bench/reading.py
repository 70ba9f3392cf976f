"""Where requests and the commanded party are read, measured on the real published NSLs (issue 16).

For each NSL in ``../shared/samples/real/nsl`` (labels.csv: recipient, date, file number)
the demand is read as intake reads it (``read_demand``: the PDF checked, OCRed in
memory, the facts extracted) and three things are counted: content asked for where
none is (the NSL statute compels no content: every hit is a misreading), the
addressee naming the labelled recipient, and the file number matching the label. The
categories read are printed per file. Nothing is written to disk.

    .venv/bin/python -m bench.reading [--limit N] [NAME ...]

OCR makes this slow (about 30 minutes for the forty files on two cores); it is a
benchmark, not a test.
"""

from __future__ import annotations

import argparse
import csv
import sys
from datetime import date
from pathlib import Path

from app.intake.pipeline import read_demand

ROOT = Path(__file__).resolve().parents[1]
NSL_DIR = ROOT.parent / "shared" / "samples" / "real" / "nsl"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", help="only files whose name contains one of these")
    parser.add_argument("--limit", type=int, default=None, help="read at most this many files")
    args = parser.parse_args(argv)
    labels = list(csv.DictReader((NSL_DIR / "labels.csv").open(encoding="utf-8")))
    if args.names:
        labels = [r for r in labels if any(n in r["file"] for n in args.names)]
    labels = labels[: args.limit]
    content = addressee = file_number = 0
    for row in labels:
        read = read_demand((NSL_DIR / row["file"]).read_bytes(), today=date.today())
        facts = read.facts
        addr = facts.scalars.get("addressee")
        number = facts.scalars.get("file_number")
        asked = [d.category + (" (content)" if d.content else "") for d in facts.data_requested]
        wrong_content = any(d.content for d in facts.data_requested)
        right_addressee = bool(addr and addr.value and row["company"].lower() in str(addr.value).lower())
        digits = "".join(c for c in str(number.value if number else "") if c.isdigit())
        right_number = bool(row["file_number"]) and row["file_number"] in digits
        content += wrong_content
        addressee += right_addressee
        file_number += right_number
        print(
            f"{row['file'][:40]:40} content={'WRONG' if wrong_content else 'ok':5} "
            f"addressee={'ok' if right_addressee else 'WRONG':5} {addr.value if addr else None!r:28} "
            f"file={'ok' if right_number else 'WRONG':5} categories={', '.join(asked) or '-'}",
            flush=True,
        )
    n = len(labels)
    print(
        f"\n{n} NSLs: content falsely asked for in {content}; addressee right in {addressee} "
        f"({addressee / max(n, 1):.0%}); file number right in {file_number} ({file_number / max(n, 1):.0%})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
