#!/usr/bin/env bash
# Idempotent set-up behind run.sh and test.sh: Debian packages, .venv, the project.
#   packaging/bootstrap.sh app    runtime packages only
#   packaging/bootstrap.sh test   runtime + test packages
# A second run installs nothing and takes well under a second.
set -euo pipefail
cd "$(dirname "$0")/.."

# Runtime: tesseract + language packs for OCR, and the X11/xcb, EGL/GL, fontconfig and
# D-Bus libraries that PySide6's libqxcb.so links against but its wheels do not ship
# (checked with ldd on PySide6 6.12; libxcb-shape0 is not pulled in by the others).
# The language packs are the languages demands arrive in (issue 16); osd is Tesseract's
# orientation-and-script detection, with which OCR picks the model for a page it reads poorly.
# Keep in step with app/intake/ocrtext.py's AUTO_LANGUAGES, which the packaged app ships.
ocr_langs=(eng deu fra spa por ita nld pol tur rus ukr ara hin chi-sim chi-tra jpn kor osd)
runtime=(tesseract-ocr "${ocr_langs[@]/#/tesseract-ocr-}"
  libxcb-cursor0 libxkbcommon-x11-0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0
  libxcb-render-util0 libxcb-shape0 libegl1 libgl1 libfontconfig1 libdbus-1-3 libxkbcommon0)
# Tests: a virtual X server, a private D-Bus session with a real Secret Service
# (gnome-keyring), poppler's pdftotext/pdftoppm to read exported PDFs, desktop-file-validate,
# the standard age and unzip commands that must open a case bundle, and for the smoke test
# of the built app (packaging/smoke.sh) appstreamcli and strace (no network connection).
# A CJK font (fonts-noto-cjk) typesets the synthetic Chinese scan of the test corpus.
testing=(xvfb xauth gnome-keyring dbus dbus-x11 poppler-utils desktop-file-utils age unzip
  appstream strace fonts-noto-cjk)

case "${1:-}" in
  app) pkgs=("${runtime[@]}") ;;
  test) pkgs=("${runtime[@]}" "${testing[@]}") ;;
  *) echo "usage: $0 app|test" >&2; exit 2 ;;
esac

# Python 3.11: python3.11 on PATH (Debian 12's /usr/bin one, or a pyenv shim), else python3.
py="$(command -v python3.11 || command -v python3 || true)"
[ -n "$py" ] || { echo "bootstrap: Python 3.11 not found (apt-get install python3)" >&2; exit 1; }
venv_ok() { .venv/bin/python -c 'import sys; assert sys.version_info >= (3, 11)' 2>/dev/null; }
# Debian splits ensurepip (needed by `python3 -m venv`) into python3-venv.
if ! venv_ok && ! "$py" -c 'import ensurepip' 2>/dev/null; then pkgs+=(python3-venv); fi

# One dpkg-query for all packages ("ii" = installed); `dpkg -s` would also accept
# packages removed but not purged.
installed="$(dpkg-query -W -f='${db:Status-Abbrev} ${Package}\n' "${pkgs[@]}" 2>/dev/null \
  | awk '$1 == "ii" { print $2 }' || true)"
missing=()
for p in "${pkgs[@]}"; do
  grep -qx -- "$p" <<<"$installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  if [ "$(id -u)" -ne 0 ]; then
    echo "bootstrap: these Debian packages are missing: ${missing[*]}" >&2
    echo "Install them once with sudo, then run this again:" >&2
    echo "  sudo apt-get update && sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
    exit 1
  fi
  echo "bootstrap: installing Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive  # no prompts: CI has no stdin
  apt-get update -q
  apt-get install -y -q --no-install-recommends "${missing[@]}" </dev/null
fi

# A venv whose interpreter is gone (moved machine, removed pyenv) is rebuilt, not trusted.
if ! venv_ok; then
  echo "bootstrap: creating .venv with $py"
  "$py" -m venv --clear .venv
fi

# Skip pip when nothing it depends on changed: pyproject.toml, and the set of top-level
# packages (the editable install maps each one at install time; files inside are live).
stamp=.venv/.demand-desk-installed
want="$({ cat pyproject.toml; ls -d -- */__init__.py 2>/dev/null; } | sha256sum | cut -d' ' -f1)"
if [ -x .venv/bin/demand-desk ] && [ "$(cat "$stamp" 2>/dev/null || true)" = "$want" ]; then
  exit 0
fi
echo "bootstrap: installing the project into .venv (pip install -e '.[dev]')"
.venv/bin/python -m pip install -q --disable-pip-version-check -e '.[dev]' </dev/null
printf '%s\n' "$want" >"$stamp"
