"""Write the six synthetic scanned demands used for demos and manual testing.

    python -m tests.corpus.demo [OUTDIR]      # default: resources/samples

Every target is synthetic: example.com / example.net / example.org accounts,
555-01xx telephone numbers, documentation IP ranges (203.0.113.0/24,
198.51.100.0/24, 2001:db8::/32).  People and case numbers are invented; the
courts and statutes are real so the documents read like the real thing.  Dates
are set around 2026-11-28 so that the queue has something due soon, something
due today and something overdue.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from tests.corpus.scan import (
    Document,
    Heading,
    PageBreak,
    Paragraph,
    Rule,
    ScanSettings,
    Signature,
    Spacer,
    Stamp,
    Table,
    scan_document,
)

REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_OUTDIR = REPO_ROOT / "resources" / "samples"

PROVIDER_US = "Example Online Services LLC"
PROVIDER_US_ADDRESS = "500 Example Parkway, Redwood City, CA 94063"
PROVIDER_IE = "Example Online Services Ireland Ltd."
PROVIDER_IE_ADDRESS = "1 Example Quay, Grand Canal Dock, Dublin 2, Ireland"


def us_grand_jury_subpoena() -> tuple[Document, ScanSettings]:
    """Non-content records for two accounts, with a § 2705(b) gag of 180 days."""
    small = 9.5
    doc = Document(
        page_size="letter",
        font="serif",
        margin=50,
        pages=1,
        blocks=[
            Paragraph(
                "AO 110 (Rev. 06/09) Subpoena to Testify Before a Grand Jury",
                size=7.5,
                align="left",
                space_after=2,
            ),
            Heading("UNITED STATES DISTRICT COURT", 13, space_after=0),
            Heading("for the", 9, bold=False, space_after=0),
            Heading("Western District of Washington", 11.5, space_after=6),
            Heading("SUBPOENA TO TESTIFY BEFORE A GRAND JURY", 12, space_after=6),
            Table(
                [
                    (
                        "To:",
                        f"{PROVIDER_US}\nAttn: Custodian of Records, Legal Process Team\n"
                        f"{PROVIDER_US_ADDRESS}",
                    ),
                    ("Subpoena No.:", "GJ 2026R00871-0144 (Grand Jury 26-2)"),
                ],
                split=0.16,
                style="plain",
                size=small,
                space_after=4,
            ),
            Paragraph(
                "**YOU ARE COMMANDED** to appear in this United States district court at the "
                "time, date, and place shown below to testify before the court's grand jury. "
                "When you arrive, you must remain at the court until the judge or a court "
                "officer allows you to leave.",
                size=small,
            ),
            Table(
                [
                    (
                        "Place:",
                        "United States Courthouse, 700 Stewart Street, Seattle, WA 98101, "
                        "Grand Jury Room 12B",
                    ),
                    ("Date and Time:", "December 7, 2026, 9:00 a.m."),
                ],
                split=0.2,
                size=small,
                space_after=6,
            ),
            Paragraph(
                "You must also bring with you the following documents, electronically stored "
                "information, or objects: **See Attachment A below.** In lieu of appearance, "
                "the records may be produced on or before the date above to Special Agent "
                "Rachel M. Landers, Federal Bureau of Investigation, by secure e-mail to "
                "rlanders.gj@example.net, with a certificate of authenticity under "
                "Fed. R. Evid. 902(11).",
                size=small,
            ),
            Heading(
                "ATTACHMENT A — Records to Be Produced",
                10.5,
                align="left",
                space_before=2,
            ),
            Paragraph(
                "For each of the following accounts, for the period **January 1, 2026 through "
                "the date of this subpoena**, the records described in 18 U.S.C. § 2703(c)(2):",
                size=small,
                space_after=3,
            ),
            Table(
                [
                    ("Account 1", "harbor.lantern77@example.com"),
                    ("Account 2", "d.okafor.ventures@example.com"),
                ],
                split=0.2,
                size=small,
                space_after=4,
            ),
            *[
                Paragraph(text, size=small, bullet=f"{n}.", indent=8, space_after=1.5)
                for n, text in enumerate(
                    [
                        "Names, including subscriber names, user names and screen names;",
                        "Addresses, including mailing, residential and business addresses "
                        "and recovery e-mail addresses;",
                        "Records of session times and durations, and the temporarily assigned "
                        "network addresses (IPv4 and IPv6) associated with those sessions, "
                        "including the IP address used to create each account and every "
                        "log-in IP address with date, time and time zone;",
                        "Length of service (including start date) and types of service used;",
                        "Telephone or instrument numbers, including recovery and two-factor "
                        "telephone numbers;",
                        "Means and source of payment for such service, including any credit "
                        "card or bank account number.",
                    ],
                    start=1,
                )
            ],
            Paragraph(
                "This subpoena does not call for the contents of any communication.",
                size=small,
                italic=True,
                space_after=6,
            ),
            Heading(
                "NOTICE OF NON-DISCLOSURE ORDER — 18 U.S.C. § 2705(b)",
                10.5,
                align="left",
            ),
            Paragraph(
                "By order entered November 10, 2026 (Misc. No. 26-gj-0193), the Court "
                f"commanded that {PROVIDER_US} shall not notify any person, including the "
                "subscribers of the accounts listed above, of the existence of this subpoena "
                "for a period of **180 days** from the date of the order, except as needed to "
                "obtain legal advice. A copy of the order is enclosed.",
                size=small,
            ),
            Table(
                [
                    (
                        "Date: November 12, 2026",
                        "CLERK OF COURT\nBy: /s/ T. Nakagawa, Deputy Clerk",
                    )
                ],
                split=0.5,
                style="plain",
                bold_left=False,
                size=small,
                space_after=2,
            ),
            Paragraph(
                "The name, address, e-mail, and telephone number of the assistant United "
                "States attorney who requests this subpoena are:",
                size=small,
                space_after=0,
            ),
            Signature(
                [
                    "/s/ Daniel R. Whitcombe",
                    "Daniel R. Whitcombe, Assistant United States Attorney",
                    "700 Stewart Street, Suite 5220, Seattle, WA 98101",
                    "Tel. +1 (206) 555-0131 · daniel.whitcombe@example.net",
                ],
                size=small,
                space_before=2,
            ),
        ],
    )
    return doc, ScanSettings(dpi=200, seed=110, jpeg_quality=70)


def us_search_warrant() -> tuple[Document, ScanSettings]:
    """AO 93 warrant for mailbox and cloud content, with Attachments A and B."""
    body = 10.5
    account = "mariner.sloane@example.org"
    doc = Document(
        page_size="letter",
        font="serif",
        margin=60,
        footer="Page {page} of {pages}",
        pages=2,
        blocks=[
            Paragraph("AO 93 (Rev. 11/13) Search and Seizure Warrant", size=7.5, align="left"),
            Heading("UNITED STATES DISTRICT COURT", 13, space_after=0),
            Heading("for the", 9, bold=False, space_after=0),
            Heading("District of Colorado", 11.5, space_after=10),
            Table(
                [
                    (
                        "In the Matter of the Search of\n"
                        "INFORMATION ASSOCIATED WITH THE ACCOUNT "
                        f"{account.upper()} THAT IS STORED AT PREMISES CONTROLLED BY "
                        f"{PROVIDER_US.upper()}",
                        "\nCase No. 26-sw-00418-MEH",
                    )
                ],
                split=0.58,
                style="caption",
                size=10,
                space_after=10,
            ),
            Heading("SEARCH AND SEIZURE WARRANT", 13, space_after=8),
            Paragraph("To: Any authorized law enforcement officer", size=body, align="left"),
            Paragraph(
                "An application by a federal law enforcement officer or an attorney for the "
                "government requests the search of the following person or property located "
                "in the Northern District of California: **See Attachment A**, incorporated "
                "herein by reference.",
                size=body,
            ),
            Paragraph(
                "I find that the affidavit, or any recorded testimony, establishes probable "
                "cause to search and seize the person or property described above, and that "
                "such search will reveal: **See Attachment B**, incorporated herein by "
                "reference.",
                size=body,
            ),
            Paragraph(
                "**YOU ARE COMMANDED** to execute this warrant on or before "
                "**December 2, 2026** (not to exceed 14 days)\n"
                "[X] in the daytime 6:00 a.m. to 10:00 p.m.    [  ] at any time in the day "
                "or night because good cause has been established.",
                size=body,
            ),
            Paragraph(
                "Unless delayed notice is authorized below, you must give a copy of the "
                "warrant and a receipt for the property taken to the person from whom, or from "
                "whose premises, the property was taken, or leave the copy and receipt at the "
                "place where the property was taken.",
                size=body,
            ),
            Paragraph(
                "The officer executing this warrant, or an officer present during the execution "
                "of the warrant, must prepare an inventory as required by law and promptly "
                "return this warrant and inventory to the duty magistrate judge.",
                size=body,
            ),
            Paragraph(
                "Pursuant to 18 U.S.C. § 2703(g), the presence of an officer is not required "
                "for service or execution of this warrant, which may be served on the provider "
                "by electronic means.",
                size=body,
            ),
            Spacer(6),
            Table(
                [
                    ("Date and time issued:", "November 18, 2026     3:42 p.m."),
                    ("City and state:", "Denver, Colorado"),
                ],
                split=0.3,
                style="plain",
                size=body,
            ),
            Signature(
                [
                    "Judge's signature",
                    "Hon. Margaret E. Holloway, United States Magistrate Judge",
                ],
                squiggle=True,
                align="right",
                width=270,
                size=10,
            ),
            PageBreak(),
            Heading("ATTACHMENT A", 12, space_after=0),
            Heading("Property to Be Searched", 11, bold=False, space_after=8),
            Paragraph(
                f"This warrant applies to information associated with the account **{account}** "
                "(the \u201cAccount\u201d), including its associated cloud file storage, that "
                "is stored at premises owned, maintained, controlled, or operated by "
                f"{PROVIDER_US}, a company that accepts service of legal process at "
                f"{PROVIDER_US_ADDRESS}.",
                size=body,
                space_after=12,
            ),
            Heading("ATTACHMENT B", 12, space_after=0),
            Heading("Particular Things to Be Seized", 11, bold=False, space_after=8),
            Heading(
                f"I. Information to be disclosed by {PROVIDER_US} (the \u201cProvider\u201d)",
                10.5,
                align="left",
            ),
            Paragraph(
                "To the extent that the information described in Attachment A is within the "
                "possession, custody, or control of the Provider, regardless of whether it is "
                "stored within or outside the United States, and including any messages, "
                "records, files, logs, or information that have been deleted but are still "
                "available to the Provider, the Provider is required to disclose the following "
                "information for the period **March 1, 2026 through October 31, 2026**:",
                size=body,
            ),
            *[
                Paragraph(text, size=body, bullet=f"({letter})", indent=10, space_after=3)
                for letter, text in zip(
                    "abcd",
                    [
                        "The contents of all e-mails associated with the Account, including "
                        "stored or preserved copies of e-mails sent to and from the Account, "
                        "draft e-mails, the source and destination addresses associated with "
                        "each e-mail, the date and time at which each e-mail was sent, and "
                        "the size and length of each e-mail;",
                        "All files, documents, photographs and other content stored in the "
                        "Account's cloud storage, with folder structure, sharing settings, and "
                        "access and modification history;",
                        "All records regarding the identification of the Account, including "
                        "full name, physical address, telephone numbers, recovery e-mail "
                        "addresses, account creation date and IP address, log-in IP addresses "
                        "with dates and times, and means and source of payment;",
                        "All records of communications between the Provider and any person "
                        "regarding the Account, including contacts with support services.",
                    ],
                    strict=True,
                )
            ],
            Paragraph(
                "The Provider is hereby ordered to disclose the above information to the "
                "government within **14 days** of service of this warrant.",
                size=body,
                space_after=10,
            ),
            Heading("II. Information to be seized by the government", 10.5, align="left"),
            Paragraph(
                "All information described above in Section I that constitutes fruits, "
                "contraband, evidence and instrumentalities of violations of 18 U.S.C. "
                "§§ 1343 (wire fraud), 1349 (conspiracy) and 1956 (laundering of monetary "
                "instruments) involving the user of the Account since March 1, 2026, "
                "including: (a) communications with investors concerning the purported "
                "\u201cClearwater Yield Fund\u201d; (b) records of wire transfers, wallet "
                "addresses and bank accounts; and (c) evidence of how and when the Account "
                "was accessed, including from 203.0.113.77 and 2001:db8:4a1::1b.",
                size=body,
            ),
        ],
    )
    stamp = Stamp(
        lines=("RECEIVED", "NOV 19 2026", "LEGAL PROCESS UNIT"),
        center=(0.74, 0.08),
        width_in=2.3,
    )
    # Two dense pages at 300 dpi are expensive as JPEG; a softer, lighter scan
    # keeps the file near the size a real MFP would produce.
    settings = ScanSettings(
        dpi=300,
        seed=93,
        jpeg_quality=60,
        blur=1.8,
        ink=60,
        noise=6,
        paper_noise=0.8,
        stamp=stamp,
    )
    return doc, settings


def us_emergency_request() -> tuple[Document, ScanSettings]:
    """Faxed sheriff's emergency request: child abduction, signed in ink."""
    body = 9.5
    account = "trailhawk.88@example.com"
    doc = Document(
        page_size="letter",
        font="sans",
        margin=46,
        footer="LAW ENFORCEMENT SENSITIVE — Kestrel County Sheriff's Office",
        pages=1,
        blocks=[
            Paragraph(
                "NOV-28-2026 04:12   FROM: KCSO CID +1 406 555 0119   TO: +1 650 555 0100   P.001/001",
                size=8,
                face="mono",
                align="left",
                space_after=8,
            ),
            Heading("KESTREL COUNTY SHERIFF'S OFFICE", 16, space_after=0),
            Heading("Criminal Investigations Division", 10.5, bold=False, space_after=0),
            Heading(
                "1200 Courthouse Square · Kestrel Falls, MT 59870 · "
                "Tel. +1 (406) 555-0118 · Fax +1 (406) 555-0119",
                8.5,
                bold=False,
                space_after=3,
            ),
            Rule(thickness=1.4, double=True, space_after=6),
            Heading("EMERGENCY DISCLOSURE REQUEST", 13.5, space_after=0),
            Heading(
                "Voluntary disclosure under 18 U.S.C. § 2702(b)(8) and § 2702(c)(4)",
                9.5,
                bold=False,
                space_after=6,
            ),
            Table(
                [
                    ("To", f"{PROVIDER_US} — Law Enforcement Response (emergency line)"),
                    ("Date / time", "November 28, 2026, 04:10 MST"),
                    ("Requesting officer", "Detective Sergeant Aaron J. Pruett, Badge #2147"),
                    ("Call-back (24 h)", "+1 (406) 555-0163 · apruett.kcso@example.org"),
                    ("Agency case no.", "KCSO 26-118342"),
                    ("Account", f"{account} (recovery phone +1 406 555 0177)"),
                ],
                split=0.24,
                size=body,
                space_after=6,
            ),
            Heading("1. Nature of the emergency", 10.5, align="left", space_after=2),
            Paragraph(
                "At about 18:30 on November 27, 2026 a 9-year-old girl was taken from the "
                "parking lot of her elementary school in Kestrel Falls by an adult male "
                "(NCIC missing person record M-26-448213; AMBER Alert issued 21:05). The "
                "child's mother has identified the suspect as her former partner, who is "
                "subject to a protective order and has previously threatened to harm the "
                f"child. Since 22:40 the account {account} has sent the mother messages "
                "stating that she will \u201cnever see her again.\u201d The suspect is "
                "believed to be armed.",
                size=body,
            ),
            Heading(
                "2. Why there is a danger of death or serious physical injury",
                10.5,
                align="left",
                space_after=2,
            ),
            Paragraph(
                "The child is in the custody of an armed adult who has threatened her life, "
                "and his location is unknown. Every hour that passes widens the search area. "
                "There is no time to obtain a court order before the information is needed.",
                size=body,
            ),
            Heading(
                "3. Information requested (November 25, 2026 00:00 UTC to present)",
                10.5,
                align="left",
                space_after=2,
            ),
            *[
                Paragraph(text, size=body, bullet=f"({letter})", indent=6, space_after=1.5)
                for letter, text in zip(
                    "abcd",
                    [
                        "Subscriber information: name, recovery e-mail and telephone numbers, "
                        "account creation date;",
                        "All log-in and session IP addresses (IPv4 and IPv6) with date and "
                        "time in UTC, including the most recent session;",
                        "Device identifiers and the most recent location information held for the account;",
                        "Contents of messages sent from the account since November 27, 2026, 12:00 MST.",
                    ],
                    strict=True,
                )
            ],
            Heading("4. How the information will help", 10.5, align="left", space_after=2),
            Paragraph(
                "Current IP addresses and device location will identify the network the "
                "suspect is using and allow deputies to locate the child; subscriber details "
                "will confirm the suspect's identity and any lodging or vehicle he is using.",
                size=body,
            ),
            Paragraph(
                "I certify that the information in this request is true and correct to the "
                "best of my knowledge, and that the emergency described above involves danger "
                "of death or serious physical injury to a person requiring disclosure without "
                "delay. Legal process will follow where required.",
                size=body,
                italic=True,
                space_after=0,
            ),
            Signature(
                [
                    "Det. Sgt. Aaron J. Pruett, Badge #2147",
                    "Kestrel County Sheriff's Office",
                ],
                squiggle=True,
                size=body,
                width=230,
                space_before=0,
            ),
        ],
    )
    return doc, ScanSettings(dpi=200, seed=2702, noise=11, blur=1.5, jpeg_quality=68)


