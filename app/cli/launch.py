"""How the program starts before any command runs: the process hardening, the window or a
worker, a bundle opened from the file manager, and ``--version``."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from app.bundle.format import EXTENSION as BUNDLE_EXTENSION
from app.cli.common import EXIT_USAGE


def _version() -> str:
    """The installed package's version (pyproject.toml); frozen builds carry its metadata too."""
    from importlib import metadata

    try:
        return metadata.version("demand-desk")
    except metadata.PackageNotFoundError:  # pragma: no cover - run from a bare source tree
        return "unknown"


class VersionAction(argparse.Action):
    """``--version``, looked up only when asked: reading package metadata costs ~0.1 s."""

    def __init__(self, option_strings: Sequence[str], dest: str, help: str | None = None) -> None:
        super().__init__(
            option_strings, dest=argparse.SUPPRESS, default=argparse.SUPPRESS, nargs=0, help=help
        )

    def __call__(self, parser: argparse.ArgumentParser, *_args: object, **_kwargs: object) -> None:
        print(f"demand-desk {_version()}")
        parser.exit()


def split_bundle(argv: list[str]) -> tuple[str | None, list[str]]:
    """``demand-desk [options] FILE.ddb`` (a file manager opening a bundle): the file, the rest.

    Only when the first argument that is not an option is a bundle path, not a command.
    """
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg in ("--data-dir", "--reviewer"):  # the global options that take a value
            i += 2
            continue
        if arg.startswith("-"):
            i += 1
            continue
        if arg.lower().endswith(BUNDLE_EXTENSION) and i == len(argv) - 1:
            return arg, argv[:i]
        break
    return None, argv


def harden_process() -> None:
    """Private files by default, and no core dumps: a crash dump would hold case data."""
    os.umask(0o077)
    try:
        import resource
    except ImportError:  # pragma: no cover - Windows has neither umask semantics nor rlimits
        return
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def display_missing() -> bool:
    """On Linux, no display to open the window on (and no Qt platform chosen instead)."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return False
    return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def run_worker(module: str) -> int:
    """Frozen builds have no ``python -m``: the app binary starts its own reader processes."""
    if module == "app.intake.pdfprobe":
        from app.intake import pdfprobe

        return pdfprobe.main()
    if module == "app.intake.ocrworker":
        from app.intake import ocrworker

        return int(ocrworker.main() or 0)
    if module == "app.intake.factsproc":
        from app.intake import factsproc

        return factsproc.main()
    print(f"unknown worker {module}", file=sys.stderr)
    return EXIT_USAGE
