"""The OCR worker process: rasterises pages of one PDF and reads them with Tesseract.

Run as ``python -m app.intake.ocrworker`` by ``app.intake.ocr``, one per core. It runs
with the reader's limits (address space, no core dumps), which Tesseract inherits, so
a hostile page kills this process, not the app. Nothing is written to disk: the page
image goes to Tesseract on its stdin, the words come back on its stdout.

Protocol (stdin → stdout, one JSON object per line):

- in:  ``{"size": N, "languages": ["eng", …], "fd": 3}`` (the installed packs ``auto`` may
  switch to; ``fd``: an inherited memory file holding the PDF), else, without ``fd``, N
  bytes of PDF (sent once); then one job per line:
  ``{"page": 3, "lang": "eng", "auto": true}`` — ``auto`` lets the worker switch to the
  language the page turns out to be in. End of input ends the worker.
- out: ``{"ready": true, "pages": 12}`` once the PDF is open (or ``{"fatal": "why"}``);
  then per job ``{"page": 3, "ok": true, "width": …, "height": …, "text": …,
  "words": [[text, x0, y0, x1, y1, confidence, line], …], "language": "eng",
  "rotation": 0, "dpi": 200, "passes": 1}`` or ``{"page": 3, "ok": false, "error": "why"}``.

Per page:

1. Checks (``pdfcheck``): content that inflates too far, image pixels, page size.
2. Resolution: a page that is one scanned image covering the page is rendered at that
   image's own resolution when it is between 200 and 400 dpi (no resampling, and a
   200 dpi scan is not inflated to 300); anything else at 300 dpi. pdfium renders in
   both cases, so the image's placement, the page's /Rotate and any stamp or
   annotation over the scan come out exactly as the viewer shows them.
3. OCR with the job's language. If the reading is poor (``ocrtext.looks_rotated``: low
   confidence, or words standing in columns), the page is turned or in another script
   than the model's: Tesseract's orientation-and-script detection (``--psm 0``) runs once,
   on the page drawn at ``OSD_DPI``. With ``auto``, a script the model does not read
   (Cyrillic, Han, Arabic, …) has the page read again with that script's model, English
   beside it (``ocrtext.with_latin``), turned as OSD says. If the reading still looks
   turned, the page is rendered turned as OSD says and read again — then upside down
   (or at the other quarter turn); the best reading is kept. Upright pages in the job's
   script, the usual case, pay nothing for this; OSD on every page would cost 0.5–0.8 s
   a page (40–60 % more).
4. With ``auto``, the reading says which language of its script it is in (function words;
   simplified or traditional characters for Chinese); if that is another installed one,
   the page is read again in it. The language found is sent back, and the next pages
   start in it, so a Russian demand pays for the detection on its first pages only.
5. Boxes are mapped back through the turn to the page as stored, in PDF points.
"""

from __future__ import annotations

import functools
import io
import json
import math
import os
import re
import struct
import subprocess
import sys
import time
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, BinaryIO

from app.intake import ocrids, ocrtext
from app.intake.child import child_env
from app.intake.limits import (
    OCR_DPI,
    OCR_MAX_RASTER_PIXELS,
    OCR_NATIVE_DPI_RANGE,
    OCR_PAGE_TIMEOUT_S,
)
from app.intake.pdfcheck import (
    PASSWORD_PROTECTED,
    RefusedError,
    StreamChecker,
    check_page_count,
    image_problem,
    limit_resources,
    open_pypdf,
    page_size_problem,
)
from app.intake.readerjson import OcrMessage, OcrPage, OcrPageFailed

if TYPE_CHECKING:
    import ctypes

    import pypdfium2 as pdfium

# One Tesseract per worker, one thread per Tesseract: the workers already use every
# core, and OpenMP threads fighting over them make each page several times slower.
TESSERACT_ENV = child_env(OMP_THREAD_LIMIT="1")  # one thread: pages run in parallel instead
# A scanned image covering at least this share of the page is "the page".
FULL_PAGE_SHARE = 0.85
# Orientation detection below this confidence is no better than a coin; its answer is
# only a first guess anyway, checked by reading the page at that turn.
OSD_MIN_CONFIDENCE = 0.5
# Below this, OSD names a script on next to no evidence. Its confidence does not separate
# right from wrong well (a Chinese letter's Han scores about 1, a Russian page drawn too
# small is called Latin at 4.6), so the script it names is only tried: the page read
# with that script's model replaces the first reading only if it reads better.
OSD_MIN_SCRIPT_CONFIDENCE = 0.5
# OSD runs on the page drawn at this resolution: it names script and turn as well as at
# 300 dpi (checked on Cyrillic and Latin scans), in 0.7 s of CPU instead of 1.1 s; at
# 100 dpi it takes Cyrillic for Latin.
OSD_DPI = 150
# A reading in the detected language replaces the first one unless it is this much worse.
LANGUAGE_SLACK = 3.0
# The pdfium document is reopened after this many pages (see Reader._forget).
REOPEN_EVERY = 10


