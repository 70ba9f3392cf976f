"""Limits checked before and while an untrusted PDF is parsed."""

MAX_PDF_BYTES = 100 * 1024 * 1024
MAX_PAGES = 1000
# A page larger than 5 m on a side is not a letter; it is an attack on the rasteriser.
MAX_PAGE_POINTS = 5000 / 25.4 * 72
# The reader process dies rather than take the workstation's memory with it.
READER_MEMORY_BYTES = 1536 * 1024 * 1024
READER_TIMEOUT_S = 60.0
# Fewer printable characters than this on a page means the text layer is not usable.
MIN_TEXT_LAYER_CHARS = 20
