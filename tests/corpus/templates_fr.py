"""French-language demands: réquisitions judiciaires, an ordonnance du JLD, a réquisition
de conservation and a demande de retrait (the Luxembourg EPOC is in templates_intl)."""

from __future__ import annotations

from datetime import date
from typing import Any

from tests.corpus.kit import (
    MONTHS,
    PROVIDER_IE,
    PROVIDER_IE_ADDRESS,
    PROVIDER_US,
    PROVIDER_US_ADDRESS,
    Built,
    Ctx,
    finish,
    words,
)
from tests.corpus.phrases import NO_CONTENT, ask, finish_item, noncontent_mix
from tests.corpus.scan import Block, Heading, Paragraph, Rule, Spacer, Table

IE_FR_ADDRESS = PROVIDER_IE_ADDRESS.replace("Ireland", "Irlande")
US_FR_ADDRESS = PROVIDER_US_ADDRESS.replace("USA", "États-Unis")
VILLES = ("Lyon", "Marseille", "Lille", "Bordeaux", "Nantes", "Toulouse", "Rennes", "Strasbourg")
INFRACTIONS = (
    "escroquerie en bande organisée",
    "harcèlement moral en ligne",
    "extorsion",
    "accès frauduleux à un système de traitement automatisé de données",
    "menaces de mort réitérées",
)
_JOURS = (
    "premier deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze seize dix-sept "
    "dix-huit dix-neuf vingt vingt-et-un vingt-deux vingt-trois vingt-quatre vingt-cinq vingt-six "
    "vingt-sept vingt-huit vingt-neuf trente trente-et-un"
).split()
LABEL = {
    "email": "Adresse électronique",
    "phone": "Numéro de téléphone",
    "account_id": "Identifiant du compte",
    "username": "Pseudonyme",
    "gamertag": "Gamertag",
    "ip": "Adresse IP",
    "url": "Adresse URL",
}


def de(noun: str) -> str:
    """'de' with elision: 'd'escroquerie', 'de harcèlement'."""
    return f"d'{noun}" if noun[0] in "aeiouéèêh" and not noun.startswith("harc") else f"de {noun}"


def en_lettres(d: date) -> str:
    """'L'an deux mille vingt-six, le deux mars' (procès-verbal style)."""
    return f"L'an deux mille vingt-six, le {_JOURS[d.day - 1]} {MONTHS['fr'][d.month - 1]}"


def _rows(ctx: Ctx, kinds: list[str], *, redact: bool = False) -> list[tuple[str, str]]:
    if redact and len(kinds) == 1:  # never black out the only target
        kinds = [*kinds, "phone" if kinds[0] == "email" else "email"]
    at = ctx.rng.randrange(len(kinds)) if redact else -1
    return [(LABEL[k], ctx.target(ctx.new_ident(k), redact=i == at)) for i, k in enumerate(kinds)]


def _delai(ctx: Ctx) -> str:
    style = ctx.pick(("sous", "delai", "date"))
    if style == "sous":
        n = ctx.pick((8, 10, 15))
        ctx.due(n)
        ctx.note(f"'sous {n} jours' counted from the date issued")
        return f"sous {n} jours"
    if style == "delai":
        n = ctx.pick((10, 15, 30))
        ctx.due(n)
        return f"dans un délai de {words(n, 'fr')} jours à compter de la présente"
    d = ctx.due(ctx.pick((10, 14, 20)))
    return ctx.pick(("au plus tard le ", "avant le ")) + ctx.date(d)


def _secret(ctx: Ctx, modes: tuple[str, ...]) -> tuple[list[Block], dict[str, Any] | None]:
    mode, n = ctx.gag(modes)
    if mode == "none":
        ctx.note("no secrecy order")
        return [], None
    if mode == "request":
        ctx.note("'il vous est demandé de ne pas informer' is a request, not an order: no secrecy order")
        return [
            Paragraph(
                "Il vous est demandé de ne pas informer le titulaire du compte de la présente demande.",
                size=10.5,
            )
        ], None
    if mode == "open":
        ctx.note("secret de l'enquête (article 11 CPP) with no end date: open-ended")
        return [
            Paragraph(
                "En application de l'article 11 du code de procédure pénale, vous êtes tenu au secret de "
                "l'enquête : il vous est interdit de révéler l'existence de la présente mesure au "
                "titulaire du compte ou à tout tiers.",
                size=10.5,
            )
        ], ctx.secrecy(None)
    assert n is not None
    span = "un an" if n == 365 and ctx.chance(0.6) else f"{words(n, 'fr')} ({n}) jours"
    if span == "un an":
        ctx.note("'un an' = 365 days")
    return [
        Paragraph(
            "Il vous est fait interdiction d'informer le titulaire du compte ou tout tiers de l'existence "
            f"de la présente pendant une durée de {span} à compter de sa date.",
            size=10.5,
        )
    ], ctx.secrecy(n)


