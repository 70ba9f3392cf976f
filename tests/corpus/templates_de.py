"""German-language demands: Beschluss, Durchsuchungs- und Beschlagnahmebeschluss,
Auskunftsersuchen, Eilersuchen and a TCO-Entfernungsanordnung."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from tests.corpus.kit import PROVIDER_IE, PROVIDER_IE_ADDRESS, Built, Ctx, finish, words
from tests.corpus.phrases import NO_CONTENT, ask, finish_item, noncontent_mix
from tests.corpus.scan import Block, Heading, Paragraph, Rule, Spacer, Table

PROVIDER_DE = "Example Online Services Deutschland GmbH"
PROVIDER_DE_ADDRESS = "Beispielstraße 12, 80331 München"
IE_DE_ADDRESS = PROVIDER_IE_ADDRESS.replace("Ireland", "Irland")

COURTS = (
    ("Köln", "502 Gs", "121 Js"),
    ("Hamburg", "163 Gs", "6100 Js"),
    ("Frankfurt am Main", "931 Gs", "7410 Js"),
    ("Leipzig", "253 Gs", "608 Js"),
    ("Stuttgart", "28 Gs", "214 Js"),
    ("Bremen", "91 Gs", "330 Js"),
)
TATEN = (
    "wegen gewerbsmäßigen Betrugs (§ 263 Abs. 1, Abs. 3 Satz 2 Nr. 1 StGB)",
    "wegen Computerbetrugs (§ 263a StGB)",
    "wegen Bedrohung (§ 241 StGB) und Nachstellung (§ 238 StGB)",
    "wegen Ausspähens von Daten (§ 202a StGB)",
    "wegen Erpressung (§ 253 StGB)",
)
LABEL = {
    "email": "E-Mail-Adresse",
    "phone": "Rufnummer",
    "account_id": "Kundenkonto",
    "username": "Benutzername",
    "gamertag": "Gamertag",
    "ip": "IP-Adresse",
    "url": "URL",
}


def _rows(ctx: Ctx, kinds: list[str], *, redact: bool = False, split: bool = False) -> list[tuple[str, str]]:
    if redact and len(kinds) == 1:  # never black out the only target
        kinds = [*kinds, "phone" if kinds[0] == "email" else "email"]
    at = ctx.rng.randrange(len(kinds)) if redact else -1
    return [
        (LABEL[k], ctx.target(ctx.new_ident(k), redact=i == at, split=split and i == 0))
        for i, k in enumerate(kinds)
    ]


def _frist(ctx: Ctx) -> str:
    """A deadline, relative or absolute; the truth's response_due is set."""
    style = ctx.pick(("weeks", "days", "date", "date"))
    if style == "weeks":
        n = ctx.pick((1, 2))
        ctx.due(7 * n)
        ctx.note(
            f"deadline 'binnen {'einer Woche' if n == 1 else 'zwei Wochen'}' counted from the date issued"
        )
        return "binnen einer Woche" if n == 1 else "binnen zwei Wochen"
    if style == "days":
        n = ctx.pick((10, 14))
        ctx.due(n)
        return f"innerhalb von {words(n, 'de')} Tagen ab Erlass dieses Beschlusses"
    d = ctx.due(ctx.pick((10, 14, 21)))
    return f"bis spätestens {ctx.date(d, ctx.pick(('long', 'num')))}"


