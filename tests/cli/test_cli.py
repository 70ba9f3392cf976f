"""The ``demand-desk`` command, run as a user or a script runs it (DESIGN.md, "Command line").

Contract: JSON on stdout with --json, messages on stderr, exit 0 on success, 1 when the
action could not be done, 2 on a usage error. Secrets come from DEMAND_DESK_PASSPHRASE
and DEMAND_DESK_PIN; nothing prompts when stdin is not a terminal.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from app import services
from app.datadir import DataDir
from tests.conftest import OUR_LETTERHEAD, PIN, REVIEWER

DEMAND_DESK = Path(sys.executable).with_name("demand-desk")  # the installed entry point
PASSPHRASE = "cli passphrase"
REVIEWER_PIN = PIN  # Ada's, as tests/conftest.py sets her up
NEW_PIN = {"DEMAND_DESK_NEW_PIN": "135792"}  # the PIN a reviewer being enrolled chooses


@dataclass
class Run:
    code: int
    out: str
    err: str

    def json(self) -> Any:
        """What the command printed on stdout, parsed."""
        return json.loads(self.out)


Cli = Callable[..., Run]


@pytest.fixture
def home(tmp_path: Path) -> Path:
    return tmp_path / "home"


def runner(home: Path, reviewer: str = REVIEWER) -> Cli:
    """cli(*args, passphrase=..., pin=None, env={}, data_dir=True) runs demand-desk."""

    def run(
        *args: str,
        passphrase: str | None = PASSPHRASE,
        pin: str | None = None,
        env: dict[str, str] | None = None,
        data_dir: bool = True,
    ) -> Run:
        environ = dict(os.environ)
        # As the contract checks do: the first reviewer acts unless a test names another (or none).
        environ["DEMAND_DESK_REVIEWER"] = reviewer
        environ["DEMAND_DESK_PIN"] = REVIEWER_PIN if pin is None else pin
        if passphrase is not None:
            environ["DEMAND_DESK_PASSPHRASE"] = passphrase
        environ |= env or {}
        argv = [str(DEMAND_DESK), *(["--data-dir", str(home)] if data_dir else []), *args]
        done = subprocess.run(
            argv,
            env=environ,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        return Run(done.returncode, done.stdout, done.stderr)

    return run


@pytest.fixture
def cli(home: Path) -> Cli:
    return runner(home)


@pytest.fixture(scope="session")
def initialised_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A home set up once by `demand-desk init` (Ada, PIN 246813, workstation "test")."""
    home = tmp_path_factory.mktemp("cli-template") / "home"
    done = runner(home)("init", "--reviewer", "Ada", "--workstation", "test", pin="246813")
    assert done.code == 0, done.err
    return home


@pytest.fixture
def initialised(cli: Cli, home: Path, initialised_template: Path) -> Cli:
    """cli, on a copy of the home `demand-desk init` set up."""
    shutil.copytree(initialised_template, home)
    return cli


@pytest.fixture
def pdf_file(tmp_path: Path, canary_pdf: bytes) -> Path:
    path = tmp_path / "in" / "grand-jury-subpoena.pdf"
    path.parent.mkdir()
    path.write_bytes(canary_pdf)
    return path


def assert_failed_cleanly(done: Run, *phrases: str) -> None:
    assert done.code == 1, (done.out, done.err)
    assert done.out == ""
    assert "demand-desk: " in done.err, done.err
    assert "Traceback" not in done.err
    for phrase in phrases:
        assert phrase in done.err


# -- set up and intake ------------------------------------------------------------------


def test_init_sets_up_a_passphrase_workstation(cli, home):
    done = cli("init", "--reviewer", "Ada", "--workstation", "test", "--json", pin="246813")
    assert done.code == 0, done.err
    assert done.json() == {
        "data_dir": str(home.resolve()),
        "workstation": "test",
        "reviewer": "Ada",
        "key_storage": "passphrase",
    }
    assert sorted(p.name for p in home.iterdir()) == [
        "demand-desk.lock",
        "key.json",
        "signing.json",
        "store.db",
        "workstation.json",
    ]


def test_intake_json_prints_the_new_case_and_its_facts(initialised, pdf_file):
    done = initialised("intake", str(pdf_file), "--json")
    assert done.code == 0, done.err
    facts = done.json()
    assert len(facts["case_id"]) == 16 and facts["pages"] == 2
    assert facts["ocr_used"] is False
    assert [i["kind"] for i in facts["identifiers"]] == ["email"]
    assert facts["secrecy_order"]["present"] is False
    assert "Traceback" not in done.err


def test_intake_received_is_the_day_of_service_in_the_facts_and_the_audit(initialised, pdf_file):
    done = initialised("intake", str(pdf_file), "--received", "2026-01-05", "--json")
    assert done.code == 0, done.err
    facts = done.json()
    assert facts["received"] == "2026-01-05"
    trail = initialised("audit", "show", facts["case_id"], "--json").json()
    intake = next(e for e in trail if e["action"] == "case.intake")
    assert intake["payload"]["received"] == "2026-01-05"


