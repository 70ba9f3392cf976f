"""How fast and how lean is OCR intake? ``ocr_pages`` against plain Tesseract, and a 300-page scan.

Run:  .venv/bin/python bench/intake.py [--pages 20] [--long-pages 300] [--dpi 300]

1. Generates a scanned demand (tests/corpus/scan.py: the English demo demands typeset
   one after another, scanned at ``--dpi`` with skew, noise, stamp and signatures) of
   ``--pages`` pages, and times:
   - our intake: ``ocr_pages`` over every page, plus ``extract_facts`` when that module
     exists (the facts half of intake is another engineer's; it is imported optionally);
   - the baseline: the same page images, rasterised to PNG in memory beforehand (not
     timed), piped one after another into ``tesseract stdin stdout -l eng`` with the
     default environment — what a script around the command line would do;
   - for information, the same baseline with ``OMP_THREAD_LIMIT=1``.
   Target: ours / baseline ≤ 0.7 (on two cores).
2. In a fresh process that holds nothing but the PDF (as the app's intake does), OCRs a
   ``--long-pages`` scan — the pages of 1. repeated, each its own image, at JPEG quality
   ``--long-quality`` so that 300 pages of 300 dpi stay under the 100 MB file limit —
   while a sampler reads, every 20 ms, the resident memory of that process and all its
   descendants from /proc, plus the in-memory copy of the PDF the workers share (a
   memfd: resident, yet in no process's RSS). Reports the peak of the sum of RSS (the
   conservative figure: shared libraries count once per process) and of PSS (shared
   pages split between their users). Target: peak RSS ≤ 500 MB.

Scans are generated in child processes. Exits 1 if a target is missed.
"""

from __future__ import annotations

import argparse
import gc
import io
import json
import os
import subprocess
import sys
import threading
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.intake.ocr import ocr_pages  # noqa: E402

TARGET_RATIO = 0.7
TARGET_PEAK_MB = 500.0
SEED = 20260303


# -- the scans (built in a child process) ----------------------------------------------


def _emit_scan(pages: int, dpi: int, repeat_to: int, quality: int) -> None:
    """Write a scanned demand of ``pages`` pages (cycled to ``repeat_to``) to stdout."""
    from tests.corpus import demo
    from tests.corpus.scan import (
        Document,
        PageBreak,
        ScanSettings,
        Stamp,
        assemble,
        encode_jpeg,
        layout,
        scan_pages,
    )

    english = [demo.us_grand_jury_subpoena, demo.us_search_warrant, demo.us_emergency_request]
    english.append(demo.ie_production_order)
    blocks: list = []
    count = 0
    while count < pages:
        for make in english:
            doc, _ = make()
            blocks += [*doc.blocks, PageBreak()]
        count = layout(Document(blocks[:-1])).page_count
    stamp = Stamp(("RECEIVED", "LEGAL PROCESS"), page=0)
    settings = ScanSettings(dpi=dpi, seed=SEED, stamp=stamp, jpeg_quality=quality)
    images, laid = scan_pages(Document(blocks[:-1]), settings)
    images = images[:pages]
    if not repeat_to:
        sys.stdout.buffer.write(
            assemble([encode_jpeg(i, settings.jpeg_quality) for i in images], laid.page_size)
        )
        return
    # reportlab would embed a repeated image once; a real long scan holds one per page.
    jpegs = [(encode_jpeg(i, settings.jpeg_quality), i.size, len(i.getbands())) for i in images]
    del images
    sys.stdout.buffer.write(
        _one_image_per_page([jpegs[n % len(jpegs)] for n in range(repeat_to)], laid.page_size)
    )


def _one_image_per_page(jpegs: list[tuple[bytes, tuple[int, int], int]], size: tuple[float, float]) -> bytes:
    """A PDF with each JPEG (data, pixel size, bands) as its own image, edge to edge on a page."""
    out = io.BytesIO()
    out.write(b"%PDF-1.7\n")
    offsets: list[int] = []

    def put(body: bytes) -> None:
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % len(offsets) + body + b"\nendobj\n")

    count = len(jpegs)
    kids = b" ".join(b"%d 0 R" % (3 + 3 * n) for n in range(count))
    put(b"<< /Type /Catalog /Pages 2 0 R >>")
    put(b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, count))
    w, h = size
    for n, (jpeg, (px_w, px_h), bands) in enumerate(jpegs):
        content, image = 4 + 3 * n, 5 + 3 * n  # the page itself is object 3 + 3n
        put(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %.2f %.2f] /Contents %d 0 R "
            b"/Resources << /XObject << /Im0 %d 0 R >> >> >>" % (w, h, content, image)
        )
        draw = b"q %.2f 0 0 %.2f 0 0 cm /Im0 Do Q" % (w, h)
        put(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(draw), draw))
        space = b"/DeviceRGB" if bands == 3 else b"/DeviceGray"
        put(
            b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace %s /BitsPerComponent 8 "
            b"/Filter /DCTDecode /Length %d >>\nstream\n"
            % (px_w, px_h, space, len(jpeg))
            + jpeg
            + b"\nendstream"
        )
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(offsets) + 1))
    out.write(b"".join(b"%010d 00000 n \n" % offset for offset in offsets))
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(offsets) + 1, xref))
    return out.getvalue()


