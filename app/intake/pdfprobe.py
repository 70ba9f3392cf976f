"""The PDF reader that runs in its own process: PDF bytes on stdin, JSON on stdout.

A hostile or broken PDF may crash or exhaust a PDF library; here that kills only this
process. Nothing is written to disk. Run as ``python -m app.intake.pdfprobe``.
"""

from __future__ import annotations

import io
import json
import sys
from typing import Any

from app.intake.limits import MAX_PAGE_POINTS, MAX_PAGES, MIN_TEXT_LAYER_CHARS, READER_MEMORY_BYTES


def _limit_resources() -> None:
    try:
        import resource
    except ImportError:  # pragma: no cover - Windows has no rlimits; the timeout still holds
        return
    resource.setrlimit(resource.RLIMIT_AS, (READER_MEMORY_BYTES, READER_MEMORY_BYTES))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))  # a crash dump would hold the demand


def _fail(message: str) -> dict[str, Any]:
    return {"ok": False, "error": message}


def _words(textpage: Any, height: float) -> tuple[str, list[list[Any]]]:
    """Group the text layer's characters into words with boxes (points, top-left origin).

    Each word is [text, x0, y0, x1, y1, confidence, line]; a line break in the text
    layer starts the next line number.
    """
    text = textpage.get_text_range()
    words: list[list[Any]] = []
    current: list[str] = []
    box: list[float] = []
    line = 0
    previous = ""
    for index, char in enumerate(text):
        if char.isspace():
            if current:
                words.append(["".join(current), *(round(v, 2) for v in box), 100.0, line])
                current, box = [], []
            if char == "\n" and previous != "\r" or char == "\r":
                line += 1
            previous = char
            continue
        previous = char
        left, bottom, right, top = textpage.get_charbox(index)
        x0, y0, x1, y1 = left, height - top, right, height - bottom
        if current:
            box = [min(box[0], x0), min(box[1], y0), max(box[2], x1), max(box[3], y1)]
        else:
            box = [x0, y0, x1, y1]
        current.append(char)
    if current:
        words.append(["".join(current), *(round(v, 2) for v in box), 100.0, line])
    return text, words


def probe(data: bytes) -> dict[str, Any]:
    import pypdf
    import pypdfium2 as pdfium

    try:
        reader = pypdf.PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            return _fail("The PDF is password-protected. Ask the sender for an unprotected copy.")
        count = len(reader.pages)
    except pypdf.errors.FileNotDecryptedError:
        return _fail("The PDF is password-protected. Ask the sender for an unprotected copy.")
    except (RecursionError, MemoryError):
        return _fail("The PDF is built in a way that cannot be read safely (too deeply nested).")
    except Exception as exc:  # noqa: BLE001 - any parser failure means "not readable"
        return _fail(f"The file is not a readable PDF ({type(exc).__name__}).")
    if count == 0:
        return _fail("The PDF has no pages.")
    if count > MAX_PAGES:
        return _fail(f"The PDF has {count} pages; the limit is {MAX_PAGES}.")
    try:
        doc = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            return _fail("The PDF is password-protected. Ask the sender for an unprotected copy.")
        return _fail(f"The file is not a readable PDF ({exc}).")
    pages = []
    for index in range(len(doc)):
        page = doc[index]
        width, height = page.get_size()
        if not (0 < width <= MAX_PAGE_POINTS and 0 < height <= MAX_PAGE_POINTS):
            return _fail(f"Page {index + 1} is {width:.0f} × {height:.0f} points: too large to be a letter.")
        textpage = page.get_textpage()
        text, words = _words(textpage, height)
        printable = sum(1 for c in text if c.isalnum())
        usable = printable >= MIN_TEXT_LAYER_CHARS
        pages.append(
            {
                "width": round(width, 2),
                "height": round(height, 2),
                "text": text if usable else "",
                "words": words if usable else [],
                "source": "text_layer" if usable else "none",
            }
        )
    return {"ok": True, "pages": pages}


def main() -> int:
    _limit_resources()
    data = sys.stdin.buffer.read()
    try:
        result = probe(data)
    except MemoryError:
        result = _fail("The PDF needs more memory to read than is safe; it may be a decompression bomb.")
    except RecursionError:
        result = _fail("The PDF is built in a way that cannot be read safely (too deeply nested).")
    sys.stdout.write(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