# ------------------------------------------------------------------- réquisition


def requisition(ctx: Ctx) -> Built:
    ville = ctx.pick(VILLES)
    issued = ctx.issue_date()
    start, end = ctx.span(issued)
    style = ctx.pick(("police", "gendarmerie", "parquet"))
    if style == "police":
        authority = f"Police nationale — Sûreté départementale de {ville}"
        officer = f"Capitaine de police {ctx.full_name()}"
        head = Table(
            [
                (
                    "POLICE NATIONALE\nDirection interdépartementale de la police nationale\nSûreté "
                    f"départementale de {ville}",
                    f"PV n° 2026/{ctx.rng.randint(10000, 99999)}\nCourriel : {ctx.contact_email()}\nTél. : "
                    f"{ctx.contact_phone()}",
                )
            ],
            split=0.56,
            style="plain",
            size=9.5,
        )
        law = "Articles 60-1, 77-1-1 et 77-1-2 du code de procédure pénale"
    elif style == "gendarmerie":
        authority = f"Gendarmerie nationale — Brigade de recherches de {ville}"
        officer = f"Adjudant-chef {ctx.full_name()}"
        head = Table(
            [
                (
                    "GENDARMERIE NATIONALE\nGroupement de gendarmerie départementale\nBrigade de "
                    f"recherches de {ville}",
                    f"Procédure n° {ctx.rng.randint(1000, 9999)}/2026\nTél. : {ctx.contact_phone()}",
                )
            ],
            split=0.56,
            style="plain",
            size=9.5,
        )
        law = "Article 77-1-1 du code de procédure pénale (enquête préliminaire)"
    else:
        authority = f"Parquet du tribunal judiciaire de {ville}"
        officer = ctx.full_name()
        head = Table(
            [
                (
                    f"TRIBUNAL JUDICIAIRE DE {ville.upper()}\nParquet du Procureur de la République",
                    "N° parquet : "
                    f"26{ctx.rng.randint(100, 365)}{ctx.rng.randint(10000, 99999)}\nSecrétariat : "
                    f"{ctx.contact_phone()}",
                )
            ],
            split=0.56,
            style="plain",
            size=9.5,
        )
        law = "Article 77-1-1 du code de procédure pénale"
    blocks: list[Block] = [
        head,
        Spacer(6),
        Heading("RÉQUISITION JUDICIAIRE", 15, space_after=1),
        Heading(law, 9.5, bold=False),
    ]
    if style != "parquet":
        blocks.append(Paragraph(f"{en_lettres(issued)},", size=10.5))
        ctx.note("the date is also written out in words (procès-verbal style)")
        blocks.append(
            Paragraph(f"Nous, {officer}, officier de police judiciaire en résidence à {ville},", size=10.5)
        )
        blocks.append(
            Paragraph(
                f"Vu l'enquête préliminaire diligentée du chef {de(ctx.pick(INFRACTIONS))}, et "
                f"l'autorisation du procureur de la République près le tribunal judiciaire de {ville},",
                size=10.5,
            )
        )
        blocks.append(Paragraph("**REQUÉRONS :**", size=10.5))
    else:
        blocks.append(
            Paragraph(
                f"Le Procureur de la République près le tribunal judiciaire de {ville}, agissant dans le "
                f"cadre d'une enquête du chef {de(ctx.pick(INFRACTIONS))},",
                size=10.5,
            )
        )
        blocks.append(Paragraph("**REQUIERT :**", size=10.5))
    addressee, address = ctx.pick(((PROVIDER_US, US_FR_ADDRESS), (PROVIDER_IE, IE_FR_ADDRESS)))
    blocks.append(
        Paragraph(f"la société **{addressee}**, service des réquisitions judiciaires, {address},", size=10.5)
    )
    kinds = ctx.pick((["email"], ["email", "phone"], ["username"], ["phone"], ["account_id", "email"]))
    blocks.append(Paragraph("de nous communiquer, concernant :", size=10.5))
    blocks += ctx.ident_table(_rows(ctx, kinds, redact=ctx.has("redact")))
    blocks.append(
        Paragraph(
            f"pour la période du {ctx.date(start)} au {ctx.date(end)}, les éléments suivants :", size=10.5
        )
    )
    blocks += ctx.bullets(finish_item(ask(ctx, noncontent_mix(ctx)), "fr"), style="dash")
    if ctx.chance(0.6):
        blocks.append(Paragraph(ctx.pick(NO_CONTENT["fr"]), size=10.5))
    delai = _delai(ctx)
    blocks.append(
        Paragraph(
            f"Les éléments devront être transmis {delai}, par voie électronique à l'adresse "
            f"{ctx.contact_email()}.",
            size=10.5,
        )
    )
    blocks.append(
        Paragraph(
            "Le fait de s'abstenir de répondre à la présente réquisition est puni d'une amende de 3 750 "
            "euros (article 60-1 du code de procédure pénale).",
            size=9.5,
        )
    )
    secret_blocks, secrecy = _secret(ctx, ("open", "days", "request", "none"))
    blocks += secret_blocks
    blocks.append(Paragraph(f"Fait à {ville}, le {ctx.date(issued, 'long')}", size=10.5, align="right"))
    sig, signed = ctx.signature(
        [
            "L'Officier de police judiciaire" if style != "parquet" else "Le Procureur de la République",
            officer,
        ],
        signed=not ctx.has("unsigned"),
        align="right",
    )
    blocks.append(sig)
    return finish(
        ctx,
        blocks,
        authority=authority,
        addressee=addressee,
        signed=signed,
        secrecy=secrecy,
        font=ctx.pick(("sans", "serif")),
    )