def make_scan(pages: int, dpi: int, repeat_to: int = 0, quality: int = 70) -> bytes:
    done = subprocess.run(
        [sys.executable, __file__, "--emit-scan", str(pages), str(dpi), str(repeat_to), str(quality)],
        capture_output=True,
        check=True,
        cwd=ROOT,
    )
    return done.stdout


# -- the baseline ------------------------------------------------------------------------


def page_pngs(pdf: bytes, dpi: int) -> list[bytes]:
    """Every page rendered at the scan's resolution, as PNG bytes, in memory."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(pdf)
    pngs = []
    for index in range(len(document)):
        page = document[index]
        image = page.render(scale=dpi / 72, grayscale=True).to_pil()
        buf = io.BytesIO()
        image.save(buf, "PNG", compress_level=1)
        pngs.append(buf.getvalue())
        page.close()
    document.close()
    return pngs


def tesseract_one_by_one(pngs: list[bytes], env: dict[str, str] | None) -> float:
    start = time.perf_counter()
    for png in pngs:
        subprocess.run(
            ["tesseract", "stdin", "stdout", "-l", "eng"], input=png, capture_output=True, check=True, env=env
        )
    return time.perf_counter() - start


# -- memory ----------------------------------------------------------------------------


class TreeMemory:
    """Samples the memory (MB) of this process, its descendants and the memory files they hold."""

    def __init__(self, interval: float = 0.02) -> None:
        self.interval = interval
        self.peak_rss = self.peak_pss = self.peak_self = 0.0
        self.peak_processes = 0
        self.at_peak: list[tuple[str, float]] = []  # (what, RSS MB) when the RSS sum peaked
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> TreeMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        me = os.getpid()
        while not self._stop.is_set():
            tree = _descendants(me)
            shared = _memfd_mb(tree)
            parts = [("shared PDF copy (memfd)", shared)] if shared else []
            rss = pss = shared
            for pid in tree:
                r, p = _rss_pss_mb(pid)
                rss, pss = rss + r, pss + p
                parts.append((_name(pid) if pid != me else "intake process", r))
                if pid == me:
                    self.peak_self = max(self.peak_self, r)
            if rss > self.peak_rss:
                self.peak_rss, self.at_peak = rss, parts
            self.peak_pss = max(self.peak_pss, pss)
            self.peak_processes = max(self.peak_processes, len(tree))
            self._stop.wait(self.interval)


def _name(pid: int) -> str:
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as fh:
            argv = fh.read().split(b"\0")
    except OSError:
        return str(pid)
    words = [a.decode(errors="replace") for a in argv if a]
    if "app.intake.ocrworker" in words:
        return "OCR worker"
    return Path(words[0]).name if words else str(pid)


def _memfd_mb(pids: list[int]) -> float:
    """In-memory files (memfd) the processes hold: resident, yet in no process's RSS."""
    seen: dict[tuple[int, int], int] = {}
    for pid in pids:
        try:
            fds = os.listdir(f"/proc/{pid}/fd")
        except OSError:
            continue
        for fd in fds:
            path = f"/proc/{pid}/fd/{fd}"
            try:
                if os.readlink(path).startswith("/memfd:"):
                    st = os.stat(path)
                    seen[(st.st_dev, st.st_ino)] = st.st_size
            except OSError:
                continue
    return sum(seen.values()) / 2**20


def _descendants(root: int) -> list[int]:
    """``root`` and its descendants, less children caught between fork and exec.

    Such a child (a worker starting Tesseract) still shares its parent's memory; /proc
    shows that memory twice, though it exists once.
    """
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as fh:
                stat = fh.read()
        except OSError:
            continue
        ppid = int(stat[stat.rindex(b")") + 2 :].split()[1])
        children.setdefault(ppid, []).append(int(entry))
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo += [child for child in children.get(pid, []) if not _same_program(child, pid)]
    return found


def _same_program(child: int, parent: int) -> bool:
    try:
        return os.readlink(f"/proc/{child}/exe") == os.readlink(f"/proc/{parent}/exe") and _cmdline(
            child
        ) == _cmdline(parent)
    except OSError:
        return False


def _cmdline(pid: int) -> bytes:
    with open(f"/proc/{pid}/cmdline", "rb") as fh:
        return fh.read()


def _rss_pss_mb(pid: int) -> tuple[float, float]:
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as fh:
            fields = dict(line.split(":", 1) for line in fh if ":" in line and not line.startswith("0"))
    except OSError:
        return 0.0, 0.0
    kb = {key: int(value.split()[0]) for key, value in fields.items() if key in ("Rss", "Pss")}
    return kb.get("Rss", 0) / 1024, kb.get("Pss", 0) / 1024


# -- the run ---------------------------------------------------------------------------


def _malloc_trim() -> None:
    try:
        import ctypes

        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):  # not glibc
        pass


