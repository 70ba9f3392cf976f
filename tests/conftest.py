"""Fixtures every test shares: no network, a private temp folder, a set-up desk, demand PDFs.

Three guards run around every test:

- **No network.** The app never opens a network connection (DESIGN.md, "Security
  model"). Connecting or sending on any socket but a unix one (AF_INET/AF_INET6 above
  all), and name look-ups, are refused in this process and — via a generated
  ``sitecustomize`` on PYTHONPATH — in every Python process a test starts (the PDF
  reader, the ``demand-desk`` command). Unix sockets keep working: the keyring talks
  D-Bus over one. Any attempt fails the test, even if the code swallowed the error.
- **A private temp folder.** ``tempfile.gettempdir()`` and ``$TMPDIR`` point into the
  test's own folder (``private_tempdir``), so a test can look at what was left there.
- Environment variables the command line reads are removed so a developer's own
  ``DEMAND_DESK_*`` settings cannot leak into a test.
"""

from __future__ import annotations

import importlib.util
import io
import os
import secrets
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from types import ModuleType

import pytest

# tests/app and tests/db share their names with the packages they test. Unless the project
# root is on sys.path (`python -m pytest` from the root puts it there, the `pytest` script
# does not), `import db` finds the test folder, a namespace package, not the real one.
_ROOT = str(Path(__file__).resolve().parents[1])
if _ROOT not in sys.path:
    sys.path.insert(0, _ROOT)

from app import keys, services  # noqa: E402 - after the sys.path fix above
from app.datadir import DataDir  # noqa: E402
from app.display_language import display_language, set_display_language  # noqa: E402
from app.model import KeyStorage, Reviewer  # noqa: E402
from app.reviewers import Role  # noqa: E402
from db import Store  # noqa: E402

PASSPHRASE = "correct horse battery staple"
REVIEWER = "Ada"
PIN = "246813"
WORKSTATION = "test"

# Written to <session tmp>/netguard/sitecustomize.py: Python imports it at start-up in
# every child process, and this conftest loads the same file to guard the test process.
NETGUARD_SOURCE = '''\
"""Refuses network sockets. Written by tests/conftest.py; loaded by every test process."""
import os
import socket

# Everything but unix sockets is refused: D-Bus (the keyring) runs over a unix socket.
_ALLOWED = {getattr(socket, "AF_UNIX", None)}


class NetworkAccessBlocked(RuntimeError):
    """Code under test tried to reach the network."""


def install(report, patch=setattr):
    """Make internet connects and name look-ups call ``report(what)`` and raise."""

    def refuse(what):
        report(what)
        raise NetworkAccessBlocked(f"network access blocked in tests: {what}")

    real_connect = socket.socket.connect
    real_connect_ex = socket.socket.connect_ex
    real_sendto = socket.socket.sendto
    real_getaddrinfo = socket.getaddrinfo

    def connect(self, address):
        if self.family not in _ALLOWED:
            refuse(f"connect {address!r}")
        return real_connect(self, address)

    def connect_ex(self, address):
        if self.family not in _ALLOWED:
            refuse(f"connect_ex {address!r}")
        return real_connect_ex(self, address)

    def sendto(self, data, *args):
        if self.family not in _ALLOWED:
            refuse(f"sendto {args[-1]!r}")
        return real_sendto(self, data, *args)

    def create_connection(address, *args, **kwargs):
        refuse(f"create_connection {address!r}")

    def getaddrinfo(host, port, family=0, *args, **kwargs):
        if family not in _ALLOWED:
            refuse(f"getaddrinfo {host!r} {port!r}")
        return real_getaddrinfo(host, port, family, *args, **kwargs)

    patch(socket.socket, "connect", connect)
    patch(socket.socket, "connect_ex", connect_ex)
    patch(socket.socket, "sendto", sendto)
    patch(socket, "create_connection", create_connection)
    patch(socket, "getaddrinfo", getaddrinfo)


def _log(what):
    with open(os.environ["DEMAND_DESK_TEST_NETLOG"], "a", encoding="utf-8") as fh:
        fh.write(f"pid {os.getpid()}: {what}\\n")


if os.environ.get("DEMAND_DESK_TEST_NETLOG"):
    install(_log)
'''