def _schweigen(ctx: Ctx, modes: tuple[str, ...]) -> tuple[list[Block], dict[str, Any] | None]:
    mode, days = ctx.gag(modes)
    if mode == "none":
        ctx.note("no secrecy order")
        return [], None
    if mode == "open":
        text = ctx.pick(
            (
                "Der Verpflichteten wird untersagt, den Kontoinhaber oder Dritte über diese Anordnung zu "
                "unterrichten, bis das Gericht etwas anderes bestimmt.",
                "Über die Anordnung und die Auskunftserteilung ist gegenüber dem Betroffenen und Dritten "
                "bis auf weitere Anordnung des Gerichts Stillschweigen zu wahren.",
            )
        )
        ctx.note("secrecy 'bis auf weitere Anordnung' / 'bis das Gericht etwas anderes bestimmt': open-ended")
        return [Paragraph(text, size=10.5)], ctx.secrecy(None)
    assert days is not None
    span = (
        "einem Jahr"
        if days == 365 and ctx.chance(0.5)
        else ctx.pick((f"{days} Tagen", f"{words(days, 'de')} Tagen"))
    )
    text = ctx.pick(
        (
            f"Der Verpflichteten wird untersagt, den Kontoinhaber oder Dritte für die Dauer von {span} ab "
            "Erlass dieses Beschlusses über die Anordnung zu unterrichten.",
            f"Über die Maßnahme ist gegenüber dem Betroffenen für einen Zeitraum von {span} ab dem Datum "
            "dieses Beschlusses Stillschweigen zu wahren.",
        )
    )
    if span == "einem Jahr":
        ctx.note("'einem Jahr' = 365 days")
    return [Paragraph(text, size=10.5)], ctx.secrecy(days)


# ------------------------------------------------------------------------ Beschluss


def beschluss(ctx: Ctx) -> Built:
    city, gs, js = ctx.pick(COURTS)
    issued = ctx.issue_date()
    start, end = ctx.span(issued)
    az = f"{gs} {ctx.rng.randint(100, 4999)}/26"
    sta = f"{js} {ctx.rng.randint(100, 9999)}/26"
    antrag = issued - timedelta(days=ctx.rng.randint(2, 9))
    blocks: list[Block] = [
        Table(
            [
                (
                    f"Amtsgericht {city}\n– Ermittlungsrichter –",
                    f"{city}, {ctx.date(issued, 'num')}\nGeschäftsnummer: {az}\nStA {city}: {sta}",
                )
            ],
            split=0.55,
            style="plain",
            size=10.5,
        )
        if ctx.chance(0.6)
        else Heading(f"AMTSGERICHT {city.upper()}", 13),
    ]
    if not isinstance(blocks[0], Table):
        blocks.append(Paragraph(f"Az.: {az}", size=10, align="right"))
    blocks.append(Heading("Beschluss", 16))
    kinds = ctx.pick(
        (["email"], ["email", "phone"], ["username", "email"], ["account_id", "email"], ["gamertag", "ip"])
    )
    first = ctx.new_ident(kinds[0])
    first_text = ctx.target(first, split=ctx.has("split"))
    blocks.append(Paragraph("In dem Ermittlungsverfahren", size=10.5, align="left", space_after=2))
    blocks.append(
        Paragraph(
            f"gegen Unbekannt (Nutzer des Kontos {first_text})",
            size=10.5,
            bold=True,
            align="left",
            space_after=2,
        )
    )
    blocks.append(Paragraph(ctx.pick(TATEN), size=10.5, align="left"))
    law = ctx.pick(
        (
            "§§ 100g Abs. 1 Satz 1 Nr. 1, 100j Abs. 1 Satz 1 und 2, 101a Abs. 1 StPO",
            "§§ 100k Abs. 1, 100j Abs. 1 StPO in Verbindung mit §§ 22, 24 TDDDG",
            "§§ 100g, 100k, 101a StPO",
        )
    )
    frist = _frist(ctx)
    blocks.append(
        Paragraph(
            f"wird auf Antrag der Staatsanwaltschaft {city} vom {ctx.date(antrag)} gemäß {law} angeordnet:",
            size=10.5,
        )
    )
    ctx.note("the prosecutor's application date is not the date issued")
    addressee, address = ctx.pick(((PROVIDER_IE, IE_DE_ADDRESS), (PROVIDER_DE, PROVIDER_DE_ADDRESS)))
    blocks.append(
        Paragraph(
            f"Die {addressee}, {address}, hat der Staatsanwaltschaft {city} bzw. den von ihr beauftragten "
            f"Beamten {frist} Auskunft über die folgenden Daten zu erteilen:",
            size=10.5,
        )
    )
    rows = [(LABEL[first.kind], first.printed)] + _rows(ctx, kinds[1:], redact=ctx.has("redact"))
    rows.append(("Zeitraum", f"{ctx.date(start, 'num')} bis {ctx.date(end, 'num')}"))
    blocks.append(Table(rows, split=0.28, size=10))
    cats = noncontent_mix(ctx, traffic=0.5)
    blocks += ctx.bullets(finish_item(ask(ctx, cats), "de"), style=ctx.pick(("num", "alpha")))
    blocks.append(Paragraph(ctx.pick(NO_CONTENT["de"]), size=10.5))
    secrecy_blocks, secrecy = _schweigen(ctx, ("days", "days", "open", "none"))
    blocks += secrecy_blocks
    blocks.append(Heading("Gründe", 12, space_before=4))
    blocks.append(
        Paragraph(
            "Der unbekannte Nutzer des genannten Kontos ist verdächtig, die im Rubrum bezeichnete Tat "
            "begangen zu haben. Das Konto wurde zur Kontaktaufnahme mit den Geschädigten genutzt. Die "
            "Daten sind zur Ermittlung der Identität und des Aufenthaltsortes des Beschuldigten "
            "erforderlich; mildere Mittel sind nicht ersichtlich. Die Maßnahme steht in angemessenem "
            "Verhältnis zur Bedeutung der Sache.",
            size=10.5,
        )
    )
    if ctx.chance(0.5):
        blocks.append(
            Paragraph(
                "Gegen diesen Beschluss ist die Beschwerde statthaft (§ 304 StPO).", size=9.5, italic=True
            )
        )
    if ctx.chance(0.3) and not ctx.has("unsigned"):
        blocks.append(Paragraph(f"gez. {ctx.person()[1]}\nRichter am Amtsgericht", size=10.5, align="left"))
        ctx.note("'gez.' (signed in the original) counts as signed")
        signed = True
    else:
        sig, signed = ctx.signature(
            [
                ctx.pick(("Dr. ", "")) + ctx.person()[1],
                ctx.pick(("Richterin am Amtsgericht", "Richter am Amtsgericht")),
            ],
            signed=not ctx.has("unsigned"),
            esign=False,
        )
        blocks.append(sig)
    if ctx.chance(0.5):
        blocks.append(
            Paragraph(
                f"Ausgefertigt: {city}, {ctx.date(issued, 'num')} — {ctx.person()[1]}, Justizbeschäftigte "
                "als Urkundsbeamtin der Geschäftsstelle",
                size=8.5,
                align="right",
            )
        )
    return finish(
        ctx, blocks, authority=f"Amtsgericht {city}", addressee=addressee, signed=signed, secrecy=secrecy
    )