class PageError(Exception):
    """This page cannot be read; the message is a clause after "Page N could not be read:"."""


class DocumentError(Exception):
    """No page of this file can be read; the message is a sentence for the reviewer."""


def tesseract(image: bytes, args: list[str], deadline: float) -> str:
    """Run ``tesseract stdin stdout ARGS`` on a PNG image held in memory; its stdout."""
    timeout = max(0.1, deadline - time.monotonic())
    try:
        done = subprocess.run(
            ["tesseract", "stdin", "stdout", *args],
            input=image,
            capture_output=True,
            env=TESSERACT_ENV,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise PageError("Tesseract took too long on it") from None
    except FileNotFoundError:
        raise PageError("Tesseract is not installed (package tesseract-ocr)") from None
    if done.returncode != 0:
        detail = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise PageError(f"Tesseract failed ({detail[-1] if detail else f'exit {done.returncode}'})")
    return done.stdout.decode("utf-8", "replace")


@dataclass(frozen=True)
class Osd:
    """What Tesseract's orientation-and-script detection says of a page."""

    rotation: int  # degrees (clockwise) the page must turn to stand upright; 0 if unsure
    script: str | None  # "Latin", "Cyrillic", "Han", … ; None if unsure


def osd(image: bytes, dpi: int, deadline: float) -> Osd:
    """Orientation and script of a page image (``--psm 0``); an image OSD cannot judge gives (0, None)."""
    try:
        report = tesseract(image, ["--psm", "0", "--dpi", str(dpi)], deadline)
    except PageError:
        return Osd(0, None)  # too few characters to tell, usually
    rotate = re.search(r"^Rotate: (\d+)", report, re.MULTILINE)
    confidence = re.search(r"^Orientation confidence: ([\d.]+)", report, re.MULTILINE)
    script = re.search(r"^Script: (\w+)", report, re.MULTILINE)
    script_confidence = re.search(r"^Script confidence: ([\d.]+)", report, re.MULTILINE)
    degrees = 0
    if rotate and confidence and float(confidence.group(1)) >= OSD_MIN_CONFIDENCE:
        degrees = int(rotate.group(1)) % 360
        degrees = degrees if degrees in (90, 180, 270) else 0
    sure = script and script_confidence and float(script_confidence.group(1)) >= OSD_MIN_SCRIPT_CONFIDENCE
    return Osd(degrees, script.group(1) if sure and script else None)


def grey_png(pixels: bytes | memoryview, width: int, height: int, stride: int) -> bytes:
    """8-bit grey pixels (rows ``stride`` bytes apart) as PNG bytes.

    PNG rather than PGM: Leptonica reads PNM a byte at a time, and a page of PNG at zlib
    level 1 (~60 ms to make here) saves more than that in Tesseract, and is a third of
    the size in the pipe.
    """
    packer = zlib.compressobj(1)
    idat = bytearray()
    for row in range(height):
        idat += packer.compress(b"\x00")  # filter type: none
        idat += packer.compress(pixels[row * stride : row * stride + width])
    idat += packer.flush()
    out = bytearray(b"\x89PNG\r\n\x1a\n")
    for kind, data in (
        (b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)),  # 8-bit grey, no interlace
        (b"IDAT", idat),
        (b"IEND", b""),
    ):
        out += struct.pack(">I", len(data)) + kind
        out += data
        out += struct.pack(">I", zlib.crc32(data, zlib.crc32(kind)))
    return bytes(out)


def _source(data: bytes | int) -> BinaryIO:
    """A file object of its own (own offset) over the PDF, for one library to read from."""
    if isinstance(data, bytes):
        return io.BytesIO(data)
    # Reopening the memory file through /proc gives a separate offset; it is read-only
    # (sealed), and pdfium and pypdf read only the parts of it they need.
    return open(f"/proc/self/fd/{data}", "rb")


