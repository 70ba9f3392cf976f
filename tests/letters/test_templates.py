"""Letter templates: which kinds a decision allows, drafting, and errors that name the template."""

from __future__ import annotations

import dataclasses
import re
import shutil
from pathlib import Path

import pytest

from app.letters import markdown
from app.letters.templates import (
    KINDS,
    LETTERS_DIR,
    OUTCOMES,
    KindNotAllowed,
    LetterContext,
    Reason,
    TemplateError,
    allowed_kinds,
    draft,
    load_labels,
    load_template,
)

# An outcome each kind is written for, and whether the case is an emergency request.
FOR_KIND = {
    "rejection": ("reject", False),
    "narrowing": ("narrow", False),
    "redirect": ("redirect", False),
    "disclosure_cover": ("disclose_noncontent", False),
    "user_notice": ("disclose_content", False),
    "delayed_notice": ("disclose_noncontent", False),
    "enterprise_notice": ("redirect", False),
    "secrecy_challenge": ("disclose_content", False),
    "emergency_response": ("disclose_noncontent", True),
    "hold": ("not_a_data_demand", False),
    "hold_release": ("not_a_data_demand", False),
    "reimbursement": ("no_data", False),
}


def context(**changes: object) -> LetterContext:
    base = LetterContext(
        reference="DEMO-2026-0005",
        date="2026-03-14",
        requester_name="Federal Bureau of Investigation, Newark Field Office",
        requester_address=["11 Centre Place", "Newark, NJ 07102"],
        addressee_name="Special Agent Dana Whitfield",
        instrument_label="Grand-jury subpoena",
        country="United States",
        date_issued="2026-03-02",
        demand_reference="NK-2026-0193",
        reasons=[
            Reason("validity.signed", "Is the document signed?", "The provider requires a signed document."),
            Reason("validity.dates", note="The demand is dated in 2027."),
        ],
        identifiers=["jane.doe@example.com", "203.0.113.7"],
        categories=["subscriber_info", "ip_history"],
        date_from="2025-01-01",
        date_to="2025-06-30",
        excluded_identifiers=["all accounts in Paris"],
        excluded_categories=["content"],
        instrument_needed="search_warrant",
        user_name="Jane Doe",
        enterprise_customer="Contoso Logistics GmbH",
        enterprise_contact="Legal Department",
        secrecy_statute="18 U.S.C. § 2705(b)",
        secrecy_expires="2026-09-01",
        emergency_summary="A missing child is believed to be with an adult who has threatened her.",
        organisation="Northwind Mail",
        legal_entity="Northwind Mail Ltd.",
        contact="lerequests@northwind.example",
        cost_items=[{"task": "Legal review", "hours": "1.5", "rate": "USD 75.00", "amount": "USD 112.50"}],
        cost_total="USD 112.50",
        cost_statute="18 U.S.C. § 2706",
        payment_details=["Northwind Mail Ltd.", "Account 123"],
    )
    return dataclasses.replace(base, **changes)  # type: ignore[arg-type]


def copy_templates(tmp_path: Path) -> Path:
    root = tmp_path / "letters"
    shutil.copytree(LETTERS_DIR, root)
    return root


# ------------------------------------------------------------------------------ kinds


@pytest.mark.parametrize("language", ["en", "de"])
@pytest.mark.parametrize("kind", KINDS)
def test_every_kind_drafts_in_each_language_for_a_decision_that_allows_it(kind: str, language: str) -> None:
    outcome, emergency = FOR_KIND[kind]
    letter = draft(kind, context(outcome=outcome, emergency=emergency), language)
    assert letter.language == language
    assert letter.title and "{" not in letter.title
    assert "{" not in letter.body and "}" not in letter.body
    assert "\n\n\n" not in letter.body
    assert letter.addressee_lines