def test_intake_received_in_the_future_or_not_a_date_is_refused(initialised, pdf_file):
    assert_failed_cleanly(
        initialised("intake", str(pdf_file), "--received", "2999-01-01", "--json"), "after today"
    )
    assert_failed_cleanly(initialised("intake", str(pdf_file), "--received", "5 Jan", "--json"), "--received")
    assert initialised("cases", "--json").json() == []


def test_intake_then_cases_json_lists_the_case(initialised, pdf_file):
    case_id = initialised("intake", str(pdf_file), "--json").json()["case_id"]
    done = initialised("cases", "--json")
    assert done.code == 0, done.err
    [case] = done.json()
    assert case["case_id"] == case_id
    assert case["status"] == "new"
    assert case["title"] == "grand-jury-subpoena"
    assert case["reference"].startswith("TEST-")


def test_facts_of_a_case_by_its_reference(initialised, pdf_file):
    case_id = initialised("intake", str(pdf_file), "--json").json()["case_id"]
    reference = initialised("cases", "--json").json()[0]["reference"]
    done = initialised("facts", reference.lower(), "--json")
    assert done.code == 0, done.err
    assert done.json()["case_id"] == case_id


def test_no_cases_yet_is_an_empty_list(initialised):
    done = initialised("cases", "--json")
    assert (done.code, done.json()) == (0, [])


def test_demand_desk_home_works_instead_of_data_dir(cli, home, pdf_file):
    env = {"DEMAND_DESK_HOME": str(home)}
    init = cli("init", "--reviewer", "Ada", "--workstation", "test", pin="246813", env=env, data_dir=False)
    assert init.code == 0, init.err
    assert (home / "store.db").is_file()
    case_id = cli("intake", str(pdf_file), "--json", env=env, data_dir=False).json()["case_id"]
    # --data-dir names the same directory, so it sees the same case.
    assert [c["case_id"] for c in cli("cases", "--json").json()] == [case_id]


def test_data_dir_option_wins_over_demand_desk_home(initialised, tmp_path):
    env = {"DEMAND_DESK_HOME": str(tmp_path / "elsewhere")}
    done = initialised("cases", "--json", env=env)
    assert done.code == 0, done.err
    assert not (tmp_path / "elsewhere").exists()


