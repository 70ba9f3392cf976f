#!/usr/bin/env bash
# Runs ruff and the test suite as CI does; extra arguments go to pytest
# (e.g. ./test.sh -k keyring -x). Installs what it needs first (packaging/bootstrap.sh).
set -euo pipefail
cd "$(dirname "$0")"

packaging/bootstrap.sh test
.venv/bin/ruff check .
.venv/bin/mypy app db

# Throwaway HOME and XDG dirs: the test keyring lives there, so a developer's real login
# keyring (and gnome-keyring daemon, found through XDG_RUNTIME_DIR) is never touched,
# and nothing a test writes under ~ by mistake survives the run.
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
mkdir -m 700 "$tmp/run"
export HOME="$tmp" XDG_RUNTIME_DIR="$tmp/run" XDG_DATA_HOME="$tmp/data" \
  XDG_CONFIG_HOME="$tmp/config" XDG_CACHE_HOME="$tmp/cache"

# A private D-Bus session with gnome-keyring unlocked, so keyring tests hit a real
# Secret Service; Qt runs offscreen. The session and the daemon end with pytest.
rc=0
# $KEYRING_PW and "$@" are expanded by the inner shell, hence the single quotes.
# shellcheck disable=SC2016
KEYRING_PW="demand-desk-test-keyring" dbus-run-session -- bash -c '
  set -e
  printf "%s" "$KEYRING_PW" | gnome-keyring-daemon --unlock --components=secrets >/dev/null
  .venv/bin/python -c "import keyring, sys; b = keyring.get_keyring(); \
sys.exit(0 if \"SecretService\" in type(b).__module__ else f\"test.sh: keyring backend is {b}, not SecretService\")"
  export QT_QPA_PLATFORM=offscreen
  exec .venv/bin/python -m pytest "$@"
' test.sh "$@" || rc=$?

if [ "$rc" -eq 5 ]; then
  echo "test.sh: pytest collected no tests (exit 5); treating that as a failure." >&2
  exit 1
fi
exit "$rc"
