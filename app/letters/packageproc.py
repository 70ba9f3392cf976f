"""The response package assembled in a process of its own, under the reader's limits.

``package`` parses PDFs with pypdf: the letters this desk rendered, but also the demand,
which came from outside (or from a colleague's bundle). A content-stream bomb would take
the app's memory with it, and a page of millions of drawing operators keeps pypdf busy
for tens of seconds. Here the child runs under ``limit_resources`` (memory, no core
dumps) with a time limit, refuses a page whose content inflates past ``MAX_STREAM_BYTES``
(the intake check) or holds more drawing instructions than ``PACKAGE_MAX_PAGE_CONTENT``
before pypdf parses it, and the parent turns every way it can end into a PackageError.

Protocol: stdin is one JSON line ``{"reference": …, "sizes": [n, …], "demand": bool,
"options": {…}}`` then the documents' bytes one after another (the letters, then the
demand); stdout is ``OK\\n`` and the package, or ``ERR\\n`` and the reason.
Run as ``python -m app.letters.packageproc``.
"""

from __future__ import annotations

import io
import json
import sys

from app.intake.child import ChildTimeoutError, exchange
from app.intake.limits import READER_TIMEOUT_S
from app.intake.pdf import reader_argv
from app.letters.package import PackageError

# The decoded content of one page that the package stamps. A typed or scanned page needs
# kilobytes; pypdf parses about 250 KB of operators a second, so a 5 MB "text flood"
# page would hold the package up for 20 s.
PACKAGE_MAX_PAGE_CONTENT = 1 << 20
PACKAGE_TIMEOUT_S = READER_TIMEOUT_S


def package_isolated(
    letters: list[bytes],
    demand: bytes | None,
    reference: str,
    *,
    timeout: float = PACKAGE_TIMEOUT_S,
    **options: object,
) -> bytes:
    """``package.package(letters, demand, reference, **options)`` in a child process.

    ``options`` are passed on as JSON. Raises PackageError with the reason it failed.
    """
    documents = [*letters, *([demand] if demand is not None else [])]
    header = {"reference": reference, "sizes": [len(d) for d in documents], "demand": demand is not None}
    header["options"] = options
    data = json.dumps(header).encode() + b"\n" + b"".join(documents)
    try:
        status, out = exchange(reader_argv("app.letters.packageproc"), data, timeout=timeout)
    except ChildTimeoutError:
        raise PackageError(
            f"assembling the package took longer than {timeout:.0f} s; it was stopped"
        ) from None
    if status != 0 or not out.startswith((b"OK\n", b"ERR\n")):
        raise PackageError("assembling the package stopped (a document in it may be damaged or hostile)")
    if out.startswith(b"ERR\n"):
        raise PackageError(out[4:].decode("utf-8", "replace"))
    return out[3:]


def _check(name: str, data: bytes) -> None:
    """Intake's stream check, and the package's own bound on drawing instructions per page."""
    import pypdf

    from app.intake.limits import MAX_STREAM_BYTES
    from app.intake.pdfcheck import StreamChecker, inflated_size

    try:
        reader = pypdf.PdfReader(io.BytesIO(data), strict=False)
        pages = list(reader.pages) if not reader.is_encrypted else []
    except Exception:  # noqa: BLE001, S110 - package() says what is wrong with an unreadable file
        return
    streams = StreamChecker()
    for index, page in enumerate(pages):
        problem = streams.page_problem(reader, index)
        if problem:
            raise PackageError(f"page {index + 1} of the {name} {problem}")
        try:
            contents = page.get("/Contents")
            contents = contents.get_object() if contents is not None else None
            parts = contents if isinstance(contents, list) else [contents] if contents is not None else []
            size = sum(inflated_size(part.get_object(), MAX_STREAM_BYTES) for part in parts)
        except Exception:  # noqa: BLE001, S112 - pypdf's view is only a pre-check
            continue
        if size > PACKAGE_MAX_PAGE_CONTENT:
            raise PackageError(
                f"page {index + 1} of the {name} holds {size / 2**20:.1f} MB of drawing instructions, more "
                f"than the {PACKAGE_MAX_PAGE_CONTENT >> 20} MB a page may have to be stamped; "
                "send it beside the package instead"
            )


def _assemble(raw: bytes) -> bytes:
    from app.letters.package import package

    line, _, body = raw.partition(b"\n")
    header = json.loads(line)
    documents, offset = [], 0
    for size in header["sizes"]:
        documents.append(body[offset : offset + size])
        offset += size
    demand = documents.pop() if header["demand"] else None
    for number, letter in enumerate(documents, 1):
        _check(f"letter {number}" if len(documents) > 1 else "letter", letter)
    if demand is not None:
        _check("demand", demand)
    return package(documents, demand, header["reference"], **header["options"])


def main() -> int:
    from app.intake.pdfcheck import limit_resources

    limit_resources()
    raw = sys.stdin.buffer.read()
    try:
        result = b"OK\n" + _assemble(raw)
    except PackageError as exc:
        result = b"ERR\n" + str(exc).encode()
    except MemoryError:
        result = (
            b"ERR\nassembling the package needs more memory than is safe; a document in it may be hostile"
        )
    except RecursionError:
        result = (
            b"ERR\na document in the package is built in a way that cannot be read safely (too deeply nested)"
        )
    sys.stdout.buffer.write(result)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