def test_allowed_kinds_follow_the_decision() -> None:
    notices = ["user_notice", "delayed_notice", "enterprise_notice", "secrecy_challenge"]
    assert allowed_kinds("reject", emergency=False) == ["rejection", *notices]
    assert allowed_kinds("challenge", emergency=False) == ["rejection", *notices]
    assert allowed_kinds("narrow", emergency=False) == ["narrowing", *notices]
    assert allowed_kinds("redirect", emergency=False) == ["redirect", *notices]
    # The reimbursement request is allowed by these outcomes; whether the case may be charged
    # at all (never an emergency) is app/costs' rule, applied by the letters service.
    assert allowed_kinds("disclose_content", emergency=False) == [
        "disclosure_cover",
        *notices,
        "reimbursement",
    ]
    assert allowed_kinds("disclose_noncontent", emergency=True) == [
        "disclosure_cover",
        *notices,
        "emergency_response",
        "reimbursement",
    ]
    assert allowed_kinds("reject", emergency=True) == ["rejection", *notices, "emergency_response"]
    assert allowed_kinds("no_data", emergency=False) == [*notices, "reimbursement"]


def test_an_escalated_case_allows_no_letter_until_it_is_decided() -> None:
    assert allowed_kinds("escalate", emergency=False) == []


def test_draft_refuses_a_kind_the_decision_does_not_allow() -> None:
    with pytest.raises(
        KindNotAllowed, match="'reject' does not allow a narrowing letter; it allows: rejection"
    ):
        draft("narrowing", context(outcome="reject"))
    with pytest.raises(KindNotAllowed, match="does not allow a disclosure_cover letter"):
        draft("disclosure_cover", context(outcome="narrow"))
    with pytest.raises(KindNotAllowed, match="emergency_response"):
        draft("emergency_response", context(outcome="disclose_noncontent", emergency=False))


def test_a_translation_cannot_widen_what_a_decision_allows(tmp_path: Path) -> None:
    root = copy_templates(tmp_path)
    path = root / "de" / "narrowing.toml"
    path.write_text(path.read_text().replace('allowed_outcomes = ["narrow"]', 'allowed_outcomes = ["*"]'))
    with pytest.raises(KindNotAllowed):
        draft("narrowing", context(outcome="reject"), "de", root=root)


def test_unknown_kind_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown letter kind 'apology'"):
        load_template("apology")


# ------------------------------------------------------------------------------ wording


def test_rejection_gives_each_reason_with_the_rule_it_rests_on() -> None:
    body = draft("rejection", context(outcome="reject")).body
    assert "1. **The demand is not signed.** We act only on a signed document." in body
    assert "**The dates in the demand are not consistent" in body
    assert "The demand is dated in 2027." in body  # the reviewer's note on the item
    assert body.startswith("Dear Special Agent Dana Whitfield,\n")
    assert body.rstrip().endswith("Yours sincerely,")


def test_a_reason_the_labels_do_not_know_is_put_from_the_checklist() -> None:
    reason = Reason("validity.new_item", "Is it on blue paper?", "Demands must be on blue paper.")
    body = draft("rejection", context(outcome="reject", reasons=[reason])).body
    assert "The demand does not meet the following requirement: Is it on blue paper?" in body
    assert "Demands must be on blue paper." in body


def test_narrowing_sets_out_what_would_be_acceptable_and_what_the_rest_needs() -> None:
    body = draft("narrowing", context(outcome="narrow")).body
    acceptable = body.split("**Accounts and identifiers.**")[1].split("**Categories of data.**")[0]
    assert re.findall(r"^- (.+)$", acceptable, re.MULTILINE) == ["jane.doe@example.com", "203.0.113.7"]
    assert "- Basic subscriber information" in body
    assert "from 1 January 2025 to 30 June 2025" in body
    assert "- all accounts in Paris" in body.split("cannot be accepted as drafted")[1]
    assert "only on a search warrant or court order" in body


def test_disclosure_cover_lists_exactly_what_is_produced() -> None:
    letter = draft("disclosure_cover", context(outcome="disclose_noncontent", enclosures=["subscriber.csv"]))
    assert "- jane.doe@example.com" in letter.body
    assert "- subscriber.csv" in letter.body
    for withheld in ("all accounts in Paris", "Content:", "search warrant"):
        assert withheld not in letter.body


def test_user_notice_says_what_was_disclosed_only_when_something_was() -> None:
    disclosed = draft("user_notice", context(outcome="disclose_noncontent")).body
    rejected = draft("user_notice", context(outcome="reject")).body
    assert "The data provided consists of" in disclosed and "- IP connection history" in disclosed
    assert "The data provided consists of" not in rejected
    assert "We did not disclose any data." in rejected
    assert draft("user_notice", context()).addressee_lines == ["Jane Doe"]


