#!/usr/bin/env bash
# Builds the installable Linux app: dist/demand-desk-<version>-linux-x86_64.tar.gz, one
# archive holding the PyInstaller one-folder app, its desktop integration and install.sh
# (packaging/README.md). Runs on a clean Debian machine: packaging/bootstrap.sh installs
# the Debian packages and .venv, this installs PyInstaller into that .venv. Safe to run
# again: every output is rebuilt from scratch. Prints the build time and archive size.
set -euo pipefail
cd "$(dirname "$0")/.."
start=$SECONDS

packaging/bootstrap.sh app  # the frozen app is built from the project's .venv
py=.venv/bin/python
$py -c 'import PyInstaller' 2>/dev/null \
  || $py -m pip install -q --disable-pip-version-check 'pyinstaller>=6.10,<7' </dev/null

version="$($py -c 'from importlib.metadata import version; print(version("demand-desk"))')"
arch="$(uname -m)"
name="demand-desk-$version-linux-$arch"
linux=packaging/linux
metainfo="$linux/io.demanddesk.DemandDesk.metainfo.xml"

# Release metadata must name this version before anything is built.
grep -q "<release version=\"$version\"" "$metainfo" || {
  echo "build.sh: $metainfo has no <release version=\"$version\">; add one." >&2
  exit 1
}
# The validators come with `packaging/bootstrap.sh test` (CI); a bare build skips them.
if command -v desktop-file-validate >/dev/null; then desktop-file-validate "$linux/demand-desk.desktop"; fi
if command -v appstreamcli >/dev/null; then
  appstreamcli validate --no-net --explain "$metainfo" >/dev/null \
    || { appstreamcli validate --no-net "$metainfo"; exit 1; }
fi

rm -rf build/icons "dist/$name" "dist/$name.tar.gz" dist/demand-desk
QT_QPA_PLATFORM=offscreen $py packaging/render_icons.py build/icons
DEMAND_DESK_ICONS=build/icons .venv/bin/pyinstaller --noconfirm --clean --log-level WARN \
  --distpath dist --workpath build packaging/demand-desk.spec

stage="dist/$name"
mkdir -p "$stage/share/applications" "$stage/share/metainfo" "$stage/share/mime/packages"
mv dist/demand-desk "$stage/demand-desk"
mkdir -p "$stage/share/icons" && cp -r build/icons/hicolor "$stage/share/icons/"
cp "$linux/demand-desk.desktop" "$stage/share/applications/"
cp "$metainfo" "$stage/share/metainfo/"
cp "$linux/demand-desk-mime.xml" "$stage/share/mime/packages/demand-desk.xml"
cp "$linux/install.sh" "$stage/"
cp "$linux/README.txt" "$stage/"
# Reproducible-ish: fixed owner and sorted names; mtimes are the build's.
tar --owner=0 --group=0 --numeric-owner --sort=name -C dist -czf "dist/$name.tar.gz" "$name"

mb() { du -sm "$1" | cut -f1; }
echo "built dist/$name.tar.gz: $(mb "dist/$name.tar.gz") MB archive, $(mb "$stage") MB unpacked," \
  "$((SECONDS - start)) s"