# ------------------------------------------------------------- ordonnance du JLD


def ordonnance_jld(ctx: Ctx) -> Built:
    ville = ctx.pick(VILLES)
    issued = ctx.issue_date()
    start, end = ctx.span(issued)
    requete = date.fromordinal(issued.toordinal() - ctx.rng.randint(1, 6))
    blocks: list[Block] = [
        Heading(f"TRIBUNAL JUDICIAIRE DE {ville.upper()}", 13, space_after=0),
        Heading("Cabinet du juge des libertés et de la détention", 10.5, bold=False),
        Paragraph(
            f"N° parquet : {ctx.rng.randint(10000000, 99999999)} — N° JLD : {ctx.rng.randint(100, 999)}/26",
            size=9.5,
            align="right",
        ),
        Heading("ORDONNANCE", 15, space_after=0),
        Heading(
            "autorisant l'accès à distance aux correspondances stockées par la voie des communications "
            "électroniques (articles 706-95-1 et 706-95-3 du code de procédure pénale)",
            10.5,
            bold=False,
        ),
        Paragraph(
            f"Nous, {ctx.full_name()}, juge des libertés et de la détention au tribunal judiciaire de "
            f"{ville},",
            size=10.5,
        ),
        Paragraph(
            f"Vu la requête du procureur de la République en date du {ctx.date(requete)}, relative à une "
            f"enquête portant sur des faits {de(ctx.pick(INFRACTIONS))} ;",
            size=10.5,
        ),
        Paragraph(
            "Attendu que les nécessités de l'enquête justifient l'accès aux correspondances stockées du "
            "compte ci-dessous, dont les éléments recueillis établissent qu'il est utilisé par l'un des "
            "suspects ;",
            size=10.5,
        ),
        Paragraph(
            "**AUTORISONS** l'officier de police judiciaire saisi à requérir de la société :", size=10.5
        ),
        Paragraph(f"{PROVIDER_IE}, {IE_FR_ADDRESS},", size=10.5, indent=16),
    ]
    ctx.note("the prosecutor's request date is not the date issued")
    delai = _delai(ctx)
    blocks.append(
        Paragraph(
            f"la communication, {delai}, pour la période du {ctx.date(start)} au {ctx.date(end)} :", size=10.5
        )
    )
    cats = ["content"] + (["content"] if ctx.chance(0.5) else []) + ["subscriber_info"]
    blocks += ctx.bullets(finish_item(ask(ctx, cats), "fr"), style=ctx.pick(("dash", "num")))
    blocks.append(Paragraph("relatifs au compte :", size=10.5))
    blocks += ctx.ident_table(
        _rows(ctx, ctx.pick((["email"], ["email", "account_id"])), redact=ctx.has("redact"))
    )
    secret_blocks, secrecy = _secret(ctx, ("days", "open", "none"))
    blocks += secret_blocks
    blocks.append(Paragraph(f"Fait en notre cabinet, le {ctx.date(issued)}.", size=10.5, align="left"))
    sig, signed = ctx.signature(
        ["Le juge des libertés et de la détention"], signed=not ctx.has("unsigned"), align="right"
    )
    blocks.append(sig)
    return finish(
        ctx,
        blocks,
        authority=f"Tribunal judiciaire de {ville}",
        addressee=PROVIDER_IE,
        signed=signed,
        secrecy=secrecy,
        footer=ctx.pick((None, "Page {page}/{pages}")),
    )


