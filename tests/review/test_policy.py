"""The policy pack: the shipped one loads and says what DESIGN.md asks; every mistake names file and line."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from app.model import Instrument
from app.review.evaluators import EVALUATORS
from app.review.policy import POLICY_DIR, PolicyError, load_pack

REQUIRED_COUNTRIES = {"US", "IE", "GB", "DE", "FR", "LU", "NL", "IN", "BR", "CA", "AU", "ES"}
REQUIRED_ITEMS = {
    "validity.official_document",
    "validity.issued_under_local_law",
    "validity.authority_has_jurisdiction",
    "validity.signed",
    "validity.properly_authorised",
    "validity.addressed_to_provider",
    "validity.dates",
    "validity.specific_identifiers",
    "validity.identifiers_well_formed",
    "validity.instrument_sufficient",
    "validity.not_overly_broad",
    "validity.no_material_mistakes",
    "validity.requester_verified",
    "emergency.in_writing_on_letterhead",
    "emergency.signed_by_law_enforcement",
    "emergency.summary_of_emergency",
    "emergency.how_data_helps",
    "emergency.scope_limited",
    "civil.owner_consent_for_content",
    "civil.notice_to_owner",
    "enterprise.redirect_first",
    "enterprise.data_location_recorded",
    "human_rights.country_baseline",
    "human_rights.offence_criminalises_protected_activity",
    "human_rights.target_journalist_or_activist",
    "human_rights.proportionality",
}


def test_the_shipped_pack_loads_with_a_version_and_every_instrument_kind() -> None:
    pack = load_pack()
    assert pack.version == "2026.3" and pack.description
    assert set(pack.instruments) == {k.value for k in Instrument}
    assert not pack.instruments["preservation_request"].data_demand
    assert (
        pack.instruments["subpoena"].compels_noncontent and not pack.instruments["subpoena"].compels_content
    )
    assert pack.instruments["search_warrant"].needs_judge
    assert pack.instruments["nsl"].national_security and pack.instruments["civil_subpoena"].civil
    assert load_pack() is pack  # read once per process
    assert load_pack(POLICY_DIR) is not pack and load_pack(POLICY_DIR).version == pack.version


def test_the_shipped_checklist_has_every_item_with_a_known_evaluator() -> None:
    pack = load_pack()
    ids = [item.id for item in pack.items]
    assert REQUIRED_ITEMS <= set(ids) and len(ids) == len(set(ids))
    for item in pack.items:
        assert item.question and item.help and item.rule
        assert item.evaluate == "" or item.evaluate in EVALUATORS
    assert {i.effect for i in pack.items if i.group == "human_rights"} == {"escalate"}
    assert [i.id for i in pack.items if not i.evaluate] == [
        "validity.no_material_mistakes",
        "human_rights.proportionality",
    ]


def test_every_required_country_names_its_instruments_and_a_default_is_not_accepted() -> None:
    pack = load_pack()
    assert REQUIRED_COUNTRIES <= set(pack.jurisdictions)
    for code in REQUIRED_COUNTRIES:
        j = pack.jurisdictions[code]
        assert j.accepted and j.instruments and j.secrecy.statute and j.human_rights.notes, code
        assert any("content" in i.compels for i in j.instruments), f"{code}: nothing reaches content"
    assert not pack.default.accepted and pack.default.reason
    assert pack.default.human_rights.level == "high"
    assert pack.jurisdiction("TV") is pack.default
    assert pack.jurisdiction("uk") is pack.jurisdictions["GB"]
    assert pack.jurisdiction(None) is None


@pytest.mark.parametrize(
    ("code", "kind", "name", "statute"),
    [
        ("US", "subpoena", "Grand-jury subpoena", "Fed. R. Crim. P. 17"),
        ("US", "subpoena", "Administrative subpoena", "2703(c)(2)"),
        ("US", "court_order", "2703(d) order", "18 U.S.C. § 2703(d)"),
        ("US", "search_warrant", "Search warrant", "Fed. R. Crim. P. 41"),
        ("US", "nsl", "National Security Letter", "18 U.S.C. § 2709"),
        ("US", "fisa_order", "FISA electronic surveillance order", "50 U.S.C. § 1805"),
        ("US", "fisa_order", "FISA business-records order", "50 U.S.C. § 1861"),
        ("US", "fisa_order", "FISA Amendments Act directive (Section 702)", "50 U.S.C. § 1881a"),
        ("US", "civil_subpoena", "Civil subpoena", "Fed. R. Civ. P. 45"),
        ("DE", "court_order", "Beschluss (Telekommunikationsüberwachung)", "§ 100a StPO"),
        ("DE", "court_order", "Beschluss (Verkehrsdaten)", "§ 100g StPO"),
        ("DE", "subpoena", "Auskunftsersuchen (Bestandsdaten)", "§ 100j StPO"),
        ("FR", "subpoena", "Réquisition judiciaire", "art. 60-1"),
        ("ES", "court_order", "Auto judicial (datos conservados)", "588 ter j"),
        ("GB", "production_order", "PACE production order", "Police and Criminal Evidence Act 1984"),
        (
            "GB",
            "production_order",
            "Overseas Production Order",
            "Crime (Overseas Production Orders) Act 2019",
        ),
        ("LU", "production_order", "European Production Order (EPOC), traffic data and content", "2023/1543"),
        ("IE", "production_order", "Production order", "s. 52"),
    ],
)
def test_instruments_are_named_in_local_terms(code: str, kind: str, name: str, statute: str) -> None:
    found = {i.local_name: i for i in load_pack().jurisdictions[code].local(kind)}
    assert name in found, sorted(found)
    assert statute in found[name].statute


def test_what_a_local_instrument_compels_is_its_own() -> None:
    us = {i.local_name: i for i in load_pack().jurisdictions["US"].instruments}
    assert us["National Security Letter"].compels == {"noncontent"}
    assert us["2703(d) order"].compels == {"noncontent"}
    assert us["Search warrant"].compels == {"content", "noncontent"}
    assert us["FISA business-records order"].compels == {"noncontent"}


# ------------------------------------------------------------------------------ errors


@pytest.fixture
def pack_copy(tmp_path: Path) -> Path:
    root = tmp_path / "policy"
    shutil.copytree(POLICY_DIR, root)
    return root


def line_of(text: str, snippet: str) -> int:
    """The 1-based line on which ``snippet`` starts."""
    at = text.index(snippet)
    return text.count("\n", 0, at) + 1


def edit(path: Path, old: str, new: str) -> int:
    """Replace the first ``old`` with ``new``; the line where the change starts."""
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    line = line_of(text, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return line


def append(path: Path, extra: str, marker: str) -> int:
    text = path.read_text(encoding="utf-8") + extra
    path.write_text(text, encoding="utf-8")
    return line_of(text, marker)


def item_block(text: str, item_id: str) -> str:
    start = text.rindex("[[items]]", 0, text.index(f'id = "{item_id}"'))
    end = text.find("[[items]]", start + 1)
    return text[start : end if end != -1 else len(text)]


Case = Callable[[Path], tuple[Path, int, str]]


def _unknown_kind_in_a_jurisdiction(root: Path) -> tuple[Path, int, str]:
    path = root / "jurisdictions" / "US.toml"
    return path, edit(path, 'kind = "nsl"', 'kind = "national_security_letter"'), "unknown instrument kind"


def _unknown_instrument_table(root: Path) -> tuple[Path, int, str]:
    path = root / "instruments.toml"
    return path, append(path, '\n[telegram]\nlabel = "Telegram"\n', "[telegram]"), "unknown instrument kind"


def _missing_instrument_kind(root: Path) -> tuple[Path, int, str]:
    path = root / "instruments.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: text.index("[other]")], encoding="utf-8")
    return path, 1, "missing instrument kind(s): other"


def _unknown_key(root: Path) -> tuple[Path, int, str]:
    path = root / "instruments.toml"
    return path, edit(path, "needs_judge = false", "needs_jugde = false"), "unknown key"


def _unknown_kind_in_applies_to(root: Path) -> tuple[Path, int, str]:
    path = root / "checklist.toml"
    return path, edit(path, 'applies_to = ["civil"]', 'applies_to = ["civil", "takedown"]'), "'takedown'"


def _unknown_evaluator(root: Path) -> tuple[Path, int, str]:
    path = root / "checklist.toml"
    return path, edit(path, 'evaluate = "signed"', 'evaluate = "is_signed"'), "no evaluator 'is_signed'"


def _bad_effect(root: Path) -> tuple[Path, int, str]:
    path = root / "checklist.toml"
    return path, edit(path, 'effect = "records"', 'effect = "note"'), "'note' is not one of"


def _bad_group(root: Path) -> tuple[Path, int, str]:
    path = root / "checklist.toml"
    return path, edit(path, 'group = "civil"', 'group = "civility"'), "'civility' is not one of"


def _duplicate_id(root: Path) -> tuple[Path, int, str]:
    path = root / "checklist.toml"
    text = path.read_text(encoding="utf-8")
    changed = text + "\n" + item_block(text, "validity.signed")
    path.write_text(changed, encoding="utf-8")
    second = changed.rindex('id = "validity.signed"')
    return path, changed.count("\n", 0, second) + 1, "duplicate id 'validity.signed'"


def _missing_question(root: Path) -> tuple[Path, int, str]:
    path = root / "checklist.toml"
    text = path.read_text(encoding="utf-8")
    block = item_block(text, "validity.signed")
    question = next(line for line in block.splitlines() if line.startswith("question ="))
    header = line_of(text, block)
    path.write_text(text.replace(block, block.replace(question + "\n", ""), 1), encoding="utf-8")
    return path, header, "missing 'question'"


def _syntax_error(root: Path) -> tuple[Path, int, str]:
    path = root / "pack.toml"
    return path, edit(path, 'version = "2026.3"', "version = = 2026.3"), "not valid TOML"


def _bad_level(root: Path) -> tuple[Path, int, str]:
    path = root / "jurisdictions" / "BR.toml"
    return (
        path,
        edit(path, 'level = "elevated"', 'level = "severe"'),
        "must be one of standard, elevated, high",
    )


def _code_mismatch(root: Path) -> tuple[Path, int, str]:
    path = root / "jurisdictions" / "FR.toml"
    return path, edit(path, 'code = "FR"', 'code = "BE"'), "the file is named FR.toml"


def _bad_compels(root: Path) -> tuple[Path, int, str]:
    path = root / "jurisdictions" / "DE.toml"
    return path, edit(path, 'compels = ["noncontent"]', 'compels = ["metadata"]'), "'metadata' is not one of"


def _emergency_not_accepted(root: Path) -> tuple[Path, int, str]:
    path = root / "jurisdictions" / "CA.toml"
    edit(path, "emergency_requests = true", "emergency_requests = false")
    text = path.read_text(encoding="utf-8")
    return path, line_of(text, 'kind = "emergency_request"'), "emergency_requests is false"


def _not_accepted_without_reason(root: Path) -> tuple[Path, int, str]:
    path = root / "jurisdictions" / "default.toml"
    text = path.read_text(encoding="utf-8")
    reason = next(line for line in text.splitlines() if line.startswith("reason ="))
    path.write_text(text.replace(reason + "\n", ""), encoding="utf-8")
    return path, 1, "missing 'reason'"


def _missing_default(root: Path) -> tuple[Path, int, str]:
    path = root / "jurisdictions" / "default.toml"
    path.unlink()
    return path, 1, "missing file"


def _bad_category(root: Path) -> tuple[Path, int, str]:
    path = root / "pack.toml"
    return (
        path,
        edit(path, 'categories = ["subscriber_info", "ip_history"]', 'categories = ["location"]'),
        "'location'",
    )


def _id_outside_its_group(root: Path) -> tuple[Path, int, str]:
    path = root / "checklist.toml"
    return (
        path,
        edit(path, 'id = "civil.notice_to_owner"', 'id = "validity.notice_to_owner"'),
        "must be 'civil.'",
    )


CASES: list[Case] = [
    _unknown_kind_in_a_jurisdiction,
    _unknown_instrument_table,
    _missing_instrument_kind,
    _unknown_key,
    _unknown_kind_in_applies_to,
    _unknown_evaluator,
    _bad_effect,
    _bad_group,
    _duplicate_id,
    _missing_question,
    _syntax_error,
    _bad_level,
    _code_mismatch,
    _bad_compels,
    _emergency_not_accepted,
    _not_accepted_without_reason,
    _missing_default,
    _bad_category,
    _id_outside_its_group,
]


@pytest.mark.parametrize("case", CASES, ids=[c.__name__.strip("_") for c in CASES])
def test_a_mistake_names_the_file_and_the_line(pack_copy: Path, case: Case) -> None:
    path, line, words = case(pack_copy)
    with pytest.raises(PolicyError) as raised:
        load_pack(pack_copy)
    message = str(raised.value)
    assert message.startswith(f"{path}:{line}: "), message
    assert words in message, message


def test_a_folder_without_a_pack_is_refused(tmp_path: Path) -> None:
    with pytest.raises(PolicyError, match="no policy pack"):
        load_pack(tmp_path / "nowhere")