def measure_long(pages: int, dpi: int, repeat_to: int, quality: int) -> None:
    """OCR a long scan, sampling memory; print the figures as JSON."""
    pdf = make_scan(pages, dpi, repeat_to=repeat_to, quality=quality)
    # The app holds the file's bytes and nothing else of it; hand back the heap that
    # reading the generator's output in pieces left behind, so it is not counted.
    gc.collect()
    _malloc_trim()
    with TreeMemory() as memory:
        start = time.perf_counter()
        read = ocr_pages(pdf, list(range(1, repeat_to + 1)))
        seconds = time.perf_counter() - start
    assert len(read) == repeat_to
    result = {
        "mb": len(pdf) / 2**20,
        "seconds": seconds,
        "peak_rss": memory.peak_rss,
        "peak_pss": memory.peak_pss,
        "processes": memory.peak_processes,
        "self_mb": memory.peak_self,
        "at_peak": memory.at_peak,
    }
    print(json.dumps(result))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=20)
    parser.add_argument("--long-pages", type=int, default=300)
    parser.add_argument("--dpi", type=int, default=300)
    parser.add_argument(
        "--long-quality",
        type=int,
        default=50,
        help="JPEG quality of the long scan (at 70, 300 pages of 300 dpi noise pass the 100 MB file limit)",
    )
    parser.add_argument("--emit-scan", nargs=4, type=int, help=argparse.SUPPRESS)
    parser.add_argument("--measure-long", nargs=4, type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.emit_scan:
        _emit_scan(*args.emit_scan)
        return 0
    if args.measure_long:
        measure_long(*args.measure_long)
        return 0

    try:
        from app.intake.extract import extract_facts
    except ImportError:
        extract_facts = None

    cores = len(os.sched_getaffinity(0))
    print(f"Intake benchmark: {cores} core(s), Tesseract {_tesseract_version()}, scans at {args.dpi} dpi\n")
    pdf = make_scan(args.pages, args.dpi)
    print(f"{args.pages}-page scanned demand: {len(pdf) / 2**20:.1f} MB")

    start = time.perf_counter()
    pages = ocr_pages(pdf, list(range(1, args.pages + 1)))
    ocr_s = time.perf_counter() - start
    facts_s = 0.0
    if extract_facts is not None:
        start = time.perf_counter()
        extract_facts(pages, today=date.today())
        facts_s = time.perf_counter() - start
    ours = ocr_s + facts_s
    words = sum(len(p.words) for p in pages)

    pngs = page_pngs(pdf, args.dpi)
    baseline = tesseract_one_by_one(pngs, None)
    single = tesseract_one_by_one(pngs, {**os.environ, "OMP_THREAD_LIMIT": "1"})
    del pngs
    ratio = ours / baseline

    ok_ratio = ratio <= TARGET_RATIO
    row = "  {:<36}{:>8.2f} s  {}"
    print(
        row.format(
            f"ocr_pages, {args.pages} pages ({words} words)", ocr_s, f"{ocr_s / args.pages:.2f} s a page"
        )
    )
    if extract_facts is not None:
        print(f"  {'extract_facts':<36}{facts_s:>8.3f} s")
    else:
        print("  extract_facts: app.intake.extract is not there yet; not timed")
    print(row.format("intake (OCR + facts)", ours, ""))
    print(row.format("tesseract one by one, default env", baseline, ""))
    print(
        row.format(
            "tesseract one by one, 1 thread", single, f"for information: intake / this = {ours / single:.2f}"
        )
    )
    print(
        f"  {'ratio intake / tesseract':<36}{ratio:>8.2f}    target ≤ {TARGET_RATIO}  {_verdict(ok_ratio)}\n"
    )

    del pages
    # Measured in a fresh process holding nothing but the PDF, as the app's intake does:
    # this one still carries the baseline's rasterising and the first run.
    done = subprocess.run(
        [sys.executable, __file__, "--measure-long", str(args.pages), str(args.dpi), str(args.long_pages)]
        + [str(args.long_quality)],
        capture_output=True,
        check=True,
        cwd=ROOT,
    )
    long = json.loads(done.stdout)
    print(f"{args.long_pages}-page scan: {long['mb']:.1f} MB (JPEG quality {args.long_quality})")
    ok_memory = long["peak_rss"] <= TARGET_PEAK_MB
    print(row.format("OCR time", long["seconds"], f"{long['seconds'] / args.long_pages:.2f} s a page"))
    mb = "  {:<36}{:>8.0f} MB {}"
    target = f"target ≤ {TARGET_PEAK_MB:.0f} MB  {_verdict(ok_memory)}"
    print(mb.format("peak RSS, intake process + children", long["peak_rss"], target))
    print(mb.format("peak PSS, intake process + children", long["peak_pss"], "shared pages counted once"))
    print(mb.format("intake process alone", long["self_mb"], f"{long['processes']} processes at most"))
    print("  at the peak: " + ", ".join(f"{what} {size:.0f} MB" for what, size in long["at_peak"]))
    return 0 if ok_ratio and ok_memory else 1


def _verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def _tesseract_version() -> str:
    out = subprocess.run(["tesseract", "--version"], capture_output=True, check=False).stdout.decode()
    return out.split()[1] if out.split() else "?"


if __name__ == "__main__":
    raise SystemExit(main())
