"""Demands from outside the United States written in English (GB, IE, CA, AU, BR in
translation), and the European Production Order certificate in English, French and German."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from tests.corpus.kit import (
    PROVIDER_BR,
    PROVIDER_BR_ADDRESS,
    PROVIDER_CA,
    PROVIDER_CA_ADDRESS,
    PROVIDER_IE,
    PROVIDER_IE_ADDRESS,
    PROVIDER_UK,
    PROVIDER_UK_ADDRESS,
    PROVIDER_US,
    PROVIDER_US_ADDRESS,
    Built,
    Ctx,
    finish,
    words,
)
from tests.corpus.phrases import ask, finish_item, noncontent_mix
from tests.corpus.scan import Block, Heading, PageBreak, Paragraph, Rule, Spacer, Table

CROWN_COURTS = ("SOUTHWARK", "MANCHESTER (MINSHULL STREET)", "BIRMINGHAM", "LEEDS", "BRISTOL")
UK_FORCES = (
    ("Metropolitan Police Service", "New Scotland Yard, Victoria Embankment, London SW1A 2JL"),
    ("Greater Manchester Police", "Central Park, Northampton Road, Manchester M40 5BP"),
    ("West Midlands Police", "Lloyd House, Colmore Circus Queensway, Birmingham B4 6NQ"),
    ("National Crime Agency", "Units 1-6 Citadel Place, Tinworth Street, London SE11 5EF"),
)
LABEL = {
    "email": "E-mail address",
    "phone": "Telephone number",
    "account_id": "Account ID",
    "username": "Username",
    "gamertag": "Gamertag",
    "ip": "IP address",
    "url": "URL",
}


def _rows(
    ctx: Ctx, kinds: list[str], label: dict[str, str] = LABEL, redact: bool = False
) -> list[tuple[str, str]]:
    if redact and len(kinds) == 1:  # never black out the only target
        kinds = [*kinds, "phone" if kinds[0] == "email" else "email"]
    at = ctx.rng.randrange(len(kinds)) if redact else -1
    return [(label[k], ctx.target(ctx.new_ident(k), redact=i == at)) for i, k in enumerate(kinds)]


def _days_gb(ctx: Ctx, days: int) -> str:
    if days == 365 and ctx.chance(0.5):
        return "one year"
    return ctx.pick((f"{words(days, 'en')} ({days}) days", f"{days} days", f"{words(days, 'en')} days"))


# ------------------------------------------------------------------ GB: PACE order


def gb_production_order(ctx: Ctx) -> Built:
    issued = ctx.issue_date()
    court = ctx.pick(CROWN_COURTS)
    force, force_address = ctx.pick(UK_FORCES[:3])
    officer = f"{ctx.pick(('DC', 'DS', 'DI'))} {ctx.full_name()}"
    days = ctx.pick((7, 14))
    ctx.due(days)
    start, end = ctx.span(issued)
    blocks: list[Block] = [
        Heading(f"IN THE CROWN COURT AT {court}", 13),
        Paragraph(f"Case reference: {ctx.case_no('T2026####')}", size=10, align="right"),
        Heading(
            f"IN THE MATTER OF AN APPLICATION BY THE {force.upper()} UNDER SECTION 9 OF AND SCHEDULE 1 TO "
            "THE POLICE AND CRIMINAL EVIDENCE ACT 1984",
            10.5,
        ),
        Heading("PRODUCTION ORDER", 15),
        Paragraph(
            f"UPON the application of {officer} of the {force}, made on notice to {PROVIDER_UK}, "
            f"{PROVIDER_UK_ADDRESS} (\u201cthe Respondent\u201d), AND UPON the Judge being satisfied that "
            "the first set of access conditions in paragraph 2 of Schedule 1 to the Act is fulfilled,",
            size=10.5,
        ),
        Paragraph(
            f"**IT IS ORDERED** that the Respondent shall, within {_days_gb(ctx, days)} of the date of this "
            f"order, produce to {officer}, or to another constable of the {force}, the material described "
            "in the Schedule to this order for that constable to take away.",
            size=10.5,
        ),
    ]
    mode, d = ctx.gag(("days", "open", "none", "none"))
    secrecy = None
    if mode != "none":
        until = (
            f"for a period of {_days_gb(ctx, d)} from the date of this order"
            if mode == "days"
            else ("until further order of the Court")
        )
        blocks.append(
            Paragraph(
                "**IT IS FURTHER ORDERED** that the Respondent shall not disclose the making of this "
                "order, or its contents, to the account holder or any other person, save for the purpose "
                f"of obtaining legal advice, {until}.",
                size=10.5,
            )
        )
        secrecy = ctx.secrecy(d)
    else:
        ctx.note("no secrecy order")
    blocks.append(
        Paragraph(
            "**PENAL NOTICE:** If you fail to comply with this order you may be held in contempt of court "
            "and imprisoned or fined.",
            size=10,
        )
    )
    blocks.append(Paragraph(f"Dated this {ctx.date(issued, 'ord')}", size=10.5, align="left"))
    sig, signed = ctx.signature(
        [f"HHJ {ctx.full_name()}", f"Circuit Judge, sitting at the Crown Court at {court.title()}"],
        signed=not ctx.has("unsigned"),
    )
    blocks.append(sig)
    blocks.append(Spacer(6))
    blocks.append(Heading("SCHEDULE", 12))
    blocks.append(
        Paragraph(
            f"Material held by the Respondent in respect of the following, for the period {ctx.date(start)} "
            f"to {ctx.date(end)} inclusive:",
            size=10.5,
        )
    )
    blocks += ctx.ident_table(_rows(ctx, ctx.pick((["email"], ["email", "phone"], ["username", "email"]))))
    cats = noncontent_mix(ctx) + (["content"] if ctx.chance(0.5) else [])
    blocks += ctx.bullets(finish_item(ask(ctx, cats), "en"))
    blocks.append(
        Paragraph(
            f"Enquiries: {officer}, {force_address}; {ctx.contact_email()}; {ctx.contact_phone()}.",
            size=9,
            align="left",
        )
    )
    return finish(
        ctx,
        blocks,
        authority=f"Crown Court at {court.title()}",
        addressee=PROVIDER_UK,
        signed=signed,
        secrecy=secrecy,
        footer=ctx.pick((None, "Page {page} of {pages}")),
    )


# --------------------------------------------------------------- GB: COPO 2019


def gb_overseas_production_order(ctx: Ctx) -> Built:
    issued = ctx.issue_date()
    court = ctx.pick(CROWN_COURTS)
    days = 7
    ctx.due(days)
    start, end = ctx.span(issued)
    nca_officer = ctx.full_name()
    blocks: list[Block] = [
        Heading(f"IN THE CROWN COURT AT {court}", 13),
        Heading("OVERSEAS PRODUCTION ORDER", 15, space_after=0),
        Heading("Crime (Overseas Production Orders) Act 2019, section 1", 10.5, bold=False),
        Table(
            [
                ("Applicant", f"National Crime Agency (appropriate officer: {nca_officer})"),
                ("Respondent", f"{PROVIDER_US}, {PROVIDER_US_ADDRESS}"),
                (
                    "Designated arrangement",
                    "Agreement between the Government of the United Kingdom and the Government of the "
                    "United States of America on Access to Electronic Data for the Purpose of Countering "
                    "Serious Crime",
                ),
                ("Order number", ctx.case_no("COPO/26/####")),
            ],
            split=0.28,
            size=10,
        ),
        Paragraph(
            "The judge, being satisfied that the requirements of section 4 of the Act are fulfilled in "
            "relation to the electronic data specified below, ORDERS the Respondent to produce that data "
            "to the appropriate officer **within seven days** of the date on which this order is made.",
            size=10.5,
        ),
        Heading("Electronic data specified", 11, align="left"),
        Paragraph(
            f"Data held in relation to the following, for {ctx.date(start)} to {ctx.date(end)}:", size=10.5
        ),
    ]
    kinds = ctx.pick((["email", "email"], ["email", "account_id"], ["email", "phone"]))
    blocks += ctx.ident_table(_rows(ctx, kinds, redact=ctx.has("redact")))
    cats = ["content", "subscriber_info", "ip_history"]
    if ctx.chance(0.4):
        cats.insert(1, "traffic")
    blocks += ctx.bullets(finish_item(ask(ctx, cats), "en"))
    mode, d = ctx.gag(("days", "days", "open"))
    if d is not None:
        blocks.append(
            Paragraph(
                "**Non-disclosure requirement (section 8).** The Respondent must not disclose the making "
                "of this order, or its contents, to any person except with the leave of a judge or the "
                f"written permission of the appropriate officer, for a period of {_days_gb(ctx, d)} "
                "beginning with the date of this order.",
                size=10.5,
            )
        )
        secrecy = ctx.secrecy(d)
    else:
        blocks.append(
            Paragraph(
                "**Non-disclosure requirement (section 8).** The Respondent must not disclose the making "
                "of this order, or its contents, to any person except with the leave of a judge or the "
                "written permission of the appropriate officer. This requirement has effect until it is "
                "varied or revoked by the court.",
                size=10.5,
            )
        )
        ctx.note("non-disclosure 'until varied or revoked': open-ended")
        secrecy = ctx.secrecy(None)
    blocks.append(Paragraph(f"Made on {ctx.date(issued)}", size=10.5, align="left"))
    sig, signed = ctx.signature([f"HHJ {ctx.full_name()}", "Circuit Judge"], signed=True, align="right")
    blocks.append(sig)
    blocks.append(
        Paragraph(
            f"Service and enquiries: NCA International Crime Bureau, {ctx.contact_email()}, tel. "
            f"{ctx.contact_phone()}.",
            size=9,
        )
    )
    return finish(
        ctx,
        blocks,
        authority=f"Crown Court at {court.title()}",
        addressee=PROVIDER_US,
        signed=signed,
        secrecy=secrecy,
    )


# ------------------------------------------------------------------ GB: takedown


def gb_takedown_referral(ctx: Ctx) -> Built:
    issued = ctx.issue_date()
    officer = ctx.full_name()
    blocks: list[Block] = [
        Table(
            [
                (
                    "METROPOLITAN POLICE SERVICE\nCounter Terrorism Internet Referral Unit (CTIRU)",
                    f"New Scotland Yard\nVictoria Embankment\nLondon SW1A 2JL\n{ctx.contact_phone()}",
                )
            ],
            split=0.6,
            style="plain",
            size=10,
        ),
        Rule(1),
        Paragraph(
            f"Our ref: CTIRU/{ctx.case_no('##/#####')}        {ctx.date(issued)}", size=10, align="left"
        ),
        Paragraph(
            f"{PROVIDER_IE}\nTrust & Safety — Government Referrals\n{PROVIDER_IE_ADDRESS}",
            size=10.5,
            align="left",
        ),
        Heading("REFERRAL OF ONLINE CONTENT FOR REMOVAL", 13),
        Paragraph(
            "The CTIRU has assessed the material at the addresses below and considers that it encourages "
            "or glorifies acts of terrorism within the meaning of section 3 of the Terrorism Act 2006. We "
            "ask you to review the material against your terms of service and, where it breaches them, to "
            "remove it.",
            size=10.5,
        ),
    ]
    rows = [
        (f"Item {i + 1}", ctx.target(ctx.new_url(ctx.pick(("post", "file")))))
        for i in range(ctx.rng.randint(2, 4))
    ]
    if ctx.chance(0.5):
        rows.append(("Posting account", ctx.target(ctx.new_url("profile"))))
    blocks += ctx.ident_table(rows)
    blocks.append(
        Paragraph(
            "**This referral does not ask for, and you should not send us, any information about the users "
            "concerned.** It is not a demand under any statute; removal decisions are yours.",
            size=10.5,
        )
    )
    ctx.note("takedown referral: demands no customer data; the URLs are the identifiers it targets")
    blocks.append(Paragraph(f"Please reply to {ctx.contact_email()} quoting our reference.", size=10.5))
    sig, signed = ctx.signature([officer, "CTIRU Referrals Officer"], signed=not ctx.has("unsigned"))
    blocks.append(sig)
    ctx.facts.setdefault("response_due", None)
    return finish(
        ctx,
        blocks,
        authority="Metropolitan Police Service",
        addressee=PROVIDER_IE,
        signed=signed,
        font="sans",
    )


# ----------------------------------------------------------------------- Ireland


def ie_production_order(ctx: Ctx) -> Built:
    issued = ctx.issue_date()
    days = ctx.pick((7, 14, 21))
    ctx.due(days)
    start, end = ctx.span(issued)
    district = ctx.pick(
        ("Dublin Metropolitan District", "District No. 19 — Cork City", "District No. 31 — Galway")
    )
    act = ctx.pick(
        (
            ("CRIMINAL JUSTICE ACT 2011", "SECTION 15", "ORDER TO MAKE MATERIAL AVAILABLE"),
            (
                "CRIMINAL JUSTICE (THEFT AND FRAUD OFFENCES) ACT 2001",
                "SECTION 52",
                "ORDER TO PRODUCE EVIDENTIAL MATERIAL",
            ),
        )
    )
    garda = f"Detective Garda {ctx.full_name()}"
    blocks: list[Block] = [
        Heading("AN CHÚIRT DÚICHE — THE DISTRICT COURT", 13, space_after=0),
        Heading(district, 10.5, bold=False),
        Table([("", f"Record No. 2026/{ctx.case_no('#####')}")], split=0.6, style="plain", size=10),
        Heading(f"{act[0]} — {act[1]}", 11),
        Heading(act[2], 14),
        Paragraph(
            f"UPON the sworn information of {garda}, a member of An Garda Síochána, the Court being "
            f"satisfied that there are reasonable grounds for suspecting that {PROVIDER_IE} has possession "
            "or control of material that is relevant to the investigation of an arrestable offence,",
            size=10.5,
        ),
        Paragraph(
            f"THE COURT ORDERS that {PROVIDER_IE}, {PROVIDER_IE_ADDRESS}, shall, within "
            f"{_days_gb(ctx, days)} from the date of this Order, make available to the said member the "
            "material described in the Schedule.",
            size=10.5,
        ),
        Heading("SCHEDULE", 11.5),
    ]
    kinds = ctx.pick((["email"], ["email", "account_id"], ["phone", "email"]))
    blocks += ctx.ident_table(_rows(ctx, kinds))
    blocks.append(Paragraph(f"Period: {ctx.date(start)} to {ctx.date(end)} inclusive.", size=10.5))
    cats = noncontent_mix(ctx) + (["content"] if ctx.chance(0.5) else [])
    blocks += ctx.bullets(finish_item(ask(ctx, cats), "en"))
    blocks.append(Paragraph(f"Dated this {ctx.date(issued, 'ord')}.", size=10.5, align="left"))
    sig, signed = ctx.signature(
        [f"Judge {ctx.full_name()}", "Judge of the District Court"],
        signed=not ctx.has("unsigned"),
        align="right",
    )
    blocks.append(sig)
    blocks.append(
        Paragraph(f"Contact: {garda}, {ctx.contact_email()}, {ctx.contact_phone(international=True)}", size=9)
    )
    ctx.note("no secrecy order")
    return finish(ctx, blocks, authority="District Court", addressee=PROVIDER_IE, signed=signed)


# ------------------------------------------------------------------------ Canada


def ca_production_order(ctx: Ctx) -> Built:
    issued = ctx.issue_date()
    days = ctx.pick((30, 21, 45))
    ctx.due(days)
    start, end = ctx.span(issued)
    court, city, police = ctx.pick(
        (
            ("ONTARIO COURT OF JUSTICE", "Toronto, Ontario", "Toronto Police Service"),
            (
                "PROVINCIAL COURT OF BRITISH COLUMBIA",
                "Vancouver, British Columbia",
                "Vancouver Police Department",
            ),
            (
                "COUR DU QUÉBEC / COURT OF QUÉBEC",
                "Montréal, Québec",
                "Service de police de la Ville de Montréal",
            ),
        )
    )
    officer = ctx.full_name()
    blocks: list[Block] = [
        Heading(court, 13),
        Heading("PRODUCTION ORDER FOR TRANSMISSION DATA AND DOCUMENTS", 13, space_after=0),
        Heading("Sections 487.014 and 487.016 of the Criminal Code", 10, bold=False),
        Paragraph(f"To: {PROVIDER_CA}, {PROVIDER_CA_ADDRESS}", size=10.5, align="left"),
        Paragraph(
            f"Whereas I am satisfied by information on oath of {officer}, a peace officer with the "
            f"{police}, that there are reasonable grounds to believe that an offence under section 380 of "
            "the Criminal Code has been committed and that the documents and data described in Appendix A "
            "will afford evidence of it;",
            size=10.5,
        ),
        Paragraph(
            f"You are ordered to prepare and produce those documents and data to {officer} within "
            f"{_days_gb(ctx, days)} of the date of this order.",
            size=10.5,
        ),
    ]
    mode, d = ctx.gag(("days", "none"))
    secrecy = None
    if d is not None:
        blocks.append(
            Paragraph(
                f"Pursuant to section 487.0191 of the Criminal Code, {PROVIDER_CA} is prohibited from "
                "disclosing the existence or any part of the contents of this order for a period of "
                f"{_days_gb(ctx, d)} from the date of this order.",
                size=10.5,
            )
        )
        secrecy = ctx.secrecy(d)
    blocks.append(Paragraph(f"Dated at {city}, this {ctx.date(issued, 'ord')}.", size=10.5, align="left"))
    sig, signed = ctx.signature(
        [ctx.full_name(), ctx.pick(("Justice of the Peace", "Judge of the Provincial Court"))], signed=True
    )
    blocks.append(sig)
    blocks.append(PageBreak())
    blocks.append(Heading("APPENDIX A", 12.5))
    blocks.append(
        Paragraph(
            f"In relation to the following, for the period {ctx.date(start)} to {ctx.date(end)}:", size=10.5
        )
    )
    blocks += ctx.ident_table(
        _rows(
            ctx, ctx.pick((["email", "phone"], ["username", "email"], ["account_id"], ["gamertag", "email"]))
        )
    )
    blocks += ctx.bullets(finish_item(ask(ctx, noncontent_mix(ctx, traffic=0.6)), "en"))
    blocks.append(Paragraph(f"Officer's contact: {ctx.contact_email()} / {ctx.contact_phone()}", size=9.5))
    return finish(
        ctx,
        blocks,
        authority=court.split(" / ")[-1].title().replace("Of", "of"),
        addressee=PROVIDER_CA,
        signed=signed,
        secrecy=secrecy,
    )


# --------------------------------------------------------------------- Australia


def au_emergency_request(ctx: Ctx) -> Built:
    issued = ctx.issue_date()
    agency = ctx.pick(("Australian Federal Police", "New South Wales Police Force", "Victoria Police"))
    officer = (
        f"{ctx.pick(('Detective Sergeant', 'Senior Constable', 'Detective Inspector'))} {ctx.full_name()}"
    )
    blocks: list[Block] = [
        Heading(agency.upper(), 15, space_after=0),
        Heading("Operations Coordination Centre — 24/7", 10, bold=False),
        Rule(1.5),
        Heading("URGENT — THREAT TO LIFE\nREQUEST FOR EMERGENCY DISCLOSURE", 13),
        Table(
            [
                ("Date", ctx.date(issued)),
                ("To", f"{PROVIDER_US} — Emergency Response"),
                ("From", officer),
                ("Contact", f"{ctx.contact_phone()} / {ctx.contact_email()}"),
                ("Reference", ctx.case_no("OCC-26-######")),
            ],
            split=0.22,
            size=10,
        ),
        Paragraph(
            "Police are responding to a report that a young person has posted a farewell message and an "
            "image of medication from the account below and cannot be located. Police believe there is a "
            "serious and imminent threat to the person's life. There is no time to obtain a mutual "
            "assistance request.",
            size=10.5,
        ),
        Heading("Account", 11, align="left"),
    ]
    kinds = ctx.pick((["email"], ["username", "email"], ["gamertag"], ["phone", "email"]))
    blocks += ctx.ident_table(_rows(ctx, kinds))
    blocks.append(Heading("Information sought", 11, align="left"))
    blocks += ctx.bullets(
        finish_item(
            ask(ctx, ["subscriber_info", "ip_history"] + (["other"] if ctx.chance(0.5) else [])), "en"
        )
    )
    blocks.append(
        Paragraph("Please phone the Operations Coordination Centre as soon as possible.", size=10.5)
    )
    ctx.note("no response date ('as soon as possible')")
    sig, signed = ctx.signature([officer, agency], signed=not ctx.has("unsigned"))
    blocks.append(sig)
    return finish(
        ctx, blocks, authority=agency, addressee=PROVIDER_US, signed=signed, emergency=True, font="sans"
    )


# ------------------------------------------------------------- Brazil (translated)


def br_court_order_translation(ctx: Ctx) -> Built:
    issued = ctx.issue_date()
    days = 10
    ctx.due(days)
    start, end = ctx.span(issued)
    translated = issued + timedelta(days=ctx.rng.randint(3, 9))
    court, city = ctx.pick(
        (
            ("5th Federal Criminal Court of São Paulo", "São Paulo"),
            ("2nd Federal Criminal Court of Curitiba", "Curitiba"),
            ("1st Federal Criminal Court of Porto Alegre", "Porto Alegre"),
        )
    )
    blocks: list[Block] = [
        Paragraph(
            f"SWORN TRANSLATION No. {ctx.case_no('###/2026')} — Book {ctx.rng.randint(10, 99)} — translated "
            "from Portuguese",
            size=8.5,
            face="mono",
            align="left",
        ),
        Heading("JUDICIARY OF THE FEDERATIVE REPUBLIC OF BRAZIL", 12, space_after=0),
        Heading(court, 11, bold=False),
        Paragraph(
            f"Criminal Proceeding No. {ctx.case_no('#######-##.2026.4.03.####')}", size=10, align="right"
        ),
        Heading("DECISION", 14),
        Paragraph(
            "The Federal Police requested the breach of confidentiality of telematic data relating to the "
            "identifiers below, which were used to commit bank fraud against at least 40 victims.",
            size=10.5,
        ),
        Paragraph(
            "Under articles 10, paragraph 1, and 22 of Law No. 12,965/2014 (Brazilian Civil Rights "
            f"Framework for the Internet), I ORDER {PROVIDER_BR}, {PROVIDER_BR_ADDRESS}, to provide to this "
            f"Court, within {words(days, 'en')} ({days}) days, the following data for the period from "
            f"{ctx.date(start)} to {ctx.date(end)}:",
            size=10.5,
        ),
    ]
    blocks += ctx.bullets(finish_item(ask(ctx, ["subscriber_info", "ip_history"]), "en"))
    blocks += ctx.ident_table(
        _rows(ctx, ctx.pick((["email", "phone"], ["account_id", "email"], ["username"])))
    )
    secrecy = None
    _mode, d = ctx.gag(("days", "days", "none"), (90, 180))
    if d is not None:
        blocks.append(
            Paragraph(
                "The provider shall keep this order confidential and shall not notify the user for "
                f"{words(d, 'en')} ({d}) days from the date of this decision.",
                size=10.5,
            )
        )
        secrecy = ctx.secrecy(d)
    blocks.append(Paragraph(f"{city}, {ctx.date(issued)}.", size=10.5, align="left"))
    judge = ctx.full_name()
    blocks.append(Paragraph(f"(electronically signed)\n{judge}\nFederal Judge", size=10.5, align="left"))
    ctx.note("electronically signed decision: signed true")
    blocks.append(Rule(0.6))
    blocks.append(
        Paragraph(
            "I certify that the above is a true translation of the original in Portuguese. "
            f"{ctx.date(translated)}. {ctx.full_name()}, Sworn Public Translator, JUCESP No. "
            f"{ctx.rng.randint(100, 999)}.",
            size=9,
            italic=True,
        )
    )
    ctx.note(
        "the translator's certificate has a later date than the decision; the language is English "
        "(translation)"
    )
    return finish(ctx, blocks, authority=court, addressee=PROVIDER_BR, signed=True, secrecy=secrecy)


# ------------------------------------------------------------------------ EPOC

EPOC_TEXT: dict[str, dict[str, Any]] = {
    "en": {
        "annex": "ANNEX I",
        "ireland": "Ireland",
        "title": "EUROPEAN PRODUCTION ORDER CERTIFICATE (EPOC)\nFOR THE PRODUCTION OF ELECTRONIC EVIDENCE",
        "reg": "Regulation (EU) 2023/1543 of the European Parliament and of the Council",
        "A": "SECTION A: Issuing State and issuing authority",
        "B": "SECTION B: Addressee",
        "C": "SECTION C: Deadline",
        "D": "SECTION D: Categories of data to be produced",
        "E": "SECTION E: Users and identifiers",
        "F": "SECTION F: Time range",
        "G": "SECTION G: Offence",
        "H": "SECTION H: Confidentiality (Article 13)",
        "I": "SECTION I: Signature of the issuing or validating authority",
        "state": "Issuing State",
        "authority": "Issuing authority",
        "file": "File number",
        "due": "The data shall be produced at the latest by {date} (10 days).",
        "cats": {
            "subscriber_info": "subscriber data",
            "ip_history": "data requested for the sole purpose of identifying the user (IP addresses and "
            "source ports)",
            "traffic": "traffic data",
            "content": "content data",
        },
        "range": "From {a} to {b}",
        "offence": "Fraud committed by means of an information system; maximum penalty: 6 years' "
        "imprisonment.",
        "secret": "The addressee shall not inform the person whose data are sought of this order for {n} "
        "days from the date of issue, as the issuing authority has delayed informing that person under "
        "Article 13.",
        "open": "The addressee shall not inform the person whose data are sought until the issuing authority "
        "informs it that the confidentiality requirement has ended (Article 13).",
        "none": "No delay of user information.",
        "place": "Date",
        "validated": "Validated by the investigating judge",
    },
    "fr": {
        "annex": "ANNEXE I",
        "ireland": "Irlande",
        "title": "CERTIFICAT D'INJONCTION EUROPÉENNE DE PRODUCTION (EPOC)\nAUX FINS DE LA PRODUCTION DE "
        "PREUVES ÉLECTRONIQUES",
        "reg": "Règlement (UE) 2023/1543 du Parlement européen et du Conseil",
        "A": "SECTION A : État d'émission et autorité d'émission",
        "B": "SECTION B : Destinataire",
        "C": "SECTION C : Délai",
        "D": "SECTION D : Catégories de données à produire",
        "E": "SECTION E : Utilisateurs et identifiants",
        "F": "SECTION F : Période",
        "G": "SECTION G : Infraction",
        "H": "SECTION H : Confidentialité (article 13)",
        "I": "SECTION I : Signature de l'autorité d'émission ou de validation",
        "state": "État d'émission",
        "authority": "Autorité d'émission",
        "file": "Numéro de dossier",
        "due": "Les données doivent être produites au plus tard le {date} (10 jours).",
        "cats": {
            "subscriber_info": "données relatives aux abonnés",
            "ip_history": "données demandées aux seules fins d'identifier l'utilisateur (adresses IP et "
            "ports sources)",
            "traffic": "données relatives au trafic",
            "content": "données relatives au contenu",
        },
        "range": "Du {a} au {b}",
        "offence": "Escroquerie commise au moyen d'un système d'information ; peine maximale : 5 ans "
        "d'emprisonnement.",
        "secret": "Le destinataire s'abstient d'informer la personne dont les données sont demandées "
        "pendant {n} jours à compter de la date d'émission, l'autorité d'émission ayant différé cette "
        "information (article 13).",
        "open": "Le destinataire s'abstient d'informer la personne concernée jusqu'à ce que l'autorité "
        "d'émission lui notifie la fin de l'obligation de confidentialité (article 13).",
        "none": "L'information de l'utilisateur n'est pas différée.",
        "place": "Date",
        "validated": "Validé par le juge d'instruction",
    },
    "de": {
        "annex": "ANHANG I",
        "ireland": "Irland",
        "title": "ZERTIFIKAT EINER EUROPÄISCHEN HERAUSGABEANORDNUNG (EPOC)\nZUR HERAUSGABE ELEKTRONISCHER "
        "BEWEISMITTEL",
        "reg": "Verordnung (EU) 2023/1543 des Europäischen Parlaments und des Rates",
        "A": "ABSCHNITT A: Anordnungsstaat und Anordnungsbehörde",
        "B": "ABSCHNITT B: Adressat",
        "C": "ABSCHNITT C: Frist",
        "D": "ABSCHNITT D: Herauszugebende Datenkategorien",
        "E": "ABSCHNITT E: Nutzer und Kennungen",
        "F": "ABSCHNITT F: Zeitraum",
        "G": "ABSCHNITT G: Straftat",
        "H": "ABSCHNITT H: Vertraulichkeit (Artikel 13)",
        "I": "ABSCHNITT I: Unterschrift der Anordnungs- oder Validierungsbehörde",
        "state": "Anordnungsstaat",
        "authority": "Anordnungsbehörde",
        "file": "Aktenzeichen",
        "due": "Die Daten sind spätestens bis zum {date} herauszugeben (10 Tage).",
        "cats": {
            "subscriber_info": "Teilnehmerdaten",
            "ip_history": "Daten, die nur zum Zweck der Identifizierung des Nutzers angefordert werden "
            "(IP-Adressen und Quellports)",
            "traffic": "Verkehrsdaten",
            "content": "Inhaltsdaten",
        },
        "range": "Vom {a} bis {b}",
        "offence": "Betrügerischer Datenverarbeitungsmissbrauch (§ 148a StGB); Höchststrafe: 5 Jahre "
        "Freiheitsstrafe.",
        "secret": "Der Adressat unterrichtet die Person, deren Daten angefordert werden, für die Dauer von "
        "{n} Tagen ab Ausstellung nicht, da die Anordnungsbehörde deren Unterrichtung aufgeschoben hat "
        "(Artikel 13).",
        "open": "Der Adressat unterrichtet die betroffene Person nicht, bis die Anordnungsbehörde ihm das "
        "Ende der Vertraulichkeitspflicht mitteilt (Artikel 13).",
        "none": "Die Unterrichtung des Nutzers wird nicht aufgeschoben.",
        "place": "Datum",
        "validated": "Genehmigt durch das Gericht",
    },
}

EPOC_STATES = {
    "NL": (
        "Netherlands",
        "Public Prosecution Service (Openbaar Ministerie), Rotterdam District Office",
        "en",
    ),
    "LU": ("Luxembourg", "Parquet du tribunal d'arrondissement de Luxembourg", "fr"),
    "AT": ("Österreich", "Staatsanwaltschaft Wien", "de"),
    "FR": ("France", "Parquet du tribunal judiciaire de Lille", "fr"),
    "DE": ("Deutschland", "Staatsanwaltschaft Frankfurt am Main", "de"),
}


def epoc(ctx: Ctx) -> Built:
    """A European Production Order certificate (Annex I form), in the issuing state's language."""
    t = EPOC_TEXT[ctx.lang]
    state, authority, _ = EPOC_STATES[ctx.country]
    issued = ctx.issue_date()
    ctx.due(10)
    start, end = ctx.span(issued)
    lang = ctx.lang
    blocks: list[Block] = [
        Paragraph(t["annex"], size=9, align="right"),
        Heading(t["title"], 12.5, space_after=2),
        Heading(t["reg"], 9.5, bold=False),
        Heading(t["A"], 10.5, align="left"),
        Table(
            [(t["state"], state), (t["authority"], authority), (t["file"], ctx.case_no("EPOC-2026-#####"))],
            split=0.3,
            size=10,
        ),
        Heading(t["B"], 10.5, align="left"),
        Paragraph(
            f"{PROVIDER_IE}, {PROVIDER_IE_ADDRESS.replace('Ireland', t['ireland'])}", size=10.5, align="left"
        ),
        Heading(t["C"], 10.5, align="left"),
        Paragraph(t["due"].format(date=ctx.date(ctx.facts["response_due"])), size=10.5),
        Heading(t["D"], 10.5, align="left"),
    ]
    chosen = ["subscriber_info", "ip_history"]
    if ctx.chance(0.5):
        chosen.append("traffic")
    if ctx.chance(0.5):
        chosen.append("content")
    for cat, label in t["cats"].items():
        mark = "[X]" if cat in chosen else "[\u00a0\u00a0\u00a0]"
        blocks.append(Paragraph(f"{mark}  {label}", size=10.5, indent=8, space_after=2))
        if cat in chosen:
            ctx.wants(cat)
    ctx.note("EPOC form: categories are the ticked boxes only")
    blocks.append(Heading(t["E"], 10.5, align="left"))
    label = {
        "en": LABEL,
        "fr": {
            "email": "Adresse électronique",
            "phone": "Numéro de téléphone",
            "account_id": "Identifiant de compte",
            "username": "Nom d'utilisateur",
            "ip": "Adresse IP",
            "gamertag": "Gamertag",
            "url": "URL",
        },
        "de": {
            "email": "E-Mail-Adresse",
            "phone": "Rufnummer",
            "account_id": "Konto-ID",
            "username": "Benutzername",
            "ip": "IP-Adresse",
            "gamertag": "Gamertag",
            "url": "URL",
        },
    }[lang]
    blocks += ctx.ident_table(
        _rows(
            ctx,
            ctx.pick(
                (["email"], ["email", "ip"], ["account_id", "email"], ["username", "phone"], ["ip", "ip"])
            ),
            label,
        )
    )
    blocks.append(Heading(t["F"], 10.5, align="left"))
    blocks.append(Paragraph(t["range"].format(a=ctx.date(start), b=ctx.date(end)), size=10.5))
    blocks.append(Heading(t["G"], 10.5, align="left"))
    blocks.append(Paragraph(t["offence"], size=10.5))
    blocks.append(Heading(t["H"], 10.5, align="left"))
    mode, n = ctx.gag(("days", "days", "open", "none"), (60, 90, 180))
    if n is not None:
        blocks.append(Paragraph(t["secret"].format(n=n), size=10.5))
        secrecy: dict[str, Any] | None = ctx.secrecy(n)
    elif mode == "open":
        blocks.append(Paragraph(t["open"], size=10.5))
        secrecy = ctx.secrecy(None)
    else:
        blocks.append(Paragraph(t["none"], size=10.5))
        secrecy = None
        ctx.note("Article 13 heading present but the box says no delay: no secrecy order")
    blocks.append(Heading(t["I"], 10.5, align="left"))
    blocks.append(Paragraph(f"{t['place']}: {ctx.date(issued)}", size=10.5, align="left"))
    sig, signed = ctx.signature(
        [ctx.full_name(lang), authority.split(",")[0]], signed=not ctx.has("unsigned")
    )
    blocks.append(sig)
    if "traffic" in chosen or "content" in chosen:
        blocks.append(Paragraph(f"{t['validated']}: {ctx.full_name(lang)}", size=9.5, italic=True))
    return finish(
        ctx,
        blocks,
        authority=authority,
        addressee=PROVIDER_IE,
        signed=signed,
        secrecy=secrecy,
        font="sans",
        footer="EPOC — {page}/{pages}",
    )
