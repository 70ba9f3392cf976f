"""Checks that run inside a reader process, before pdfium parses or draws a page.

Both reader processes (``pdfprobe``, which reads the text layer, and ``ocrworker``,
which rasterises pages for OCR) call these, so a hostile page is refused with the same
reason whichever process meets it first. Each check returns ``None`` when the page is
fine, else the reason as a clause that follows "Page N …" ("holds an image of …").

What is checked, and why here:

- **Page size** — pdfium would allocate the raster of a 5-metre page.
- **Image pixels** — an image's declared size is what pdfium allocates when it draws
  it, whatever the (tiny) stream holds. Read from the image dictionaries without
  decoding anything.
- **Decompression bombs** — pdfium inflates a page's content stream (and its forms)
  whole when it loads the page. Chains of Flate filters (optionally behind ASCII85 or
  ASCIIHex) are inflated here first, streaming and counting, never holding the output,
  and refused beyond ``MAX_STREAM_BYTES``. Other filters (LZW, RunLength) are left to
  the process's memory limit: pdfium then dies on the allocation, which the parent
  reports as a damaged or hostile file.
"""

from __future__ import annotations

import zlib
from typing import TYPE_CHECKING, BinaryIO

from app.intake.limits import (
    MAX_IMAGE_PIXELS,
    MAX_PAGE_POINTS,
    MAX_PAGES,
    MAX_STREAM_BYTES,
    READER_MEMORY_BYTES,
)

if TYPE_CHECKING:
    import pypdfium2 as pdfium
    from pypdf import PageObject, PdfReader
    from pypdf.generic import PdfObject

_FLATE = {"/FlateDecode", "/Fl"}
_SHRINKING = {"/ASCII85Decode", "/A85", "/ASCIIHexDecode", "/AHx"}
_CHUNK = 1 << 20
_MAX_FORM_DEPTH = 12


def limit_resources() -> None:
    """Cap this process's memory and forbid core dumps (a dump would hold the demand).

    Children (Tesseract) inherit both limits.
    """
    try:
        import resource
    except ImportError:  # pragma: no cover - Windows has no rlimits; the timeouts still hold
        return
    resource.setrlimit(resource.RLIMIT_AS, (READER_MEMORY_BYTES, READER_MEMORY_BYTES))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


class RefusedError(Exception):
    """The file is refused as a whole; the message is a sentence for the reviewer."""


PASSWORD_PROTECTED = "The PDF is password-protected. Ask the sender for an unprotected copy."  # noqa: S105
TOO_DEEP = "The PDF is built in a way that cannot be read safely (too deeply nested)."


def open_pypdf(source: BinaryIO) -> PdfReader:
    """A pypdf reader over ``source`` (a binary file object), with its page count checked.

    pypdf is the stricter reader of the two: what it cannot read is refused, so that the
    reader processes agree with each other about which files are readable.
    """
    import pypdf

    try:
        reader = pypdf.PdfReader(source, strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise RefusedError(PASSWORD_PROTECTED)
        count = len(reader.pages)
    except pypdf.errors.FileNotDecryptedError:
        raise RefusedError(PASSWORD_PROTECTED) from None
    except (RecursionError, MemoryError):
        raise RefusedError(TOO_DEEP) from None
    except RefusedError:
        raise
    except Exception as exc:  # noqa: BLE001 - any parser failure means "not readable"
        raise RefusedError(f"The file is not a readable PDF ({type(exc).__name__}).") from None
    check_page_count(count)
    return reader


def check_page_count(count: int) -> None:
    if count == 0:
        raise RefusedError("The PDF has no pages.")
    if count > MAX_PAGES:
        raise RefusedError(f"The PDF has {count} pages; the limit is {MAX_PAGES}.")


def page_size_problem(width: float, height: float) -> str | None:
    if 0 < width <= MAX_PAGE_POINTS and 0 < height <= MAX_PAGE_POINTS:
        return None
    return f"is {width:.0f} × {height:.0f} points: too large to be a letter"


def image_problem(page: pdfium.PdfPage) -> str | None:
    """The first image on the pdfium ``page`` (forms included) with too many pixels."""
    import pypdfium2.raw as pdfium_c

    for image in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=_MAX_FORM_DEPTH):
        width, height = image.get_px_size()
        if width * height > MAX_IMAGE_PIXELS:
            return (
                f"holds an image of {width:,} × {height:,} pixels; the limit is "
                f"{MAX_IMAGE_PIXELS // 1_000_000} megapixels"
            )
    return None


