"""OCR of scanned pages: ``ocr_pages`` reads pages of an untrusted PDF with Tesseract.

The work happens in worker processes (``app.intake.ocrworker``), one per core, each
given the PDF once (on Linux one sealed in-memory copy that all of them map, elsewhere
over its stdin) and then fed one page at a time, so that at most one page image per
worker exists at any moment (a 300-page scan costs the memory of a few pages). A
worker runs under the reader's memory limit and cannot dump core; a worker that dies
(pdfium or Tesseract crashing on a hostile page) or takes longer than
``OCR_PAGE_TIMEOUT_S`` on a page ends the call with "Page N could not be read: …".
Cancelling kills every worker and its Tesseract within a poll interval (50 ms); so does
running past the document's time budget (``limits.ocr_budget``: so much per page, with a
floor and a ceiling), which ends the call with "Reading stopped after N s: …".

Nothing of the demand touches the disk: the PDF reaches the workers as a memory file
(memfd, no name in any file system) or over a pipe, page images go to Tesseract on
its stdin, words come back on stdouts.

Coordinates: every box is in PDF points of the page as stored and as the viewer draws
it (its /Rotate applied, origin top-left; the text-layer reader in ``pdfprobe`` uses
the same frame). When a scan lies sideways or upside down in the PDF, the page is
OCRed turned upright and the boxes are turned back, so they fall on the words where
the viewer shows the page, unturned. How a turn is found: ``ocrworker``'s docstring.

Language: ``languages`` (Tesseract codes, e.g. "deu" or "eng+fra") is used as given,
for instance when the jurisdiction is known. Without it, the first pages are read in
English; a page read poorly has its script found by Tesseract's orientation-and-script
detection and is read again with that script's model (Russian, Chinese, Arabic, …, with
English beside it for the URLs and addresses such pages quote); each page's function
words tell its language within its script (English, German, French, Spanish, Portuguese,
Italian, Dutch, Polish, Turkish; Russian or Ukrainian), a page found to be in another is
read again in that one, and later pages start in the language last seen, so a German or
Russian demand costs one or two extra passes, not one per page (``ocrworker`` has the
details). Reading every page with ``eng+deu+fra+spa`` instead costs 1.4–1.8 times
as much on every page.
"""

from __future__ import annotations

import json
import os
import queue
import re
import shutil
import signal
import subprocess
import threading
import time
from collections import deque
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import NoReturn

from app.intake import limits, ocrtext
from app.intake.child import child_env, lower_priority
from app.intake.pdf import IntakeCancelledError, IntakeError, check_untrusted_pdf, reader_argv
from app.intake.readerjson import OcrHeader, OcrJob, as_float, as_int, as_list
from app.jsontypes import JsonObject
from app.model import PageSource, PageText, Word

WORKER_MODULE = "app.intake.ocrworker"
POLL_S = 0.05
_LANGUAGES = re.compile(r"[a-z][a-z0-9_]{1,31}(\+[a-z][a-z0-9_]{1,31})*")
_POSIX = os.name == "posix"

Progress = Callable[[int, int, str], None]


class OcrBudgetError(IntakeError):
    """The document's OCR ran past its time budget and was stopped; nothing was kept."""


class PageReadError(IntakeError):
    """One page could not be read; ``pages_done`` holds the pages that were."""

    def __init__(self, message: str, page_no: int, pages_done: list[PageText]) -> None:
        super().__init__(message)
        self.page_no = page_no
        self.pages_done = pages_done


def ocr_pages(
    untrusted_pdf: bytes,
    page_numbers: Sequence[int],
    *,
    languages: str | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    workers: int | None = None,
    seconds_per_page: float | None = None,
) -> list[PageText]:
    """OCR these pages (1-based) of the PDF; one ``PageText`` per page, in the order asked.

    ``progress(done, total, "OCR page done of total")`` follows each page finished.
    Raises ``IntakeError`` (``PageReadError`` for one page) when the file or a page
    cannot be read, ``OcrBudgetError`` when the whole run takes longer than
    ``limits.ocr_budget`` of the pages asked (``seconds_per_page``: the workstation's
    setting, default ``limits.OCR_SECONDS_PER_PAGE``), ``IntakeCancelledError``
    when ``cancelled()`` turns true. Every worker is killed before any of these is raised.
    """
    check_untrusted_pdf(untrusted_pdf)
    wanted = list(page_numbers)
    if any(isinstance(n, bool) or not isinstance(n, int) or n < 1 for n in wanted):
        raise ValueError(f"page numbers start at 1: {wanted!r}")
    if len(set(wanted)) != len(wanted):
        raise ValueError(f"page numbers repeat: {wanted!r}")
    if not wanted:
        return []
    if shutil.which("tesseract") is None:
        raise IntakeError(
            "Tesseract is not installed, so scanned pages cannot be read (package tesseract-ocr)."
        )
    if languages is not None:
        _check_languages(languages)
    if cancelled is not None and cancelled():
        raise IntakeCancelledError("Reading the scanned pages was cancelled.")
    count = max(1, min(workers or _cpu_count(), len(wanted)))
    run = _Run(untrusted_pdf, wanted, languages, count, progress, cancelled)
    run.budget = limits.ocr_budget(len(wanted), seconds_per_page)
    return run.run()


