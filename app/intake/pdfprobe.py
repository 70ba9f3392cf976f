"""The PDF reader that runs in its own process: PDF bytes on stdin, JSON on stdout.

A hostile or broken PDF may crash or exhaust a PDF library; here that kills only this
process. Nothing is written to disk. Run as ``python -m app.intake.pdfprobe``.

Every page is checked (``pdfcheck``) before pdfium loads it: size, image pixels and
what its content inflates to. A page that fails refuses the whole file, so nothing
downstream — the viewer, OCR — ever draws it.
"""

from __future__ import annotations

import io
import json
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from app.intake.limits import MIN_TEXT_LAYER_CHARS
from app.intake.pdfcheck import (
    PASSWORD_PROTECTED,
    TOO_DEEP,
    RefusedError,
    StreamChecker,
    check_page_count,
    image_problem,
    limit_resources,
    open_pypdf,
    page_size_problem,
)
from app.intake.readerjson import ProbeAnswer, ProbedPageJson, WordList

if TYPE_CHECKING:
    import pypdfium2 as pdfium


def _fail(message: str) -> ProbeAnswer:
    return {"ok": False, "error": message}


def display_transform(page: pdfium.PdfPage) -> Callable[[float, float], tuple[float, float]]:
    """Maps page space (where the content stream draws) to the page as displayed.

    The displayed page is what the viewer shows and where OCR boxes are: the page's
    /Rotate applied, its crop box's corner at the origin, top-left origin, in points.
    pdfium knows the mapping (it renders with it); it is affine, so three points of it
    give all of it.
    """
    import pypdfium2 as pdfium

    width, height = page.get_size()
    scale, far = 64, 1024.0  # device units per point (pdfium answers in integers); a long lever
    conv = pdfium.PdfPosConv(page, (0, 0, round(width * scale), round(height * scale), 0))
    ox, oy = conv.to_bitmap(0.0, 0.0)
    ax, ay = conv.to_bitmap(far, 0.0)
    bx, by = conv.to_bitmap(0.0, far)
    xx, xy, yx, yy = (ax - ox) / far, (bx - ox) / far, (ay - oy) / far, (by - oy) / far

    def to_display(x: float, y: float) -> tuple[float, float]:
        return (ox + xx * x + xy * y) / scale, (oy + yx * x + yy * y) / scale

    return to_display


def _words(
    textpage: pdfium.PdfTextPage, to_display: Callable[[float, float], tuple[float, float]]
) -> tuple[str, list[WordList]]:
    """Group the text layer's characters into words with boxes (points of the page as displayed).

    Each word is [text, x0, y0, x1, y1, confidence, line]; a line break in the text
    layer starts the next line number.
    """
    text = textpage.get_text_range()
    words: list[WordList] = []
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
        (ax, ay), (bx, by) = to_display(left, bottom), to_display(right, top)
        x0, y0, x1, y1 = min(ax, bx), min(ay, by), max(ax, bx), max(ay, by)
        if current:
            box = [min(box[0], x0), min(box[1], y0), max(box[2], x1), max(box[3], y1)]
        else:
            box = [x0, y0, x1, y1]
        current.append(char)
    if current:
        words.append(["".join(current), *(round(v, 2) for v in box), 100.0, line])
    return text, words


def _reads_as_text(text: str) -> bool:
    # Imported here: a scan without a text layer (the usual demand) need not pay for it.
    from app.intake.ocrtext import text_layer_problem

    return text_layer_problem(text) is None


def probe(data: bytes) -> ProbeAnswer:
    import pypdfium2 as pdfium

    try:
        reader = open_pypdf(io.BytesIO(data))
    except RefusedError as exc:
        return _fail(str(exc))
    try:
        doc = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            return _fail(PASSWORD_PROTECTED)
        return _fail(f"The file is not a readable PDF ({exc}).")
    try:
        check_page_count(len(doc))  # pdfium may find pages in a damaged file that pypdf does not
    except RefusedError as exc:
        return _fail(str(exc))
    pages: list[ProbedPageJson] = []
    streams = StreamChecker()
    for index in range(len(doc)):
        # Before pdfium loads the page: loading inflates its content streams whole.
        problem = streams.page_problem(reader, index)
        if problem:
            return _fail(f"Page {index + 1} {problem}.")
        page = doc[index]
        width, height = page.get_size()
        problem = page_size_problem(width, height) or image_problem(page)
        if problem:
            return _fail(f"Page {index + 1} {problem}.")
        textpage = page.get_textpage()
        text, words = _words(textpage, display_transform(page))
        printable = sum(1 for c in text if c.isalnum())
        # A text layer that does not read as real text (mojibake, a scanner's poor OCR)
        # is dropped: the page is OCRed instead.
        usable = printable >= MIN_TEXT_LAYER_CHARS and _reads_as_text(text)
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
    limit_resources()
    # Imported before the file comes: a reader started ahead has them ready by then.
    import pypdf  # noqa: F401
    import pypdfium2  # noqa: F401

    data = sys.stdin.buffer.read()
    try:
        result = probe(data)
    except MemoryError:
        result = _fail("The PDF needs more memory to read than is safe; it may be a decompression bomb.")
    except RecursionError:
        result = _fail(TOO_DEEP)
    sys.stdout.write(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