def de_court_order() -> tuple[Document, ScanSettings]:
    """Beschluss des Ermittlungsrichters: Bestands- und Nutzungsdaten eines Kontos."""
    body = 10.5
    account = "rheinhandel.k@example.net"
    doc = Document(
        page_size="a4",
        font="serif",
        margin=62,
        pages=1,
        blocks=[
            Table(
                [
                    (
                        "Amtsgericht Köln\n– Ermittlungsrichter –",
                        "Köln, 12.11.2026\nGeschäftsnummer: 502 Gs 1843/26\nStA Köln: 121 Js 5512/26",
                    )
                ],
                split=0.55,
                style="plain",
                size=10.5,
                space_after=10,
            ),
            Heading("Beschluss", 16, space_after=8),
            Paragraph("In dem Ermittlungsverfahren", size=body, align="left", space_after=2),
            Paragraph(
                f"gegen Unbekannt (Nutzer des Kontos {account})",
                size=body,
                bold=True,
                align="left",
                space_after=2,
            ),
            Paragraph(
                "wegen gewerbsmäßigen Betrugs (§ 263 Abs. 1, Abs. 3 Satz 2 Nr. 1 StGB)",
                size=body,
                align="left",
            ),
            Paragraph(
                "wird auf Antrag der Staatsanwaltschaft Köln vom 9. November 2026 gemäß "
                "§§ 100g Abs. 1 Satz 1 Nr. 1, 100j Abs. 1 Satz 1 und 2, 101a Abs. 1 StPO "
                "in Verbindung mit §§ 22, 24 TDDDG angeordnet:",
                size=body,
            ),
            Paragraph(
                f"Die {PROVIDER_IE}, {PROVIDER_IE_ADDRESS.replace('Ireland', 'Irland')}, hat "
                "der Staatsanwaltschaft Köln bzw. den von ihr beauftragten Beamten des "
                "Polizeipräsidiums Köln (KK 23) unverzüglich, spätestens bis zum "
                "**4. Dezember 2026**, Auskunft über die folgenden Daten zu erteilen:",
                size=body,
            ),
            Table(
                [
                    ("Nutzerkonto", account),
                    ("Zeitraum", "01.08.2026 bis 31.10.2026"),
                    (
                        "Übermittlung an",
                        "KK 23, Polizeipräsidium Köln, kk23.ermittlung@example.org",
                    ),
                ],
                split=0.25,
                size=10,
            ),
            Paragraph(
                "**Bestandsdaten:** Name, Anschrift, Geburtsdatum, hinterlegte E-Mail-Adressen "
                "und Telefonnummern, Datum und Uhrzeit der Kontoerstellung einschließlich der "
                "dabei verwendeten IP-Adresse, hinterlegte Zahlungsdaten;",
                size=body,
                bullet="1.",
                indent=6,
                space_after=3,
            ),
            Paragraph(
                "**Nutzungsdaten:** sämtliche IP-Adressen (IPv4 und IPv6) der Anmeldungen im "
                "genannten Zeitraum mit Datum, Uhrzeit und Zeitzone sowie, soweit gespeichert, "
                "Quellport.",
                size=body,
                bullet="2.",
                indent=6,
            ),
            Paragraph(
                "Inhalte von Kommunikation sind von dieser Anordnung nicht umfasst. Die "
                "Benachrichtigung der Betroffenen wird gemäß § 101 Abs. 5 StPO zurückgestellt; "
                "der Kontoinhaber ist über die Anordnung nicht zu unterrichten.",
                size=body,
            ),
            Heading("Gründe", 12, space_before=4),
            Paragraph(
                "Der unbekannte Nutzer des genannten Kontos ist verdächtig, von August bis "
                "Oktober 2026 über einen gefälschten Online-Shop in mindestens 37 Fällen "
                "Vorauszahlungen von insgesamt 48.210 EUR erlangt zu haben, ohne die angebotene "
                "Ware zu liefern. Das Konto wurde für die Kommunikation mit den Geschädigten "
                "genutzt; Zahlungsaufforderungen wurden unter anderem von der IP-Adresse "
                "198.51.100.23 versandt. Die Daten sind zur Ermittlung der Identität und des "
                "Aufenthaltsortes des Beschuldigten erforderlich. Andere, weniger "
                "einschneidende Ermittlungsansätze sind nicht ersichtlich; die Maßnahme steht "
                "in angemessenem Verhältnis zur Bedeutung der Sache.",
                size=body,
            ),
            Signature(
                ["Dr. Hartmann", "Richterin am Amtsgericht"],
                squiggle=True,
                size=body,
                width=190,
                space_before=0,
            ),
            Paragraph(
                "Ausgefertigt: Köln, 12.11.2026 — Schmitz, Justizbeschäftigte als "
                "Urkundsbeamtin der Geschäftsstelle",
                size=8.5,
                align="right",
            ),
        ],
    )
    seal = Stamp(
        lines=("AMTSGERICHT KÖLN", "Geschäftsstelle 502"),
        color=(86, 86, 86),
        center=(0.72, 0.81),
        width_in=1.9,
    )
    return doc, ScanSettings(dpi=300, seed=100, jpeg_quality=62, stamp=seal)