def test_enterprise_notice_after_a_redirect_tells_the_customer_to_expect_the_authority() -> None:
    letter = draft("enterprise_notice", context(outcome="redirect"))
    assert "asked the authority to seek it from you directly" in letter.body
    assert letter.addressee_lines == ["Legal Department", "Contoso Logistics GmbH"]


def test_emergency_response_that_discloses_nothing_says_what_a_request_needs() -> None:
    body = draft("emergency_response", context(outcome="reject", emergency=True)).body
    assert "unable to disclose data" in body
    assert "official letterhead" in body
    assert "voluntarily" not in body


def test_sections_for_missing_facts_leave_no_gaps() -> None:
    bare = LetterContext(reference="DEMO-2026-0007", date="2026-03-14", outcome="reject")
    letter = draft("rejection", bare)
    assert letter.title == "Re: Legal demand"
    assert letter.body.startswith("Dear Sir or Madam,\n\nWe refer to your demand for customer data.\n")
    assert "We are unable to act on it." in letter.body
    assert letter.body.rstrip().endswith("Yours faithfully,")
    assert "  " not in letter.body


def test_values_are_text_not_markdown() -> None:
    tricky = "- 1. *Smith* \\ Partners\n\nLLP"
    body = draft("rejection", context(outcome="reject", addressee_name=tricky, demand_reference="1. x")).body
    first = markdown.parse(body)[0]
    assert isinstance(first, markdown.Paragraph)
    assert "".join(s.text for s in first.spans) == "Dear - 1. *Smith* \\ Partners LLP,"
    assert not any(s.bold or s.italic for s in first.spans)


def test_dates_are_written_in_the_letters_language() -> None:
    ctx = context(outcome="narrow")
    assert "dated 2 March 2026" in draft("narrowing", ctx, "en").body
    de = draft("narrowing", ctx, "de")
    assert "vom 2. März 2026" in de.body
    assert "vom 1. Januar 2025 bis zum 30. Juni 2025" in de.body
    assert de.title == (
        "Grand-jury subpoena vom 2. März 2026 (Ihr Zeichen: NK-2026-0193): Bitte um Eingrenzung"
    )


def test_a_language_without_a_kind_falls_back_to_english(tmp_path: Path) -> None:
    root = copy_templates(tmp_path)
    (root / "de" / "redirect.toml").unlink()
    assert load_template("redirect", "de", root=root).language == "en"
    assert draft("redirect", context(outcome="redirect"), "de", root=root).body.startswith("Dear ")
    assert load_template("rejection", "fr").language == "en"


def test_language_codes_cannot_reach_outside_the_templates() -> None:
    with pytest.raises(ValueError, match="not a language code"):
        load_template("rejection", "../../etc")


def test_every_checklist_item_category_and_outcome_is_worded_in_each_language() -> None:
    from app.review.model import CATEGORIES
    from app.review.policy import load_pack

    items = {item.id for item in load_pack().items}
    for language in ("en", "de"):
        own = load_labels(language)
        assert items <= set(own.reasons), language
        assert set(CATEGORIES) <= set(own.categories), language
        assert set(OUTCOMES) <= set(own.outcomes), language


def test_german_labels_are_german() -> None:
    en, de = load_labels("en"), load_labels("de")
    for table in ("reasons", "categories", "outcomes", "instruments"):
        mine, english = getattr(de, table), getattr(en, table)
        assert not [key for key in english if mine[key] == english[key]], table


# ------------------------------------------------------------------------------ errors


def break_template(root: Path, old: str, new: str, kind: str = "rejection") -> Path:
    path = root / "en" / f"{kind}.toml"
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))
    return path


def line_of(path: Path, needle: str) -> int:
    return next(n for n, line in enumerate(path.read_text().splitlines(), 1) if needle in line)


