#!/usr/bin/env bash
# Smoke test of the built Linux app, as CI runs it after packaging/build.sh:
#   packaging/smoke.sh [ARCHIVE.tar.gz | UNPACKED_FOLDER]   (default: the newest dist/*.tar.gz)
# 1. the archive: one top folder, no tests, no .venv, no build paths, no network modules;
# 2. install.sh into a temporary prefix, desktop files valid;
# 3. the installed binary: --version, then headless init + intake of a scanned German
#    sample (OCR through the bundled language data) + assess + decide + letter;
#    no network connection and no plain SQLite file; a store keyed in the keyring;
# 4. the window opens (offscreen, and on X11 under xvfb-run when installed) and closes
#    with exit 0 (DEMAND_DESK_SMOKE_QUIT_MS, ui/main.py).
# Prints the --version time and the time from launch to window shown.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
# shellcheck disable=SC2012 # the newest of our own archives: names without surprises
target="${1:-$(ls -t "$root"/dist/demand-desk-*-linux-*.tar.gz 2>/dev/null | head -1)}"
if [ -z "$target" ] || [ ! -e "$target" ]; then
  echo "usage: $0 ARCHIVE.tar.gz|FOLDER (run packaging/build.sh first)" >&2
  exit 2
fi

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
fail() { echo "smoke: FAIL: $*" >&2; exit 1; }
say() { echo "smoke: $*"; }
ms_now() { date +%s%3N; }

# --- 1. the archive ---------------------------------------------------------------
if [ -f "$target" ]; then
  listing="$(tar tzf "$target")"
  top="$(cut -d/ -f1 <<<"$listing" | sort -u)"
  [ "$(wc -l <<<"$top")" -eq 1 ] || fail "the archive has more than one top folder: $top"
  strays="$(grep -E '(^|/)(tests?|\.venv|\.git|__pycache__|[^/]*\.egg-info)(/|$)|\.pyc$|(^|/)(_?pytest|pytestqt|mypy)(/|$)' \
    <<<"$listing" || true)"
  [ -z "$strays" ] || fail "the archive carries development files: $(head -3 <<<"$strays")"
  tar xzf "$target" -C "$tmp"
  pkg="$tmp/$top"
else
  pkg="$(cd "$target" && pwd)"
fi
for f in install.sh README.txt demand-desk/demand-desk share/applications/demand-desk.desktop \
  share/mime/packages/demand-desk.xml share/metainfo/io.demanddesk.DemandDesk.metainfo.xml \
  share/icons/hicolor/scalable/apps/demand-desk.svg share/icons/hicolor/48x48/apps/demand-desk.png \
  demand-desk/_internal/tessdata/deu.traineddata demand-desk/_internal/tessdata/configs/tsv \
  demand-desk/_internal/tessdata/rus.traineddata demand-desk/_internal/tessdata/chi_sim.traineddata \
  demand-desk/_internal/resources/policy/pack.toml demand-desk/_internal/db/migrations/0001_initial.sql; do
  [ -e "$pkg/$f" ] || fail "the archive lacks $f"
done
leaks="$(grep -rlaF -e "$root" -e "/.venv/" "$pkg" || true)"
[ -z "$leaks" ] || fail "build paths inside the app: $(head -3 <<<"$leaks")"
viewer="$root/.venv/bin/pyi-archive_viewer"
if [ -x "$viewer" ]; then  # the modules frozen into the binary (needs the build's .venv)
  modules="$("$viewer" -r -b "$pkg/demand-desk/demand-desk" 2>/dev/null | sed 's/^ *//')"
  grep -qx no_network <<<"$modules" || fail "the no-network runtime hook is not in the binary"
  net="$(grep -xE '(ssl|_ssl|ftplib|http\.server|socketserver|xmlrpc\.server|PySide6\.QtNetwork|pytest|tests?(\..*)?)' \
    <<<"$modules" || true)"
  [ -z "$net" ] || fail "modules that should not be frozen into the app: $net"
fi
say "archive ok: $(du -sm "$pkg" | cut -f1) MB unpacked"

# --- 2. install into a temporary prefix -----------------------------------------------
"$pkg/install.sh" --prefix "$tmp/prefix" >"$tmp/install.log" || { cat "$tmp/install.log"; fail "install.sh"; }
"$pkg/install.sh" --prefix "$tmp/prefix" >/dev/null || fail "install.sh a second time"
app="$tmp/prefix/bin/demand-desk"
[ -x "$app" ] || fail "install.sh made no $app"
desktop="$tmp/prefix/share/applications/demand-desk.desktop"
grep -qx "Exec=$app %f" "$desktop" || fail "the installed menu entry does not start $app"
if command -v desktop-file-validate >/dev/null; then desktop-file-validate "$desktop" || fail "desktop entry"; fi
if command -v update-mime-database >/dev/null; then
  grep -q "application/x-demand-desk-bundle" "$tmp/prefix/share/mime/globs2" 2>/dev/null \
    || fail "the .ddb MIME type is not registered"
fi
say "install.sh ok"

# --- 3. the command line, headless ---------------------------------------------------------
export DEMAND_DESK_PASSPHRASE=smoke-pass-123 DEMAND_DESK_PIN=246813 DEMAND_DESK_REVIEWER=Ada
unset DEMAND_DESK_HOME TESSDATA_PREFIX
data="$tmp/data"
export TMPDIR="$tmp/t" && mkdir -m 700 "$TMPDIR"
t0=$(ms_now)
version="$("$app" --version)" || fail "--version"
version_ms=$(($(ms_now) - t0))
[[ "$version" =~ ^demand-desk\ [0-9] ]] || fail "--version printed: $version"
"$app" --data-dir "$data" init --workstation smoke --reviewer Ada --key-storage passphrase >/dev/null \
  || fail "init"