# ------------------------------------------------------------ Durchsuchungsbeschluss


def durchsuchungsbeschluss(ctx: Ctx) -> Built:
    city, gs, js = ctx.pick(COURTS)
    issued = ctx.issue_date()
    start, end = ctx.span(issued)
    blocks: list[Block] = [
        Heading(f"Amtsgericht {city}", 13, align="left", space_after=0),
        Paragraph(
            f"Geschäftsnummer {gs} {ctx.rng.randint(100, 4999)}/26 · {ctx.date(issued)}",
            size=10,
            align="left",
        ),
        Rule(0.8),
        Heading("Durchsuchungs- und Beschlagnahmebeschluss", 15),
        Paragraph(f"In dem Ermittlungsverfahren gegen {ctx.full_name()} {ctx.pick(TATEN)}", size=10.5),
        Paragraph(
            "wird gemäß §§ 94, 98, 99, 102, 105 Abs. 1, 162 StPO die Durchsuchung der Geschäftsräume und "
            f"Datenverarbeitungsanlagen der {PROVIDER_DE}, {PROVIDER_DE_ADDRESS}, nach den nachstehend "
            "bezeichneten Daten sowie deren Beschlagnahme angeordnet.",
            size=10.5,
        ),
        Heading("Zu beschlagnahmende Daten", 11.5, align="left"),
    ]
    kinds = ctx.pick((["email"], ["email", "account_id"], ["email", "phone"]))
    blocks.append(Table(_rows(ctx, kinds, redact=ctx.has("redact")), split=0.3, size=10))
    blocks.append(Paragraph(f"für den Zeitraum vom {ctx.date(start)} bis zum {ctx.date(end)}:", size=10.5))
    cats = ["content", "subscriber_info"] + (["ip_history"] if ctx.chance(0.7) else [])
    blocks += ctx.bullets(finish_item(ask(ctx, cats), "de"))
    frist = _frist(ctx)
    blocks.append(
        Paragraph(
            "**Abwendungsbefugnis:** Die Vollstreckung der Durchsuchung kann dadurch abgewendet werden, "
            f"dass die Betroffene die genannten Daten {frist} auf einem Datenträger oder auf gesichertem "
            "elektronischem Weg an die ermittelnde Dienststelle herausgibt.",
            size=10.5,
        )
    )
    ctx.note("response_due is the deadline for handing over the data to avert the search")
    secrecy_blocks, secrecy = _schweigen(ctx, ("days", "open", "none"))
    blocks += secrecy_blocks
    blocks.append(Heading("Gründe", 12))
    blocks.append(
        Paragraph(
            "Aufgrund der bisherigen Ermittlungen besteht der Verdacht, dass der Beschuldigte das genannte "
            "Postfach zur Tatbegehung genutzt hat. Es ist zu erwarten, dass die Durchsuchung zum Auffinden "
            "von Beweismitteln führen wird, namentlich der dort gespeicherten Nachrichten. Die Anordnung "
            "ist verhältnismäßig.",
            size=10.5,
        )
    )
    sig, signed = ctx.signature(
        [f"{ctx.person()[1]}", "Richter am Amtsgericht"], signed=not ctx.has("unsigned"), esign=False
    )
    blocks.append(sig)
    blocks.append(
        Paragraph(
            f"Ermittelnde Dienststelle: Polizeipräsidium {city}, K 24, Tel. {ctx.contact_phone()}, "
            f"{ctx.contact_email()}",
            size=9,
        )
    )
    return finish(
        ctx,
        blocks,
        authority=f"Amtsgericht {city}",
        addressee=PROVIDER_DE,
        signed=signed,
        secrecy=secrecy,
        footer=ctx.pick((None, "Seite {page} von {pages}")),
    )