def ie_production_order() -> tuple[Document, ScanSettings]:
    """District Court order to produce mailbox content; due 17 November, so overdue."""
    body = 10.5
    account = "emerald.ledger.ops@example.org"
    doc = Document(
        page_size="a4",
        font="serif",
        margin=62,
        pages=1,
        blocks=[
            Heading("AN CHÚIRT DÚICHE", 10, bold=False, space_after=0),
            Heading("THE DISTRICT COURT", 14, space_after=0),
            Heading("Dublin Metropolitan District", 11, bold=False, space_after=8),
            Table(
                [("", "Record No. 2026/DS/04417")],
                split=0.62,
                style="plain",
                size=10,
                space_after=4,
            ),
            Heading(
                "CRIMINAL JUSTICE (THEFT AND FRAUD OFFENCES) ACT 2001 — SECTION 52",
                10.5,
                space_after=2,
            ),
            Heading("ORDER TO PRODUCE EVIDENTIAL MATERIAL", 13, space_after=10),
            Paragraph(
                "WHEREAS upon the sworn information of Detective Garda Ciarán Mulvey, a member "
                "of the Garda Síochána attached to the Garda National Economic Crime Bureau, "
                "Harcourt Square, Dublin 2, the Court is satisfied that there are reasonable "
                "grounds for suspecting that an offence under section 6 of the Criminal Justice "
                "(Theft and Fraud Offences) Act 2001 has been committed, and that "
                f"{PROVIDER_IE} has possession or control of material constituting evidence of "
                "the commission of that offence;",
                size=body,
            ),
            Paragraph(
                "AND WHEREAS the Court is satisfied that the material is likely to be of "
                "substantial value to the investigation and that it is in the public interest, "
                "having regard to the benefit likely to accrue to the investigation, that the "
                "material should be produced;",
                size=body,
            ),
            Paragraph(
                f"NOW THE COURT HEREBY ORDERS that **{PROVIDER_IE}**, having its registered "
                f"office at {PROVIDER_IE_ADDRESS}, shall produce the material described in the "
                "Schedule hereto to a member of the Garda Síochána for him or her to take away "
                "**within seven days** of the date of this Order.",
                size=body,
            ),
            Heading("SCHEDULE", 11.5, space_before=4),
            Paragraph(
                f"In respect of the account **{account}**, for the period 1 May 2026 to "
                "30 September 2026 inclusive:",
                size=body,
                space_after=3,
            ),
            *[
                Paragraph(text, size=body, bullet=f"({letter})", indent=8, space_after=3)
                for letter, text in zip(
                    "abc",
                    [
                        "the contents of all e-mail messages sent, received or stored, "
                        "including drafts and deleted items still retained, with full header "
                        "information and attachments;",
                        "all documents, images and other files stored in the account's cloud storage;",
                        "subscriber and registration details, and records of log-in IP "
                        "addresses with dates and times for the same period.",
                    ],
                    strict=True,
                )
            ],
            Paragraph(
                "Material in electronic form shall be produced in a form in which it is visible "
                "and legible and can be taken away. Failure without reasonable excuse to comply "
                "with this Order is an offence.",
                size=body,
                space_after=10,
            ),
            Paragraph("Dated this 10th day of November 2026", size=body, align="left"),
            Signature(
                ["Judge Niamh Corrigan", "Judge of the District Court"],
                squiggle=True,
                align="right",
                size=body,
                width=200,
                space_before=0,
            ),
            Spacer(8),
            Paragraph(
                f"To: {PROVIDER_IE}, and to each member of the Garda Síochána concerned.",
                size=9,
                align="left",
                space_after=2,
            ),
            Paragraph(
                "Reply to: Detective Garda Ciarán Mulvey, GNECB, gnecb.orders@example.org, "
                "quoting ref. GNECB/26/1187.",
                size=9,
                align="left",
            ),
        ],
    )
    stamp = Stamp(
        lines=("RECEIVED", "12 NOV 2026", "EOS IRELAND — LEGAL"),
        color=(34, 64, 168),
        center=(0.2, 0.1),
        width_in=2.1,
    )
    return doc, ScanSettings(dpi=240, seed=52, jpeg_quality=65, stamp=stamp)