def test_an_unknown_placeholder_names_the_template_line_and_placeholder(tmp_path: Path) -> None:
    root = copy_templates(tmp_path)
    path = break_template(root, "Accordingly, no data", "Accordingly, {reasonz} no data")
    with pytest.raises(TemplateError) as caught:
        load_template("rejection", root=root)
    error = caught.value
    assert str(error) == f"{path}, line {line_of(path, '{reasonz}')}: unknown placeholder {{reasonz}}"
    assert (error.path, error.placeholder) == (str(path), "reasonz")


def test_an_unknown_placeholder_in_the_title_is_found_too(tmp_path: Path) -> None:
    root = copy_templates(tmp_path)
    path = break_template(root, 'title = "Re: {demand}', 'title = "Re: {demnad}')
    with pytest.raises(
        TemplateError, match=rf"{re.escape(str(path))}, line 3: unknown placeholder \{{demnad\}}"
    ):
        load_template("rejection", root=root)


def test_an_item_field_outside_its_list_is_unknown(tmp_path: Path) -> None:
    root = copy_templates(tmp_path)
    break_template(root, "Accordingly, no data", "Accordingly, {statement} no data")
    with pytest.raises(TemplateError, match=r"unknown placeholder \{statement\}"):
        load_template("rejection", root=root)


@pytest.mark.parametrize(
    ("old", "new", "problem"),
    [
        ("{/reasons}\n\nAccordingly", "\nAccordingly", r"section \{#reasons\} is never closed"),
        ("{/challenged}\n{^challenged}", "{/reasons}\n{^challenged}", r"\{/reasons\} closes no open section"),
        ("Accordingly, no data", "Accordingly, {identifiers} no data", r"\{identifiers\} is a list"),
        ("Accordingly, no data", "Accordingly, {disclosed} no data", r"\{disclosed\} is a yes/no flag"),
        (
            "Accordingly, no data",
            "Accordingly, {#reference}x{/reference} no data",
            r"\{#reference\} repeats over a list, and reference is not one",
        ),
        ("Accordingly, no data", "Accordingly, { reference } no data", r"malformed placeholder"),
        ("Accordingly, no data", "Accordingly, } no data", r"stray '\}'"),
    ],
)
def test_malformed_templates_are_refused_with_the_line(
    tmp_path: Path, old: str, new: str, problem: str
) -> None:
    root = copy_templates(tmp_path)
    path = break_template(root, old, new)
    with pytest.raises(TemplateError, match=rf"^{re.escape(str(path))}, line \d+: {problem}"):
        load_template("rejection", root=root)


@pytest.mark.parametrize(
    ("old", "new", "problem"),
    [
        ('recipient = "requester"', 'recipient = "court"', "recipient 'court' is not one of"),
        (
            'allowed_outcomes = ["reject", "challenge"]',
            'allowed_outcomes = ["rejct"]',
            "unknown outcome 'rejct'",
        ),
        ('recipient = "requester"', 'recipient = "requester"\ncolour = "blue"', "unknown key 'colour'"),
        ("body = '''", "body = '''\n{{literal}} and '''\nbody2 = '''", "unknown key 'body2'"),
        ('title = "Re', 'title = "Re\n', "is not valid TOML"),
    ],
)
def test_malformed_template_keys_are_refused(tmp_path: Path, old: str, new: str, problem: str) -> None:
    root = copy_templates(tmp_path)
    path = break_template(root, old, new)
    with pytest.raises(TemplateError, match=re.escape(str(path)) + ".*" + re.escape(problem)):
        load_template("rejection", root=root)


def test_literal_braces_are_written_doubled(tmp_path: Path) -> None:
    root = copy_templates(tmp_path)
    break_template(root, "Accordingly, no data", "Accordingly ({{sic}}), no data")
    assert "Accordingly ({sic}), no data" in draft("rejection", context(), root=root).body


def test_a_labels_placeholder_error_names_the_labels_file(tmp_path: Path) -> None:
    root = copy_templates(tmp_path)
    path = root / "de" / "labels.toml"
    path.write_text(path.read_text().replace('named = "Guten Tag {name},"', 'named = "Guten Tag {nmae},"'))
    with pytest.raises(
        TemplateError, match=rf"{re.escape(str(path))}, line \d+: unknown placeholder \{{nmae\}}"
    ):
        load_labels("de", root=root)


# ------------------------------------------------------------------------------ markdown