class Reader:
    """One open PDF and what is needed to OCR its pages."""

    def __init__(self, data: bytes | int, languages: set[str]) -> None:
        """``data``: the PDF's bytes, or a file descriptor of a memory file holding them."""
        import pypdfium2 as pdfium

        self.pdfium = pdfium
        self.data = data
        try:
            # The same checks as the probe's, so both refuse the same files the same way.
            self.pypdf = open_pypdf(_source(data))
            self.doc = self._open_pdfium()
            self.page_count = len(self.doc)
            check_page_count(self.page_count)
        except RefusedError as exc:
            raise DocumentError(str(exc)) from None
        self.streams = StreamChecker()
        self.languages = languages  # installed, to switch to
        self._pages_since_open = 0

    def _open_pdfium(self) -> pdfium.PdfDocument:
        pdfium = self.pdfium
        try:
            return pdfium.PdfDocument(self.data if isinstance(self.data, bytes) else _source(self.data))
        except pdfium.PdfiumError as exc:
            if "password" in str(exc).lower():
                raise RefusedError(PASSWORD_PROTECTED) from None
            raise RefusedError(f"The file is not a readable PDF ({exc}).") from None

    def _forget(self) -> None:
        """Drop what the libraries keep of pages already read.

        Both keep every object they have parsed, the page's scan included, until the
        document is closed: a worker would grow by the size of every image it had read
        (a quarter of a MB a page of a 300 dpi scan). pypdf's cache is emptied after each
        page; the pdfium document is reopened now and then (the file is already open,
        so this costs milliseconds).
        """
        cache = getattr(self.pypdf, "resolved_objects", None)
        if isinstance(cache, dict):
            cache.clear()
        self._pages_since_open += 1
        if self._pages_since_open >= REOPEN_EVERY:
            self.doc.close()
            self.doc = self._open_pdfium()
            self._pages_since_open = 0
        _trim_heap()

    def ocr(self, page_no: int, language: str, auto: bool) -> OcrPage:
        try:
            return self._ocr(page_no, language, auto)
        finally:
            self._forget()

    def _checked_page(self, page_no: int) -> tuple[float, float, int]:
        """The page's width and height in points and the resolution to OCR it at; PageError
        if it cannot be read safely."""
        if not 1 <= page_no <= self.page_count:
            raise PageError(f"the PDF has no such page (it has {self.page_count})")
        problem = self.streams.page_problem(self.pypdf, page_no - 1)
        if problem:
            raise PageError(f"it {problem}")
        with self._page(page_no) as page:
            width, height = page.get_size()
            problem = page_size_problem(width, height) or image_problem(page)
            if problem:
                raise PageError(f"it {problem}")
            dpi = self._dpi(page, width, height)
        return width, height, dpi

    def _ocr(self, page_no: int, language: str, auto: bool) -> OcrPage:
        deadline = time.monotonic() + OCR_PAGE_TIMEOUT_S
        width, height, dpi = self._checked_page(page_no)
        scale = dpi / 72

        def render(rotation: int, shrink: float = 1.0) -> Raster:
            # The page is open only while it is drawn: pdfium keeps its decoded scan (25 MB
            # for a colour page at 300 dpi) as long as the page is open, and none of it is
            # needed while Tesseract reads.
            with self._page(page_no) as page:
                bitmap = page.render(scale=scale * shrink, rotation=rotation, grayscale=True)
                try:
                    raster = Raster(
                        bytes(memoryview(bitmap.buffer).cast("B")),
                        bitmap.width,
                        bitmap.height,
                        bitmap.stride,
                    )
                finally:
                    bitmap.close()
            _trim_heap()  # else the freed scan stays counted against us while Tesseract works
            return raster

        def read(image: Raster, lang: str) -> list[ocrtext.TsvWord]:
            return ocrtext.parse_tsv(tesseract(image.png, ["-l", lang, "--dpi", str(dpi), "tsv"], deadline))

        image = render(0)
        if image.blank:
            # Nothing drawn on it: Tesseract would take half a second to find nothing, and a
            # PDF of a thousand blank pages (124 KB) would keep every core busy for minutes.
            return _message(page_no, width, height, "", [], language, 0, dpi, 0)
        words = read(image, language)
        rotation, passes = 0, 1
        if ocrtext.looks_rotated(words):
            # A poor reading: the page is turned, or in another script than the model's.
            # OSD on a small drawing of the page tells both (upright pages read well pay
            # nothing for it).
            seen = osd(render(0, min(1.0, OSD_DPI / dpi)).png, min(OSD_DPI, dpi), deadline)
            passes += 1
            if auto and seen.script:
                models = ocrtext.script_languages(seen.script, self.languages)
                if models and ocrtext.script_of(language) != seen.script:
                    turned = render(seen.rotation) if seen.rotation else image
                    model = ocrtext.with_latin(models[0])
                    again = read(turned, model)
                    passes += 1
                    if ocrtext.quality(again) > ocrtext.quality(words):
                        image, words, rotation, language = turned, again, seen.rotation, model
                    del turned
            if ocrtext.looks_rotated(words):
                for turn in ocrtext.turns_to_try(words, seen.rotation):
                    if turn == rotation:
                        continue
                    turned = render(turn)
                    again = read(turned, language)
                    passes += 1
                    if ocrtext.quality(again) > ocrtext.quality(words):
                        image, words, rotation = turned, again, turn
                    del turned
                    if not ocrtext.looks_rotated(words):
                        break
        if auto:
            detected = self._variant(words, language)
            if detected and detected != language:
                again = read(image, detected)
                passes += 1
                if ocrtext.quality(again) >= ocrtext.quality(words) - LANGUAGE_SLACK:
                    words, language = again, detected
        words, reread = reread_identifiers(image, words, dpi, deadline)
        passes += reread
        del image
        laid = ocrtext.layout(words, rotation=rotation, scale=scale, width=width, height=height)
        return _message(page_no, width, height, laid.text, laid.words, language, rotation, dpi, passes)

    def _variant(self, words: list[ocrtext.TsvWord], language: str) -> str | None:
        """The model the page's reading says it is in, among those of its script; None if unclear.

        Latin and Cyrillic by their function words, Han by simplified or traditional
        characters; a non-Latin model keeps English beside it (``ocrtext.with_latin``).
        """
        script = ocrtext.script_of(language)
        text = " ".join(w.text for w in words)
        if script == "Han":
            found: str | None = ocrtext.han_variant(text)
        else:
            candidates = ocrtext.script_languages(script or "Latin", self.languages)
            found = ocrtext.detect_language(text, candidates)
        if found is None or found not in self.languages:
            return None
        return ocrtext.with_latin(found)

    @contextmanager
    def _page(self, page_no: int) -> Iterator[pdfium.PdfPage]:
        try:
            page = self.doc[page_no - 1]
        except self.pdfium.PdfiumError:
            raise PageError("pdfium could not load it (it may be damaged)") from None
        try:
            yield page
        finally:
            page.close()

    def _dpi(self, page: pdfium.PdfPage, width: float, height: float) -> int:
        """The resolution to OCR this page at (see the module's docstring)."""
        dpi = float(OCR_DPI)
        native = self._native_dpi(page, width, height)
        low, high = OCR_NATIVE_DPI_RANGE
        if native is not None and low <= native <= high:
            dpi = native
        pixels = (width * dpi / 72) * (height * dpi / 72)
        if pixels > OCR_MAX_RASTER_PIXELS:
            dpi *= math.sqrt(OCR_MAX_RASTER_PIXELS / pixels)
        return max(1, int(dpi))

    def _native_dpi(self, page: pdfium.PdfPage, width: float, height: float) -> float | None:
        """The resolution of the page's scan, when the page is one image covering it."""
        images = list(page.get_objects(filter=[self.pdfium.raw.FPDF_PAGEOBJ_IMAGE], max_depth=4))
        if len(images) != 1:
            return None
        left, bottom, right, top = images[0].get_bounds()
        shown_w, shown_h = abs(right - left), abs(top - bottom)
        if shown_w * shown_h < FULL_PAGE_SHARE * width * height:
            return None
        px_w, px_h = images[0].get_px_size()
        if (px_w < px_h) != (shown_w < shown_h):  # placed turned by a quarter
            px_w, px_h = px_h, px_w
        return 72 * float(max(px_w / shown_w, px_h / shown_h))


