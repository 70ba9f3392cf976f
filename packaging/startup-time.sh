#!/usr/bin/env bash
# How long Demand Desk takes to start: `--version`, and launch to window shown
# (offscreen, and on X11 under xvfb-run when installed). Median of RUNS runs each.
#   packaging/startup-time.sh BINARY [RUNS]
# e.g. packaging/startup-time.sh dist/demand-desk-0.1.0-linux-x86_64/demand-desk/demand-desk
#      packaging/startup-time.sh .venv/bin/demand-desk
# Uses a fresh, locked data directory (the window opens on the unlock screen's parent).
set -euo pipefail
app="${1:?usage: $0 BINARY [RUNS]}"
runs="${2:-5}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
export DEMAND_DESK_PASSPHRASE=timing-pass-123 DEMAND_DESK_PIN=246813
"$app" --data-dir "$tmp/data" init --workstation timing --reviewer Ada --key-storage passphrase >/dev/null

ms_now() { date +%s%3N; }
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
shown_after() {  # launcher…: ms from launch to "window shown"
  local started line
  started=$(ms_now)
  while IFS= read -r line; do
    if [ "$line" = "demand-desk: window shown" ]; then echo $(($(ms_now) - started)); fi
  done < <(DEMAND_DESK_SMOKE_QUIT_MS=100 "$@" "$app" --data-dir "$tmp/data" 2>&1)
}

"$app" --version >/dev/null  # a first, cold run fills the page cache; not counted
for _ in $(seq "$runs"); do
  s=$(ms_now)
  "$app" --version >/dev/null
  echo $(($(ms_now) - s))
done | median | xargs printf '%s: --version %s ms' "$app"
for _ in $(seq "$runs"); do shown_after env QT_QPA_PLATFORM=offscreen; done | median \
  | xargs printf '; window shown offscreen %s ms'
if command -v xvfb-run >/dev/null; then
  # Includes xvfb-run's own start of Xvfb.
  for _ in $(seq "$runs"); do shown_after env -u QT_QPA_PLATFORM xvfb-run -a; done | median \
    | xargs printf ', under xvfb-run %s ms'
fi
echo " (median of $runs)"