# --------------------------------------------------------------- Auskunftsersuchen


def auskunftsersuchen(ctx: Ctx) -> Built:
    city, _, js = ctx.pick(COURTS)
    issued = ctx.issue_date()
    officer = f"{ctx.pick(('KOK', 'KHK', 'KK', 'POK'))} {ctx.full_name()}"
    blocks: list[Block] = [
        Table(
            [
                (
                    f"Polizeipräsidium {city}\nKriminalinspektion 5 – Cybercrime",
                    f"Sachbearbeiter: {officer}\nTel.: {ctx.contact_phone()}\nE-Mail: "
                    f"{ctx.contact_email()}\nDatum: {ctx.date(issued, ctx.pick(('num', 'long')))}",
                )
            ],
            split=0.5,
            style="plain",
            size=9.5,
        ),
        Spacer(8),
        Paragraph(f"{PROVIDER_IE}\nLaw Enforcement Response Team\n{IE_DE_ADDRESS}", size=10.5, align="left"),
        Spacer(6),
        Paragraph(
            "**Auskunftsersuchen nach § 100j Abs. 1 Satz 1 und 2 StPO i. V. m. § 22 Abs. 1 "
            f"TDDDG**\nErmittlungsverfahren der StA {city}, Az. {js} {ctx.rng.randint(100, 9999)}/26 "
            f"{ctx.pick(TATEN)}",
            size=10.5,
            align="left",
        ),
        Paragraph("Sehr geehrte Damen und Herren,", size=10.5, align="left"),
        Paragraph(
            "im oben genannten Ermittlungsverfahren bitte ich um Auskunft über die Bestandsdaten des "
            "Nutzers, dem die nachfolgend aufgeführten IP-Adressen zu den angegebenen Zeitpunkten "
            "zugeordnet waren:",
            size=10.5,
        ),
    ]
    rows = []
    for _ in range(ctx.rng.randint(1, 3)):
        ip = ctx.new_ip(ctx.chance(0.4))
        when = issued - timedelta(days=ctx.rng.randint(5, 40))
        rows.append(
            (
                ctx.target(ip),
                f"{ctx.date(when, 'num')}, "
                f"{ctx.rng.randint(0, 23):02d}:{ctx.rng.randint(0, 59):02d}:{ctx.rng.randint(0, 59):02d} "
                "Uhr (MEZ)",
            )
        )
    blocks.append(Table([("IP-Adresse", "Zeitpunkt")] + rows, split=0.45, size=10))
    if ctx.chance(0.5):
        acct = ctx.new_ident(ctx.pick(("email", "username")))
        blocks.append(Paragraph(f"Die Zugriffe erfolgten auf das Konto {ctx.target(acct)}.", size=10.5))
    ctx.wants("subscriber_info")
    blocks.append(
        Paragraph(
            "Benötigt werden Name, Anschrift, Geburtsdatum und hinterlegte Kontaktdaten des Kontoinhabers. "
            + ctx.pick(NO_CONTENT["de"]),
            size=10.5,
        )
    )
    frist = _frist(ctx).replace("ab Erlass dieses Beschlusses", "ab dem Datum dieses Schreibens")
    blocks.append(Paragraph(f"Ich bitte um Beantwortung {frist}.", size=10.5))
    if ctx.chance(0.5):
        blocks.append(
            Paragraph(
                "Von einer Unterrichtung des Kontoinhabers bitte ich abzusehen, um den Ermittlungserfolg "
                "nicht zu gefährden.",
                size=10.5,
            )
        )
        ctx.note("a plea not to inform the user, not an order: no secrecy order")
    blocks.append(Paragraph("Mit freundlichen Grüßen\nIm Auftrag", size=10.5, align="left"))
    if ctx.has("unsigned"):
        blocks.append(
            Paragraph(
                f"{officer}\n\nDieses Schreiben wurde elektronisch erstellt und ist ohne Unterschrift "
                "gültig.",
                size=10,
                align="left",
            )
        )
        ctx.note("'ohne Unterschrift gültig': unsigned")
        signed = False
    else:
        sig, signed = ctx.signature([officer, "Kriminalpolizei"], signed=True)
        blocks.append(sig)
    return finish(
        ctx, blocks, authority=f"Polizeipräsidium {city}", addressee=PROVIDER_IE, signed=signed, font="sans"
    )