@pytest.fixture(scope="session")
def netguard(tmp_path_factory: pytest.TempPathFactory) -> ModuleType:
    """The guard module, also written where child processes pick it up as sitecustomize."""
    folder = tmp_path_factory.mktemp("netguard")
    path = folder / "sitecustomize.py"
    path.write_text(NETGUARD_SOURCE, encoding="utf-8")
    spec = importlib.util.spec_from_file_location("_demand_desk_netguard", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.FOLDER = folder  # type: ignore[attr-defined]
    return module


@dataclass
class NetworkAttempts:
    """What the code under test tried; a test that provokes an attempt on purpose clears it."""

    in_process: list[str]
    log: Path

    def all(self) -> list[str]:
        children = self.log.read_text(encoding="utf-8").splitlines() if self.log.exists() else []
        return [*self.in_process, *children]

    def clear(self) -> None:
        self.in_process.clear()
        self.log.unlink(missing_ok=True)


@pytest.fixture(autouse=True)
def no_network(
    netguard: ModuleType, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[NetworkAttempts]:
    attempts = NetworkAttempts([], tmp_path / "network-attempts.log")
    netguard.install(attempts.in_process.append, monkeypatch.setattr)
    monkeypatch.setenv("DEMAND_DESK_TEST_NETLOG", str(attempts.log))
    pythonpath = os.environ.get("PYTHONPATH")
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(p for p in (str(netguard.FOLDER), pythonpath) if p))
    yield attempts
    tried = attempts.all()
    if tried:
        pytest.fail(f"the code tried to use the network: {tried}")


@pytest.fixture(autouse=True)
def private_tempdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """This test's temp folder: tempfile, SQLite and child processes all use it."""
    folder = tmp_path / "tmp"
    folder.mkdir(mode=0o700)
    monkeypatch.setenv("TMPDIR", str(folder))
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


@pytest.fixture(autouse=True)
def _umask_kept() -> Iterator[None]:
    """The command line sets the process umask to 077 (app/cli/launch.py); run in-process by a test,
    it must not change the modes of files later tests make."""
    before = os.umask(0o022)
    os.umask(before)
    yield
    os.umask(before)


@pytest.fixture(autouse=True)
def _no_demand_desk_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in list(os.environ):
        if name.startswith("DEMAND_DESK_") and name != "DEMAND_DESK_TEST_NETLOG":
            monkeypatch.delenv(name)


# -- the workstation ------------------------------------------------------------------


@pytest.fixture
def passphrase() -> str:
    """The workstation passphrase the ``desk`` fixture was set up with."""
    return PASSPHRASE


@pytest.fixture
def data_dir(tmp_path: Path) -> DataDir:
    """A data directory that does not exist yet."""
    return DataDir(tmp_path / "data")


@pytest.fixture(scope="session")
def _desk_template(tmp_path_factory: pytest.TempPathFactory) -> tuple[DataDir, bytes]:
    """One workstation set up for the whole session, and its database key.

    Argon2 makes a real set-up cost ~0.2 s (key wrapping plus the PIN hash); each
    ``desk`` is a byte-for-byte copy of this one, opened with the key directly.
    """
    template = DataDir(tmp_path_factory.mktemp("desk-template") / "data")
    services.set_up(
        template,
        workstation=WORKSTATION,
        reviewer=REVIEWER,
        pin=PIN,
        passphrase=PASSPHRASE,
        key_storage=KeyStorage.PASSPHRASE,
    ).close()
    return template, keys.unwrap_key(keys.read_key_file(template.key_path), PASSPHRASE)


@pytest.fixture
def desk(data_dir: DataDir, _desk_template: tuple[DataDir, bytes]) -> Iterator[services.Desk]:
    """A workstation set up with a passphrase, as reviewer Ada (administrator, PIN 246813) of
    workstation "test", with Ada signed in. Unlock it again with ``passphrase``."""
    template, key = _desk_template
    shutil.copytree(template.root, data_dir.root)
    desk = services.Desk(
        data_dir, data_dir.read_config(), Store(data_dir.store_path, key), lambda: datetime.now(UTC)
    )
    # What signing in with Ada's PIN gives, without paying Argon2 again in every test.
    desk.reviewer = Reviewer(REVIEWER, Role.ADMINISTRATOR)
    yield desk
    desk.close()


# -- looking at what is on disk -------------------------------------------------------


def snapshot(root: Path) -> dict[str, tuple[bytes, int, int]]:
    """Every file under root: its bytes, mtime (ns) and mode. The data directory's lock file
    is left out: each process that opens the directory notes its pid there (app/worklock.py)."""
    result = {}
    for path in sorted(root.rglob("*")):
        if path.is_file() and path.name != "demand-desk.lock":
            st = path.stat()
            result[str(path.relative_to(root))] = (path.read_bytes(), st.st_mtime_ns, st.st_mode)
    return result


@pytest.fixture
def dir_snapshot() -> Callable[[Path], dict[str, tuple[bytes, int, int]]]:
    return snapshot


@pytest.fixture
def find_leaks() -> Callable[..., list[str]]:
    """find_leaks(needles, *roots) -> "file: needle" for every needle found in any file."""

    def find(needles: Iterable[bytes], *roots: Path) -> list[str]:
        needles = list(needles)
        found = []
        for root in roots:
            for path in sorted(root.rglob("*")):
                if path.is_file():
                    data = path.read_bytes()
                    found += [f"{path}: {n[:40]!r}" for n in needles if n in data]
        return found

    return find


# -- demand PDFs ----------------------------------------------------------------------


@dataclass(frozen=True)
class Canary:
    """Strings that exist only in one test's demand, so any copy of them on disk is a leak."""

    text: str
    email: str


@pytest.fixture
def canary() -> Canary:
    return Canary(
        text="CANARY" + secrets.token_hex(8).upper(),
        email=f"j.doe.{secrets.token_hex(4)}@example.net",
    )


@pytest.fixture
def canary_pdf(canary: Canary) -> bytes:
    """A two-page demand with a text layer. Page streams are uncompressed, so the canary
    is in the PDF's bytes as well as in its text."""
    from reportlab.lib.pagesizes import LETTER
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    pdf = canvas.Canvas(buf, pagesize=LETTER, pageCompression=0)
    pdf.setTitle("Grand jury subpoena")
    lines = [
        "UNITED STATES DISTRICT COURT",
        "SUBPOENA TO PRODUCE DOCUMENTS",
        f"Matter reference {canary.text}",
        f"Produce the subscriber information for the account {canary.email}",
        "for the period 1 January 2025 to 31 December 2025.",
    ]
    for row, line in enumerate(lines):
        pdf.drawString(72, 720 - 18 * row, line)
    pdf.showPage()
    pdf.drawString(72, 720, "Respond within fourteen days of service of this subpoena.")
    pdf.drawString(72, 702, "Signed, Clerk of the Court, Southern District of Examplestate.")
    pdf.showPage()
    pdf.save()
    data = buf.getvalue()
    assert canary.text.encode() in data and canary.email.encode() in data
    return data


@pytest.fixture
def scanned_pdf(canary: Canary) -> bytes:
    """A one-page demand with no text layer: the words are pixels of an image."""
    from PIL import Image, ImageDraw
    from reportlab.lib.pagesizes import LETTER
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    image = Image.new("L", (850, 1100), 255)
    draw = ImageDraw.Draw(image)
    for row, line in enumerate(
        ["SEARCH WARRANT", f"Matter reference {canary.text}", f"Account {canary.email}"]
    ):
        draw.text((80, 100 + 40 * row), line, fill=0)
    buf = io.BytesIO()
    pdf = canvas.Canvas(buf, pagesize=LETTER)
    pdf.drawImage(ImageReader(image), 0, 0, width=LETTER[0], height=LETTER[1])
    pdf.showPage()
    pdf.save()
    return buf.getvalue()


# -- letters --------------------------------------------------------------------------

# A workstation's own letterhead: on one that is not the demo, a final letter leaves only
# once the example company's name is replaced (app/letters/service.py, Letters.held).
OUR_LETTERHEAD = {"organisation": "Quokka Mail", "legal_entity": "Quokka Mail GmbH"}


def use_our_letterhead(letters: object) -> None:
    """Set ``OUR_LETTERHEAD`` through ``letters`` (an app.letters.service.Letters)."""
    letters.set_letterhead(**OUR_LETTERHEAD)  # type: ignore[attr-defined]


# -- the fuzzing suite's bounds (tests/fuzz) ------------------------------------------------
# Derandomized: every run tries the same inputs (a seed derived from each test), so a
# failure repeats and CI does not flake; Hypothesis prints the failing input and a
# @reproduce_failure blob. `--hypothesis-profile=explore` tries new inputs and prints the
# seed of a failing run (`--hypothesis-seed=N` repeats it). No example database: nothing
# a test generated is written to disk.
from hypothesis import HealthCheck  # noqa: E402
from hypothesis import settings as hypothesis_settings  # noqa: E402

_FUZZ = {
    "max_examples": 60,
    "deadline": 10_000,  # ms per example; the hang guard in tests/fuzz/conftest.py is the hard stop
    "database": None,
    "print_blob": True,
    "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large],
}
hypothesis_settings.register_profile("fuzz", derandomize=True, **_FUZZ)
hypothesis_settings.register_profile("explore", derandomize=False, **_FUZZ)
# A long hunt, by hand: twenty times the examples, new inputs each run.
hypothesis_settings.register_profile(
    "deep", parent=hypothesis_settings.get_profile("explore"), max_examples=1200
)
hypothesis_settings.load_profile("fuzz")


@pytest.fixture
def german() -> Iterator[None]:
    """The core's words in German for the test (the window's display language), English after."""
    before = display_language()
    set_display_language("de")
    yield
    set_display_language(before)