def test_markdown_subset_reads_paragraphs_lists_and_emphasis() -> None:
    blocks = markdown.parse("Dear X,\n\nIntro **bold** and *it*:\n- one\n  more\n- two\n\n3. a\n7. b\n\nend")
    assert blocks == [
        markdown.Paragraph((markdown.Span("Dear X,"),)),
        markdown.Paragraph(
            (
                markdown.Span("Intro "),
                markdown.Span("bold", bold=True),
                markdown.Span(" and "),
                markdown.Span("it", italic=True),
                markdown.Span(":"),
            )
        ),
        markdown.ListBlock(False, ((markdown.Span("one more"),), (markdown.Span("two"),))),
        markdown.ListBlock(True, ((markdown.Span("a"),), (markdown.Span("b"),))),
        markdown.Paragraph((markdown.Span("end"),)),
    ]
    assert markdown.plain_text("a **b**\n\n3. x\n3. y") == "a b\n\n1. x\n2. y"


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("***both***", [("both", True, True)]),
        ("5 * 3 * 2", [("5 * 3 * 2", False, False)]),
        ("**unclosed", [("**unclosed", False, False)]),
        ("\\*not\\* \\\\", [("*not* \\", False, False)]),
        ("*a **b** c*", [("a ", False, True), ("b", True, True), (" c", False, True)]),
    ],
)
def test_markdown_emphasis_pairs_or_stays_literal(text: str, spans: list[tuple[str, bool, bool]]) -> None:
    assert [(s.text, s.bold, s.italic) for s in markdown.parse_inline(text)] == spans


@pytest.mark.parametrize(
    "value", ["*x*", "**", "- item", "12. item", "a\\b", "<b>x</b> & <font>", "x\n\n- y"]
)
def test_an_escaped_value_reads_back_as_itself(value: str) -> None:
    (block,) = markdown.parse(markdown.escape(value))
    assert isinstance(block, markdown.Paragraph)
    assert "".join(s.text for s in block.spans) == " ".join(value.split())


def test_a_missing_english_template_or_key_is_named(tmp_path: Path) -> None:
    root = copy_templates(tmp_path)
    (root / "en" / "redirect.toml").unlink()
    with pytest.raises(TemplateError, match=r"en/redirect.toml: no template for the redirect letter"):
        draft("redirect", context(outcome="redirect"), "de", root=root)
    path = root / "en" / "rejection.toml"
    path.write_text(path.read_text().replace("body = '''", "bodies = '''"))
    with pytest.raises(TemplateError, match=r"unknown key 'bodies'"):
        load_template("rejection", root=root)


@pytest.mark.parametrize(
    ("language", "old", "new", "problem"),
    [
        (
            "de",
            'demand_generic = "',
            'demand_genric = "',
            r"de/labels.toml, line \d+: unknown key 'demand_genric'",
        ),
        (
            "de",
            'months = [\n    "Januar",',
            "months = [",
            r"de/labels.toml, line \d+: months must list the 12",
        ),
        ("en", 'generic = "Yours faithfully,"', "", r"en/labels.toml: missing closing.generic"),
        (
            "en",
            'rule = "We act only on a signed document."',
            "",
            r'\[reasons."validity.signed"\] needs a statement',
        ),
    ],
)
def test_malformed_labels_are_refused_naming_the_file(
    tmp_path: Path, language: str, old: str, new: str, problem: str
) -> None:
    root = copy_templates(tmp_path)
    path = root / language / "labels.toml"
    assert old in path.read_text()
    path.write_text(path.read_text().replace(old, new, 1))
    with pytest.raises(TemplateError, match=problem):
        load_labels("de", root=root)


def test_dates_and_ranges_are_worded_and_odd_dates_shown_as_they_are() -> None:
    en, de = load_labels("en"), load_labels("de")
    assert en.format_date("2026-12-01") == "1 December 2026"
    assert de.format_date("2026-12-01") == "1. Dezember 2026"
    assert en.format_date("early 2026") == "early 2026"
    assert en.date_range("2025-01-01", None) == "from 1 January 2025 onwards"
    assert en.date_range(None, "2025-06-30") == "up to and including 30 June 2025"
    assert de.date_range(None, None) == ""
    assert de.page(2, 3) == "Seite 2 von 3"