def _cpu_count() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


@lru_cache(maxsize=1)
def installed_languages() -> frozenset[str]:
    """Tesseract's installed language packs (cached: the list changes with a package install)."""
    try:
        listing = subprocess.run(
            ["tesseract", "--list-langs"], capture_output=True, timeout=10, check=False
        ).stdout.decode("utf-8", "replace")
    except (OSError, subprocess.TimeoutExpired):
        return frozenset()
    return frozenset(line.strip() for line in listing.splitlines()[1:] if line.strip())


def _check_languages(languages: str) -> None:
    if not _LANGUAGES.fullmatch(languages):
        raise IntakeError(f"{languages!r} is not a Tesseract language list such as 'eng' or 'deu+eng'.")
    missing = [code for code in languages.split("+") if code not in installed_languages()]
    if missing:
        have = ", ".join(sorted(installed_languages())) or "none"
        raise IntakeError(f"No Tesseract language pack for {', '.join(missing)} (installed: {have}).")


def shared_copy(untrusted_pdf: bytes) -> int | None:
    """The PDF in a sealed, read-only memory file the workers share; None where there is none.

    Linux only (memfd): the workers map the one copy instead of each holding its own,
    so a 100 MB scan costs 100 MB once, not once per core. It lives in memory like any
    other page of the app's; it has no name on any file system.
    """
    if not hasattr(os, "memfd_create"):  # pragma: no cover - not Linux: each worker gets a copy
        return None
    import fcntl

    fd = os.memfd_create("demand", os.MFD_CLOEXEC | os.MFD_ALLOW_SEALING)
    try:
        view = memoryview(untrusted_pdf)
        written = 0
        while written < len(view):
            written += os.write(fd, view[written : written + (1 << 24)])
        seals = fcntl.F_SEAL_SEAL | fcntl.F_SEAL_SHRINK | fcntl.F_SEAL_GROW | fcntl.F_SEAL_WRITE
        fcntl.fcntl(fd, fcntl.F_ADD_SEALS, seals)
    except BaseException:
        os.close(fd)
        raise
    return fd


class _Worker:
    """One worker process, with a thread that feeds its stdin and one that reads its stdout."""

    def __init__(
        self,
        untrusted_pdf: bytes,
        shared: int | None,
        inbox: queue.Queue[tuple[_Worker, JsonObject | None]],
    ) -> None:
        self.proc = subprocess.Popen(
            reader_argv(WORKER_MODULE),
            env=child_env(),  # none of the app's secrets in a process that reads a hostile file
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            pass_fds=() if shared is None else (shared,),
            # Its own process group, so that a kill takes its Tesseract along.
            start_new_session=_POSIX,
        )
        lower_priority(self.proc.pid)
        self.ready = False
        self.page: int | None = None  # the page it is reading
        self.since = time.monotonic()
        self._outbox: queue.Queue[bytes | None] = queue.Queue()
        auto = sorted(installed_languages() & set(ocrtext.AUTO_LANGUAGES))
        header: OcrHeader = {"size": len(untrusted_pdf), "languages": auto}
        if shared is not None:
            header["fd"] = shared
        payload = b"" if shared is not None else untrusted_pdf
        self._threads = [
            threading.Thread(
                target=self._write, args=(json.dumps(header).encode() + b"\n", payload), daemon=True
            ),
            threading.Thread(target=self._read, args=(inbox,), daemon=True),
        ]
        for thread in self._threads:
            thread.start()

    def _write(self, header: bytes, untrusted_pdf: bytes) -> None:
        stdin = self.proc.stdin
        assert stdin is not None
        try:
            stdin.write(header)
            stdin.write(untrusted_pdf)
            stdin.flush()
            while (message := self._outbox.get()) is not None:
                stdin.write(message)
                stdin.flush()
            stdin.close()
        except (OSError, ValueError):  # the worker died or was killed
            pass

    def _read(self, inbox: queue.Queue[tuple[_Worker, JsonObject | None]]) -> None:
        stdout = self.proc.stdout
        assert stdout is not None
        try:
            for line in stdout:
                try:
                    message = json.loads(line)
                except ValueError:
                    message = {"garbled": True}
                inbox.put((self, message if isinstance(message, dict) else {"garbled": True}))
        except (OSError, ValueError):
            pass
        inbox.put((self, None))

    def read(self, page_no: int, language: str, auto: bool) -> None:
        self.page, self.since = page_no, time.monotonic()
        job: OcrJob = {"page": page_no, "lang": language, "auto": auto}
        self._outbox.put(json.dumps(job).encode() + b"\n")

    def finish(self) -> None:
        self.page = None
        self._outbox.put(None)

    def kill(self) -> None:
        if self.proc.poll() is None:
            try:
                if _POSIX:
                    os.killpg(self.proc.pid, signal.SIGKILL)
                else:  # pragma: no cover - Windows: no process groups to kill
                    self.proc.kill()
            except ProcessLookupError:
                pass
        self.proc.wait()
        self._outbox.put(None)
        for stream in (self.proc.stdin, self.proc.stdout):
            try:
                if stream is not None:
                    stream.close()
            except OSError:
                pass
        for thread in self._threads:
            thread.join(timeout=1.0)