class StreamChecker:
    """Measures what a page's content streams and forms inflate to, per document.

    A form shared by many pages is measured once (results are kept by object number).
    """

    def __init__(self, limit: int = MAX_STREAM_BYTES) -> None:
        self.limit = limit
        self._sizes: dict[int, int] = {}

    def page_problem(self, reader: PdfReader, index: int) -> str | None:
        """What is wrong with page ``index`` (0-based) of the pypdf ``reader``, if anything.

        A page pypdf cannot make sense of is left to pdfium (and the memory limit).
        """
        try:
            return self._page_problem(reader.pages[index])
        except RecursionError:
            return "is built in a way that cannot be read safely (too deeply nested)"
        except Exception:  # noqa: BLE001 - pypdf's view is only a pre-check
            return None

    def _page_problem(self, page: PageObject) -> str | None:
        total = self._contents_size(page.get("/Contents"))
        if total <= self.limit:
            total += self._forms_size(page.get("/Resources"), 0, set())
        if total > self.limit:
            return (
                f"has content that inflates to more than {self.limit // 2**20} MB; "
                "the PDF may be a decompression bomb"
            )
        return None

    def _contents_size(self, contents: PdfObject | None) -> int:
        if contents is None:
            return 0
        ref = contents
        contents = contents.get_object()
        if isinstance(contents, list):
            return sum(self._stream_size(item, item.get_object()) for item in contents)
        return self._stream_size(ref, contents)

    def _forms_size(self, resources: PdfObject | None, depth: int, seen: set[int]) -> int:
        if resources is None or depth > _MAX_FORM_DEPTH:
            return 0
        resources = resources.get_object()
        xobjects = resources.get("/XObject") if resources is not None and hasattr(resources, "get") else None
        if xobjects is None:
            return 0
        xobjects = xobjects.get_object()
        total = 0
        for ref in xobjects.values() if hasattr(xobjects, "values") else ():
            form = ref.get_object()
            number = getattr(ref, "idnum", None)
            if not hasattr(form, "get") or form.get("/Subtype") != "/Form" or number in seen:
                continue
            if number is not None:
                seen.add(number)
            total += self._stream_size(ref, form)
            if total > self.limit:
                return total
            total += self._forms_size(form.get("/Resources"), depth + 1, seen)
        return total

    def _stream_size(self, ref: PdfObject, stream: PdfObject | None) -> int:
        number = getattr(ref, "idnum", None)
        if number is not None and number in self._sizes:
            return self._sizes[number]
        size = inflated_size(stream, self.limit)
        if number is not None:
            self._sizes[number] = size
        return size


def _filters(stream: PdfObject | None) -> list[str]:
    # A reference to a reference forwards .get to the stream; anything else without one is
    # no stream, and fails here as its .get would have.
    if stream is None or not hasattr(stream, "get"):
        raise AttributeError(f"{type(stream).__name__} has no filters")
    value = stream.get("/Filter")
    if value is None:
        return []
    value = value.get_object()
    if isinstance(value, list):
        return [str(v.get_object()) for v in value]
    return [str(value)]


def inflated_size(stream: PdfObject | None, limit: int) -> int:
    """How many bytes a pypdf stream decodes to, counted up to just past ``limit``.

    Streams whose filters cannot be measured cheaply count as their raw size.
    """
    raw = getattr(stream, "_data", b"")  # the encoded bytes, as they are in the file
    if not isinstance(raw, bytes | bytearray):
        return 0
    filters = _filters(stream)
    while filters and filters[0] in _SHRINKING:
        # These only ever shrink their input, which the file size already bounds.
        from pypdf.filters import ASCII85Decode, ASCIIHexDecode

        decoder = ASCII85Decode if filters[0] in {"/ASCII85Decode", "/A85"} else ASCIIHexDecode
        try:
            decoded = decoder.decode(bytes(raw))
        except Exception:  # noqa: BLE001 - a broken stream is pdfium's to tolerate or not
            return len(raw)
        raw = decoded.encode("latin-1") if isinstance(decoded, str) else decoded
        filters = filters[1:]
    layers = 0
    while layers < len(filters) and filters[layers] in _FLATE:
        layers += 1
    if layers == 0:
        return len(raw)
    return _inflate_count(bytes(raw), layers, limit)


def _inflate_count(raw: bytes, layers: int, limit: int) -> int:
    """Bytes out of ``layers`` nested zlib streams, streaming, stopping past ``limit``."""
    decoders = [zlib.decompressobj() for _ in range(layers)]
    total = 0

    def feed(level: int, data: bytes) -> bool:
        """Push data into decoder ``level``; True once the output passes the limit."""
        nonlocal total
        if level == layers:
            total += len(data)
            return total > limit
        decoder = decoders[level]
        while data or not decoder.eof:
            try:
                out = decoder.decompress(data, _CHUNK)
            except zlib.error:
                return False  # damaged from here on: pdfium stops at the same place
            data = decoder.unconsumed_tail
            if out and feed(level + 1, out):
                return True
            if not data and len(out) < _CHUNK:
                return False
        return False

    for start in range(0, len(raw), _CHUNK):
        if feed(0, raw[start : start + _CHUNK]):
            return limit + 1
    return total
