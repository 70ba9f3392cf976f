"""Spanish-language demands: requerimiento policial, autos judiciales, orden de
conservación, solicitud urgente (Spain) and an oficio judicial from Argentina."""

from __future__ import annotations

from typing import Any

from tests.corpus.kit import (
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

IE_ES_ADDRESS = PROVIDER_IE_ADDRESS.replace("Ireland", "Irlanda")
US_ES_ADDRESS = PROVIDER_US_ADDRESS.replace("USA", "EE. UU.")
CIUDADES = ("Madrid", "Barcelona", "Valencia", "Sevilla", "Málaga", "Bilbao", "Zaragoza", "Palma")
DELITOS = (
    "estafa informática (art. 248.2 CP)",
    "amenazas (art. 169 CP)",
    "acoso (art. 172 ter CP)",
    "descubrimiento y revelación de secretos (art. 197 CP)",
    "extorsión (art. 243 CP)",
)
LABEL = {
    "email": "Correo electrónico",
    "phone": "Número de teléfono",
    "account_id": "Identificador de cuenta",
    "username": "Nombre de usuario",
    "gamertag": "Gamertag",
    "ip": "Dirección IP",
    "url": "URL",
}
ORDINALES = ("PRIMERO", "SEGUNDO", "TERCERO", "CUARTO")
NOMBRE = {
    "GUARDIA CIVIL": "Guardia Civil",
    "POLICÍA NACIONAL": "Policía Nacional",
    "MOSSOS D'ESQUADRA": "Mossos d'Esquadra",
}


def _rows(ctx: Ctx, kinds: list[str], *, redact: bool = False) -> list[tuple[str, str]]:
    if redact and len(kinds) == 1:  # never black out the only target
        kinds = [*kinds, "phone" if kinds[0] == "email" else "email"]
    at = ctx.rng.randrange(len(kinds)) if redact else -1
    return [(LABEL[k], ctx.target(ctx.new_ident(k), redact=i == at)) for i, k in enumerate(kinds)]


def _plazo(ctx: Ctx) -> str:
    style = ctx.pick(("plazo", "plazo", "fecha"))
    if style == "plazo":
        n = ctx.pick((5, 10, 15))
        ctx.due(n)
        ctx.note(f"'en el plazo de {words(n, 'es')} días' counted from the date issued")
        return ctx.pick(
            (f"en el plazo de {words(n, 'es')} días", f"en el plazo de {words(n, 'es')} ({n}) días naturales")
        )
    d = ctx.due(ctx.pick((10, 15, 20)))
    return ctx.pick(("antes del ", "a más tardar el ")) + ctx.date(d)


def _secreto(ctx: Ctx, modes: tuple[str, ...]) -> tuple[list[Block], dict[str, Any] | None]:
    mode, n = ctx.gag(modes)
    if mode == "none":
        ctx.note("no secrecy order")
        return [], None
    if mode == "open":
        ctx.note("statutory duty of secrecy with no end date (art. 588 ter e LECrim): open-ended")
        return [
            Paragraph(
                "Se advierte al requerido de su obligación de guardar secreto acerca de la presente "
                "diligencia (art. 588 ter e LECrim), sin que pueda comunicarla al usuario afectado ni a "
                "terceros.",
                size=10.5,
            )
        ], ctx.secrecy(None)
    assert n is not None
    span = "un año" if n == 365 and ctx.chance(0.6) else f"{words(n, 'es')} ({n}) días"
    if span == "un año":
        ctx.note("'un año' = 365 days")
    return [
        Paragraph(
            "El requerido se abstendrá de informar al titular de la cuenta o a terceros de la existencia "
            f"de este requerimiento durante el plazo de {span} desde la fecha de la presente resolución.",
            size=10.5,
        )
    ], ctx.secrecy(n)


# ------------------------------------------------------------------- requerimiento


def requerimiento(ctx: Ctx) -> Built:
    ciudad = ctx.pick(CIUDADES)
    issued = ctx.issue_date()
    start, end = ctx.span(issued)
    cuerpo, unidad = ctx.pick(
        (
            (
                "POLICÍA NACIONAL",
                "Comisaría General de Policía Judicial — Unidad Central de Ciberdelincuencia",
            ),
            ("GUARDIA CIVIL", f"Comandancia de {ciudad} — Equipo de Delitos Telemáticos"),
        )
    )
    instructor = ctx.full_name()
    blocks: list[Block] = [
        Table(
            [
                (
                    f"{cuerpo}\n{unidad}",
                    f"Diligencias n.º {ctx.rng.randint(1000, 9999)}/2026\nTel.: "
                    f"{ctx.contact_phone()}\nCorreo: {ctx.contact_email()}",
                )
            ],
            split=0.6,
            style="plain",
            size=9.5,
        ),
        Spacer(6),
        Heading("OFICIO", 14, space_after=0),
        Paragraph(
            "**Asunto:** Requerimiento de información — artículo 588 ter m de la Ley de Enjuiciamiento "
            "Criminal",
            size=10.5,
            align="left",
        ),
        Paragraph(f"**Destinatario:** {PROVIDER_US}, {US_ES_ADDRESS}", size=10.5, align="left"),
        Paragraph(
            "En el marco de la investigación que se sigue en esta Unidad por un presunto delito de "
            f"{ctx.pick(DELITOS)}, y al amparo del artículo 588 ter m LECrim, se REQUIERE a esa compañía "
            "para que facilite los datos de identificación del titular de los siguientes identificadores:",
            size=10.5,
        ),
    ]
    blocks += ctx.ident_table(_rows(ctx, ctx.pick((["phone"], ["email"], ["phone", "email"], ["username"]))))
    blocks.append(Paragraph(f"Periodo de interés: del {ctx.date(start)} al {ctx.date(end)}.", size=10.5))
    cats = ["subscriber_info"] + (["ip_history"] if ctx.chance(0.4) else [])
    blocks += ctx.bullets(finish_item(ask(ctx, cats), "es"), style="dash")
    blocks.append(Paragraph(ctx.pick(NO_CONTENT["es"]), size=10.5))
    blocks.append(
        Paragraph(
            f"Se ruega que la respuesta se remita {_plazo(ctx)} a la dirección de correo indicada.", size=10.5
        )
    )
    blocks.append(Paragraph(f"En {ciudad}, a {ctx.date(issued)}.", size=10.5, align="right"))
    sig, signed = ctx.signature(
        [instructor, f"El Instructor, TIP {ctx.case_no('@#####@')}", NOMBRE[cuerpo]],
        signed=not ctx.has("unsigned"),
    )
    blocks.append(sig)
    ctx.note("no secrecy order")
    return finish(
        ctx,
        blocks,
        authority=f"{NOMBRE[cuerpo]} — {unidad}",
        addressee=PROVIDER_US,
        signed=signed,
        font="sans",
    )


# ------------------------------------------------------------------------ auto


def auto_judicial(ctx: Ctx) -> Built:
    ciudad = ctx.pick(CIUDADES)
    issued = ctx.issue_date()
    start, end = ctx.span(issued)
    n = ctx.rng.randint(1, 40)
    content = ctx.has("content") or ctx.chance(0.4)
    blocks: list[Block] = [
        Heading(f"JUZGADO DE INSTRUCCIÓN N.º {n} DE {ciudad.upper()}", 12.5, align="left", space_after=0),
        Paragraph(
            f"Diligencias Previas n.º {ctx.rng.randint(100, 4999)}/2026 — NIG "
            f"{ctx.case_no('##########-####')}",
            size=9.5,
            align="left",
        ),
        Rule(0.8),
        Heading("AUTO", 15),
        Paragraph(f"En {ciudad}, a {ctx.date(issued)}.", size=10.5, align="left"),
        Heading("ANTECEDENTES DE HECHO", 11.5, align="left"),
        Paragraph(
            f"**{ORDINALES[0]}.-** En este Juzgado se siguen diligencias por un presunto delito de "
            f"{ctx.pick(DELITOS)}, incoadas en virtud de atestado policial.",
            size=10.5,
        ),
        Paragraph(
            f"**{ORDINALES[1]}.-** La fuerza instructora ha solicitado que se requiera a la compañía "
            "proveedora la cesión de los datos que se dirán, por haberse utilizado la cuenta investigada "
            "para la comisión de los hechos. El Ministerio Fiscal ha informado favorablemente.",
            size=10.5,
        ),
        Heading("FUNDAMENTOS DE DERECHO", 11.5, align="left"),
        Paragraph(
            f"**{ORDINALES[0]}.-** "
            + (
                "Los artículos 588 ter a y siguientes de la Ley de Enjuiciamiento Criminal permiten acordar "
                "el acceso al contenido de las comunicaciones telemáticas cuando concurren los principios "
                "de especialidad, idoneidad, excepcionalidad, necesidad y proporcionalidad, lo que sucede "
                "en el presente caso."
                if content
                else "El artículo 588 ter j de la Ley de Enjuiciamiento Criminal permite requerir la "
                "cesión de los datos electrónicos conservados por los prestadores de servicios, con "
                "autorización judicial."
            ),
            size=10.5,
        ),
        Heading("PARTE DISPOSITIVA", 11.5, align="left"),
    ]
    plazo = _plazo(ctx)
    addressee, address = ctx.pick(((PROVIDER_IE, IE_ES_ADDRESS), (PROVIDER_US, US_ES_ADDRESS)))
    blocks.append(
        Paragraph(
            f"**ACUERDO:** Requerir a {addressee}, con domicilio en {address}, para que {plazo} facilite a "
            "este Juzgado, respecto de los identificadores siguientes y para el periodo comprendido entre "
            f"el {ctx.date(start)} y el {ctx.date(end)}:",
            size=10.5,
        )
    )
    blocks += ctx.ident_table(
        _rows(
            ctx,
            ctx.pick((["email"], ["email", "phone"], ["account_id", "email"], ["gamertag"], ["ip", "email"])),
            redact=ctx.has("redact"),
        )
    )
    cats = (["content"] if content else []) + noncontent_mix(ctx, billing=0.3, traffic=0.4)
    blocks += ctx.bullets(finish_item(ask(ctx, cats), "es"), style=ctx.pick(("alpha", "num", "dash")))
    if not content:
        blocks.append(Paragraph(ctx.pick(NO_CONTENT["es"]), size=10.5))
    secret_blocks, secrecy = _secreto(ctx, ("open", "days", "none"))
    blocks += secret_blocks
    blocks.append(
        Paragraph(
            "Notifíquese esta resolución al Ministerio Fiscal. Contra la misma cabe recurso de reforma en "
            "el plazo de tres días.",
            size=9.5,
            italic=True,
        )
    )
    ctx.note("'recurso de reforma en el plazo de tres días' is the appeal period, not the response deadline")
    blocks.append(Paragraph("Así lo acuerda, manda y firma S.S.ª. Doy fe.", size=10.5))
    if ctx.chance(0.4) and not ctx.has("unsigned"):
        blocks.append(
            Paragraph(
                f"EL MAGISTRADO-JUEZ: {ctx.full_name()} — EL LETRADO DE LA ADMINISTRACIÓN DE JUSTICIA: "
                f"{ctx.full_name()}\nDocumento firmado electrónicamente. Código Seguro de Verificación: "
                f"{ctx.case_no('@@@@-####-@@##-####')}",
                size=9.5,
            )
        )
        ctx.note("signed electronically (CSV code)")
        signed = True
    else:
        sig, signed = ctx.signature(
            [ctx.full_name(), "Magistrado-Juez"], signed=not ctx.has("unsigned"), esign=False
        )
        blocks.append(sig)
    return finish(
        ctx,
        blocks,
        authority=f"Juzgado de Instrucción n.º {n} de {ciudad}",
        addressee=addressee,
        signed=signed,
        secrecy=secrecy,
        footer=ctx.pick((None, "Página {page} de {pages}")),
    )


# -------------------------------------------------------------- orden de conservación


def orden_conservacion(ctx: Ctx) -> Built:
    ciudad = ctx.pick(CIUDADES)
    issued = ctx.issue_date()
    fiscal = ctx.full_name()
    blocks: list[Block] = [
        Heading("MINISTERIO FISCAL", 13, space_after=0),
        Heading(f"Fiscalía Provincial de {ciudad} — Sección de Criminalidad Informática", 10, bold=False),
        Paragraph(
            f"Diligencias de investigación n.º {ctx.rng.randint(10, 999)}/2026 · Tel. {ctx.contact_phone()} "
            f"· {ctx.contact_email()}",
            size=9,
            align="center",
        ),
        Rule(1),
        Heading("ORDEN DE CONSERVACIÓN DE DATOS", 14, space_after=0),
        Heading("Artículo 588 octies de la Ley de Enjuiciamiento Criminal", 10, bold=False),
        Paragraph(f"Destinatario: {PROVIDER_IE}, {IE_ES_ADDRESS}", size=10.5, align="left"),
        Paragraph(
            "Se ordena la conservación y protección de los datos o informaciones almacenados en los "
            "sistemas de esa compañía relativos a las cuentas siguientes, hasta que se obtenga la "
            "autorización judicial para su cesión:",
            size=10.5,
        ),
    ]
    blocks += ctx.ident_table(
        _rows(ctx, ctx.pick((["email", "email"], ["phone", "username"], ["email", "account_id"])))
    )
    blocks.append(
        Paragraph(
            "Los datos se conservarán durante un periodo máximo de noventa días, prorrogable una sola vez "
            "hasta que se autorice la cesión o se cumplan ciento ochenta días. **No se solicita en este "
            "momento la entrega de dato alguno.**",
            size=10.5,
        )
    )
    ctx.note(
        "preservation only: the 90/180-day preservation period is not a secrecy order; data_requested empty"
    )
    secrecy = None
    if ctx.chance(0.6):
        blocks.append(
            Paragraph(
                "El requerido está obligado a prestar su colaboración y a guardar secreto del desarrollo "
                "de esta diligencia (art. 588 octies LECrim).",
                size=10.5,
            )
        )
        secrecy = ctx.secrecy(None)
        ctx.note("statutory duty of secrecy with no end date: open-ended")
    blocks.append(Paragraph(f"{ciudad}, {ctx.date(issued)}", size=10.5, align="right"))
    sig, signed = ctx.signature(
        [fiscal, "Fiscal Delegado de Criminalidad Informática"], signed=not ctx.has("unsigned")
    )
    blocks.append(sig)
    return finish(
        ctx,
        blocks,
        authority=f"Fiscalía Provincial de {ciudad}",
        addressee=PROVIDER_IE,
        signed=signed,
        secrecy=secrecy,
    )


# -------------------------------------------------------------- solicitud urgente


def solicitud_urgente(ctx: Ctx) -> Built:
    issued = ctx.issue_date()
    cuerpo = ctx.pick(
        (
            "GUARDIA CIVIL — Unidad Central Operativa",
            "POLICÍA NACIONAL — Sala del 091",
            "MOSSOS D'ESQUADRA — Sala Central",
        )
    )
    agente = ctx.full_name()
    blocks: list[Block] = [
        Heading(cuerpo.split(" — ")[0], 15, space_after=0),
        Heading(cuerpo.split(" — ")[1], 10.5, bold=False),
        Rule(1.4, double=True),
        Heading("SOLICITUD URGENTE DE INFORMACIÓN", 13.5, space_after=0),
        Heading("Riesgo inminente para la vida o la integridad física", 10.5, bold=False),
        Table(
            [
                ("Fecha", ctx.date(issued)),
                ("Destinatario", f"{PROVIDER_IE} — Emergency Response"),
                ("Agente", f"{agente}, TIP {ctx.case_no('@#####@')}"),
                ("Contacto", f"{ctx.contact_phone()} · {ctx.contact_email()}"),
            ],
            split=0.25,
            size=10,
        ),
        Paragraph(
            ctx.pick(
                (
                    "Una menor de 14 años ha publicado desde la cuenta indicada un mensaje de despedida y "
                    "una fotografía de medicamentos. No se encuentra en su domicilio y su teléfono está "
                    "apagado.",
                    "El usuario de la cuenta indicada ha anunciado que atentará esta tarde contra su "
                    "expareja y ha publicado la dirección de la víctima. Se desconoce su paradero.",
                )
            ),
            size=10.5,
        ),
        Paragraph("No es posible obtener una resolución judicial a tiempo de evitar el daño.", size=10.5),
        Heading("Cuenta", 11, align="left"),
    ]
    blocks += ctx.ident_table(_rows(ctx, ctx.pick((["email"], ["username", "email"], ["phone"]))))
    start, end = ctx.span(issued, to_issue=True)
    blocks.append(Heading("Datos solicitados", 11, align="left"))
    blocks.append(Paragraph(f"Desde el {ctx.date(start)} hasta el {ctx.date(end)}:", size=10.5))
    blocks += ctx.bullets(finish_item(ask(ctx, ["subscriber_info", "ip_history"]), "es"))
    blocks.append(Paragraph("Se ruega respuesta inmediata por teléfono.", size=10.5, bold=True))
    ctx.note("no response date ('respuesta inmediata')")
    sig, signed = ctx.signature([agente, NOMBRE[cuerpo.split(" — ")[0]]], signed=not ctx.has("unsigned"))
    blocks.append(sig)
    return finish(
        ctx,
        blocks,
        authority=NOMBRE[cuerpo.split(" — ")[0]],
        addressee=PROVIDER_IE,
        signed=signed,
        emergency=True,
        font="sans",
    )


# ---------------------------------------------------------------- Argentina


def ar_oficio(ctx: Ctx) -> Built:
    issued = ctx.issue_date()
    start, end = ctx.span(issued)
    n = ctx.rng.randint(1, 12)
    juzgado = f"Juzgado Nacional en lo Criminal y Correccional Federal N.º {n}"
    blocks: list[Block] = [
        Heading("PODER JUDICIAL DE LA NACIÓN", 13, space_after=0),
        Heading(f"{juzgado} — Secretaría N.º {ctx.rng.randint(1, 24)}", 10.5, bold=False),
        Paragraph(f"Buenos Aires, {ctx.date(issued)}.", size=10.5, align="right"),
        Heading("OFICIO", 14),
        Paragraph(f"Al Sr. Representante Legal de {PROVIDER_US}\n{US_ES_ADDRESS}", size=10.5, align="left"),
        Paragraph(
            f"Tengo el agrado de dirigirme a Ud. en la causa N.º CFP {ctx.rng.randint(1000, 9999)}/2026, "
            f"caratulada \u201cN.N. s/ {ctx.pick(('estafa', 'amenazas', 'extorsión'))}\u201d, a fin de "
            f"solicitarle que, {_plazo(ctx)}, informe a este Tribunal, respecto de las cuentas que se "
            f"detallan y por el período comprendido entre el {ctx.date(start)} y el {ctx.date(end)}:",
            size=10.5,
        ),
    ]
    blocks += ctx.ident_table(_rows(ctx, ctx.pick((["email"], ["email", "phone"], ["username", "email"]))))
    blocks += ctx.bullets(finish_item(ask(ctx, noncontent_mix(ctx)), "es"), style="alpha")
    secret_blocks, secrecy = _secreto(ctx, ("days", "none"))
    blocks += secret_blocks
    blocks.append(
        Paragraph(
            f"La respuesta podrá remitirse a {ctx.contact_email()}. Saludo a Ud. atentamente.", size=10.5
        )
    )
    sig, signed = ctx.signature(
        [ctx.full_name(), "Juez Federal"], signed=not ctx.has("unsigned"), align="right"
    )
    blocks.append(sig)
    return finish(ctx, blocks, authority=juzgado, addressee=PROVIDER_US, signed=signed, secrecy=secrecy)