def fr_requisition() -> tuple[Document, ScanSettings]:
    """Réquisition d'un OPJ en enquête préliminaire : données d'identification."""
    body = 10
    account = "atelier.lumiere75@example.com"
    doc = Document(
        page_size="a4",
        font="sans",
        margin=56,
        pages=1,
        blocks=[
            Table(
                [
                    (
                        "POLICE NATIONALE\nDirection interdépartementale de la police "
                        "nationale du Rhône\nSûreté départementale\n"
                        "Groupe d'enquêtes cybercriminalité",
                        "Affaire : Escroquerie en bande organisée\nPV n° 2026/018734\n"
                        "Réf. : SD69/GEC/26-4412\nCourriel : sd69-cyber@example.org",
                    )
                ],
                split=0.56,
                style="plain",
                size=9,
                space_after=12,
            ),
            Heading("RÉQUISITION JUDICIAIRE", 15, space_after=1),
            Heading(
                "Articles 60-1, 77-1-1 et 77-1-2 du code de procédure pénale",
                9.5,
                bold=False,
                space_after=12,
            ),
            Paragraph(
                "L'an deux mille vingt-six, le vingt-cinq novembre, à dix heures quinze,",
                size=body,
            ),
            Paragraph(
                "Nous, Julien MARCHETTI, Capitaine de police, Officier de police judiciaire en "
                "résidence à Lyon,",
                size=body,
            ),
            Paragraph(
                "Vu l'enquête préliminaire diligentée contre X du chef d'escroquerie en bande "
                "organisée, et l'autorisation de Monsieur le Procureur de la République près le "
                "tribunal judiciaire de Lyon en date du 21 novembre 2026,",
                size=body,
            ),
            Paragraph("**REQUÉRONS :**", size=body, space_after=4),
            Paragraph(
                f"la société **{PROVIDER_US}**, service des réquisitions judiciaires, "
                f"{PROVIDER_US_ADDRESS}, États-Unis,",
                size=body,
            ),
            Paragraph(
                f"de bien vouloir nous communiquer, concernant le compte **{account}**, les "
                "éléments suivants :",
                size=body,
                space_after=3,
            ),
            *[
                Paragraph(text, size=body, bullet="–", indent=12, space_after=2)
                for text in [
                    "l'identité déclarée du titulaire (nom, prénom, date de naissance), les "
                    "adresses postales et électroniques associées et les numéros de téléphone "
                    "de vérification ;",
                    "la date de création du compte et l'adresse IP utilisée lors de la création ;",
                    "les adresses IP de connexion (IPv4 et IPv6), avec date, heure et fuseau "
                    "horaire, pour la période du 1er septembre 2026 au 20 novembre 2026 ;",
                    "les moyens de paiement enregistrés sur le compte.",
                ]
            ],
            Spacer(4),
            Paragraph(
                "Les éléments pourront être transmis par voie électronique à l'adresse "
                "sd69-cyber@example.org. Délai de réponse : **au plus tard le 5 décembre "
                "2026**.",
                size=body,
            ),
            Paragraph(
                "Nous rappelons qu'en application de l'article 60-1 du code de procédure pénale, "
                "le fait de s'abstenir de répondre dans les meilleurs délais à la présente "
                "réquisition est puni d'une amende de 3 750 euros. Il vous est demandé de ne "
                "pas informer le titulaire du compte de la présente réquisition.",
                size=body,
            ),
            Spacer(6),
            Paragraph("Fait à Lyon, le 25 novembre 2026", size=body, align="right"),
            Signature(
                ["L'Officier de police judiciaire", "Capitaine Julien MARCHETTI"],
                squiggle=True,
                align="right",
                size=body,
                width=200,
                space_before=0,
            ),
        ],
    )
    cachet = Stamp(
        lines=("POLICE NATIONALE", "SÛRETÉ DÉPARTEMENTALE", "LYON"),
        color=(72, 72, 72),
        center=(0.33, 0.665),
        width_in=2.0,
    )
    return doc, ScanSettings(dpi=240, seed=601, jpeg_quality=65, stamp=cachet)


DEMANDS: dict[str, Callable[[], tuple[Document, ScanSettings]]] = {
    "us-grand-jury-subpoena.pdf": us_grand_jury_subpoena,
    "us-search-warrant.pdf": us_search_warrant,
    "us-emergency-request.pdf": us_emergency_request,
    "de-court-order.pdf": de_court_order,
    "ie-production-order.pdf": ie_production_order,
    "fr-requisition.pdf": fr_requisition,
}


def write_samples(outdir: Path) -> list[Path]:
    """Render every demo demand into ``outdir``; the paths written."""
    outdir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, make in DEMANDS.items():
        doc, settings = make()
        path = outdir / name
        path.write_bytes(scan_document(doc, settings))
        written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    outdir = Path(args[0]) if args else DEFAULT_OUTDIR
    for path in write_samples(outdir):
        print(f"{path}  {path.stat().st_size / 1024:.0f} KiB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