# -------------------------------------------------------- réquisition de conservation


def conservation(ctx: Ctx) -> Built:
    ville = ctx.pick(VILLES)
    issued = ctx.issue_date()
    officer = f"{ctx.pick(('Commandant', 'Capitaine', 'Lieutenant'))} {ctx.full_name()}"
    blocks: list[Block] = [
        Heading("OFFICE ANTI-CYBERCRIMINALITÉ (OFAC)", 13, space_after=0),
        Heading(f"Antenne de {ville} — {ctx.contact_email()} — {ctx.contact_phone()}", 9, bold=False),
        Rule(1),
        Heading("RÉQUISITION AUX FINS DE CONSERVATION DE DONNÉES", 13, space_after=0),
        Heading("Article 60-2, alinéa 2, du code de procédure pénale", 9.5, bold=False),
        Paragraph(f"{ville}, le {ctx.date(issued)}", size=10.5, align="right"),
        Paragraph(
            f"Nous, {officer}, officier de police judiciaire, requérons la société {PROVIDER_IE}, "
            f"{IE_FR_ADDRESS}, de prendre sans délai toutes mesures propres à assurer la préservation, pour "
            "une durée ne pouvant excéder un an, du contenu des informations et des données de connexion "
            "relatives aux comptes suivants :",
            size=10.5,
        ),
    ]
    ctx.note("the one-year preservation period is not a secrecy order")
    blocks += ctx.ident_table(_rows(ctx, ctx.pick((["email"], ["email", "email"], ["username", "phone"]))))
    blocks.append(
        Paragraph(
            "**La présente réquisition n'appelle aucune communication de données à ce stade** ; une "
            "réquisition distincte vous sera adressée le cas échéant.",
            size=10.5,
        )
    )
    ctx.note("preservation only: demands no data (data_requested empty)")
    secret_blocks, secrecy = _secret(ctx, ("request", "none"))
    blocks += secret_blocks
    sig, signed = ctx.signature([officer, "Officier de police judiciaire"], signed=not ctx.has("unsigned"))
    blocks.append(sig)
    return finish(
        ctx,
        blocks,
        authority="Office anti-cybercriminalité (OFAC)",
        addressee=PROVIDER_IE,
        signed=signed,
        secrecy=secrecy,
        font="sans",
    )


# ---------------------------------------------------------------- demande de retrait


def demande_retrait(ctx: Ctx) -> Built:
    issued = ctx.issue_date()
    blocks: list[Block] = [
        Table(
            [
                (
                    "MINISTÈRE DE L'INTÉRIEUR\nDirection nationale de la police judiciaire\nPlateforme "
                    "PHAROS",
                    f"Nanterre, le {ctx.date(issued)}\nRéf. : PHAROS/{ctx.rng.randint(100000, 999999)}",
                )
            ],
            split=0.58,
            style="plain",
            size=9.5,
        ),
        Spacer(8),
        Heading("DEMANDE DE RETRAIT DE CONTENUS", 14, space_after=0),
        Heading(
            "Article 6-1 de la loi n° 2004-575 du 21 juin 2004 pour la confiance dans l'économie numérique",
            9.5,
            bold=False,
        ),
        Paragraph(f"À l'attention de : {PROVIDER_IE}, {IE_FR_ADDRESS}", size=10.5, align="left"),
        Paragraph(
            "Les contenus accessibles aux adresses ci-dessous provoquent directement à des actes de "
            "terrorisme ou en font l'apologie, au sens de l'article 421-2-5 du code pénal. Il vous est "
            "demandé de les retirer ou d'en empêcher l'accès dans un délai de vingt-quatre heures.",
            size=10.5,
        ),
    ]
    ctx.note(
        "removal request: demands no customer data; the 24-hour removal period runs from receipt, so no "
        "response_due"
    )
    rows = [
        (f"Contenu {i + 1}", ctx.target(ctx.new_url(ctx.pick(("post", "file", "profile")))))
        for i in range(ctx.rng.randint(2, 4))
    ]
    blocks += ctx.ident_table(rows)
    blocks.append(
        Paragraph(
            "La présente demande ne porte sur aucune donnée d'identification des utilisateurs. Contact : "
            f"{ctx.contact_email()}.",
            size=10.5,
        )
    )
    sig, signed = ctx.signature(
        [ctx.full_name(), "Chef de la plateforme PHAROS"], signed=not ctx.has("unsigned")
    )
    blocks.append(sig)
    return finish(
        ctx,
        blocks,
        authority="Plateforme PHAROS — Ministère de l'Intérieur",
        addressee=PROVIDER_IE,
        signed=signed,
        font="sans",
    )
