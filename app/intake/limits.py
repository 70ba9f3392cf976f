"""Limits checked before and while an untrusted PDF is parsed, rasterised and OCRed."""

MAX_PDF_BYTES = 100 * 1024 * 1024
MAX_PAGES = 1000
# A page larger than 5 m on a side is not a letter; it is an attack on the rasteriser.
MAX_PAGE_POINTS = 5000 / 25.4 * 72
# An image larger than this is not a scan: an A3 page at 600 dpi is 70 megapixels, and
# a 50,000 × 50,000 image would need 2.5 GB before the first pixel is drawn.
MAX_IMAGE_PIXELS = 100_000_000
# A decoded page content stream (or form) larger than this is a decompression bomb: a
# typed letter needs kilobytes, a dense vector map a few megabytes.
MAX_STREAM_BYTES = 128 * 1024 * 1024
# The reader processes die rather than take the workstation's memory with it.
READER_MEMORY_BYTES = 1536 * 1024 * 1024
READER_TIMEOUT_S = 60.0
# Fewer printable characters than this on a page means the text layer is not usable.
MIN_TEXT_LAYER_CHARS = 20

# -- OCR ----------------------------------------------------------------------------------
# Pages are rasterised for Tesseract at this resolution ...
OCR_DPI = 300
# ... unless the page is one scanned image whose own resolution is in this range: then
# it is OCRed at that resolution (no resampling, and a 200 dpi scan costs 200 dpi).
OCR_NATIVE_DPI_RANGE = (200, 400)
# Nor larger than this, whatever the page size: the raster of one page, in pixels.
OCR_MAX_RASTER_PIXELS = 40_000_000
# One page (rendering, Tesseract, a second pass for rotation or language) gets this long.
OCR_PAGE_TIMEOUT_S = 60.0
# The whole document's OCR gets this long per page to read, but never less than the floor
# (a one-page scan may need a second pass or two) nor more than the ceiling: a 124 KB PDF
# of 1,000 blank pages otherwise keeps every core busy for minutes with nothing to show.
# Blank pages take about 0.4 s of one core each, a dense scanned page 2-5 s.
OCR_SECONDS_PER_PAGE = 6.0
OCR_BUDGET_FLOOR_S = 120.0
OCR_BUDGET_CEILING_S = 900.0


# What a workstation may set its allowance per page to (``settings --set ocr_seconds_per_page``);
# the floor and the ceiling scale with it.
OCR_SECONDS_PER_PAGE_RANGE = (1, 60)


def ocr_budget(pages: int, seconds_per_page: float | None = None) -> float:
    """Seconds the OCR of ``pages`` scanned pages may take in all."""
    per_page = OCR_SECONDS_PER_PAGE if seconds_per_page is None else seconds_per_page
    scale = per_page / OCR_SECONDS_PER_PAGE
    return min(OCR_BUDGET_CEILING_S * scale, max(OCR_BUDGET_FLOOR_S * scale, per_page * pages))
