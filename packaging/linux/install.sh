#!/usr/bin/env bash
# Installs Demand Desk from the unpacked archive this script sits in.
#   ./install.sh                 as root: /opt/demand-desk, /usr/local/bin/demand-desk and
#                                /usr/local/share; as a user: ~/.local/lib/demand-desk,
#                                ~/.local/bin/demand-desk and ~/.local/share
#   ./install.sh --prefix DIR    DIR/lib/demand-desk, DIR/bin/demand-desk, DIR/share
#   ./install.sh --uninstall     (with the same --prefix, if one was given) removes it
# Safe to run again: a newer version replaces the installed one. Needs Debian's
# tesseract-ocr package to read scanned demands (its language data ships in the app).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
umask 022  # installed files are readable by every user; the app itself runs with 077

action=install prefix=""
while (($#)); do
  case "$1" in
    --prefix) prefix="${2:?--prefix needs a folder}"; shift 2 ;;
    --uninstall) action=uninstall; shift ;;
    -h | --help) sed -n '2,9p' "$0"; exit 0 ;;
    *) echo "install.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done

if [ -n "$prefix" ]; then
  mkdir -p "$prefix"
  prefix="$(cd "$prefix" && pwd)"
  app_dir="$prefix/lib/demand-desk" bin_dir="$prefix/bin" share="$prefix/share"
elif [ "$(id -u)" -eq 0 ]; then
  app_dir=/opt/demand-desk bin_dir=/usr/local/bin share=/usr/local/share
else
  app_dir="$HOME/.local/lib/demand-desk" bin_dir="$HOME/.local/bin"
  share="${XDG_DATA_HOME:-$HOME/.local/share}"
fi

sizes=(16 24 32 48 64 128 256)
integration=(
  "applications/demand-desk.desktop"
  "metainfo/io.demanddesk.DemandDesk.metainfo.xml"
  "mime/packages/demand-desk.xml"
  "icons/hicolor/scalable/apps/demand-desk.svg"
)
for s in "${sizes[@]}"; do integration+=("icons/hicolor/${s}x${s}/apps/demand-desk.png"); done

refresh_caches() {  # best effort: a desktop without these tools rescans on its own
  if command -v update-mime-database >/dev/null; then update-mime-database "$share/mime" >/dev/null 2>&1 || true; fi
  if command -v update-desktop-database >/dev/null; then update-desktop-database -q "$share/applications" 2>/dev/null || true; fi
  if command -v gtk-update-icon-cache >/dev/null && [ -f "$share/icons/hicolor/index.theme" ]; then
    gtk-update-icon-cache -q -t "$share/icons/hicolor" 2>/dev/null || true
  fi
}

if [ "$action" = uninstall ]; then
  rm -rf -- "$app_dir"
  if [ -L "$bin_dir/demand-desk" ]; then rm -f -- "$bin_dir/demand-desk"; fi
  for f in "${integration[@]}"; do rm -f -- "$share/$f"; done
  refresh_caches
  echo "Removed Demand Desk from $app_dir (your data directory is kept)."
  exit 0
fi

[ -x "$here/demand-desk/demand-desk" ] || { echo "install.sh: no demand-desk/ folder beside this script" >&2; exit 1; }

# The app folder: copied beside the old one, then swapped in, so a failed copy leaves
# the installed version working.
mkdir -p "$(dirname "$app_dir")" "$bin_dir"
new="$app_dir.new.$$" old="$app_dir.old.$$"
trap 'rm -rf -- "$new" "$old"' EXIT
cp -a "$here/demand-desk" "$new"
if [ -e "$app_dir" ]; then mv -- "$app_dir" "$old"; fi
mv -- "$new" "$app_dir"
rm -rf -- "$old"
ln -sfn "$app_dir/demand-desk" "$bin_dir/demand-desk"

for f in "${integration[@]}"; do
  install -D -m 644 "$here/share/$f" "$share/$f"
done
# The menu entry starts the installed binary by its full path: ~/.local/bin is not on
# every desktop session's PATH.
exe="$bin_dir/demand-desk"
case "$exe" in *" "*) exe="\"$exe\"" ;; esac
sed -i "s|^Exec=demand-desk |Exec=$exe |" "$share/applications/demand-desk.desktop"
refresh_caches

echo "Installed Demand Desk $("$app_dir/demand-desk" --version | cut -d' ' -f2) in $app_dir"
echo "  command: $bin_dir/demand-desk"
case ":$PATH:" in *":$bin_dir:"*) ;; *) echo "  ($bin_dir is not on your PATH)";; esac
if ! command -v tesseract >/dev/null; then
  echo "Tesseract is missing, so scanned demands cannot be read. Install it with:" >&2
  echo "  sudo apt-get install tesseract-ocr" >&2
fi