class _Run:
    """One call of ``ocr_pages``: hands pages to workers as they come free."""

    def __init__(
        self,
        untrusted_pdf: bytes,
        wanted: list[int],
        languages: str | None,
        worker_count: int,
        progress: Progress | None,
        cancelled: Callable[[], bool] | None,
    ) -> None:
        self.untrusted_pdf = untrusted_pdf
        self.wanted = wanted
        self.languages = languages
        self.worker_count = worker_count
        self.progress = progress
        self.cancelled = cancelled
        self.todo = deque(wanted)
        self.done: dict[int, PageText] = {}
        # Without a language given, pages start in the language the last page was in.
        self.guess = ocrtext.DEFAULT_LANGUAGE
        self.timeout = limits.OCR_PAGE_TIMEOUT_S
        self.budget = limits.ocr_budget(len(wanted))

    def run(self) -> list[PageText]:
        inbox: queue.Queue[tuple[_Worker, JsonObject | None]] = queue.Queue()
        workers: list[_Worker] = []
        total = len(self.wanted)
        shared = shared_copy(self.untrusted_pdf)
        started = time.monotonic()
        try:
            for _ in range(self.worker_count):
                worker = _Worker(self.untrusted_pdf, shared, inbox)
                workers.append(worker)
                self._next(worker)
            if shared is not None:  # the workers hold it now
                os.close(shared)
                shared = None
            if self.progress:
                self.progress(0, total, f"OCR page 0 of {total}")
            while len(self.done) < total:
                if self.cancelled is not None and self.cancelled():
                    raise IntakeCancelledError("Reading the scanned pages was cancelled.")
                self._check_budget(started)
                try:
                    worker, message = inbox.get(timeout=POLL_S)
                except queue.Empty:
                    self._check_time(workers)
                    continue
                self._handle(worker, message)
                if self.progress and message and message.get("ok"):
                    done = len(self.done)
                    self.progress(done, total, f"OCR page {done} of {total}")
        finally:
            if shared is not None:
                os.close(shared)
            for worker in workers:
                worker.kill()
        return [self.done[n] for n in self.wanted]

    def _next(self, worker: _Worker) -> None:
        if self.todo:
            worker.read(self.todo.popleft(), self.languages or self.guess, self.languages is None)
        else:
            worker.finish()

    def _handle(self, worker: _Worker, message: JsonObject | None) -> None:
        if message is None:  # its stdout closed: it ended
            if worker.page is None:
                return
            if not worker.ready:
                raise IntakeError("The PDF reader stopped on this file (it may be damaged or hostile).")
            self._fail(worker.page, "the reader stopped on it (the page may be damaged or hostile)")
        if "fatal" in message:
            raise IntakeError(str(message["fatal"]))
        if message.get("ready"):
            worker.ready = True
            return
        page_no = worker.page
        if page_no is None or message.get("garbled") or message.get("page") != page_no:
            self._fail(page_no or 0, "the reader gave no usable answer")
        if not message.get("ok"):
            self._fail(page_no, str(message.get("error") or "unknown reason"))
        self.done[page_no] = _page_text(message)
        if self.languages is None and message.get("language"):
            self.guess = str(message["language"])
        self._next(worker)

    def _check_budget(self, started: float) -> None:
        spent = time.monotonic() - started
        if spent > self.budget:
            total = len(self.wanted)
            raise OcrBudgetError(
                f"Reading stopped after {spent:.0f} s: the document has {total} scanned "
                f"page{'s' if total != 1 else ''} to read, and {self.budget:.0f} s is the limit "
                f"for a document of that length ({len(self.done)} read). Nothing was stored; "
                "if the document is genuine, split it or enter its facts from the served original."
            )

    def _check_time(self, workers: list[_Worker]) -> None:
        now = time.monotonic()
        for worker in workers:
            if worker.page is not None and now - worker.since > self.timeout:
                if not worker.ready:
                    raise IntakeError(f"Reading the PDF took longer than {self.timeout:g} s; it was stopped.")
                self._fail(worker.page, f"it took longer than {self.timeout:g} s; it was stopped")

    def _fail(self, page_no: int, reason: str) -> NoReturn:
        done = [self.done[n] for n in self.wanted if n in self.done]
        raise PageReadError(f"Page {page_no} could not be read: {reason}.", page_no, done)


def _page_text(message: JsonObject) -> PageText:
    return PageText(
        page_no=as_int(message["page"]),
        width=as_float(message["width"]),
        height=as_float(message["height"]),
        source=PageSource.OCR,
        text=str(message["text"]),
        words=[
            Word(
                str(w[0]),
                (as_float(w[1]), as_float(w[2]), as_float(w[3]), as_float(w[4])),
                as_float(w[5]),
                as_int(w[6]),
            )
            for w in map(as_list, as_list(message["words"]))
        ],
    )