def test_cli_intake_leaves_no_plaintext(
    initialised, pdf_file, home, canary, canary_pdf, private_tempdir, find_leaks
):
    assert initialised("intake", str(pdf_file), "--json").code == 0
    windows = [canary_pdf[i : i + 32] for i in range(0, len(canary_pdf) - 32, len(canary_pdf) // 8)]
    look_for = [canary.text.encode(), canary.email.encode(), *windows]
    assert find_leaks(look_for, home, private_tempdir) == []
    assert list(private_tempdir.iterdir()) == []


# -- reviewers ---------------------------------------------------------------------------


def test_reviewer_add_then_acting_as_that_reviewer_is_audited(initialised, pdf_file):
    added = initialised("reviewer", "add", "Bob", "--json", pin="246813", env=NEW_PIN)
    assert added.code == 0, added.err
    assert added.json() == {"name": "Bob", "role": "reviewer", "senior": False}
    listed = initialised("reviewer", "list", "--json")
    assert [r["name"] for r in listed.json()] == ["Ada", "Bob"]

    done = initialised("--reviewer", "Bob", "intake", str(pdf_file), "--json", pin="135792")
    assert done.code == 0, done.err
    events = initialised("audit", "show", "--json").json()
    assert [(e["action"], e["reviewer"], e["workstation"]) for e in events[-2:]] == [
        ("reviewer.added", "Ada", "test"),
        ("case.intake", "Bob", "test"),
    ]


def test_reviewer_with_a_wrong_pin_exits_1(initialised):
    assert initialised("reviewer", "add", "Bob", pin="246813", env=NEW_PIN).code == 0
    done = initialised("--reviewer", "Bob", "cases", pin="999999")
    assert_failed_cleanly(done, "PIN")


def test_reviewer_option_without_a_pin_exits_1_naming_the_variable(initialised):
    done = initialised("cases", "--reviewer", "Ada", pin="")
    assert_failed_cleanly(done, "DEMAND_DESK_PIN")


# -- audit -------------------------------------------------------------------------------


def test_audit_verify_exits_0_on_a_whole_trail(initialised):
    done = initialised("audit", "verify", "--json")
    assert done.code == 0, done.err
    assert done.json()["ok"] is True and done.json()["events"] == 2


def test_audit_verify_exits_1_naming_the_edited_event(initialised, home):
    assert initialised("reviewer", "add", "Bob", pin="246813", env=NEW_PIN).code == 0
    desk = services.unlock(DataDir(home), passphrase=PASSPHRASE)
    try:
        with desk.store.atomic():
            desk.store.db.execute(
                "UPDATE audit_events SET payload = ? WHERE seq = 2",
                [json.dumps({"name": "Mallory", "senior": True})],
            )
    finally:
        desk.close()

    done = initialised("audit", "verify")
    assert done.code == 1
    assert "event 2" in done.out
    as_json = initialised("audit", "verify", "--json")
    assert as_json.code == 1
    assert as_json.json()["first_bad_seq"] == 2 and as_json.json()["ok"] is False


# -- failures ------------------------------------------------------------------------------


def test_intake_of_a_non_pdf_exits_1_with_the_reason_on_stderr(initialised, tmp_path):
    not_pdf = tmp_path / "notes.pdf"
    not_pdf.write_text("Meeting notes, not a demand.\n" * 20, encoding="utf-8")
    done = initialised("intake", str(not_pdf), "--json")
    assert_failed_cleanly(done, "not a PDF")
    assert initialised("cases", "--json").json() == []


def test_intake_of_a_missing_file_exits_1(initialised, tmp_path):
    done = initialised("intake", str(tmp_path / "nowhere.pdf"))
    assert_failed_cleanly(done, "Cannot read")


def test_wrong_passphrase_exits_1_with_a_clear_message(initialised, home, dir_snapshot):
    before = dir_snapshot(home)
    done = initialised("cases", "--json", passphrase="not the passphrase")
    assert_failed_cleanly(done, "passphrase does not unlock this workstation")
    assert dir_snapshot(home) == before


def test_missing_passphrase_without_a_terminal_exits_1_naming_the_variable(initialised):
    done = initialised("cases", passphrase=None)
    assert_failed_cleanly(done, "DEMAND_DESK_PASSPHRASE")


def test_command_on_a_directory_never_set_up_says_how_to_set_it_up(cli, home):
    done = cli("cases")
    assert_failed_cleanly(done, "demand-desk init")
    assert not home.exists()


def test_init_twice_is_refused(initialised):
    done = initialised("init", "--reviewer", "Mallory", "--workstation", "x", pin="000000")
    assert_failed_cleanly(done, "already set up")


def test_init_with_keyring_storage_and_no_keyring_fails_cleanly(cli):
    done = cli(
        "init",
        "--reviewer",
        "Ada",
        "--workstation",
        "test",
        "--key-storage",
        "keyring",
        passphrase=None,
        pin="246813",
        env={"PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"},
    )
    assert_failed_cleanly(done, "keyring")


def test_unknown_command_is_a_usage_error(cli):
    done = cli("frobnicate")
    assert done.code == 2
    assert "invalid choice" in done.err


def test_passphrase_change_keeps_the_cases_behind_the_new_passphrase(initialised, pdf_file):
    assert initialised("intake", str(pdf_file)).code == 0
    done = initialised("passphrase", "change", env={"DEMAND_DESK_NEW_PASSPHRASE": "new one"})
    assert done.code == 0, done.err
    assert_failed_cleanly(initialised("cases"), "does not unlock")
    assert len(initialised("cases", "--json", passphrase="new one").json()) == 1


# -- review and decide ------------------------------------------------------------------


def test_intake_assess_decide_approve(initialised, pdf_file):
    assert initialised("reviewer", "add", "Grace", pin="246813", env=NEW_PIN).code == 0
    case = initialised("intake", str(pdf_file), "--json").json()["case_id"]
    assessed = initialised("assess", case, "--json")
    assert assessed.code == 0, assessed.err
    data = assessed.json()
    assert data["case_id"] == case and data["policy_version"]
    assert {"id", "group", "answer", "source", "evidence", "rule"} <= set(data["items"][0])
    assert set(data["recommendation"]) >= {"outcome", "reasons", "scope"}

    refused = initialised("decide", case, "--outcome", "disclose_noncontent")
    assert_failed_cleanly(refused, "checklist.blocking_open")
    assert len(refused.err.strip().splitlines()) == 1
    _answer_blocking(initialised, case)
    decided = initialised("decide", case, "--outcome", "disclose_noncontent", "--json")
    assert decided.code == 0, decided.err
    assert decided.json()["awaiting_approval"] is True
    same = initialised("approve", case, "--reviewer", "Ada", pin="246813")
    assert_failed_cleanly(same, "different reviewer")
    # Enrolled after the decision: an account made to approve it is refused.
    heidi = {"DEMAND_DESK_NEW_PIN": "975310"}
    assert initialised("reviewer", "add", "Heidi", pin="246813", env=heidi).code == 0
    late = initialised("approve", case, "--reviewer", "Heidi", pin="975310")
    assert_failed_cleanly(late, "Heidi was enrolled", "after this decision")
    approved = initialised("approve", case, "--reviewer", "Grace", "--json", pin="135792")
    assert approved.code == 0, approved.err
    assert approved.json()["approved_by"] == "Grace"
    [row] = initialised("cases", "--json").json()
    assert row["status"] == "decided"


def test_decide_with_a_scope_file_and_a_bad_one(initialised, pdf_file, tmp_path, canary):
    case = initialised("intake", str(pdf_file), "--json").json()["case_id"]
    scope = tmp_path / "scope.json"
    _answer_blocking(initialised, case)
    scope.write_text(
        json.dumps({"identifiers": [canary.email], "categories": ["subscriber_info"], "date_range": {}})
    )
    done = initialised(
        "decide", case, "--outcome", "disclose_noncontent", "--scope-json", str(scope), "--json"
    )
    assert done.code == 0, done.err
    assert done.json()["scope"]["identifiers"] == [canary.email]
    scope.write_text("{not json")
    assert_failed_cleanly(
        initialised("decide", case, "--outcome", "reject", "--scope-json", str(scope)), "not JSON"
    )
    assert initialised("decide", case, "--outcome", "maybe").code == 2


def _answer_blocking(cli: Cli, case: str) -> None:
    """Answer pass every blocking item still unknown or failed, as a reviewer who checked them."""
    for item in cli("assess", case, "--json").json()["items"]:
        if item["effect"] == "blocks" and item["answer"] in ("unknown", "fail"):
            done = cli("answer", case, item["id"], "pass", "--reason", "checked against the original")
            assert done.code == 0, done.err


def test_a_refused_decision_names_the_rule_and_a_senior_may_override_it(initialised, pdf_file):
    case = initialised("intake", str(pdf_file), "--json").json()["case_id"]
    ada = ("--reviewer", REVIEWER)
    # A subpoena for subscriber information: no content to disclose, and blocking items still open.
    assert_failed_cleanly(
        initialised("decide", case, "--outcome", "disclose_content", *ada, pin=PIN),
        "(rule scope.beyond_outcome)",
    )
    assert_failed_cleanly(
        initialised("decide", case, "--outcome", "reject", "--override-reason", "x", *ada, pin=PIN),
        "nothing to override",
    )
    assert initialised("cases", "--json").json()[0]["status"] != "decided"
    reason = "Requester verified by phone with the AUSA"
    done = initialised(
        "decide",
        case,
        "--outcome",
        "disclose_noncontent",
        "--override-reason",
        reason,
        "--json",
        *ada,
        pin=PIN,
    )
    assert done.code == 0, done.err
    assert done.json()["override"] == {"reason": reason, "rules": ["checklist.blocking_open"]}
    assert done.json()["awaiting_approval"] is True


def test_case_fact_and_answer_from_the_command_line(initialised, pdf_file):
    case = initialised("intake", str(pdf_file), "--json").json()["case_id"]

    def redirect_item() -> str:
        items = {i["id"]: i for i in initialised("assess", case, "--json").json()["items"]}
        return items["enterprise.redirect_first"]["answer"]

    before = redirect_item()
    assert initialised("case-fact", case, "enterprise_customer", "yes", "--reason", "tenant").code == 0
    assert redirect_item() != before  # the checklist now knows the account is an enterprise customer's
    assert initialised("case-fact", case, "enterprise_customer", "maybe").code == 1
    refused = initialised("answer", case, "validity.signed", "fail")
    if refused.code == 1:  # an override without a reason
        assert "Say why" in refused.err
    assert initialised("answer", case, "validity.signed", "fail", "--reason", "stamp only").code == 0
    items = {i["id"]: i for i in initialised("assess", case, "--json").json()["items"]}
    assert (items["validity.signed"]["answer"], items["validity.signed"]["source"]) == ("fail", "reviewer")


def test_directory_import_adds_authorities_and_refuses_a_bad_file(initialised, tmp_path, home):
    good = tmp_path / "extra.csv"
    good.write_text(
        "name,country,kind,email_domains,phone_prefixes,address\n"
        'Kestrel County Sheriff\'s Office,US,police,kcso.mt.gov,+1406,"Kestrel Falls, MT"\n'
    )
    done = initialised("directory", "import", str(good), "--json")
    assert done.code == 0, done.err
    assert done.json() == {"added": 1}
    bad = tmp_path / "bad.csv"
    bad.write_text("name,country\nNobody,XX\n")
    assert_failed_cleanly(initialised("directory", "import", str(bad)), "bad.csv")


# -- letters ----------------------------------------------------------------------------


def test_letter_for_a_narrowed_case_lists_the_identifier_in_scope(initialised, pdf_file, tmp_path, canary):
    import pypdf

    case = initialised("intake", str(pdf_file), "--json").json()["case_id"]
    assert initialised("decide", case, "--outcome", "narrow").code == 0
    assert set_our_letterhead(initialised).code == 0  # a final letter leaves only on our own
    out = tmp_path / "letters" / "narrowing.pdf"
    done = initialised("letter", case, "--kind", "narrowing", "--out", str(out), "--final", "--json")
    assert done.code == 0, done.err
    assert done.json()["status"] == "final" and done.json()["sha256"]
    text = "".join(p.extract_text() or "" for p in pypdf.PdfReader(out).pages)
    assert canary.email in text
    listed = initialised("letters", case, "--json").json()
    assert [x["kind"] for x in listed["letters"]] == ["narrowing"] and "narrowing" in listed["allowed_kinds"]
    refused = initialised("letter", case, "--kind", "disclosure_cover", "--out", str(tmp_path / "x.pdf"))
    assert_failed_cleanly(refused, "does not answer a decision to narrow")
    assert not (tmp_path / "x.pdf").exists()
    package = tmp_path / "package.pdf"
    assert initialised("letter", case, "--package", "--with-demand", "--out", str(package)).code == 0
    assert len(pypdf.PdfReader(package).pages) >= 3  # one letter page at least, and the demand's two


def set_our_letterhead(cli: Cli) -> Run:
    sets = [arg for key, value in OUR_LETTERHEAD.items() for arg in ("--set", f"{key}={value}")]
    return cli("letterhead", *sets, "--reviewer", REVIEWER, pin=PIN)


def test_a_final_user_notice_under_a_gag_is_refused_naming_the_order_and_leaves_nothing(
    initialised, pdf_file, tmp_path
):
    me = ("--reviewer", REVIEWER)
    case = initialised("intake", str(pdf_file), "--json", *me, pin=PIN).json()["case_id"]
    assert initialised("decide", case, "--outcome", "narrow", *me, pin=PIN).code == 0
    assert set_our_letterhead(initialised).code == 0
    gagged = initialised(
        "secrecy", case, "--record", "2026-01-05", "--until-further-order", "--statute",
        "18 U.S.C. § 2705(b)", "--reason", "page 2 of the subpoena", *me, pin=PIN,
    )  # fmt: skip
    assert gagged.code == 0, gagged.err
    out = tmp_path / "notice.pdf"
    refused = initialised("letter", case, "--kind", "user_notice", "--final", "--out", str(out), *me, pin=PIN)
    assert_failed_cleanly(refused, "Notice to the user waits", "18 U.S.C. § 2705(b)", "until further order")
    assert refused.err.count("\n") == 1  # one line
    assert not out.exists()
    assert initialised("letters", case, "--json").json()["letters"] == []  # not even a draft was kept
    trail = initialised("audit", "show", case, "--json")
    assert trail.code == 0 and case in trail.out and "letter.drafted" not in trail.out
    # Lifted: the notice may go.
    assert initialised("secrecy", case, "--lifted", "2026-02-01", *me, pin=PIN).code == 0
    done = initialised("letter", case, "--kind", "user_notice", "--final", "--out", str(out), *me, pin=PIN)
    assert done.code == 0, done.err
    assert out.exists()


def test_a_package_and_a_disclosure_cover_wait_for_the_approval(initialised, pdf_file, tmp_path):
    me = ("--reviewer", REVIEWER)
    grace_pin = "135790"  # Grace is enrolled before the decision she approves
    assert initialised("reviewer", "add", "Grace", pin=PIN, env={"DEMAND_DESK_NEW_PIN": grace_pin}).code == 0
    case = initialised("intake", str(pdf_file), "--json", *me, pin=PIN).json()["case_id"]
    assert initialised("decide", case, "--outcome", "narrow", *me, pin=PIN).code == 0
    assert set_our_letterhead(initialised).code == 0
    first = tmp_path / "narrowing.pdf"
    assert (
        initialised("letter", case, "--kind", "narrowing", "--final", "--out", str(first), *me, pin=PIN).code
        == 0
    )
    _answer_blocking(initialised, case)
    assert initialised("decide", case, "--outcome", "disclose_noncontent", *me, pin=PIN).code == 0

    package, cover = tmp_path / "package.pdf", tmp_path / "cover.pdf"
    for args in (
        ("--package", "--out", str(package)),
        ("--package", "--with-demand", "--out", str(package)),
        ("--kind", "disclosure_cover", "--final", "--out", str(cover)),
        ("--kind", "disclosure_cover", "--out", str(cover)),  # a draft says what would leave, too
    ):
        refused = initialised("letter", case, *args, *me, pin=PIN)
        assert_failed_cleanly(refused, "Nothing leaves before approval", "second reviewer")
        assert refused.err.count("\n") == 1
    assert not package.exists() and not cover.exists()

    approved = initialised("approve", case, "--reviewer", "Grace", pin=grace_pin)
    assert approved.code == 0, approved.err
    done = initialised(
        "letter", case, "--kind", "disclosure_cover", "--final", "--out", str(cover), *me, pin=PIN
    )
    assert done.code == 0, done.err
    done = initialised("letter", case, "--package", "--with-demand", "--out", str(package), *me, pin=PIN)
    assert done.code == 0, done.err
    assert package.exists() and cover.exists()


def test_a_final_letter_on_the_example_letterhead_is_refused_and_a_draft_is_marked(
    initialised, pdf_file, tmp_path
):
    import pypdf

    me = ("--reviewer", REVIEWER)
    case = initialised("intake", str(pdf_file), "--json", *me, pin=PIN).json()["case_id"]
    assert initialised("decide", case, "--outcome", "narrow", *me, pin=PIN).code == 0
    final = tmp_path / "final.pdf"
    refused = initialised("letter", case, "--kind", "narrowing", "--final", "--out", str(final), *me, pin=PIN)
    assert_failed_cleanly(refused, "letterhead", "demand-desk letterhead --set")
    assert not final.exists() and initialised("letters", case, "--json").json()["letters"] == []
    draft = tmp_path / "draft.pdf"
    done = initialised("letter", case, "--kind", "narrowing", "--out", str(draft), *me, pin=PIN)
    assert done.code == 0, done.err
    reader = pypdf.PdfReader(draft)
    assert all("DRAFT" in (page.extract_text() or "") for page in reader.pages)
    assert reader.metadata is not None and reader.metadata.title.startswith("DRAFT – ")


def test_letterhead_show_and_set(initialised):
    shown = initialised("letterhead", "--json").json()
    assert shown["page_size"] in ("A4", "Letter")
    done = initialised("letterhead", "--set", "organisation=Quokka Mail", "--set", "page_size=A4", "--json")
    assert done.code == 0, done.err
    assert done.json()["organisation"] == "Quokka Mail"
    assert_failed_cleanly(initialised("letterhead", "--set", "page_size=A3"), "A4 or Letter")


def test_notices_due_lists_a_case_whose_secrecy_order_expired(initialised):
    ndo = Path(__file__).resolve().parents[2].parent / "shared" / "checks" / "data" / "canary_ndo.pdf"
    if not ndo.exists():
        pytest.skip("the shared contract-check data is not beside the repository")
    case = initialised("intake", str(ndo), "--json").json()["case_id"]
    due = initialised("notices", "due", "--json")
    assert due.code == 0, due.err
    assert [(n["case_id"], n["kind"]) for n in due.json()] == [(case, "delayed")]


def test_today_secrecy_notice_and_calendar_from_the_command_line(initialised, tmp_path):
    ndo = Path(__file__).resolve().parents[2].parent / "shared" / "checks" / "data" / "canary_ndo.pdf"
    if not ndo.exists():
        pytest.skip("the shared contract-check data is not beside the repository")
    case = initialised("intake", str(ndo), "--json").json()["case_id"]
    today = initialised("today", "--date", "2025-03-20", "--json")
    assert today.code == 0, today.err
    assert [i["case_id"] for i in today.json()["orders_expiring"]] == [case]
    extended = initialised("secrecy", case, "--extend", "2025-07-09", "--reason", "court order", "--json")
    assert extended.code == 0, extended.err
    assert extended.json()["extensions"] == [["2025-07-09", "court order"]]
    assert_failed_cleanly(initialised("secrecy", case, "--extend", "2025-07-09"), "Say why")
    assert initialised("notice", "given", case, "--how", "e-mail", "--on", "2025-07-10").code == 0
    assert initialised("notices", "due", "--json").json() == []
    out = tmp_path / "cal" / "deadlines.ics"
    assert initialised("deadlines", "ics", "--out", str(out)).code == 0
    assert out.read_bytes().startswith(b"BEGIN:VCALENDAR\r\n")
    assert_failed_cleanly(initialised("today", "--date", "tomorrow"), "a date like")


def test_settings_show_and_change_the_reconsideration_cycle(initialised):
    shown = initialised("settings", "--json")
    assert shown.code == 0, shown.err
    assert shown.json() == {
        "idle_lock_minutes": 10,
        "secrecy_reconsider_days": 90,
        "sync_folder": None,
        "sync_every_minutes": 0,
        "provider_entities": [],
        "ocr_seconds_per_page": 6,
    }
    changed = initialised("settings", "--set", "secrecy_reconsider_days=60", "--json")
    assert changed.code == 0, changed.err
    assert changed.json()["secrecy_reconsider_days"] == 60
    assert_failed_cleanly(initialised("settings", "--set", "secrecy_reconsider_days=2"), "7 to 365")
    assert_failed_cleanly(initialised("settings", "--set", "colour=blue"), "KEY=VALUE")
    assert initialised("settings", "--json").json()["secrecy_reconsider_days"] == 60


def test_settings_set_the_providers_legal_entities_separated_by_semicolons(initialised):
    entities = "provider_entities=Example Online Services LLC; Example Ireland Ltd"
    done = initialised("settings", "--reviewer", REVIEWER, "--set", entities, "--json", pin=PIN)
    assert done.code == 0, done.err
    assert done.json()["provider_entities"] == ["Example Online Services LLC", "Example Ireland Ltd"]
    assert initialised("settings", "--json").json()["provider_entities"] == [
        "Example Online Services LLC",
        "Example Ireland Ltd",
    ]
    plain = initialised("settings")
    assert "provider_entities: Example Online Services LLC; Example Ireland Ltd" in plain.out
    trail = initialised("audit", "show", "--json").json()
    assert [e["payload"] for e in trail if e["action"] == "settings.provider_entities"] == [
        {"entities": ["Example Online Services LLC", "Example Ireland Ltd"]}
    ]
    # Nothing but separators is no entity at all: refused, and the stored ones stand.
    empty = initialised("settings", "--reviewer", REVIEWER, "--set", "provider_entities= ; ", pin=PIN)
    assert_failed_cleanly(empty, "at least one legal entity")
    assert len(initialised("settings", "--json").json()["provider_entities"]) == 2
    assert "separated by ';'" in " ".join(initialised("settings", "--help").out.split())


def test_an_order_intake_missed_is_recorded_from_the_command_line(initialised, pdf_file):
    case = initialised("intake", str(pdf_file), "--json").json()["case_id"]
    assert_failed_cleanly(initialised("secrecy", case, "--record", "2026-03-02", "--reason", "x"), "--until")
    assert_failed_cleanly(
        initialised("secrecy", case, "--record", "2026-03-02", "--until-further-order"), "Say where"
    )
    done = initialised(
        "secrecy", case, "--record", "2026-03-02", "--until-further-order", "--statute", "2705(b)",
        "--reason", "separate order of 2 March", "--covers", "user", "--json",
    )  # fmt: skip
    assert done.code == 0, done.err
    assert (done.json()["open_ended"], done.json()["covers"]) == (True, "user")


def test_no_command_changes_the_store_without_a_named_reviewer(initialised, pdf_file):
    nobody = {"DEMAND_DESK_REVIEWER": ""}
    refused = initialised("intake", str(pdf_file), "--json", env=nobody)
    assert_failed_cleanly(refused, "needs a reviewer", "--reviewer NAME", "DEMAND_DESK_PIN")
    assert initialised("cases", "--json", env=nobody).json() == []  # reading needs only the passphrase
    case = initialised("intake", str(pdf_file), "--json").json()["case_id"]
    assert initialised("facts", case, "--json", env=nobody).json()["case_id"] == case
    decided = initialised("decide", case, "--outcome", "reject", env=nobody)
    assert_failed_cleanly(decided, "needs a reviewer")
    trail = initialised("audit", "show", case, "--json", env=nobody).json()
    assert [e["action"] for e in trail] == ["case.intake"]


def test_only_an_administrator_with_their_own_pin_enrols(initialised):
    assert initialised("reviewer", "add", "Bob", pin=PIN, env=NEW_PIN).code == 0
    by_bob = initialised("--reviewer", "Bob", "reviewer", "add", "Mallory", pin="135792", env=NEW_PIN)
    assert_failed_cleanly(by_bob, "only an administrator")
    wrong = initialised("reviewer", "add", "Mallory", "--role", "senior", pin="000001", env=NEW_PIN)
    assert_failed_cleanly(wrong, "PIN")
    no_own_pin = initialised("reviewer", "add", "Mallory", pin=PIN)
    assert_failed_cleanly(no_own_pin, "DEMAND_DESK_NEW_PIN")
    short = initialised("reviewer", "add", "Mallory", pin=PIN, env={"DEMAND_DESK_NEW_PIN": "1234"})
    assert_failed_cleanly(short, "6 to 32 digits")
    names = [r["name"] for r in initialised("reviewer", "list", "--json").json()]
    assert names == ["Ada", "Bob"]
    assert initialised("reviewer", "role", "Bob", "senior", "--json", pin=PIN).json()["role"] == "senior"


# -- facts CASE --set/--add-identifier/--remove-identifier/--add-category/--remove-category: the
# reviewer corrects what the scan could not tell; a refused correction changes nothing.


def _items(cli, case):
    return {i["id"]: i for i in cli("assess", case, "--json").json()["items"]}


def test_targets_and_categories_are_corrected_audited_and_reviewed_again(initialised, pdf_file):
    case = initialised("intake", str(pdf_file), "--json").json()["case_id"]
    [target] = initialised("facts", case, "--json").json()["identifiers"]
    done = initialised(
        "facts",
        case,
        "--remove-identifier",
        target["value"].upper(),
        "--reason",
        "the requester's own address",
    )
    assert done.code == 0, done.err
    assert _items(initialised, case)["validity.specific_identifiers"]["answer"] != "pass"

    done = initialised(
        "facts", case,
        "--add-identifier", "account_id=8812-4471",
        "--add-category", "billing",
        "--set", "date_issued=2026-03-02",
        "--set", "instrument=National Security Letter",
        "--reason", "page 3 of the served original, blacked out on the scan",
        "--json",
    )  # fmt: skip
    assert done.code == 0, done.err
    facts = done.json()
    assert [(i["kind"], i["value"]) for i in facts["identifiers"]] == [("account_id", "8812-4471")]
    assert "billing" in [d["category"] for d in facts["data_requested"]]
    assert facts["date_issued"] == "2026-03-02"
    assert facts["instrument"] == "nsl"
    assert _items(initialised, case)["validity.specific_identifiers"]["answer"] == "pass"

    trail = initialised("audit", "show", case, "--json")
    assert trail.code == 0, trail.err
    said = {e["action"]: e["payload"].get("reason") for e in trail.json()}
    assert said["fact.identifier_removed"] == "the requester's own address"
    for action in ("fact.identifier_added", "fact.category_added", "fact.corrected"):
        assert said[action] == "page 3 of the served original, blacked out on the scan"


def test_a_refused_correction_changes_nothing(initialised, pdf_file, home):
    case = initialised("intake", str(pdf_file), "--json").json()["case_id"]
    before = initialised("facts", case, "--json").json()
    for args, said in [
        (["--add-category", "billing"], "needs --reason"),
        (["--set", "date_issued=2026-03-02", "--add-category", "horoscopes", "--reason", "r"], "horoscopes"),
        (["--add-identifier", "fax", "--reason", "r"], "KIND=VALUE"),
        (["--add-identifier", "carrier_pigeon=1", "--reason", "r"], "carrier_pigeon"),
        (["--remove-category", "content", "--reason", "r"], "does not list content"),
    ]:
        done = initialised("facts", case, *args)
        assert done.code == 1 and said in done.err, (args, done.err)
    assert initialised("facts", case, "--json").json() == before
    nobody = runner(home, reviewer="")("facts", case, "--add-category", "billing", "--reason", "r")
    assert nobody.code == 1 and "needs a reviewer" in nobody.err
    assert initialised("facts", case, "--json").json() == before


def test_intake_refuses_a_pipe_a_device_and_an_endless_file_without_hanging(
    initialised, tmp_path, dir_snapshot
):
    fifo = tmp_path / "demand.pdf"
    os.mkfifo(fifo)  # nobody ever writes to it: a plain read would wait for ever
    endless = tmp_path / "zero.pdf"
    endless.symlink_to("/dev/zero")
    for path in (fifo, endless, tmp_path):
        done = initialised("intake", str(path))
        assert done.code == 1 and "not a regular file" in done.err, done.err
    assert initialised("cases", "--json").json() == []


def test_malformed_arguments_get_a_message_not_a_traceback(initialised, pdf_file, tmp_path):
    case = initialised("intake", str(pdf_file), "--json").json()["case_id"]
    deep = tmp_path / "deep.json"
    deep.write_text('{"date_range": ' + "[" * 100_000 + "]" * 100_000 + "}")
    for args, said in [
        (["report", "--period", "0000H1"], "names a year no report can cover"),
        (["facts", ""], "Name a case"),
        (["decide", case, "--outcome", "narrow", "--scope-json", str(deep)], "nests too deep"),
    ]:
        done = initialised(*args)
        assert done.code == 1 and said in done.err and "Traceback" not in done.err, (args, done.err)


def test_init_in_a_folder_others_write_to_is_refused_and_the_folder_left_alone(cli, tmp_path):
    shared_tmp = tmp_path / "scratch"
    shared_tmp.mkdir()
    shared_tmp.chmod(0o1777)  # like /tmp
    done = runner(shared_tmp)("init", "--reviewer", "Ada", "--workstation", "w", pin="246813")
    assert done.code == 1 and "others may write to" in done.err, done.err
    assert shared_tmp.stat().st_mode & 0o7777 == 0o1777
    assert list(shared_tmp.iterdir()) == []


def test_a_store_damaged_in_the_middle_is_reported_not_a_traceback(initialised, pdf_file, home):
    initialised("intake", str(pdf_file))
    store = home / "store.db"
    data = bytearray(store.read_bytes())
    for i in range(8192, min(len(data), 16384)):
        data[i] ^= 0x5A  # a page past the header: the key still opens the file
    store.write_bytes(bytes(data))
    done = initialised("cases")
    assert done.code == 1 and "Traceback" not in done.err, done.err
    assert "damaged" in done.err and "Restore the data directory" in done.err
