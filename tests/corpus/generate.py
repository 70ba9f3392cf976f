"""Generate the fact-extraction test corpus: synthetic scanned demands with truth files.

    python -m tests.corpus.generate OUTDIR [--count N] [--seed S] [--jobs J]

Writes ``NAME.pdf`` (an image-only scan) and ``NAME.truth.json`` (the facts the
document states, in DESIGN.md's Facts JSON vocabulary, plus ``language`` and
``notes``) for each demand.  The output is byte-for-byte the same for the same
count and seed.  The first 48 documents cover every instrument kind at least
three times, English, German, French and Spanish at least six times each, and
thirteen countries; beyond 48 the recipes repeat with fresh wording, dates and
identifiers.  See tests/corpus/README.md for the truth schema.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from tests.corpus import templates_de as de
from tests.corpus import templates_es as es
from tests.corpus import templates_fr as fr
from tests.corpus import templates_intl as intl
from tests.corpus import templates_us as us
from tests.corpus.kit import Allocator, Built, Ctx
from tests.corpus.scan import assemble, encode_jpeg, scan_pages

MAX_PAGES = 3


@dataclass(frozen=True)
class Recipe:
    slug: str
    template: Callable[[Ctx], Built]
    lang: str
    country: str
    instrument: str
    flags: frozenset[str] = frozenset()


def _r(
    slug: str, template: Callable[[Ctx], Built], lang: str, country: str, instrument: str, *flags: str
) -> Recipe:
    return Recipe(slug, template, lang, country, instrument, frozenset(flags))


# Ordered so that any prefix is already varied: the first ten cover most kinds.
# Flags force the traps that must be present whatever the seed: "redact" (a
# blacked-out identifier), "split" (an identifier broken over two lines),
# "obfuscate" ("name [at] example [dot] com"), "unsigned", "upside_down" (first
# page scanned upside down), "stamp" (a received stamp), "gag:N" / "gag:open" /
# "gag:request" / "gag:none" (the secrecy order), "twocol" (identifiers side by side in a
# two-column table), "rights" (an NSL's paragraph on challenging its gag, which asks for
# nothing), "attachment" (the records sought listed only in Attachment A), and template variants.
RECIPES: tuple[Recipe, ...] = (
    _r("grand-jury-subpoena", us.grand_jury_subpoena, "en", "US", "subpoena", "redact", "gag:180"),
    _r("beschluss", de.beschluss, "de", "DE", "court_order", "split", "stamp", "gag:90"),
    _r("requisition", fr.requisition, "fr", "FR", "subpoena", "upside_down", "gag:open"),
    _r("search-warrant", us.search_warrant, "en", "US", "search_warrant", "gag:none"),
    _r("auto-judicial", es.auto_judicial, "es", "ES", "court_order", "redact", "gag:180"),
    _r("emergency-request", us.emergency_request, "en", "US", "emergency_request", "obfuscate"),
    _r("national-security-letter", us.national_security_letter, "en", "US", "nsl", "twocol", "rights"),
    _r("fisa-business-records", us.fisa_order, "en", "US", "fisa_order", "br"),
    _r("epoc", intl.epoc, "en", "NL", "production_order", "stamp", "gag:90"),
    _r("civil-subpoena", us.civil_subpoena, "en", "US", "civil_subpoena"),
    _r("preservation-letter", us.preservation_letter, "en", "US", "preservation_request", "unsigned"),
    _r("takedown-referral", intl.gb_takedown_referral, "en", "GB", "other", "twocol"),
    _r("auskunftsersuchen", de.auskunftsersuchen, "de", "DE", "subpoena", "unsigned"),
    _r("requerimiento", es.requerimiento, "es", "ES", "subpoena"),
    _r("ordonnance-jld", fr.ordonnance_jld, "fr", "FR", "court_order"),
    _r("order-2703d", us.order_2703d, "en", "US", "court_order", "split", "gag:365"),
    _r(
        "pace-production-order", intl.gb_production_order, "en", "GB", "production_order", "stamp", "gag:open"
    ),
    _r("eilersuchen", de.eilersuchen, "de", "DE", "emergency_request", "obfuscate"),
    _r("national-security-letter", us.national_security_letter, "en", "US", "nsl", "redact", "attachment"),
    _r("fisa-pen-register", us.fisa_order, "en", "US", "fisa_order", "prtt"),
    _r("requisition-conservation", fr.conservation, "fr", "FR", "preservation_request"),
    _r("entfernungsanordnung", de.entfernungsanordnung, "de", "DE", "other"),
    _r("civil-subpoena", us.civil_subpoena, "en", "US", "civil_subpoena", "content"),
    _r("production-order", intl.ie_production_order, "en", "IE", "production_order", "stamp"),
    _r("orden-conservacion", es.orden_conservacion, "es", "ES", "preservation_request", "twocol"),
    _r(
        "search-warrant", us.search_warrant, "en", "US", "search_warrant", "unsigned", "upside_down", "gag:90"
    ),
    _r(
        "durchsuchungsbeschluss", de.durchsuchungsbeschluss, "de", "DE", "search_warrant", "redact", "gag:180"
    ),
    _r("emergency-request", intl.au_emergency_request, "en", "AU", "emergency_request", "unsigned"),
    _r("order-extending-nondisclosure", us.secrecy_order_order, "en", "US", "court_order"),
    _r("epoc", intl.epoc, "de", "AT", "production_order", "gag:180"),
    _r("demande-retrait", fr.demande_retrait, "fr", "FR", "other", "twocol"),
    _r("solicitud-urgente", es.solicitud_urgente, "es", "ES", "emergency_request"),
    _r("national-security-letter", us.national_security_letter, "en", "US", "nsl"),
    _r("fisa-electronic-surveillance", us.fisa_order, "en", "US", "fisa_order", "es", "redact"),
    _r(
        "overseas-production-order",
        intl.gb_overseas_production_order,
        "en",
        "GB",
        "production_order",
        "gag:365",
    ),
    _r("civil-subpoena", us.civil_subpoena, "en", "US", "civil_subpoena", "stamp"),
    _r("production-order", intl.ca_production_order, "en", "CA", "production_order", "gag:180"),
    _r("beschluss", de.beschluss, "de", "DE", "court_order", "gag:open"),
    _r("auto-judicial", es.auto_judicial, "es", "ES", "court_order", "content", "gag:365"),
    _r("grand-jury-subpoena", us.grand_jury_subpoena, "en", "US", "subpoena", "gag:request"),
    _r("epoc", intl.epoc, "fr", "LU", "production_order", "gag:open"),
    _r("administrative-subpoena", us.administrative_subpoena, "en", "US", "subpoena"),
    _r("order-vacating-nondisclosure", us.secrecy_order_order, "en", "US", "court_order", "vacate"),
    _r(
        "court-order-translation",
        intl.br_court_order_translation,
        "en",
        "BR",
        "court_order",
        "stamp",
        "gag:90",
    ),
    _r("requisition", fr.requisition, "fr", "FR", "subpoena", "gag:request"),
    _r("oficio-judicial", es.ar_oficio, "es", "AR", "court_order", "gag:none"),
    _r("emergency-request", us.emergency_request, "en", "US", "emergency_request", "unsigned"),
    _r("order-2703d", us.order_2703d, "en", "US", "court_order", "gag:open"),
)


def build(count: int = 48, seed: int = 7) -> list[Built]:
    """Write every demand (in memory, not yet scanned) with its truth."""
    alloc = Allocator(random.Random(f"corpus-identifiers:{seed}"))
    width = max(2, len(str(count)))
    out = []
    for index in range(count):
        recipe = RECIPES[index % len(RECIPES)]
        name = f"{index + 1:0{width}d}-{recipe.country.lower()}-{recipe.slug}"
        ctx = Ctx(
            name=name,
            rng=random.Random(f"corpus:{seed}:{index}:{recipe.slug}"),
            alloc=alloc,
            lang=recipe.lang,
            country=recipe.country,
            instrument=recipe.instrument,
            flags=recipe.flags,
        )
        out.append(recipe.template(ctx))
    return out


def render(built: Built) -> tuple[bytes, int]:
    """Scan one demand: image-only PDF bytes and the page count."""
    pages, laid = scan_pages(built.doc, built.settings)
    if not 1 <= laid.page_count <= MAX_PAGES:
        raise ValueError(f"{built.name}: laid out on {laid.page_count} pages (1–{MAX_PAGES} allowed)")
    pdf = assemble([encode_jpeg(page, built.settings.jpeg_quality) for page in pages], laid.page_size)
    return pdf, laid.page_count


def generate(outdir: Path, count: int = 48, seed: int = 7, jobs: int | None = None) -> list[Path]:
    """Write ``count`` demands into ``outdir``; the PDF paths, in order.

    ``jobs`` worker processes scan the pages (default: all cores, at most 8); 1 scans in-process.
    """
    outdir = Path(outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    demands = build(count, seed)
    jobs = jobs or min(8, os.cpu_count() or 1)
    if jobs > 1 and len(demands) > 1:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            scanned = list(pool.map(render, demands, chunksize=1))
    else:
        scanned = [render(d) for d in demands]
    paths = []
    for built, (pdf, _pages) in zip(demands, scanned, strict=True):
        path = outdir / f"{built.name}.pdf"
        path.write_bytes(pdf)
        truth = json.dumps(built.truth, indent=2, ensure_ascii=False) + "\n"
        (outdir / f"{built.name}.truth.json").write_text(truth, encoding="utf-8")
        paths.append(path)
    return paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tests.corpus.generate", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--count", type=int, default=48)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--jobs", type=int, default=None, help="worker processes (default: cores, max 8)")
    args = parser.parse_args(argv)
    if args.count < 1:
        parser.error("--count must be at least 1")
    started = time.perf_counter()
    paths = generate(args.outdir, args.count, args.seed, args.jobs)
    elapsed = time.perf_counter() - started
    size = sum(p.stat().st_size for p in paths)
    print(
        f"{len(paths)} demands in {args.outdir} ({size / 1024 / 1024:.1f} MiB) in {elapsed:.1f} s",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