# --------------------------------------------------------------------- Eilersuchen


def eilersuchen(ctx: Ctx) -> Built:
    issued = ctx.issue_date()
    land = ctx.pick(
        ("Landeskriminalamt Berlin", "Landeskriminalamt Niedersachsen", "Polizeipräsidium Mittelfranken")
    )
    officer = f"{ctx.pick(('KHK', 'EKHK', 'KOK'))} {ctx.full_name()}"
    blocks: list[Block] = [
        Heading(land.upper(), 14, space_after=0),
        Heading("Lagezentrum — rund um die Uhr erreichbar", 9.5, bold=False),
        Rule(1.4, double=True),
        Heading("EILT SEHR! Gefahr für Leib oder Leben", 14, space_after=0),
        Heading("Notfallersuchen (Emergency Disclosure Request)", 11, bold=False),
        Table(
            [
                ("An", f"{PROVIDER_IE} – Emergency Response"),
                ("Datum", ctx.date(issued)),
                ("Ansprechpartner", officer),
                ("Rückruf", ctx.contact_phone()),
                ("E-Mail", ctx.contact_email()),
            ],
            split=0.28,
            size=10,
        ),
        Paragraph(
            ctx.pick(
                (
                    "Über das nachstehende Konto wurde heute eine Nachricht verbreitet, in der die "
                    "Verfasserin ihren Suizid für die kommende Nacht ankündigt. Ihr Aufenthaltsort ist "
                    "unbekannt; eine Ortung des Mobiltelefons war erfolglos.",
                    "Der Nutzer des nachstehenden Kontos hat angekündigt, an seiner früheren Schule "
                    "Menschen zu töten, und Bilder von Schusswaffen veröffentlicht. Identität und "
                    "Aufenthaltsort sind unbekannt.",
                )
            ),
            size=10.5,
        ),
        Paragraph(
            "Es besteht eine gegenwärtige Gefahr für Leib oder Leben. Ein richterlicher Beschluss kann "
            "nicht rechtzeitig erwirkt werden.",
            size=10.5,
        ),
        Heading("Betroffenes Konto", 11, align="left"),
    ]
    kinds = ctx.pick((["email"], ["email", "username"], ["gamertag", "email"]))
    lines = []
    for k in kinds:
        ident = ctx.new_ident(k)
        lines.append(f"{LABEL[k]}: {ctx.target(ident, obfuscate=ctx.has('obfuscate') and k == 'email')}")
    blocks.append(Paragraph("\n".join(lines), size=10.5, indent=12))
    start, end = ctx.span(issued, to_issue=True)
    blocks.append(Heading("Erbetene Daten", 11, align="left"))
    blocks.append(Paragraph(f"Zeitraum: {ctx.date(start, 'num')} bis {ctx.date(end, 'num')}", size=10.5))
    cats = ["subscriber_info", "ip_history"] + (["other"] if ctx.chance(0.5) else [])
    blocks += ctx.bullets(finish_item(ask(ctx, cats), "de"))
    blocks.append(Paragraph("Um sofortige telefonische Rückmeldung wird gebeten.", size=10.5, bold=True))
    ctx.note("no response date ('sofort')")
    sig, signed = ctx.signature([officer, land], signed=not ctx.has("unsigned"))
    blocks.append(sig)
    return finish(
        ctx, blocks, authority=land, addressee=PROVIDER_IE, signed=signed, emergency=True, font="sans"
    )