def _message(
    page_no: int,
    width: float,
    height: float,
    text: str,
    words: list[tuple[str, float, float, float, float, float, int]],
    language: str,
    rotation: int,
    dpi: int,
    passes: int,
) -> OcrPage:
    """The answer for a page read (see the protocol in the module's docstring)."""
    return {
        "page": page_no,
        "ok": True,
        "width": round(width, 2),
        "height": round(height, 2),
        "text": text,
        "words": words,
        "language": language,
        "rotation": rotation,
        "dpi": dpi,
        "passes": passes,
    }


@dataclass(frozen=True)
class Raster:
    """A rendered page: PNG for Tesseract, and its grey pixels for cutting lines out of."""

    pixels: bytes
    width: int
    height: int
    stride: int

    @functools.cached_property
    def png(self) -> bytes:
        """Made when Tesseract needs it (a blank page never does)."""
        return grey_png(self.pixels, self.width, self.height, self.stride)

    @property
    def blank(self) -> bool:
        """Every pixel white: pdfium drew nothing on the page (a scanned blank page has specks)."""
        white = b"\xff" * self.width
        rows = range(0, self.height * self.stride, self.stride)
        return all(self.pixels[start : start + self.width] == white for start in rows)


def reread_identifiers(
    image: Raster, words: list[ocrtext.TsvWord], dpi: int, deadline: float
) -> tuple[list[ocrtext.TsvWord], int]:
    """The words with the identifier lines read again in English (see ``ocrids``); and 1 if
    that took a Tesseract pass, else 0. A failed second reading leaves the first as it was."""
    lines: dict[tuple[int, int, int], list[ocrtext.TsvWord]] = {}
    for word in words:
        lines.setdefault((word.block, word.paragraph, word.line), []).append(word)
    wanted = [key for key, line in lines.items() if ocrids.is_candidate_line(line)]
    strips = ocrids.plan_strips([lines[k] for k in wanted], image.width, image.height)
    if not strips:
        return words, 0
    wanted = wanted[: len(strips)]
    pixels, width, height = ocrids.stack(image.pixels, image.stride, strips)
    try:
        tsv = tesseract(
            grey_png(pixels, width, height, width),
            ["-l", ocrids.REREAD_LANGUAGE, "--psm", "6", "--dpi", str(dpi), "tsv"],
            deadline,
        )
    except PageError:
        return words, 1
    for key, second in zip(wanted, ocrids.words_by_strip(ocrtext.parse_tsv(tsv), strips), strict=True):
        lines[key] = ocrids.merge_line(lines[key], second)
    return [word for line in lines.values() for word in line], 1


