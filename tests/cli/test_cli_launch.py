"""How ``demand-desk`` starts when it is not given a subcommand: --version, a bundle path
from the desktop's file association (``Exec=demand-desk %f``), and the hidden smoke-test
switch packaging/smoke.sh opens and closes the window with."""

from __future__ import annotations

import os
import subprocess
import sys
from importlib import metadata
from pathlib import Path

import pytest

from app.cli.launch import split_bundle as _split_bundle

DEMAND_DESK = Path(sys.executable).with_name("demand-desk")


def run(
    *args: str, env: dict[str, str] | None = None, drop: tuple[str, ...] = ()
) -> subprocess.CompletedProcess:
    environ = {k: v for k, v in os.environ.items() if k not in drop} | (env or {})
    return subprocess.run(
        [str(DEMAND_DESK), *args],
        env=environ,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_version_prints_the_package_version() -> None:
    done = run("--version")
    assert done.returncode == 0, done.stderr
    assert done.stdout == f"demand-desk {metadata.version('demand-desk')}\n"


@pytest.mark.parametrize(
    ("argv", "bundle", "rest"),
    [
        (["case.ddb"], "case.ddb", []),
        (["--data-dir", "/d", "/share/A_1.DDB"], "/share/A_1.DDB", ["--data-dir", "/d"]),
        (["--data-dir=/d", "x.ddb"], "x.ddb", ["--data-dir=/d"]),
        (["bundle", "import", "x.ddb"], None, ["bundle", "import", "x.ddb"]),
        (["--data-dir", "x.ddb"], None, ["--data-dir", "x.ddb"]),
        (["intake", "x.pdf"], None, ["intake", "x.pdf"]),
        ([], None, []),
    ],
)
def test_only_a_lone_bundle_path_is_taken_for_a_bundle(argv, bundle, rest) -> None:
    assert _split_bundle(argv) == (bundle, rest)


def test_a_bundle_path_without_a_display_says_how_to_import_it(tmp_path: Path) -> None:
    done = run(
        "--data-dir",
        str(tmp_path / "home"),
        str(tmp_path / "case.ddb"),
        drop=("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"),
    )
    assert done.returncode == 1
    assert f"demand-desk bundle import {tmp_path / 'case.ddb'}" in done.stderr
    assert "no display" in done.stderr
    assert "invalid choice" not in done.stderr


@pytest.mark.gui
def test_smoke_switch_shows_the_window_and_exits_0(tmp_path: Path) -> None:
    home = str(tmp_path / "home")
    secrets = {"DEMAND_DESK_PASSPHRASE": "launch passphrase", "DEMAND_DESK_PIN": "246813"}
    init = run("--data-dir", home, "init", "--workstation", "w", "--reviewer", "Ada", env=secrets)
    assert init.returncode == 0, init.stderr
    done = run("--data-dir", home, env={"QT_QPA_PLATFORM": "offscreen", "DEMAND_DESK_SMOKE_QUIT_MS": "0"})
    assert done.returncode == 0, done.stderr
    assert "demand-desk: window shown" in done.stderr
    assert "Traceback" not in done.stderr
