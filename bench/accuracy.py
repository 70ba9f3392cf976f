"""How right is intake and its recommendation on real, published National Security Letters?

Run:  .venv/bin/python bench/accuracy.py [--only N] [--files NAME ...] [--jobs 2] [--keep DIR]

Takes in each NSL of ``../shared/samples/real/nsl/`` (labels.csv: recipient and date of
issue) and the four older samples of ``../shared/samples/real/`` through the real path:
the ``demand-desk`` command, ``intake FILE --received ISSUED+7d --json`` then ``assess
--json``, in a temporary data directory whose provider entity is the recipient (the desk
of the company the letter was served on). Prints, per file and per field, what was read
against the label, and the figures against the targets:

- instrument read as ``nsl``, date of issue as labelled, addressee naming the recipient:
  each right in >= 95% of the files;
- content falsely requested (a data item marked content; an NSL cannot ask for it): 0 files;
- recommendation ``disclose_noncontent``, ``narrow`` or ``escalate`` (never ``reject``,
  never ``disclose_content``) in >= 95%.

The older samples have no labels file: their recipient and date come from the file name
(``nsl_<date or years>_<recipient words>_...``); one that spans years is received a week
after the end of the span. OCR of forty scans is slow on two cores:
``--jobs`` files are read at once, each worker with its own data directory. ``--keep DIR``
keeps the (encrypted) data directories there, and a second run with the same DIR assesses
the cases already taken in again instead of reading the scans again (for changes to the
review only). Exits 1 if a target is missed.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
import unicodedata
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT.parent / "shared" / "samples" / "real"  # ../shared, as the issue names it
DEMAND_DESK = Path(sys.executable).with_name("demand-desk")
TARGET_SHARE = 0.95
GOOD = {"disclose_noncontent", "narrow", "escalate"}
SERVED_AFTER = timedelta(days=7)
ENV = {
    "DEMAND_DESK_PASSPHRASE": "bench passphrase",
    "DEMAND_DESK_REVIEWER": "Bench",
    "DEMAND_DESK_PIN": "246813",
}


@dataclass
class Sample:
    path: Path
    company: str  # the recipient, as labelled
    names: tuple[str, ...]  # any of these words in the addressee names the recipient
    issued: tuple[date, date]  # the labelled date of issue, or a span of years for a combined file


@dataclass
class Result:
    sample: Sample
    facts: dict[str, Any] = field(default_factory=dict)
    assessment: dict[str, Any] = field(default_factory=dict)
    error: str = ""
    seconds: float = 0.0

    @property
    def instrument_ok(self) -> bool:
        return self.facts.get("instrument") == "nsl"

    @property
    def date_ok(self) -> bool:
        read = self.facts.get("date_issued")
        try:
            day = date.fromisoformat(read) if read else None
        except ValueError:
            return False
        return day is not None and self.sample.issued[0] <= day <= self.sample.issued[1]

    @property
    def addressee_ok(self) -> bool:
        words = set(re.findall(r"[a-z0-9]+", fold(self.facts.get("addressee") or "")))
        return any(n in words for n in self.sample.names)

    @property
    def false_content(self) -> bool:
        return any(
            d.get("content") or d.get("category") == "content" for d in self.facts.get("data_requested", [])
        )

    @property
    def outcome(self) -> str:
        return str((self.assessment.get("recommendation") or {}).get("outcome") or "-")

    @property
    def outcome_ok(self) -> bool:
        return self.outcome in GOOD


def fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def labelled() -> list[Sample]:
    folder = SAMPLES / "nsl"
    with (folder / "labels.csv").open(newline="") as f:
        rows = list(csv.DictReader(f))
    out = []
    for row in sorted(rows, key=lambda r: r["file"]):
        day = date.fromisoformat(row["date_issued"])
        out.append(Sample(folder / row["file"], row["company"], (fold(row["company"]),), (day, day)))
    return out


def older() -> list[Sample]:
    """The four older samples: ``nsl_<YYYY-MM-DD or YYYY-YYYY>_<recipient words>_<sender>...pdf``."""
    out = []
    for path in sorted(SAMPLES.glob("nsl_*.pdf")):
        _, when, who, *_ = path.stem.split("_")
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", when):
            span = (date.fromisoformat(when),) * 2
        else:
            first, last = when.split("-")
            span = (date(int(first), 1, 1), date(int(last), 12, 31))
        words = tuple(w for w in who.split("-") if w)
        out.append(Sample(path, words[-1].title(), words, span))  # type: ignore[arg-type]
    return out


# -- the real path: the demand-desk command ---------------------------------------------


def cli(home: Path, *args: str) -> Any:
    done = subprocess.run(
        [str(DEMAND_DESK), "--data-dir", str(home), *args],
        env={**os.environ, **ENV},
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=1800,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"demand-desk {args[0]}: {done.stderr.strip().splitlines()[-1:]}")
    return json.loads(done.stdout) if "--json" in args else None


def set_up(home: Path) -> None:
    if (home / "store.db").exists():
        return
    cli(home, "init", "--reviewer", ENV["DEMAND_DESK_REVIEWER"], "--workstation", "bench")


def taken_in(home: Path) -> dict[str, str]:
    """Cases already in a kept data directory, by the file they were taken in from."""
    if not (home / "store.db").exists():
        return {}
    return {c["title"]: c["case_id"] for c in cli(home, "cases", "--json")}


def run_one(home: Path, sample: Sample, known: dict[str, str]) -> Result:
    result = Result(sample)
    start = time.perf_counter()
    try:
        cli(home, "settings", "--set", f"provider_entities={sample.company}")
        case_id = known.get(sample.path.stem)
        if case_id is None:
            # A file of several letters was served no earlier than its last one.
            served = sample.issued[1] + SERVED_AFTER
            facts = cli(home, "intake", str(sample.path), "--received", served.isoformat(), "--json")
            case_id = facts["case_id"]
        result.facts = cli(home, "facts", case_id, "--json")
        result.assessment = cli(home, "assess", case_id, "--json")
    except (RuntimeError, ValueError, subprocess.TimeoutExpired) as exc:
        result.error = str(exc)
    result.seconds = time.perf_counter() - start
    return result


def run_all(samples: list[Sample], jobs: int, keep: Path | None) -> list[Result]:
    base = keep or Path(tempfile.mkdtemp(prefix="dd-accuracy-"))
    base.mkdir(parents=True, exist_ok=True)
    os.chmod(base, 0o700)
    results: list[Result | None] = [None] * len(samples)
    homes = [base / f"worker-{w}" for w in range(jobs)]
    for home in homes:
        set_up(home)
    known = [taken_in(home) for home in homes]
    where = {title: w for w, k in enumerate(known) for title in k}
    # One worker per data directory (the provider entity is a setting of the directory): a file
    # taken in by an earlier run with --keep goes to the worker that holds it, the others in turn.
    todo: list[list[tuple[int, Sample]]] = [[] for _ in homes]
    fresh = 0
    for n, sample in enumerate(samples):
        owner = where.get(sample.path.stem)
        if owner is None:
            owner, fresh = fresh % jobs, fresh + 1
        todo[owner].append((n, sample))

    def work(w: int) -> None:
        for n, sample in todo[w]:
            r = results[n] = run_one(homes[w], sample, known[w])
            print(
                f"  {sample.path.name}: {r.outcome} ({r.seconds:.0f} s){' ' + r.error if r.error else ''}",
                file=sys.stderr,
                flush=True,
            )

    threads = [threading.Thread(target=work, args=(w,)) for w in range(jobs)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if keep is None:
        import shutil

        shutil.rmtree(base, ignore_errors=True)
    return [r for r in results if r is not None]


# -- the table ---------------------------------------------------------------------------


def mark(ok: bool) -> str:
    return "ok" if ok else "XX"


def print_table(title: str, results: list[Result]) -> dict[str, float]:
    print(f"\n{title} ({len(results)} files)")
    print(f"  {'file':<42} {'instr':<7} {'issued':<14} {'addressee':<28} {'content':<8} outcome")
    for r in results:
        if r.error:
            print(f"  {r.sample.path.name[:42]:<42} error: {r.error}")
            continue
        f = r.facts
        print(
            f"  {r.sample.path.name[:42]:<42} "
            f"{mark(r.instrument_ok)} {str(f.get('instrument'))[:4]:<4} "
            f"{mark(r.date_ok)} {str(f.get('date_issued')):<11} "
            f"{mark(r.addressee_ok)} {str(f.get('addressee'))[:25]:<25} "
            f"{'XX yes' if r.false_content else 'ok no':<8} "
            f"{mark(r.outcome_ok)} {r.outcome}"
            + (
                f" ({', '.join(r.assessment['recommendation']['reasons'])})"
                if r.assessment.get("recommendation", {}).get("reasons")
                else ""
            )
        )
    n = max(1, len(results))
    figures = {
        "instrument": sum(r.instrument_ok for r in results) / n,
        "date_issued": sum(r.date_ok for r in results) / n,
        "addressee": sum(r.addressee_ok for r in results) / n,
        "content_falsely_requested": float(sum(r.false_content for r in results)),
        "recommendation": sum(r.outcome_ok for r in results) / n,
    }
    outcomes: dict[str, int] = {}
    for r in results:
        outcomes[r.outcome] = outcomes.get(r.outcome, 0) + 1
    print("  outcomes: " + ", ".join(f"{k} {v}" for k, v in sorted(outcomes.items())))
    return figures


def report(figures: dict[str, float]) -> bool:
    ok = True
    print(f"\n  {'field':<28}{'figure':>10}  target")
    for key, value in figures.items():
        if key == "content_falsely_requested":
            hit = value == 0
            print(f"  {key:<28}{value:>10.0f}  0  {mark(hit)}")
        else:
            hit = value >= TARGET_SHARE
            print(f"  {key:<28}{value:>9.0%}   >= {TARGET_SHARE:.0%}  {mark(hit)}")
        ok = ok and hit
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", type=int, help="only the first N labelled NSLs (and no older sample)")
    parser.add_argument("--files", nargs="+", metavar="NAME", help="only these files (names or paths)")
    parser.add_argument("--jobs", type=int, default=2, help="files read at once (default 2)")
    parser.add_argument("--keep", type=Path, help="keep the data directories here; reuse what they hold")
    args = parser.parse_args()

    nsl, old = labelled(), older()
    if args.only is not None:
        nsl, old = nsl[: args.only], []
    if args.files:
        wanted = {Path(f).name for f in args.files}
        nsl = [s for s in nsl if s.path.name in wanted]
        old = [s for s in old if s.path.name in wanted]
    start = time.perf_counter()
    results = run_all(nsl + old, max(1, args.jobs), args.keep)
    print(
        f"Accuracy on real NSLs: {len(results)} files in {time.perf_counter() - start:.0f} s, "
        f"received {SERVED_AFTER.days} days after issue"
    )
    ok = True
    if nsl:
        figures = print_table("Labelled NSLs (samples/real/nsl, labels.csv)", results[: len(nsl)])
        ok = report(figures)
    if old:
        figures = print_table(
            "Older samples (samples/real/*.pdf, labels from the file name)", results[len(nsl) :]
        )
        report(figures)  # four files, several documents each: shown, not a target
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
