#!/usr/bin/env bash
# Opens Demand Desk. First run installs what it needs (packaging/bootstrap.sh), later runs
# start at once. With no data directory yet, the app creates a demo one (--demo-if-empty).
set -euo pipefail
cd "$(dirname "$0")"

# Fail before installing anything rather than let Qt abort with a cryptic xcb error.
# QT_QPA_PLATFORM=offscreen (or another platform) is a deliberate headless choice.
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
  echo "run.sh: no display (\$DISPLAY and \$WAYLAND_DISPLAY are empty)." >&2
  echo "Demand Desk is a desktop app: start it from a graphical session (or try: xvfb-run ./run.sh)." >&2
  exit 1
fi
# A Wayland session without XWayland: tell Qt to use its Wayland plugin, not xcb.
if [ -z "${DISPLAY:-}" ] && [ -n "${WAYLAND_DISPLAY:-}" ]; then
  export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-wayland}"
fi

packaging/bootstrap.sh app
exec .venv/bin/demand-desk --demo-if-empty "$@"
