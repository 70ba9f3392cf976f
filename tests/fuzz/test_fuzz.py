"""Property tests over every reader of untrusted input: no input may crash, hang or take
unbounded memory.

Each reader may refuse an input only with its own error type (BundleError for bundles,
manifests and events; CaseRowsError for case rows; ScopeRefused for scopes; PeriodError
for periods; an exit status with a message for the command line). Inputs are arbitrary
bytes and JSON, and mutations of a real bundle (bytes flipped, cut or inserted; a member
replaced by arbitrary JSON with every hash made to match, so the deeper checks see it).
Bounds: tests/conftest.py's "fuzz" profile (examples, deadline) and tests/fuzz/conftest.py
(a hard stop per test, a memory ceiling per call).
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import shutil
import zipfile
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import pyrage
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from hypothesis import given, settings
from hypothesis import strategies as st

from app import cli, services
from app.bundle import events as bundle_events
from app.bundle import pack as bundle_pack
from app.bundle.format import BundleError, Manifest, load_json
from app.bundle.service import read_bundle
from app.datadir import DataDir
from app.domain.facts import Facts
from app.model import Reviewer
from app.report.periods import PeriodError, parse_period
from app.review.limits import ScopeRefused, check_scope
from app.reviewers import Role
from app.signing import fingerprint
from db import Store, StoreError
from db.case_copy import TABLES, check_rows
from tests.app.test_review_service import SUBPOENA, demand_pdf
from tests.conftest import PASSPHRASE, PIN, REVIEWER
from tests.fuzz.conftest import bounded

# -- strategies ---------------------------------------------------------------------------

scalars = (
    st.none()
    | st.booleans()
    | st.integers()  # unbounded: 2**70 and beyond
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=24)
)
json_values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(st.text(max_size=12), inner, max_size=5),
    max_leaves=25,
)


def _deep(n: int) -> str:
    return "[" * n + "]" * n


# JSON text: what json.dumps makes of arbitrary values, crafted nesting, huge numbers, and junk.
json_texts = st.one_of(
    json_values.map(lambda v: json.dumps(v, allow_nan=True)),
    st.integers(1, 200_000).map(_deep),
    st.sampled_from(["1e400", "-1e400", "NaN", "Infinity", str(2**80), '{"a": 1e400}', "[" * 50_000]),
    st.text(max_size=64),
)


# -- a real bundle, made once -------------------------------------------------------------


@dataclass(frozen=True)
class Fixture:
    desk: services.Desk
    data_dir: DataDir
    case_id: str
    plain: bytes  # a real bundle's zip, before age
    schema: int
    key: bytes  # the store's key, to open it again after the command line used it


# The workstation "test" whose bundles the fuzzed readers trust: its bundles get past the
# signature to the checks behind it; a mutation the signature does not cover is refused there.
_KEY = Ed25519PrivateKey.generate()
TRUSTED = {"test": base64.b64encode(_KEY.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)).decode()}


def _sign(message: bytes) -> str:
    return base64.b64encode(_KEY.sign(message)).decode("ascii")


@pytest.fixture(scope="module")
def real(tmp_path_factory: pytest.TempPathFactory, _desk_template: tuple[DataDir, bytes]) -> Any:
    template, key = _desk_template
    data_dir = DataDir(tmp_path_factory.mktemp("fuzz") / "data")
    shutil.copytree(template.root, data_dir.root)
    desk = services.Desk(
        data_dir, data_dir.read_config(), Store(data_dir.store_path, key), lambda: datetime.now(UTC)
    )
    desk.reviewer = Reviewer(REVIEWER, Role.ADMINISTRATOR)
    case_id = desk.intake(demand_pdf(*SUBPOENA), "subpoena.pdf")
    schema = desk.store.schema_version()
    _, plain = bundle_pack.pack(
        bundle_pack.snapshot(desk.store, case_id),
        {
            "case_id": case_id,
            "version_id": "a" * 32,
            "parent_version_id": None,
            "merged_version_ids": [],
            "ancestors": [],
            "author": REVIEWER,
            "workstation": "test",
            "created": "2026-12-07T08:00:00+00:00",
            "schema": schema,
        },
        _sign,
        signer="test",
        fingerprint=fingerprint(TRUSTED["test"]),
    )
    yield Fixture(desk, data_dir, case_id, plain, schema, key)
    desk.close()


def _members(plain: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(plain)) as zf:
        return {n: zf.read(n) for n in zf.namelist()}


def _zip(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as zf:
        for name, body in members.items():
            zf.writestr(zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0)), body)
    return out.getvalue()


def _rehashed(members: dict[str, bytes], name: str, body: bytes) -> bytes:
    """The bundle with ``name`` replaced by ``body``, the manifest's hashes made to match and
    signed again (as its own hostile workstation would), so the checks behind the signature run."""
    members = dict(members, **{name: body})
    manifest = json.loads(members["manifest.json"])
    manifest["members"][name] = {"sha256": hashlib.sha256(body).hexdigest(), "size": len(body)}
    signed = Manifest.from_json(manifest).signed_bytes()
    manifest["signature"] = dict(manifest["signature"], ed25519=_sign(signed))
    members["manifest.json"] = json.dumps(manifest).encode()
    return _zip(members)


# -- the bundle reader --------------------------------------------------------------------


@given(st.binary(max_size=4096))
def test_unpack_refuses_arbitrary_bytes_with_a_bundle_error(real, data):
    bounded(lambda: bundle_pack.unpack(data, real.schema, trusted=TRUSTED), BundleError)


@st.composite
def mutated(draw: st.DrawFn, plain: bytes) -> bytes:
    data = bytearray(plain)
    for _ in range(draw(st.integers(1, 6))):
        kind = draw(st.sampled_from(["flip", "cut", "insert", "overwrite"]))
        at = draw(st.integers(0, max(0, len(data) - 1)))
        if kind == "flip" and data:
            data[at] ^= draw(st.integers(1, 255))
        elif kind == "cut":
            del data[at : at + draw(st.integers(1, 64))]
        elif kind == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=32))
        else:
            chunk = draw(st.binary(min_size=1, max_size=16))
            data[at : at + len(chunk)] = chunk
    return bytes(data)


@given(st.data())
def test_unpack_of_a_mutated_bundle_refuses_or_reads_it(real, data):
    plain = data.draw(mutated(real.plain))
    bounded(lambda: bundle_pack.unpack(plain, real.schema, trusted=TRUSTED), BundleError)


@given(st.sampled_from(["manifest.json", "case.json", "audit.jsonl"]), json_texts)
def test_a_member_replaced_by_arbitrary_json_is_refused_with_a_bundle_error(real, member, text):
    members = _members(real.plain)
    if member == "manifest.json":
        plain = _zip(dict(members, **{member: text.encode()}))
    else:
        plain = _rehashed(members, member, text.encode())
    bounded(lambda: bundle_pack.unpack(plain, real.schema, trusted=TRUSTED), BundleError)


@given(st.sampled_from(TABLES).map(lambda t: t.name), st.integers(0, 3), st.text(max_size=12), json_values)
def test_a_case_row_with_an_arbitrary_value_is_refused_with_a_bundle_error(real, table, index, column, value):
    """case.json rehashed with one value changed (or one column added): BundleError or a read."""
    members = _members(real.plain)
    case = json.loads(members["case.json"])
    rows = case["tables"].get(table) or [{}]
    row = rows[min(index, len(rows) - 1)]
    key = column if column and index == 3 else (sorted(row)[index % len(row)] if row else column)
    row[key] = value
    case["tables"][table] = rows
    plain = _rehashed(members, "case.json", json.dumps(case, allow_nan=True).encode())
    bundle = bounded(lambda: bundle_pack.unpack(plain, real.schema, trusted=TRUSTED), BundleError)
    if bundle is not None:  # what unpack lets through, the store's own check then judges
        bounded(lambda: check_rows(real.desk.store, bundle.snapshot.tables), StoreError)


@settings(max_examples=30)
@given(st.data())
def test_read_bundle_refuses_a_damaged_or_foreign_file_with_a_bundle_error(real, tmp_path_factory, data):
    identity = pyrage.x25519.Identity.generate()
    choice = data.draw(st.sampled_from(["bytes", "sealed-mutation", "sealed-junk", "age-prefix"]))
    if choice == "bytes":
        body = data.draw(st.binary(max_size=2048))
    elif choice == "sealed-mutation":
        body = bytes(pyrage.encrypt(data.draw(mutated(real.plain)), [identity.to_public()]))
    elif choice == "sealed-junk":
        body = bytes(pyrage.encrypt(data.draw(st.binary(max_size=512)), [identity.to_public()]))
    else:
        body = b"age-encryption.org/v1\n" + data.draw(st.binary(max_size=512))
    path = tmp_path_factory.mktemp("bundle") / "x.ddb"
    path.write_bytes(body)
    bounded(lambda: read_bundle(path, [identity], real.schema, TRUSTED), BundleError)


# -- manifest, events, rows ---------------------------------------------------------------


@given(json_values)
def test_a_manifest_of_arbitrary_json_is_refused_with_a_bundle_error(doc):
    bounded(lambda: Manifest.from_json(doc), BundleError)


GOOD_MANIFEST = {
    "format": 1,
    "case_id": "c1",
    "version_id": "a" * 32,
    "parent_version_id": None,
    "merged_version_ids": [],
    "ancestors": [],
    "author": "A",
    "workstation": "w",
    "created": "2026-01-01",
    "schema": 1,
    "events": 0,
    "members": {},
}


@given(st.dictionaries(st.sampled_from(sorted(GOOD_MANIFEST)), json_values, max_size=12))
def test_a_manifest_with_arbitrary_field_values_is_refused_with_a_bundle_error(fields):
    doc = GOOD_MANIFEST | fields
    bounded(lambda: Manifest.from_json(doc), BundleError)


@given(json_texts)
def test_load_json_refuses_only_with_a_bundle_error(text):
    bounded(lambda: load_json(text, "it"), BundleError)


@given(st.lists(st.one_of(json_texts, json_values.map(lambda v: json.dumps({"seq": v}))), max_size=6))
def test_audit_lines_of_arbitrary_json_are_refused_with_a_bundle_error(lines):
    untrusted = "\n".join(lines).encode()
    bounded(lambda: bundle_events.read_jsonl(untrusted, "c1"), BundleError)


@given(st.data())
def test_a_real_audit_event_with_a_field_changed_is_refused_with_a_bundle_error(real, data):
    lines = _members(real.plain)["audit.jsonl"].splitlines()
    event = json.loads(lines[0])
    event[data.draw(st.sampled_from(sorted(event)))] = data.draw(json_values)
    lines[0] = json.dumps(event, allow_nan=True).encode()
    bounded(lambda: bundle_events.read_jsonl(b"\n".join(lines), real.case_id), BundleError)


COLUMNS = ["id", "case_id", "key", "value", "page", "box", "pdf", "revision", "received_at", "x"]
ROWS = st.lists(
    st.dictionaries(st.sampled_from(COLUMNS), scalars | st.binary(max_size=8), max_size=6), max_size=3
)


@given(st.dictionaries(st.sampled_from([t.name for t in TABLES]) | st.text(max_size=8), ROWS, max_size=4))
def test_case_rows_of_arbitrary_values_are_refused_with_a_store_error(real, tables):
    bounded(lambda: check_rows(real.desk.store, tables), StoreError)


# -- scopes, periods ----------------------------------------------------------------------


@given(json_values | st.integers(1, 100_000).map(lambda n: json.loads(_deep(min(n, 900)))))
def test_a_scope_of_arbitrary_json_is_refused_with_scope_refused(real, raw):
    facts = Facts.from_json(real.desk.facts(real.case_id))
    bounded(lambda: check_scope(raw, facts), ScopeRefused)


@given(
    st.fixed_dictionaries(
        {},
        optional={
            "identifiers": json_values,
            "categories": json_values | st.lists(st.sampled_from(["content", "subscriber_info", "x"])),
            "date_range": json_values
            | st.fixed_dictionaries({}, optional={"from": json_values | st.text(max_size=12), "to": scalars}),
        },
    )
)
def test_a_scope_with_arbitrary_fields_is_refused_with_scope_refused(real, raw):
    facts = Facts.from_json(real.desk.facts(real.case_id))
    bounded(lambda: check_scope(raw, facts), ScopeRefused)


@given(
    st.text(max_size=40)
    | st.from_regex(r"-?[0-9]{0,6}[Hh][0-9]{0,2}", fullmatch=True)
    | st.from_regex(r"[0-9]{1,5}-[0-9]{1,2}-[0-9]{1,2}\.\.[0-9]{1,5}-[0-9]{1,2}-[0-9]{1,2}", fullmatch=True)
)
def test_a_period_is_read_or_refused_with_a_period_error(text):
    period = bounded(lambda: parse_period(text), PeriodError)
    if period is not None:
        assert period.start <= period.end


# -- the command line ---------------------------------------------------------------------

ARGUMENT = (
    st.text(max_size=30)
    | st.from_regex(r"-?[0-9]{0,5}-[0-9]{0,3}-[0-9]{0,3}", fullmatch=True)
    | st.from_regex(r"[0-9]{0,5}[Hh][0-9]", fullmatch=True)
    | st.sampled_from(["", " ", "-", "--", "0000H1", "9999H2", "1e400", "\x00", "--json", "../..", "%s"])
)


def _main(argv: list[str]) -> int:
    try:
        return cli.main(argv)
    except SystemExit as exit_:  # argparse: a usage error
        return int(exit_.code or 0)


CHANGING = [
    ["facts", "{case}", "--set", "date_issued={}", "--reason", "fuzz"],
    ["facts", "{case}", "--set", "{}=2026-01-01", "--reason", "fuzz"],
    ["facts", "{case}", "--set", "country={}", "--reason", "fuzz"],
    ["facts", "{case}", "--set", "response_due={}", "--reason", "fuzz"],
    ["facts", "{case}", "--add-identifier", "email={}", "--reason", "fuzz"],
    ["facts", "{case}", "--add-identifier", "{}", "--reason", "fuzz"],
    ["facts", "{case}", "--add-category", "{}", "--reason", "fuzz"],
    ["facts", "{case}", "--remove-identifier", "{}", "--reason", "fuzz"],
    ["case-fact", "{case}", "{}", "yes", "--reason", "fuzz"],
    ["case-fact", "{case}", "enterprise_seats", "{}", "--reason", "fuzz"],
    ["answer", "{case}", "{}", "pass", "--reason", "fuzz"],
    ["deadline", "{case}", "extend", "--to", "{}", "--reason", "fuzz"],
    ["secrecy", "{case}", "--record", "{}", "--until", "2027-01-01", "--reason", "fuzz"],
    ["secrecy", "{case}", "--record", "2026-01-01", "--until", "{}", "--reason", "fuzz"],
    ["notice", "given", "{case}", "--how", "e-mail", "--on", "{}"],
    ["settings", "--set", "{}"],
]
READING = [
    ["report", "--period", "{}"],
    ["today", "--date", "{}"],
    ["facts", "{}"],
    ["assess", "{}", "--json"],
    ["intake", "/nonexistent/demand.pdf", "--received", "{}"],
    ["cases", "{}"],
    ["audit", "show", "{}"],
    ["facts", "{case}", "--set", "{}", "--reason", "fuzz"],
]


@pytest.mark.parametrize("commands", [READING, CHANGING], ids=["reading", "changing"])
def test_the_command_line_answers_any_argument_with_a_message_not_a_traceback(real, capsys, commands):
    """Each command with one argument the fuzzer chooses ({case}: the case's id): exit 0, 1
    with "demand-desk: …", or 2 (a usage error); never a traceback. Afterwards the store
    still opens, its audit trail verifies and the case reads back."""
    codes: list[int] = []

    @given(st.sampled_from(commands), ARGUMENT)
    def run(template: list[str], argument: str) -> None:
        argv = [part.replace("{case}", real.case_id).replace("{}", argument) for part in template]
        codes.append(_run_cli(real, capsys, argv))

    run()
    assert real.desk.verify_audit().ok
    real.desk.facts(real.case_id)
    # The fuzzer reached the commands' own checks (not only argparse) and some were accepted.
    assert 1 in codes and (0 in codes or commands is READING), sorted(set(codes))


def _run_cli(real: Fixture, capsys: Any, argv: list[str]) -> int:
    real.desk.store.close()  # the CLI opens the store itself
    argv = ["--data-dir", str(real.data_dir.root), *argv]
    try:
        with pytest.MonkeyPatch.context() as env:
            env.setenv("DEMAND_DESK_PASSPHRASE", PASSPHRASE)
            env.setenv("DEMAND_DESK_REVIEWER", REVIEWER)
            env.setenv("DEMAND_DESK_PIN", PIN)
            code = _main(argv)
    finally:
        real.desk.store = Store(real.data_dir.store_path, real.key)
    _, err = capsys.readouterr()
    assert code in (0, 1, 2), (argv, code, err)
    assert "Traceback" not in err, (argv, err)
    if code == 1:
        assert err.startswith("demand-desk: "), (argv, err)
    return code


def test_decide_with_an_arbitrary_scope_file_is_a_message_not_a_traceback(real, capsys, tmp_path_factory):
    folder = tmp_path_factory.mktemp("scope")
    codes: list[int] = []

    @given(json_texts | json_values.map(lambda v: json.dumps(v, allow_nan=True)))
    def run(text: str) -> None:
        scope = folder / "scope.json"
        scope.write_text(text)
        argv = ["decide", real.case_id, "--outcome", "disclose_noncontent", "--scope-json", str(scope)]
        codes.append(_run_cli(real, capsys, argv))

    run()
    assert 1 in codes