# The scanned German sample: OCR in worker processes that re-enter the frozen binary,
# Tesseract reading the bundled deu data. Under strace when it is installed: no process
# of the app (Tesseract included) may open an internet socket.
sample="$pkg/demand-desk/_internal/resources/samples/de-court-order.pdf"
trace=()
# shellcheck disable=SC2054 # the commas belong to strace's -e syntax
if command -v strace >/dev/null; then trace=(strace -f -qq -e trace=connect,openat -o "$tmp/strace.log"); fi
"${trace[@]}" "$app" --data-dir "$data" intake "$sample" --json >"$tmp/facts.json" 2>"$tmp/intake.err" \
  || { cat "$tmp/intake.err"; fail "intake"; }
case_id="$(python3 -c 'import json,sys; f=json.load(open(sys.argv[1])); assert f["ocr_used"] and f["pages"]==1 and f["country"]=="DE", f; print(f["case_id"])' "$tmp/facts.json")" \
  || fail "intake JSON: $(head -c 300 "$tmp/facts.json")"
if ((${#trace[@]})); then
  ! grep -E 'connect\(.*AF_INET' "$tmp/strace.log" || fail "a process of the app connected to the network"
  grep -q '_internal/tessdata/deu.traineddata' "$tmp/strace.log" \
    || fail "Tesseract did not read the bundled deu.traineddata"
fi
"$app" --data-dir "$data" assess "$case_id" --json >"$tmp/assess.json" || fail "assess"
python3 -c 'import json,sys; a=json.load(open(sys.argv[1])); assert a["items"] and a["recommendation"]["outcome"], a' \
  "$tmp/assess.json" || fail "assess JSON"
"$app" --data-dir "$data" decide "$case_id" --outcome narrow >/dev/null || fail "decide"
"$app" --data-dir "$data" letter "$case_id" --kind narrowing --out "$tmp/letter.pdf" >/dev/null || fail "letter"
head -c 5 "$tmp/letter.pdf" | grep -q '%PDF-' || fail "the letter is not a PDF"
while IFS= read -r -d '' f; do
  if head -c 16 "$f" | grep -q "SQLite format"; then fail "plain SQLite file: $f"; fi
done < <(find "$data" -type f -print0)
# The keyring backend (Secret Service over D-Bus) is found through package metadata,
# which a frozen app only has when the build collected it: a private session with an
# unlocked gnome-keyring, as test.sh uses, and a store whose key is kept there.
keyring="keyring not tried (no dbus-run-session or gnome-keyring-daemon)"
if command -v dbus-run-session >/dev/null && command -v gnome-keyring-daemon >/dev/null; then
  mkdir -m 700 "$tmp/run"
  # shellcheck disable=SC2016 # expanded by the inner shell
  HOME="$tmp" XDG_RUNTIME_DIR="$tmp/run" DEMAND_DESK_PASSPHRASE="" dbus-run-session -- bash -c '
    printf "%s" smoke-keyring | gnome-keyring-daemon --unlock --components=secrets >/dev/null
    "$1" --data-dir "$2" init --workstation smoke-k --reviewer Ada --key-storage keyring >/dev/null
    "$1" --data-dir "$2" cases --json >/dev/null' smoke "$app" "$tmp/data-keyring" 2>"$tmp/keyring.err" \
    || { cat "$tmp/keyring.err"; fail "a store keyed in the keyring"; }
  keyring="keyring ok"
fi
say "command line ok: $version; $keyring; init, intake (OCR, deu), assess $(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["recommendation"]["outcome"])' "$tmp/assess.json"), decide, letter"

# --- 4. the window -------------------------------------------------------------------
# Milliseconds from launch to the app's "window shown" line; the app exits 0 after it.
window() {  # window LABEL [launcher…]: sets shown_ms
  local label="$1" started line rc=0
  shift
  started=$(ms_now)
  shown_ms=""
  while IFS= read -r line; do
    if [ "$line" = "demand-desk: window shown" ] && [ -z "$shown_ms" ]; then shown_ms=$(($(ms_now) - started)); fi
    echo "$line" >>"$tmp/window.err"
  done < <(DEMAND_DESK_SMOKE_QUIT_MS=200 timeout 60 "$@" "$app" --data-dir "$data" 2>&1; echo "exit $?")
  rc="$(tail -1 "$tmp/window.err")"
  [ "$rc" = "exit 0" ] || { cat "$tmp/window.err"; fail "window ($label) ended with $rc"; }
  [ -n "$shown_ms" ] || { cat "$tmp/window.err"; fail "window ($label) never shown"; }
  ! grep -E "Traceback|Could not load|Cannot load|Segmentation" "$tmp/window.err" \
    || fail "window ($label) complained"
  : >"$tmp/window.err"
  say "window ok ($label): shown after $shown_ms ms, closed with exit 0"
}
window offscreen env QT_QPA_PLATFORM=offscreen
offscreen_ms=$shown_ms
x11_ms="n/a"
if command -v xvfb-run >/dev/null; then
  window "X11, xvfb" env -u QT_QPA_PLATFORM -u WAYLAND_DISPLAY xvfb-run -a
  x11_ms=$shown_ms
fi
echo "smoke: passed. --version ${version_ms} ms; window shown after ${offscreen_ms} ms offscreen, ${x11_ms} ms on X11"
