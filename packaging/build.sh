#!/usr/bin/env bash
# Builds the installable app: dist/demand-desk/ (a PyInstaller onedir bundle) with the
# desktop entry and icon beside it. Takes minutes; not part of CI.
# Install: copy dist/demand-desk/ to /opt, link /opt/demand-desk/demand-desk into PATH,
# demand-desk.desktop into ~/.local/share/applications and the icon into
# ~/.local/share/icons/hicolor/scalable/apps/.
set -euo pipefail
cd "$(dirname "$0")/.."

packaging/bootstrap.sh app  # the frozen app is built from the project's .venv
.venv/bin/python -c 'import PyInstaller' 2>/dev/null \
  || .venv/bin/python -m pip install -q --disable-pip-version-check 'pyinstaller>=6.10'
.venv/bin/pyinstaller --noconfirm --clean --distpath dist --workpath build packaging/demand-desk.spec
cp packaging/demand-desk.desktop resources/icons/demand-desk.svg dist/demand-desk/
echo "built dist/demand-desk/demand-desk"