def _trim_heap() -> None:
    """glibc: give the heap a page's images were in back to the system between pages."""
    if _LIBC is not None:
        _LIBC.malloc_trim(0)


def _load_libc() -> ctypes.CDLL | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        return libc if hasattr(libc, "malloc_trim") and hasattr(libc, "prctl") else None
    except OSError:  # pragma: no cover - not glibc
        return None


_LIBC = _load_libc()


def _die_with_parent() -> None:
    """Linux: be killed when the app dies, so no worker outlives it holding the demand.

    (Strictly, when the thread that started us ends; ``ocr_pages`` waits in that thread
    until its workers are gone, so the two are the same here.)
    """
    if _LIBC is not None:
        import signal

        _LIBC.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG


def _send(out: BinaryIO, message: OcrMessage) -> None:
    out.write(json.dumps(message, ensure_ascii=False).encode("utf-8") + b"\n")
    out.flush()


def main() -> int:
    limit_resources()
    _die_with_parent()
    out = sys.stdout.buffer
    sys.stdout = sys.stderr  # nothing but the protocol goes to the parent
    stdin = sys.stdin.buffer
    try:
        header = json.loads(stdin.readline())
        size = int(header["size"])
        languages = {str(code) for code in header.get("languages", ())}
        shared = header.get("fd")
    except (ValueError, KeyError, TypeError):
        return 2
    data: bytes | int
    if shared is not None:  # a sealed memory file from the parent (see ocr.shared_copy)
        data = int(shared)
        if os.fstat(data).st_size != size:
            return 2
    else:
        data = stdin.read(size)
        if len(data) != size:
            return 2
    try:
        reader = Reader(data, languages)
    except DocumentError as exc:
        _send(out, {"fatal": str(exc)})
        return 0
    except MemoryError:
        _send(
            out, {"fatal": "The PDF needs more memory to read than is safe; it may be a decompression bomb."}
        )
        return 0
    _send(out, {"ready": True, "pages": reader.page_count})
    for line in stdin:
        job = json.loads(line)
        page_no = int(job["page"])
        result: OcrPage | OcrPageFailed
        try:
            result = reader.ocr(page_no, str(job["lang"]), bool(job.get("auto")))
        except PageError as exc:
            result = {"page": page_no, "ok": False, "error": str(exc)}
        except MemoryError:
            result = {"page": page_no, "ok": False, "error": "it needs more memory to draw than is safe"}
        except RecursionError:
            result = {"page": page_no, "ok": False, "error": "it is nested too deeply to read safely"}
        _send(out, result)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