# ----------------------------------------------------- TCO removal order (no data)


def entfernungsanordnung(ctx: Ctx) -> Built:
    issued = ctx.issue_date()
    blocks: list[Block] = [
        Heading("Bundeskriminalamt", 14, align="left", space_after=0),
        Paragraph(
            f"Referat ST 14 — Internetauswertung · 65173 Wiesbaden · Tel. {ctx.contact_phone()}",
            size=9,
            align="left",
        ),
        Rule(1),
        Paragraph(f"Wiesbaden, {ctx.date(issued)}", size=10.5, align="right"),
        Paragraph(f"{PROVIDER_IE}\n{IE_DE_ADDRESS}", size=10.5, align="left"),
        Heading("Entfernungsanordnung", 15, space_after=0),
        Heading("gemäß Artikel 3 der Verordnung (EU) 2021/784 (TCO-Verordnung)", 10.5, bold=False),
        Paragraph(
            "Die nachstehend bezeichneten Inhalte sind terroristische Inhalte im Sinne von Artikel 2 Nr. 7 "
            "der Verordnung. Sie werden hiermit angewiesen, diese Inhalte binnen einer Stunde nach Erhalt "
            "dieser Anordnung in allen Mitgliedstaaten zu entfernen oder den Zugang zu ihnen zu sperren.",
            size=10.5,
        ),
    ]
    ctx.note(
        "removal order: demands no customer data; the one-hour removal deadline runs from receipt, so no "
        "response_due"
    )
    rows = [
        (
            f"Inhalt {i + 1}",
            ctx.target(ctx.new_url(ctx.pick(("post", "file"))), split=ctx.has("split") and i == 0),
        )
        for i in range(ctx.rng.randint(2, 3))
    ]
    blocks += ctx.ident_table(rows)
    blocks.append(
        Paragraph(
            "Gemäß Artikel 6 der Verordnung sind die entfernten Inhalte und die damit zusammenhängenden "
            "Daten sechs Monate lang aufzubewahren. Eine Herausgabe von Nutzerdaten wird mit dieser "
            "Anordnung nicht verlangt.",
            size=10.5,
        )
    )
    ctx.note("Article 6 retention of removed content is not a request for data")
    blocks.append(
        Paragraph(
            "Rechtsbehelfsbelehrung: Gegen diese Anordnung kann innerhalb eines Monats nach Bekanntgabe "
            "Klage beim Verwaltungsgericht Wiesbaden erhoben werden.",
            size=9.5,
            italic=True,
        )
    )
    sig, signed = ctx.signature(
        [ctx.full_name(), "Kriminaldirektorin" if ctx.chance(0.5) else "Kriminaldirektor"],
        signed=not ctx.has("unsigned"),
    )
    blocks.append(sig)
    return finish(ctx, blocks, authority="Bundeskriminalamt", addressee=PROVIDER_IE, signed=signed)
