"""United States demands: subpoenas, 2703(d) orders, warrants, emergency requests, NSLs,
FISA orders, civil subpoenas, preservation letters and orders about secrecy orders."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from tests.corpus.kit import (
    LEGAL_INBOX,
    PROVIDER_US,
    PROVIDER_US_ADDRESS,
    Built,
    Ctx,
    finish,
    words,
)
from tests.corpus.phrases import NO_CONTENT, ask, finish_item, noncontent_mix
from tests.corpus.scan import Block, Heading, PageBreak, Paragraph, Rule, Spacer, Table

DISTRICTS = (
    ("Western District of Washington", "Seattle, Washington", "700 Stewart Street, Seattle, WA 98101"),
    ("District of Oregon", "Portland, Oregon", "1000 SW Third Avenue, Portland, OR 97204"),
    ("Northern District of Illinois", "Chicago, Illinois", "219 South Dearborn Street, Chicago, IL 60604"),
    ("Southern District of New York", "New York, New York", "One St. Andrew's Plaza, New York, NY 10007"),
    ("District of Arizona", "Phoenix, Arizona", "40 North Central Avenue, Phoenix, AZ 85004"),
    ("Eastern District of Virginia", "Alexandria, Virginia", "2100 Jamieson Avenue, Alexandria, VA 22314"),
    ("Northern District of Texas", "Dallas, Texas", "1100 Commerce Street, Dallas, TX 75242"),
    ("District of Minnesota", "Minneapolis, Minnesota", "300 South Fourth Street, Minneapolis, MN 55415"),
    ("Middle District of Florida", "Tampa, Florida", "400 North Tampa Street, Tampa, FL 33602"),
    ("District of Massachusetts", "Boston, Massachusetts", "1 Courthouse Way, Boston, MA 02210"),
    ("District of Colorado", "Denver, Colorado", "1801 California Street, Denver, CO 80202"),
)
OFFENCES = (
    "18 U.S.C. § 1343 (wire fraud)",
    "18 U.S.C. § 1030 (fraud and related activity in connection with computers)",
    "21 U.S.C. §§ 841 and 846 (distribution of controlled substances and conspiracy)",
    "18 U.S.C. § 875(c) (interstate threats)",
    "18 U.S.C. § 2261A (cyberstalking)",
    "18 U.S.C. § 1956 (laundering of monetary instruments)",
    "18 U.S.C. § 1028A (aggravated identity theft)",
)
FBI_OFFICES = (
    ("Seattle", "1110 Third Avenue, Seattle, WA 98101"),
    ("San Antonio", "5740 University Heights Blvd., San Antonio, TX 78249"),
    ("Detroit", "477 Michigan Avenue, Detroit, MI 48226"),
    ("Cincinnati", "2012 Ronald Reagan Drive, Cincinnati, OH 45236"),
    ("Denver", "8000 East 36th Avenue, Denver, CO 80238"),
    ("Newark", "11 Centre Place, Newark, NJ 07102"),
)


def _days_en(ctx: Ctx, days: int) -> str:
    if days == 365 and ctx.chance(0.5):
        return ctx.pick(("one year", "one (1) year"))
    return ctx.pick((f"{words(days, 'en')} ({days}) days", f"{days} days"))


def _secrecy_2705b(ctx: Ctx, what: str, modes: tuple[str, ...]) -> tuple[list[Block], dict[str, Any] | None]:
    """A § 2705(b) paragraph in one of ``modes``: 'days', 'open', 'request' (no order) or 'none'."""
    mode, days = ctx.gag(modes)
    if mode == "none":
        ctx.note("no secrecy order")
        return [], None
    if mode == "request":
        ctx.note("asks the provider not to tell the subscriber but cites no order: not a secrecy order")
        text = ctx.pick(
            (
                f"The Government requests that you not disclose the existence of this {what} to the "
                "subscriber or to any third party, because disclosure could impede the investigation.",
                f"You are requested not to disclose the existence of this {what} for an indefinite period. "
                "Any such disclosure may interfere with an ongoing investigation.",
            )
        )
        return [Paragraph(text, size=10, italic=ctx.chance(0.5))], None
    if mode == "open":
        until = ctx.pick(("until further order of the Court", "until otherwise ordered by the Court"))
        text = ctx.pick(
            (
                f"IT IS FURTHER ORDERED, pursuant to 18 U.S.C. § 2705(b), that {PROVIDER_US} shall not "
                f"disclose the existence of this {what} to any person {until}.",
                f"Pursuant to 18 U.S.C. § 2705(b), {PROVIDER_US} and its employees are commanded not to "
                "notify any person, including the subscribers of the accounts identified herein, of the "
                f"existence of this {what}, {until}.",
            )
        )
        ctx.note("secrecy order without an end date: open-ended")
        return [Paragraph(text, size=10)], ctx.secrecy(None)
    assert days is not None
    span = _days_en(ctx, days)
    text = ctx.pick(
        (
            f"IT IS FURTHER ORDERED, pursuant to 18 U.S.C. § 2705(b), that {PROVIDER_US} shall not disclose "
            f"the existence of this {what}, or of the investigation, to any person other than its attorneys "
            f"for the purpose of obtaining legal advice, for a period of {span} from the date of this "
            f"{what}.",
            f"Pursuant to 18 U.S.C. § 2705(b), {PROVIDER_US} shall not notify any subscriber or other "
            f"person of the existence of this {what} for {span} from its date, unless that period is "
            "extended by further order of the Court.",
        )
    )
    if "extended" in text:
        ctx.note("'unless extended by further order' does not make the secrecy order open-ended")
    return [Paragraph(text, size=10)], ctx.secrecy(days)


def _court_head(ctx: Ctx, district: str) -> list[Block]:
    if ctx.chance(0.5):
        return [
            Heading("UNITED STATES DISTRICT COURT", 13, space_after=0),
            Heading("for the", 9, bold=False, space_after=0),
            Heading(district, 11.5, space_after=8),
        ]
    return [Heading(f"IN THE UNITED STATES DISTRICT COURT\nFOR THE {district.upper()}", 12.5, space_after=10)]


def _account_rows(ctx: Ctx, kinds: list[str], *, redact_one: bool = False) -> list[tuple[str, str]]:
    label = {
        "email": "E-mail account",
        "phone": "Telephone number",
        "account_id": "Account ID",
        "username": "User name",
        "gamertag": "Gamertag",
        "ip": "IP address",
        "url": "URL",
    }
    rows = []
    if redact_one and len(kinds) == 1:  # never black out the only target
        kinds = [*kinds, "phone" if kinds[0] == "email" else "email"]
    redact_at = ctx.rng.randrange(len(kinds)) if redact_one else -1
    for i, kind in enumerate(kinds):
        ident = ctx.new_ident(kind)
        rows.append((label[kind], ctx.target(ident, redact=i == redact_at)))
    return rows


# --------------------------------------------------------------------- grand jury


def grand_jury_subpoena(ctx: Ctx) -> Built:
    district, city, courthouse = ctx.pick(DISTRICTS)
    issued = ctx.issue_date()
    due = ctx.due(ctx.pick((14, 21, 28, 30)))
    start, end = ctx.span(issued)
    gj_no = ctx.case_no(f"GJ 2026R{'#' * 5}-{'#' * 4}")
    agent = ctx.full_name()
    ausa = ctx.full_name()
    agency = ctx.pick(
        ("Federal Bureau of Investigation", "Homeland Security Investigations", "U.S. Secret Service")
    )
    kinds = ctx.pick(
        (
            ["email"],
            ["email", "email"],
            ["email", "phone"],
            ["account_id", "email"],
            ["username", "ip"],
            ["gamertag", "email"],
        )
    )
    blocks: list[Block] = []
    form = ctx.chance(0.5)
    if form:
        blocks.append(
            Paragraph("AO 110 (Rev. 06/09) Subpoena to Testify Before a Grand Jury", size=7.5, align="left")
        )
        blocks += _court_head(ctx, district)
        blocks.append(Heading("SUBPOENA TO TESTIFY BEFORE A GRAND JURY", 12, space_after=6))
    else:
        blocks.append(
            Table(
                [(f"UNITED STATES DISTRICT COURT\n{district.upper()}", f"GRAND JURY SUBPOENA\nNo. {gj_no}")],
                split=0.6,
                style="caption",
                size=10.5,
            )
        )
    blocks.append(
        Table(
            [("To:", f"{PROVIDER_US}\nAttn: Custodian of Records\n{PROVIDER_US_ADDRESS}")]
            + ([("Subpoena No.:", gj_no)] if form else []),
            split=0.18,
            style="plain",
            size=10,
        )
    )
    due_s = ctx.date(due)
    blocks.append(
        Paragraph(
            ctx.pick(
                (
                    "**YOU ARE COMMANDED** to appear in this United States district court at the time, "
                    "date, and place shown below to testify before the court's grand jury, and to bring "
                    "with you the records described in **Attachment A**.",
                    "**YOU ARE HEREBY COMMANDED** to appear before the Grand Jury of the United States "
                    f"District Court at {city} and to produce the records listed in the attached "
                    "**Schedule**.",
                )
            ),
            size=10,
        )
    )
    blocks.append(
        Table(
            [
                ("Place:", f"United States Courthouse, {courthouse}"),
                ("Date and Time:", f"{due_s}, 9:30 a.m."),
            ],
            split=0.22,
            size=10,
        )
    )
    ctx.note("response_due is the appearance date (production in lieu of appearance by the same date)")
    email = ctx.contact_email()
    phone = ctx.contact_phone()
    blocks.append(
        Paragraph(
            "In lieu of appearance, the records may be delivered on or before the date above to Special "
            f"Agent {agent}, {agency}, by e-mail to {email} or by mail, with a certificate of authenticity "
            "under "
            "Fed. R. Evid. 902(11). Questions may be directed to the agent at " + phone + ".",
            size=10,
        )
    )
    secrecy_blocks, secrecy = _secrecy_2705b(ctx, "subpoena", ("days", "days", "open", "request", "none"))
    if secrecy_blocks:
        blocks.append(Heading("NOTICE REGARDING DISCLOSURE", 10.5, align="left"))
        blocks += secrecy_blocks
    blocks.append(Paragraph(f"Date: {ctx.date(issued)}", size=10, align="left"))
    sig, signed = ctx.signature(
        ["CLERK OF COURT", f"By: {ctx.full_name()}, Deputy Clerk"], signed=not ctx.has("unsigned")
    )
    blocks.append(sig)
    blocks.append(
        Paragraph(
            "The name, address, e-mail and telephone number of the Assistant United States Attorney who "
            f"requests this subpoena are: {ausa}, {courthouse}, {ctx.contact_email()}, "
            f"{ctx.contact_phone()}.",
            size=9,
        )
    )
    blocks.append(PageBreak())
    blocks.append(Heading("ATTACHMENT A" if form else "SCHEDULE", 12.5))
    blocks.append(Heading("Records to be produced", 11, bold=False))
    blocks.append(
        Paragraph(
            f"For the accounts below, for the period **{ctx.date(start)} through {ctx.date(end)}**, the "
            "following records described in 18 U.S.C. § 2703(c)(2):",
            size=10,
        )
    )
    blocks += ctx.ident_table(_account_rows(ctx, kinds, redact_one=ctx.has("redact")))
    items = finish_item(ask(ctx, noncontent_mix(ctx)), "en")
    blocks += ctx.bullets(items, size=10)
    if ctx.chance(0.6):
        blocks.append(Paragraph(ctx.pick(NO_CONTENT["en"]), size=10, italic=True))
        ctx.note("states that content is not sought")
    if ctx.chance(0.5):
        blocks += _certificate_of_authenticity()
        ctx.note("the blank certificate of authenticity (for the custodian) is not the issuer's signature")
    return finish(
        ctx,
        blocks,
        authority=f"United States District Court for the {district}",
        addressee=PROVIDER_US,
        signed=signed,
        secrecy=secrecy,
        footer=ctx.pick((None, "Page {page} of {pages}", f"GJ Subpoena {gj_no} — page {{page}}")),
    )


def _certificate_of_authenticity() -> list[Block]:
    """The blank Fed. R. Evid. 902(11) form sent along for the custodian to fill in."""
    return [
        PageBreak(),
        Heading("CERTIFICATE OF AUTHENTICITY OF DOMESTIC RECORDS", 12),
        Heading("Pursuant to Federal Rules of Evidence 902(11) and 902(13)", 10, bold=False),
        Paragraph(
            "I, ______________________________, attest, under penalties of perjury under the laws of the "
            "United States, that I am employed by the provider named in the attached subpoena, that my "
            "title is ______________________________, and that I am qualified to authenticate the records "
            "attached hereto because I am familiar with how the records were created, managed, stored "
            "and retrieved.",
            size=10.5,
        ),
        Paragraph(
            "The records attached hereto are true duplicates of the original records in the custody of the "
            "provider. They were made at or near the time of the occurrence of the matters set forth by, or "
            "from information transmitted by, a person with knowledge of those matters, and were kept in "
            "the ordinary course of the regularly conducted business activity of the provider.",
            size=10.5,
        ),
        Spacer(18),
        Table(
            [("Date: ____________________", "Signature: ______________________________")],
            split=0.4,
            style="plain",
            bold_left=False,
            size=10.5,
        ),
    ]


def _warrant_return(ctx: Ctx) -> list[Block]:
    """Page two of the AO 93 form: the Return, left blank for the executing officer."""
    return [
        PageBreak(),
        Heading("Return", 13),
        Table(
            [
                ("Case No.:", "Date and time warrant executed:"),
                ("", "Copy of warrant and inventory left with:"),
                ("Inventory made in the presence of:", ""),
            ],
            split=0.4,
            size=10,
            bold_left=False,
        ),
        Paragraph("Inventory of the property taken and name of any person(s) seized:", size=10.5),
        Spacer(90),
        Heading("Certification", 12),
        Paragraph(
            "I declare under penalty of perjury that this inventory is correct and was returned along with "
            "the original warrant to the designated judge.",
            size=10.5,
        ),
        Spacer(14),
        Table(
            [("Date: ____________________", "______________________________\nExecuting officer's signature")],
            split=0.45,
            style="plain",
            bold_left=False,
            size=10,
        ),
        Table(
            [("", "______________________________\nPrinted name and title")],
            split=0.45,
            style="plain",
            size=10,
        ),
    ]


# ----------------------------------------------------------------- administrative


def administrative_subpoena(ctx: Ctx) -> Built:
    issued = ctx.issue_date()
    dea = ctx.chance(0.5)
    city, office = ctx.pick(
        (
            ("Los Angeles", "255 East Temple Street, 20th Floor, Los Angeles, CA 90012"),
            ("Miami", "2100 North Commerce Parkway, Weston, FL 33326"),
            ("Houston", "1433 West Loop South, Houston, TX 77027"),
        )
    )
    agent = ctx.full_name()
    if dea:
        head = ["U.S. Department of Justice", "Drug Enforcement Administration", f"{city} Field Division"]
        title = "SUBPOENA"
        law = (
            "Section 506 of the Comprehensive Drug Abuse Prevention and Control Act of 1970 (21 U.S.C. § 876)"
        )
        authority = "Drug Enforcement Administration"
        matter = "an investigation of violations of the Controlled Substances Act (21 U.S.C. § 801 et seq.)"
    else:
        head = [
            "U.S. Department of Homeland Security",
            "Homeland Security Investigations",
            f"Office of the Special Agent in Charge, {city}",
        ]
        title = "IMMIGRATION ENFORCEMENT SUBPOENA / SUMMONS"
        law = "19 U.S.C. § 1509 and 8 U.S.C. § 1225(d)"
        authority = "Homeland Security Investigations"
        matter = "an investigation conducted under the customs and immigration laws of the United States"
    due = ctx.due(ctx.pick((10, 14, 15, 20)))
    start, end = ctx.span(issued)
    case = ctx.case_no(
        ctx.pick(("R#-##-####", "DEA-##-###") if dea else ("HSI-@@-##-####-####", "LA##@@##@@####"))
    )
    blocks: list[Block] = [
        Heading(line, 12 if i == 0 else 10.5, bold=i < 2, space_after=0) for i, line in enumerate(head)
    ]
    blocks.append(Paragraph(office + " · Tel. " + ctx.contact_phone(), size=8.5, align="center"))
    blocks.append(Rule(1.2, double=ctx.chance(0.5)))
    blocks.append(Heading(title, 14))
    blocks.append(
        Table(
            [
                ("Case number", case),
                ("Issued", ctx.date(issued)),
                ("To", f"{PROVIDER_US}\n{PROVIDER_US_ADDRESS}"),
            ],
            split=0.25,
            size=10,
        )
    )
    blocks.append(
        Paragraph(
            f"By the authority of {law}, you are required to appear before Special Agent {agent} at "
            f"{office} on **{ctx.date(due)}** at 10:00 a.m., and to produce the records described below, "
            f"which are relevant and material to {matter}. Electronic production by that date to "
            f"{ctx.contact_email()} will be accepted in lieu of appearance.",
            size=10,
        )
    )
    blocks.append(Heading("RECORDS TO BE PRODUCED", 11, align="left"))
    kinds = ctx.pick((["email"], ["phone", "email"], ["account_id"], ["email", "ip"]))
    rows = _account_rows(ctx, kinds)
    blocks.append(Paragraph(f"Period: {ctx.date(start)} to {ctx.date(end)}. Accounts:", size=10))
    blocks += ctx.ident_table(rows)
    blocks += ctx.bullets(finish_item(ask(ctx, noncontent_mix(ctx, billing=0.6)), "en"), size=10)
    blocks.append(Paragraph(ctx.pick(NO_CONTENT["en"]), size=10, bold=True))
    secrecy_blocks, secrecy = _secrecy_2705b(
        ctx, "subpoena", ("request",) if not dea else ("request", "none")
    )
    blocks += secrecy_blocks
    blocks.append(
        Paragraph(
            "Failure to comply with this subpoena may result in an action in the United States District "
            "Court to compel compliance.",
            size=9.5,
        )
    )
    sig, signed = ctx.signature(
        [
            agent if ctx.chance(0.3) else ctx.full_name(),
            "Special Agent in Charge" if not dea else "Group Supervisor",
            authority,
        ],
        signed=not ctx.has("unsigned"),
    )
    blocks.append(sig)
    return finish(ctx, blocks, authority=authority, addressee=PROVIDER_US, signed=signed, secrecy=secrecy)


# ----------------------------------------------------------------------- 2703(d)


def order_2703d(ctx: Ctx) -> Built:
    district, city, _ = ctx.pick(DISTRICTS)
    issued = ctx.issue_date()
    days = ctx.pick((10, 14, 21))
    ctx.due(days)
    start, end = ctx.span(issued)
    misc = ctx.case_no("##-mj-#####")
    blocks: list[Block] = _court_head(ctx, district)
    caption = (
        "IN THE MATTER OF THE APPLICATION OF THE UNITED STATES OF AMERICA FOR AN ORDER PURSUANT TO 18 "
        f"U.S.C. § 2703(d) DIRECTED TO {PROVIDER_US.upper()}"
    )
    blocks.append(
        Table([(caption, f"\nMisc. No. {misc}\n\nFiled Under Seal")], split=0.62, style="caption", size=10)
    )
    blocks.append(Heading("ORDER", 14))
    blocks.append(
        Paragraph(
            "The United States has submitted an application under 18 U.S.C. § 2703(d) asking the Court to "
            f"order {PROVIDER_US}, a provider of an electronic communication service and a remote computing "
            "service, to disclose the records and other information described in Attachment A.",
            size=10.5,
        )
    )
    blocks.append(
        Paragraph(
            "The Court finds that the United States has offered specific and articulable facts showing "
            "that there are reasonable grounds to believe that the records and information sought are "
            "relevant and material to an ongoing criminal investigation into possible violations of "
            f"{ctx.pick(OFFENCES)}.",
            size=10.5,
        )
    )
    when = ctx.pick(
        (f"within {words(days, 'en')} ({days}) days of the date of this Order", f"within {days} days")
    )
    order = Paragraph(
        f"IT IS THEREFORE ORDERED, pursuant to 18 U.S.C. § 2703(d), that {PROVIDER_US} shall, {when}, "
        "disclose to the United States the records and other information described in Attachment A.",
        size=10.5,
    )
    secrecy_blocks, secrecy = _secrecy_2705b(ctx, "Order", ("days", "days", "open", "none"))
    seal = Paragraph(
        "IT IS FURTHER ORDERED that the application and this Order are sealed until otherwise ordered by "
        "the Court.",
        size=10.5,
    )
    paras = [order, *secrecy_blocks]
    if ctx.chance(0.6):
        paras.append(seal)
        ctx.note(
            "the court file is sealed 'until otherwise ordered' — that is not the provider's secrecy order"
        )
    blocks += paras
    blocks.append(Spacer(6))
    blocks.append(
        Paragraph(f"{city}, {ctx.date(issued, ctx.pick(('long', 'num', 'ord')))}", size=10.5, align="left")
    )
    sig, signed = ctx.signature(
        [f"Hon. {ctx.full_name()}", "United States Magistrate Judge"],
        signed=not ctx.has("unsigned"),
        align="right",
    )
    blocks.append(sig)
    blocks.append(PageBreak())
    blocks.append(Heading("ATTACHMENT A", 12.5))
    blocks.append(Heading("I. The Account(s)", 11, align="left"))
    blocks.append(
        Paragraph(
            "The Order applies to records and information associated with the following identifiers, held "
            f"by {PROVIDER_US}:",
            size=10.5,
        )
    )
    kinds = ctx.pick(
        (
            ["email", "email"],
            ["email", "account_id"],
            ["email", "phone", "username"],
            ["gamertag", "email"],
            ["ip", "email"],
        )
    )
    if ctx.has("split"):
        ident = ctx.new_email()
        text = ctx.target(ident, split=True)
        blocks.append(Paragraph(f"(1) the account registered to {text}, and", size=10.5, indent=10))
        kinds = kinds[1:]
    rows = _account_rows(ctx, kinds, redact_one=ctx.has("redact"))
    blocks += ctx.ident_table(rows)
    blocks.append(Heading("II. Records and Other Information to Be Disclosed", 11, align="left"))
    blocks.append(
        Paragraph(
            f"For the period from {ctx.date(start)} through {ctx.date(end)}, {PROVIDER_US} shall disclose:",
            size=10.5,
        )
    )
    cats = (
        ["subscriber_info", "ip_history"]
        + (["traffic"] if ctx.chance(0.7) else [])
        + (["billing"] if ctx.chance(0.4) else [])
    )
    blocks += ctx.bullets(finish_item(ask(ctx, cats), "en"))
    blocks.append(
        Paragraph(
            "This Order does not authorize the disclosure of the contents of any communication.",
            size=10.5,
            italic=True,
        )
    )
    ctx.note("mentions 'contents' only to exclude them")
    return finish(
        ctx,
        blocks,
        authority=f"United States District Court for the {district}",
        addressee=PROVIDER_US,
        signed=signed,
        secrecy=secrecy,
        footer="Page {page} of {pages}" if ctx.chance(0.5) else None,
    )


# ----------------------------------------------------------- orders about secrecy


def secrecy_order_order(ctx: Ctx) -> Built:
    """An order that extends or lifts a secrecy order: it demands no data."""
    district, city, _ = ctx.pick(DISTRICTS)
    issued = ctx.issue_date()
    earlier = issued - timedelta(days=ctx.rng.randint(120, 200))
    misc = ctx.case_no("26-mc-####")
    underlying, ref = ctx.pick(
        (
            ("grand jury subpoena", "GJ 2025R#####"),
            ("Order issued under 18 U.S.C. § 2703(d)", "25-mj-####"),
            ("search warrant", "25-sw-####"),
        )
    )
    ref = ctx.case_no(ref)
    extend = not ctx.has("vacate")
    blocks: list[Block] = _court_head(ctx, district)
    blocks.append(
        Table(
            [
                (
                    f"IN RE {underlying.upper()} NO. {ref} DIRECTED TO {PROVIDER_US.upper()}",
                    f"\nCase No. {misc}",
                )
            ],
            split=0.62,
            style="caption",
            size=10,
        )
    )
    account = ctx.new_email()
    acct = ctx.target(account)
    ctx.note("names the account of the underlying process; it demands no data (data_requested empty)")
    old_days = ctx.pick((90, 180))
    if extend:
        new_days = ctx.pick((90, 180, 365))
        blocks.append(
            Heading(
                ctx.pick(
                    (
                        "ORDER EXTENDING NONDISCLOSURE ORDER",
                        "ORDER GRANTING EXTENSION OF PRECLUSION-OF-NOTICE ORDER",
                    )
                ),
                13,
            )
        )
        blocks.append(
            Paragraph(
                f"On {ctx.date(earlier)}, this Court ordered under 18 U.S.C. § 2705(b) that {PROVIDER_US} "
                f"not disclose the existence of {underlying} No. {ref}, which concerns the account {acct}, "
                f"for {_days_en(ctx, old_days)}. The United States has applied to extend that order, and "
                "the Court finds reason to believe that notification would seriously jeopardize the "
                "investigation.",
                size=10.5,
            )
        )
        blocks.append(
            Paragraph(
                f"IT IS THEREFORE ORDERED that {PROVIDER_US} shall not disclose the existence of the "
                f"{underlying} or of this Order to any person for an additional period of "
                f"{_days_en(ctx, new_days)} from the date of this Order.",
                size=10.5,
            )
        )
        secrecy = ctx.secrecy(new_days)
        ctx.note(
            f"the earlier order's {old_days} days and date are history; the new period runs from this order"
        )
    else:
        blocks.append(
            Heading(
                ctx.pick(("ORDER VACATING NONDISCLOSURE ORDER", "ORDER TERMINATING PRECLUSION OF NOTICE")), 13
            )
        )
        blocks.append(
            Paragraph(
                f"On {ctx.date(earlier)}, this Court ordered under 18 U.S.C. § 2705(b) that {PROVIDER_US} "
                f"not disclose the existence of {underlying} No. {ref}, concerning the account {acct}, for "
                f"{_days_en(ctx, old_days)}. The United States now advises that the need for nondisclosure "
                "has ended.",
                size=10.5,
            )
        )
        blocks.append(
            Paragraph(
                f"IT IS THEREFORE ORDERED that the nondisclosure order is VACATED. {PROVIDER_US} may notify "
                "the subscriber and any other person of the existence of the process.",
                size=10.5,
            )
        )
        secrecy = None
        ctx.note("lifts a secrecy order: no secrecy order in force (present false)")
    blocks.append(Paragraph("No further production of records is required by this Order.", size=10.5))
    blocks.append(Paragraph(f"SO ORDERED at {city} this {ctx.date(issued, 'ord')}.", size=10.5, align="left"))
    sig, signed = ctx.signature(
        [
            f"Hon. {ctx.full_name()}",
            ctx.pick(("United States Magistrate Judge", "United States District Judge")),
        ],
        signed=True,
        align="right",
    )
    blocks.append(sig)
    return finish(
        ctx,
        blocks,
        authority=f"United States District Court for the {district}",
        addressee=PROVIDER_US,
        signed=signed,
        secrecy=secrecy,
    )


# ----------------------------------------------------------------- search warrant


STATE_COURTS = (
    (
        "Superior Court of California, County of Sacramento",
        "STATE OF CALIFORNIA",
        "Cal. Penal Code §§ 1524, 1524.2 and 1546.1",
        "Sacramento, California",
    ),
    (
        "District Court of Travis County, Texas",
        "THE STATE OF TEXAS",
        "Tex. Code Crim. Proc. arts. 18.02 and 18B",
        "Austin, Texas",
    ),
    (
        "Superior Court of Arizona, Maricopa County",
        "STATE OF ARIZONA",
        "A.R.S. §§ 13-3911 and 13-3016",
        "Phoenix, Arizona",
    ),
)


def search_warrant(ctx: Ctx) -> Built:
    issued = ctx.issue_date()
    start, end = ctx.span(issued, to_issue=ctx.chance(0.3))
    days = ctx.pick((10, 14))
    due = ctx.due(days)
    state = ctx.chance(0.45)
    account = ctx.new_email()
    extra = ctx.pick(([], ["phone"], ["account_id"], ["username"]))
    blocks: list[Block] = []
    judge = ctx.full_name()
    if state:
        court, people, law, city = ctx.pick(STATE_COURTS)
        authority = court
        officer = ctx.full_name()
        blocks.append(Heading(court.upper(), 12.5))
        blocks.append(Heading("SEARCH WARRANT", 15))
        blocks.append(
            Table(
                [
                    ("Warrant No.", ctx.case_no("SW-26-#####")),
                    (
                        "Agency",
                        ctx.pick(("Police Department", "Sheriff's Office"))
                        + f", case {ctx.case_no('26-######')}",
                    ),
                ],
                split=0.3,
                size=10,
            )
        )
        blocks.append(
            Paragraph(
                f"{people}, TO ANY PEACE OFFICER: Proof by affidavit having been made before me this day by "
                f"Detective {officer} that there is probable cause to believe that evidence of a felony is "
                f"held in electronic records of {PROVIDER_US}, {PROVIDER_US_ADDRESS}, you are commanded to "
                f"serve this warrant under {law} and to obtain the records described below.",
                size=10.5,
            )
        )
    else:
        district, city, _ = ctx.pick(DISTRICTS)
        authority = f"United States District Court for the {district}"
        blocks.append(Paragraph("AO 93 (Rev. 11/13) Search and Seizure Warrant", size=7.5, align="left"))
        blocks += _court_head(ctx, district)
        blocks.append(
            Table(
                [
                    (
                        "In the Matter of the Search of INFORMATION ASSOCIATED WITH THE ACCOUNT DESCRIBED "
                        f"IN ATTACHMENT A THAT IS STORED AT PREMISES CONTROLLED BY {PROVIDER_US.upper()}",
                        f"\nCase No. {ctx.case_no('##-sw-#####')}",
                    )
                ],
                split=0.6,
                style="caption",
                size=10,
            )
        )
        blocks.append(Heading("SEARCH AND SEIZURE WARRANT", 13.5))
        blocks.append(Paragraph("To: Any authorized law enforcement officer", size=10.5, align="left"))
        blocks.append(
            Paragraph(
                "An application by a federal law enforcement officer requests the search of the property "
                "described in **Attachment A**. I find that the affidavit establishes probable cause to "
                "search the property and seize the information described in **Attachment B**.",
                size=10.5,
            )
        )
    blocks.append(
        Paragraph(
            f"**YOU ARE COMMANDED** to execute this warrant on or before **{ctx.date(due)}** (not to exceed "
            f"{days} days). The provider shall produce the records by that date.",
            size=10.5,
        )
    )
    ctx.note("response_due is the 'execute on or before' date")
    secrecy_blocks, secrecy = _secrecy_2705b(ctx, "warrant", ("days", "open", "none", "none"))
    blocks += secrecy_blocks
    blocks.append(
        Paragraph(
            f"Date and time issued: {ctx.date(issued)}, "
            f"{ctx.rng.randint(8, 17)}:{ctx.rng.randint(0, 59):02d}",
            size=10.5,
            align="left",
        )
    )
    sig, signed = ctx.signature(
        [f"Hon. {judge}", "Judge of the Superior Court" if state else "United States Magistrate Judge"],
        signed=not ctx.has("unsigned"),
        align="right",
        esign=False if ctx.has("unsigned") else None,
    )
    if ctx.has("unsigned"):
        ctx.note("the service copy carries no judge's signature")
    blocks.append(sig)
    blocks.append(PageBreak())
    blocks.append(Heading("ATTACHMENT A — Property to Be Searched", 12))
    acct = ctx.target(account, redact=False)
    extra_rows = _account_rows(ctx, extra) if extra else []
    blocks.append(
        Paragraph(
            f"Information associated with the account **{acct}** that is stored at premises controlled by "
            f"{PROVIDER_US}" + (", together with the following linked identifiers:" if extra_rows else "."),
            size=10.5,
        )
    )
    if extra_rows:
        blocks += ctx.ident_table(extra_rows)
    blocks.append(Heading("ATTACHMENT B — Particular Things to Be Seized", 12))
    blocks.append(
        Paragraph(
            f"The provider shall disclose the following for the period {ctx.date(start)} to {ctx.date(end)}:",
            size=10.5,
        )
    )
    cats = ["content"] + (["content"] if ctx.chance(0.3) else []) + ["subscriber_info", "ip_history"]
    if ctx.chance(0.3):
        cats.append("billing")
    items = ask(ctx, cats)
    blocks += ctx.bullets(finish_item(items, "en"))
    blocks.append(
        Paragraph(
            f"Evidence of violations of {ctx.pick(OFFENCES)} will be seized from the information disclosed.",
            size=10.5,
        )
    )
    if not state:
        blocks += _warrant_return(ctx)
        ctx.note("the blank Return page (for the executing officer) is not the judge's signature")
    return finish(
        ctx,
        blocks,
        authority=authority,
        addressee=PROVIDER_US,
        signed=signed,
        secrecy=secrecy,
        footer="Page {page} of {pages}",
    )


# -------------------------------------------------------------------- emergency


POLICE = (
    ("KESTREL COUNTY SHERIFF'S OFFICE", "1200 Courthouse Square, Kestrel Falls, MT 59870"),
    ("CITY OF BRIARWOOD POLICE DEPARTMENT", "45 Municipal Plaza, Briarwood, OH 43210"),
    ("LAKE HOLLOW POLICE DEPARTMENT", "300 Lakeshore Drive, Lake Hollow, WI 53703"),
    ("STATE POLICE — CRIMINAL INVESTIGATION BUREAU", "1 Trooper Way, Concord, NH 03301"),
)
EMERGENCIES = (
    "A 15-year-old student posted a message from the account stating that she intends to end her life "
    "tonight and has the means to do so. Officers checked her home address; she is not there and is not "
    "answering her phone.",
    "An adult male has sent messages from the account threatening to shoot co-workers at a distribution "
    "center tomorrow morning and has posted photographs of firearms. His identity and location are unknown.",
    "A 7-year-old child was taken from a playground by a non-custodial parent who has threatened to harm "
    "the child. The parent has used the account to message relatives since the abduction.",
    "A caller reported that her sister is being held against her will; the last messages from the sister's "
    "account describe being locked in a vehicle and threatened with a knife.",
)


def emergency_request(ctx: Ctx) -> Built:
    issued = ctx.issue_date()
    dept, address = ctx.pick(POLICE)
    officer = ctx.full_name()
    rank = ctx.pick(("Detective", "Sergeant", "Detective Sergeant", "Lieutenant"))
    blocks: list[Block] = []
    if ctx.chance(0.5):
        fax_from = ctx.contact_phone(international=False)
        blocks.append(
            Paragraph(
                f"{ctx.date(issued, 'num')} {ctx.rng.randint(0, 23):02d}:{ctx.rng.randint(0, 59):02d}  "
                f"FROM: {fax_from}   TO: LEGAL PROCESS   P.001/00{ctx.rng.randint(1, 3)}",
                size=8,
                face="mono",
                align="left",
            )
        )
        ctx.note("fax header with the sender's number")
    blocks.append(Heading(dept, 15, space_after=0))
    blocks.append(Heading(f"{address} · Tel. {ctx.contact_phone(international=False)}", 8.5, bold=False))
    blocks.append(Rule(1.4, double=True))
    blocks.append(
        Heading(
            ctx.pick(
                (
                    "EMERGENCY DISCLOSURE REQUEST",
                    "EXIGENT CIRCUMSTANCES REQUEST",
                    "EMERGENCY REQUEST FOR INFORMATION",
                )
            ),
            13.5,
            space_after=0,
        )
    )
    blocks.append(Heading("18 U.S.C. § 2702(b)(8) and (c)(4)", 9.5, bold=False))
    callback = ctx.contact_phone()
    email = ctx.contact_email()
    kinds = ctx.pick(
        (["email"], ["email", "phone"], ["username", "ip"], ["gamertag"], ["account_id", "email"])
    )
    idents = [ctx.new_ident(k) for k in kinds]
    obf = ctx.has("obfuscate")
    shown = [ctx.target(i, obfuscate=obf and i.kind == "email") for i in idents]
    rows = [
        ("To", f"{PROVIDER_US} — Law Enforcement Response"),
        ("Date", ctx.date(issued)),
        ("Requesting officer", f"{rank} {officer}, badge #{ctx.rng.randint(100, 9999)}"),
        ("Call-back (24 h)", f"{callback} · {email}"),
        ("Target account(s)", "\n".join(shown)),
    ]
    blocks.append(Table(rows, split=0.27, size=10))
    sections = [
        ("Nature of the emergency", ctx.pick(EMERGENCIES)),
        (
            "Why there is no time for legal process",
            "The danger is imminent. Obtaining a court order would take hours we do not have; legal "
            "process will follow where required.",
        ),
    ]
    if ctx.chance(0.5):
        sections.reverse()
    for title, text in sections:
        blocks.append(Heading(title, 10.5, align="left", space_after=2))
        blocks.append(Paragraph(text, size=10))
    start, end = ctx.span(issued, to_issue=True)
    blocks.append(Heading("Information requested", 10.5, align="left", space_after=2))
    blocks.append(Paragraph(f"For the period {ctx.date(start)} to {ctx.date(end)}:", size=10))
    cats = (
        ["subscriber_info", "ip_history"]
        + (["content"] if ctx.chance(0.35) else [])
        + (["other"] if ctx.chance(0.3) else [])
    )
    blocks += ctx.bullets(finish_item(ask(ctx, cats), "en"), size=10)
    blocks.append(
        Paragraph(
            "Please call the number above as soon as the information is available; a reply is needed "
            "immediately.",
            size=10,
        )
    )
    ctx.note("no response date: 'immediately'")
    blocks.append(
        Paragraph(
            "I certify that the facts above are true to the best of my knowledge and that this matter "
            "involves a danger of death or serious physical injury requiring disclosure without delay.",
            size=9.5,
            italic=True,
        )
    )
    name = " ".join(w.capitalize() for w in dept.split())
    sig, signed = ctx.signature(
        [f"{rank} {officer}", name], signed=not ctx.has("unsigned"), esign=False if ctx.chance(0.6) else None
    )
    blocks.append(sig)
    return finish(
        ctx,
        blocks,
        authority=name,
        addressee=PROVIDER_US,
        signed=signed,
        emergency=True,
        font=ctx.pick(("sans", "serif")),
    )


# -------------------------------------------------------------------------- NSL


def national_security_letter(ctx: Ctx) -> Built:
    issued = ctx.issue_date()
    city, address = ctx.pick(FBI_OFFICES)
    sac = ctx.full_name()
    blocks: list[Block] = [
        Table(
            [
                (
                    "U.S. Department of Justice\nFederal Bureau of Investigation",
                    f"{city} Field Office\n{address}",
                )
            ],
            split=0.5,
            style="plain",
            size=10,
        ),
        Rule(0.8),
        Table(
            [("In Reply, Please Refer to File No.", ctx.case_no("###@-@@-#######")), ("", ctx.date(issued))],
            split=0.45,
            style="plain",
            size=10,
            bold_left=False,
        ),
        Paragraph(
            f"{PROVIDER_US}\nAttn: Custodian of Records\n{PROVIDER_US_ADDRESS}", size=10.5, align="left"
        ),
        Paragraph("Dear Custodian of Records:", size=10.5, align="left"),
    ]
    start, end = ctx.span(issued)
    cats = (
        ["subscriber_info"]
        + (["billing"] if ctx.chance(0.6) else [])
        + (["traffic"] if ctx.chance(0.6) else [])
    )
    listed = ctx.has("attachment")  # issue 16: the records sought are listed only in the attachment
    if listed:
        cats = ["subscriber_info", "billing", "ip_history"]
        ctx.note("the records sought are listed in Attachment A, not in the commanding sentence")
        blocks.append(
            Paragraph(
                "Pursuant to 18 U.S.C. § 2709, you are hereby directed to provide to the Federal Bureau of "
                "Investigation (FBI) the records described in Attachment A for the accounts listed there, "
                f"for the period from {ctx.date(start)} to {ctx.date(end)}.",
                size=10.5,
            )
        )
    else:
        blocks.append(
            Paragraph(
                "Under the authority of Executive Order 12333 and pursuant to 18 U.S.C. § 2709 "
                "(Counterintelligence Access to Telephone Toll and Transactional Records), you are "
                "hereby directed to provide to the Federal Bureau of Investigation (FBI) the name, address "
                "and length of service of the customers of the accounts listed in the attachment"
                + (", and the electronic communication transactional records" if "traffic" in cats else "")
                + (" and toll billing records" if "billing" in cats else "")
                + f" for those accounts, for the period from {ctx.date(start)} to {ctx.date(end)}.",
                size=10.5,
            )
        )
    for c in cats:
        ctx.wants(c)
    blocks.append(
        Paragraph(
            "In accordance with 18 U.S.C. § 2709(b), I certify that the information sought is relevant to "
            "an authorized investigation to protect against international terrorism or clandestine "
            "intelligence activities, and that such an investigation of a United States person is not "
            "conducted solely on the basis of activities protected by the First Amendment.",
            size=10.5,
        )
    )
    blocks.append(
        Paragraph(
            "Please do not provide the content of any communication, including subject lines of e-mail "
            "messages.",
            size=10.5,
            bold=ctx.chance(0.5),
        )
    )
    gag = [
        Paragraph(
            "In accordance with 18 U.S.C. § 2709(c)(1), I certify that the absence of a prohibition of "
            "disclosure may result in a danger to the national security of the United States or "
            "interference with a criminal, counterterrorism or counterintelligence investigation. "
            "Accordingly, you, and any officer, employee or agent of yours, are prohibited from disclosing "
            "to any person, other than those to whom disclosure is necessary to comply with this letter or "
            "an attorney to obtain legal advice, that the FBI has sought or obtained access to information "
            "under this letter.",
            size=10.5,
        ),
        Paragraph(
            "The FBI will review the need for this nondisclosure requirement when the investigation closes "
            "and on the third anniversary of its opening. You have the right to challenge this letter and "
            "its nondisclosure requirement in a United States district court under 18 U.S.C. § 3511.",
            size=10.5,
        ),
    ]
    if ctx.has("rights"):  # issue 16: procedure about the gag, once read as a request for content
        ctx.note("a paragraph on the right to challenge the gag, which asks for nothing")
        gag.append(
            Paragraph(
                "If you wish to have a court review the nondisclosure requirement, you may notify the FBI "
                "within 10 calendar days of receipt of this letter. If you send notice, the FBI will "
                "initiate judicial proceedings within 30 days to seek an order barring the disclosure of "
                "the existence or contents of this letter and of any communications about it.",
                size=10.5,
            )
        )
    ctx.note(
        "NSL nondisclosure under § 2709(c) with no end date: open-ended; later FBI review is not an expiry"
    )
    deliver = Paragraph(
        f"Please deliver the records within {ctx.pick(('fourteen (14) days', '14 days'))} of the date of "
        f"this letter, by hand or through secure means arranged with Special Agent {ctx.full_name()} of "
        f"this office ({ctx.contact_phone()}). Do not send the records by ordinary e-mail.",
        size=10.5,
    )
    ctx.due(14)
    order = [gag, [deliver]]
    if ctx.chance(0.5):
        order.reverse()
    for group in order:
        blocks += group
    blocks.append(Paragraph("Your cooperation is appreciated.", size=10.5, align="left"))
    sig, signed = ctx.signature([sac, "Special Agent in Charge"], signed=True, esign=False)
    blocks.append(sig)
    blocks.append(PageBreak())
    blocks.append(Heading("ATTACHMENT A" if listed else "ATTACHMENT", 12.5))
    if listed:
        blocks.append(
            Paragraph(
                "The following records: subscriber name, postal addresses, length of service, means and "
                "source of payment, and the IP addresses used to log in, with dates and times.",
                size=10.5,
            )
        )
    blocks.append(Paragraph("Accounts for which records are requested:", size=10.5))
    kinds = ctx.pick(
        (
            ["email", "email"],
            ["email", "phone"],
            ["email", "account_id", "email"],
            ["phone", "phone", "email"],
        )
    )
    rows = _account_rows(ctx, kinds, redact_one=ctx.has("redact"))
    blocks += ctx.ident_table(rows)
    blocks.append(
        Paragraph(
            "Electronic communication transactional records include addressing information such as the "
            "date, time and recipient of messages, but not their content."
            if "traffic" in cats
            else "Subscriber information includes the name, postal address and length of service of the "
            "account holder.",
            size=10,
        )
    )
    return finish(
        ctx,
        blocks,
        authority="Federal Bureau of Investigation",
        addressee=PROVIDER_US,
        signed=signed,
        secrecy=ctx.secrecy(None),
        font="serif",
    )


# ------------------------------------------------------------------------- FISA


def fisa_order(ctx: Ctx) -> Built:
    issued = ctx.issue_date()
    variant = next((v for v in ("br", "prtt", "es") if ctx.has(v)), None) or ctx.pick(("br", "prtt", "es"))
    banner = ctx.pick(("SECRET//NOFORN", "TOP SECRET//NOFORN", "SECRET//ORCON/NOFORN"))
    judge = ctx.full_name()
    blocks: list[Block] = [Paragraph(banner, size=9, bold=True, align="center")]
    blocks.append(Heading("UNITED STATES\nFOREIGN INTELLIGENCE SURVEILLANCE COURT\nWASHINGTON, D.C.", 12.5))
    if variant == "br":
        title = (
            "IN RE APPLICATION OF THE FEDERAL BUREAU OF INVESTIGATION FOR AN ORDER REQUIRING THE PRODUCTION "
            "OF TANGIBLE THINGS"
        )
        docket = ctx.case_no("Docket No. BR ##-##")
    elif variant == "prtt":
        title = (
            "IN RE APPLICATION OF THE FEDERAL BUREAU OF INVESTIGATION FOR AN ORDER AUTHORIZING THE "
            "INSTALLATION AND USE OF PEN REGISTER AND TRAP AND TRACE DEVICES"
        )
        docket = ctx.case_no("Docket No. PR/TT ##-##")
    else:
        title = "IN RE APPLICATION OF THE UNITED STATES FOR AN ORDER AUTHORIZING ELECTRONIC SURVEILLANCE"
        docket = ctx.case_no("Docket No. ##-####")
    blocks.append(Table([(title, f"\n{docket}")], split=0.66, style="caption", size=10))
    blocks.append(Heading("SECONDARY ORDER", 13.5))
    kinds = ctx.pick((["email"], ["email", "account_id"], ["phone", "email"]))
    rows = _account_rows(ctx, kinds, redact_one=ctx.has("redact"))
    if variant == "br":
        start, end = ctx.span(issued)
        due = ctx.due(ctx.pick((7, 10)))
        blocks.append(
            Paragraph(
                "This Court having found that the application of the Federal Bureau of Investigation "
                f"satisfies the requirements of 50 U.S.C. § 1861, IT IS HEREBY ORDERED that {PROVIDER_US} "
                f"shall produce to the FBI, no later than {ctx.date(due)}, the following tangible things "
                f"for the period {ctx.date(start)} through {ctx.date(end)}, relating to the identifiers "
                "below:",
                size=10.5,
            )
        )
        blocks += ctx.ident_table(rows)
        blocks += ctx.bullets(finish_item(ask(ctx, ["subscriber_info", "billing", "traffic"]), "en"))
        law = "50 U.S.C. § 1861(d)"
    elif variant == "prtt":
        start = issued
        end = issued + timedelta(days=89)
        ctx.facts["date_range"] = (start, end)
        blocks.append(
            Paragraph(
                "Pursuant to 50 U.S.C. § 1842, IT IS HEREBY ORDERED that the FBI is authorized to install "
                "and use pen register and trap and trace devices on the accounts below, and that "
                f"{PROVIDER_US} shall furnish all information, facilities and technical assistance "
                f"necessary, for a period of ninety days, from {ctx.date(start)} through {ctx.date(end)}:",
                size=10.5,
            )
        )
        blocks += ctx.ident_table(rows)
        blocks.append(
            Paragraph(
                "The information to be provided is limited to dialing, routing, addressing and signaling "
                "information (the source and destination of each communication, and its date, time and "
                "duration), and the IP addresses from which the accounts are accessed. It shall not "
                "include the contents of any communication.",
                size=10.5,
            )
        )
        ctx.wants("traffic")
        ctx.wants("ip_history")
        ctx.note("pen register: future 90-day range; non-content")
        law = "50 U.S.C. § 1842(d)(2)(B)"
    else:
        start = issued
        end = issued + timedelta(days=89)
        ctx.facts["date_range"] = (start, end)
        blocks.append(
            Paragraph(
                "Upon the verified application of the United States under 50 U.S.C. § 1804, and the Court "
                "having made the findings required by 50 U.S.C. § 1805, IT IS HEREBY ORDERED that "
                f"{PROVIDER_US} shall provide the FBI, from {ctx.date(start)} through {ctx.date(end)}, with "
                "the contents of all wire and electronic communications to and from the following "
                "facilities, and with the associated subscriber records:",
                size=10.5,
            )
        )
        blocks += ctx.ident_table(rows)
        ctx.wants("content")
        ctx.wants("subscriber_info")
        ctx.note("electronic surveillance order: content, for a future 90-day period")
        law = "50 U.S.C. § 1805(c)(2)(C)"
    blocks.append(
        Paragraph(
            f"IT IS FURTHER ORDERED that, pursuant to {law}, {PROVIDER_US} shall not disclose to any person "
            "that the FBI has sought or obtained information under this Order, other than to those persons "
            "to whom disclosure is necessary to comply, to an attorney to obtain legal advice, or as "
            "permitted by 50 U.S.C. § 1874, and shall maintain the records of this Order under security "
            "procedures approved by the Attorney General.",
            size=10.5,
        )
    )
    ctx.note("FISA nondisclosure has no end date: open-ended")
    blocks.append(
        Paragraph(
            f"Signed {ctx.date(issued, ctx.pick(('long', 'ord')))}, at "
            f"{ctx.rng.randint(9, 16)}:{ctx.rng.randint(0, 59):02d} Eastern Time.",
            size=10.5,
            align="left",
        )
    )
    sig, signed = ctx.signature(
        [judge, "Judge, United States Foreign Intelligence Surveillance Court"], signed=True, width=300
    )
    blocks.append(sig)
    blocks.append(Paragraph(banner, size=9, bold=True, align="center"))
    return finish(
        ctx,
        blocks,
        authority="United States Foreign Intelligence Surveillance Court",
        addressee=PROVIDER_US,
        signed=signed,
        secrecy=ctx.secrecy(None),
        font="serif",
        footer=f"{banner} — Page {{page}}",
    )


# ------------------------------------------------------------------------ civil


def civil_subpoena(ctx: Ctx) -> Built:
    issued = ctx.issue_date()
    due = ctx.due(ctx.pick((14, 20, 21, 30)))
    start, end = ctx.span(issued)
    plaintiff = ctx.pick(
        (
            "Harborview Analytics, Inc.",
            "Meridian Home Goods LLC",
            "Dr. Celia Ormond",
            "Quillfeather Press Ltd.",
        )
    )
    defendant = ctx.pick(("John Does 1–10", "Tobias Grell", "Ravensworth Trading Co.", "Jane Doe"))
    state = ctx.chance(0.35)
    lawyer = ctx.full_name()
    firm = ctx.pick(("Whitlock & Vance LLP", "Oduya Mercer PC", "Hallbrook Sterne LLP"))
    if state:
        court = ctx.pick(
            (
                "Superior Court of California, County of San Mateo",
                "Supreme Court of the State of New York, County of Kings",
            )
        )
        authority = court
        header: list[Block] = [Heading(court.upper(), 12.5)]
        title = ctx.pick(("DEPOSITION SUBPOENA FOR PRODUCTION OF BUSINESS RECORDS", "SUBPOENA DUCES TECUM"))
    else:
        district, _, _ = ctx.pick(DISTRICTS)
        authority = f"United States District Court for the {district}"
        header = [
            Paragraph(
                "AO 88B (Rev. 02/14) Subpoena to Produce Documents, Information, or Objects in a Civil "
                "Action",
                size=7.5,
                align="left",
            )
        ]
        header += _court_head(ctx, district)
        title = "SUBPOENA TO PRODUCE DOCUMENTS, INFORMATION, OR OBJECTS IN A CIVIL ACTION"
    blocks = header
    blocks.append(
        Table(
            [
                (
                    f"{plaintiff},\n        Plaintiff,\nv.\n{defendant},\n        Defendant(s).",
                    f"\nCivil Action No. {ctx.case_no('#:##-cv-#####')}",
                )
            ],
            split=0.6,
            style="caption",
            size=10,
        )
    )
    blocks.append(Heading(title, 12))
    blocks.append(
        Paragraph(
            f"To: {PROVIDER_US}, c/o its registered agent, {PROVIDER_US_ADDRESS}", size=10.5, align="left"
        )
    )
    blocks.append(
        Paragraph(
            "**Production: YOU ARE COMMANDED** to produce at the time, date and place set forth below the "
            "following documents and electronically stored information: **see Schedule A**.",
            size=10.5,
        )
    )
    office = ctx.pick(
        (
            "1200 Harbor Boulevard, Suite 900, Oakland, CA 94607",
            "55 Water Street, 31st Floor, New York, NY 10041",
        )
    )
    blocks.append(
        Table(
            [("Place:", f"{firm}, {office}"), ("Date and Time:", f"{ctx.date(due)} at 10:00 a.m.")],
            split=0.22,
            size=10,
        )
    )
    blocks.append(
        Paragraph(
            "The provisions of Fed. R. Civ. P. 45(c), (d), (e) and (g) are attached."
            if not state
            else "Personal attendance of the custodian is not required if the records are produced by the "
            "date above.",
            size=10,
        )
    )
    if ctx.chance(0.5):
        blocks.append(
            Paragraph(
                "Documents produced may be designated CONFIDENTIAL under the Stipulated Protective Order "
                "entered in this action.",
                size=10,
            )
        )
        ctx.note("a protective order about confidentiality of produced documents is not a secrecy order")
    blocks.append(Paragraph(f"Date: {ctx.date(issued)}", size=10.5, align="left"))
    sig, signed = ctx.signature(
        [lawyer, f"Attorney for Plaintiff {plaintiff}"], signed=not ctx.has("unsigned")
    )
    blocks.append(sig)
    blocks.append(
        Paragraph(
            "The name, address, e-mail address and telephone number of the attorney representing "
            f"{plaintiff}, who issues or requests this subpoena, are: {lawyer}, {firm}, {office}; "
            f"{ctx.contact_email()}; {ctx.contact_phone()}.",
            size=9,
        )
    )
    blocks.append(PageBreak())
    blocks.append(Heading("SCHEDULE A", 12.5))
    blocks.append(Heading("Definitions and Documents Requested", 10.5, bold=False))
    blocks.append(
        Paragraph(
            "\u201cAccount\u201d means each of the following, and any account linked to it by a common "
            "recovery address, telephone number or payment instrument:",
            size=10.5,
        )
    )
    kinds = ctx.pick(
        (["username", "url"], ["email", "ip"], ["email", "email"], ["gamertag", "email"], ["url", "ip", "ip"])
    )
    ident_rows = []
    for kind in kinds:
        ident = ctx.new_ident(kind)
        if kind == "ip":
            seen = ctx.facts["date_range"][1]
            hour, minute = ctx.rng.randint(0, 23), ctx.rng.randint(0, 59)
            stamp = f" on {ctx.date(seen, 'iso')} at {hour:02d}:{minute:02d} UTC"
            ident_rows.append(("IP address", ctx.target(ident) + stamp))
        else:
            ident_rows.append(
                (
                    {"url": "Post", "username": "User name", "email": "E-mail", "gamertag": "Gamertag"}[kind],
                    ctx.target(ident),
                )
            )
    blocks += ctx.ident_table(ident_rows)
    content = ctx.has("content") or ctx.chance(0.15)
    cats = ["subscriber_info", "ip_history"] + (["content"] if content else [])
    if content:
        ctx.note("a civil litigant asks for content")
    blocks.append(
        Paragraph(f"Documents sufficient to show, for {ctx.date(start)} through {ctx.date(end)}:", size=10.5)
    )
    blocks += ctx.bullets(finish_item(ask(ctx, cats), "en"))
    return finish(
        ctx,
        blocks,
        authority=authority,
        addressee=PROVIDER_US,
        signed=signed,
        footer="Page {page} of {pages}" if ctx.chance(0.4) else None,
    )


# ------------------------------------------------------------------ preservation


def preservation_letter(ctx: Ctx) -> Built:
    issued = ctx.issue_date()
    extension = ctx.chance(0.35)
    agency, address = ctx.pick(
        (
            (
                "Federal Bureau of Investigation — Phoenix Field Office",
                "21711 North 7th Street, Phoenix, AZ 85024",
            ),
            ("Office of the District Attorney, County of Alder", "400 Main Street, Alder, OR 97301"),
            ("U.S. Secret Service — Cyber Fraud Task Force", "335 Merchant Street, Honolulu, HI 96813"),
        )
    )
    officer = ctx.full_name()
    blocks: list[Block] = [
        Heading(agency.upper(), 13, space_after=0),
        Heading(
            f"{address}\nTel. {ctx.contact_phone(international=False)} · {ctx.contact_email()}", 9, bold=False
        ),
        Rule(1),
        Paragraph(ctx.date(issued), size=10.5, align="right"),
        Paragraph(
            f"VIA E-MAIL ({LEGAL_INBOX})\n{PROVIDER_US}\nCustodian of Records\n{PROVIDER_US_ADDRESS}",
            size=10.5,
            align="left",
        ),
    ]
    ctx.note(f"the provider's own service address {LEGAL_INBOX} is not a target")
    subject = (
        "Re: Request for 90-day extension of preservation — 18 U.S.C. § 2703(f)(2)"
        if extension
        else "Re: Request for preservation of records — 18 U.S.C. § 2703(f)"
    )
    blocks.append(Paragraph(f"**{subject}**", size=10.5, align="left"))
    blocks.append(Paragraph("Dear Custodian of Records:", size=10.5, align="left"))
    if extension:
        prior = issued - timedelta(days=ctx.rng.randint(75, 88))
        blocks.append(
            Paragraph(
                f"On {ctx.date(prior)} this office asked you to preserve records of the accounts listed "
                "below. Legal process has not yet issued. Under 18 U.S.C. § 2703(f)(2) we ask that you "
                "extend the preservation for a further 90-day period.",
                size=10.5,
            )
        )
        ctx.note("extension of a preservation request: the earlier request date is not the date issued")
    else:
        blocks.append(
            Paragraph(
                "Pursuant to 18 U.S.C. § 2703(f), this letter asks you to take all necessary steps to "
                "preserve the records and other evidence in your possession relating to the accounts "
                "below, including records stored on backup media, for a period of 90 days pending the "
                "issuance of legal process.",
                size=10.5,
            )
        )
    kinds = ctx.pick((["email"], ["email", "email"], ["account_id", "email"], ["username", "phone"]))
    blocks += ctx.ident_table(_account_rows(ctx, kinds))
    blocks.append(
        Paragraph(
            "The records to be preserved include subscriber information, IP logs, billing records, and the "
            "contents of e-mail and stored files. **This letter is a request to preserve only. Please do "
            "not disclose any records to this office until you receive legal process compelling "
            "disclosure.**",
            size=10.5,
        )
    )
    ctx.note("preservation only: lists records to keep, demands none (data_requested empty)")
    secrecy_blocks, secrecy = _secrecy_2705b(ctx, "request", ("request", "none"))
    blocks += secrecy_blocks
    blocks.append(
        Paragraph(
            "If you have questions, please contact me at the number above. Our reference is "
            f"{ctx.case_no('##-@@-#####')}.",
            size=10.5,
        )
    )
    blocks.append(Paragraph("Sincerely,", size=10.5, align="left"))
    sig, signed = ctx.signature(
        [officer, ctx.pick(("Special Agent", "Deputy District Attorney", "Investigator"))],
        signed=not ctx.has("unsigned"),
    )
    blocks.append(sig)
    return finish(
        ctx,
        blocks,
        authority=agency.split(" — ")[0],
        addressee=PROVIDER_US,
        signed=signed,
        secrecy=secrecy,
    )
