#!/usr/bin/env bash
# Two workstations and one shared folder, from the command line: the walk-through a
# reviewer (or IT, trying the set-up) can follow step by step. Every step prints what
# it did. Run from the repository root after ./run.sh or ./test.sh has installed .venv:
#
#   docs/two-workstations.sh [DEMAND.pdf]
#
# It works in a temporary folder (workstations A and B, the shared folder, the "USB
# stick" the team key travels on) and deletes it at the end. On real workstations each
# half runs on its own machine; the passphrases come from the environment here only so
# that the script runs unattended — typed at the prompt is the normal way.
set -euo pipefail
cd "$(dirname "$0")/.."

demand="${1:-resources/samples/us-grand-jury-subpoena.pdf}"
dd="${DEMAND_DESK_BIN:-.venv/bin/demand-desk}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
shared="$work/shared" usb="$work/usb"
mkdir -p "$shared" "$usb"

export DEMAND_DESK_PASSPHRASE="workstation passphrase (example)"
export DEMAND_DESK_TEAM_PASSPHRASE="key file passphrase (example)"
export DEMAND_DESK_PIN=246813
A() { "$dd" --data-dir "$work/A" --reviewer Ada "$@"; }  # every change names its reviewer
B() { "$dd" --data-dir "$work/B" --reviewer Bob "$@"; }
step() { printf '\n== %s\n' "$*"; }
field() { python3 -c 'import json, sys; print(json.load(sys.stdin)[sys.argv[1]])' "$1"; }

step "1. Set up two workstations (each its own encrypted store)"
A init --workstation wsA --reviewer Ada
B init --workstation wsB --reviewer Bob

step "2. A makes the team key and exports it to removable media; B joins with it"
A team init
A team export --out "$usb/team.key"
B team import "$usb/team.key"

step "3. A takes in a demand and publishes it to the shared folder"
case_id="$(A intake "$demand" --json | field case_id)"
echo "case $case_id"
A sync --shared "$shared"

step "4. B syncs: the case arrives with its facts, letters and audit trail"
B sync --shared "$shared"
diff <(A facts "$case_id" --json) <(B facts "$case_id" --json) && echo "facts identical on A and B"

step "4b. B asked to join with that sync; A's administrator compares B's fingerprint and admits it"
B team show
A sync --shared "$shared"   # B's roster is refused until B is admitted: said, not fatal
A team admit
A team admit wsB --fingerprint "$(B team show --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["workstation"]["fingerprint"])')"

step "5. Both change the case before syncing: a conflict on each side, nothing overwritten"
A case-fact "$case_id" enterprise_customer yes
B case-fact "$case_id" enterprise_customer no
A sync --shared "$shared"
B sync --shared "$shared"
A sync --shared "$shared"
B conflicts
B conflicts "$case_id"   # both sides, field by field

step "6. B keeps A's version; the next syncs carry the settlement to A"
B resolve "$case_id" --keep theirs
B sync --shared "$shared"
A sync --shared "$shared"
A conflicts

step "7. Both agree, and both audit trails are whole"
diff <(A facts "$case_id" --json) <(B facts "$case_id" --json) && echo "facts identical on A and B"
A audit verify
B audit verify

step "8. A enrols Grace; the team's roster carries her to B, where she sets her own PIN"
DEMAND_DESK_NEW_PIN=424242 A reviewer add Grace --role senior
A sync --shared "$shared"
B sync --shared "$shared"
B reviewer list
DEMAND_DESK_NEW_PIN=515151 B reviewer add Grace
B reviewer list

step "9. The shared folder holds only ciphertext"
find "$shared" -type f \( -name '*.ddb' -o -name '*.ddr' \) | sed "s|$shared/||"
# A plaintext bundle would show its zip members' names, the PDF header, the case's data.
if grep -rqaE "manifest\.json|audit\.jsonl|%PDF|Grace|$case_id" "$shared" --include='*.dd[br]'; then
  echo "a bundle holds plaintext" >&2
  exit 1
fi
echo "no bundle holds plaintext (the case id is only in the folder's name)"
