"""Ways to ask for each category of data, per language.

Every phrasing maps to exactly one category of DESIGN.md's Facts JSON; the
templates pick a few categories, a phrasing for each, and record the category in
the truth.  Content: e-mail bodies, stored files, messages, photos.  Everything
else (subscriber details, IP logs, billing, connection records, device data) is
non-content.
"""

from __future__ import annotations

from tests.corpus.kit import Ctx

ASK: dict[str, dict[str, tuple[str, ...]]] = {
    "en": {
        "subscriber_info": (
            "Subscriber and registration information: names, user names and screen names, postal "
            "addresses, recovery e-mail addresses, telephone numbers, and the date the account was created;",
            "Basic subscriber information, including the name and address given at sign-up, date of birth "
            "as stated, account creation date and the IP address used to register the account;",
            "All records identifying the holder of the account, including full name, physical address, "
            "alternate e-mail addresses and verified telephone numbers;",
            "The name, address and length of service of the customer, and the types of service used;",
        ),
        "ip_history": (
            "Records of session times and durations and the IP addresses (IPv4 and IPv6) used to access "
            "the account, with date, time and time zone of each session;",
            "All log-in and log-out IP addresses with their associated time stamps (UTC);",
            "IP connection history for the account, including source ports where retained;",
            "Logs of the network addresses from which the account was accessed, with dates and times;",
        ),
        "billing": (
            "Means and source of payment for the service, including any credit card or bank account number "
            "and the billing address;",
            "Billing records, invoices and the payment instruments on file for the account;",
            "Records of purchases and subscriptions made through the account, with the payment method used;",
        ),
        "traffic": (
            "Non-content records of e-mail sent and received: sender and recipient addresses, date, time "
            "and size of each message (header information excluding the subject line);",
            "Records of calls and messages made to or from the account (call detail records), excluding "
            "their content;",
            "Connection and transactional records of communications with other accounts, without content;",
        ),
        "content": (
            "The contents of all e-mail messages stored in the account, including drafts, sent items, "
            "deleted items still held, and attachments;",
            "All files, documents, photographs and videos stored in the account's cloud storage, with "
            "their sharing history;",
            "All instant messages and chat conversations of the account, with their attachments;",
            "The content of all communications sent or received by the account, including images;",
        ),
        "other": (
            "Identifiers of the devices used to access the account (make, model, serial numbers);",
            "Records of contacts between the account holder and customer support;",
        ),
    },
    "de": {
        "subscriber_info": (
            "Bestandsdaten: Name, Anschrift, Geburtsdatum, hinterlegte E-Mail-Adressen und Telefonnummern "
            "sowie Datum der Kontoerstellung;",
            "Angaben zur Identität des Kontoinhabers (Name, Vorname, Anschrift, Alternativadressen) "
            "einschließlich der bei der Registrierung verwendeten IP-Adresse;",
            "die zu dem Nutzerkonto gespeicherten Bestandsdaten im Sinne des § 2 Abs. 2 Nr. 2 TDDDG;",
        ),
        "ip_history": (
            "Nutzungsdaten: sämtliche IP-Adressen (IPv4 und IPv6) der Anmeldungen mit Datum, Uhrzeit und "
            "Zeitzone;",
            "die Log-in-Historie des Kontos mit IP-Adressen und Zeitstempeln (UTC);",
            "die für den Zugriff auf das Konto verwendeten IP-Adressen einschließlich Portnummern, soweit "
            "gespeichert;",
        ),
        "billing": (
            "Zahlungsdaten: hinterlegte Zahlungsmittel, Bankverbindungen und Rechnungsanschriften;",
            "Abrechnungsdaten und Rechnungen zu dem Konto;",
        ),
        "traffic": (
            "Verkehrsdaten der über das Konto geführten Kommunikation (Absender, Empfänger, Datum, "
            "Uhrzeit), ohne Inhalte;",
            "Verbindungsdaten der Nachrichten von und an das Konto, ohne Betreffzeilen und Inhalte;",
        ),
        "content": (
            "die Inhalte sämtlicher in dem Postfach gespeicherter E-Mails einschließlich Entwürfen, "
            "gelöschter, noch vorhandener Nachrichten und Anhängen;",
            "sämtliche im Cloud-Speicher des Kontos abgelegten Dateien, Dokumente, Fotos und Videos;",
            "die Inhalte der über das Konto geführten Chats und Sofortnachrichten;",
        ),
        "other": ("Kennungen der für den Zugriff genutzten Endgeräte (Hersteller, Modell, Seriennummer);",),
    },
    "fr": {
        "subscriber_info": (
            "l'identité déclarée du titulaire (nom, prénom, date de naissance), les adresses postales et "
            "électroniques associées et les numéros de téléphone de vérification ;",
            "les données d'identification du compte : date de création, adresse IP de création, identité "
            "et coordonnées renseignées ;",
            "toutes informations permettant d'identifier l'utilisateur du compte ;",
        ),
        "ip_history": (
            "les adresses IP de connexion (IPv4 et IPv6), avec date, heure et fuseau horaire ;",
            "l'historique des connexions au compte (adresses IP, ports sources, horodatage) ;",
        ),
        "billing": (
            "les moyens de paiement enregistrés sur le compte et l'historique de facturation ;",
            "les données de facturation (coordonnées bancaires, adresse de facturation) ;",
        ),
        "traffic": (
            "les données de trafic des communications émises et reçues (expéditeur, destinataire, date et "
            "heure), à l'exclusion de leur contenu ;",
            "les fadettes et relevés des échanges du compte, hors contenu ;",
        ),
        "content": (
            "le contenu des courriels stockés dans la boîte de messagerie, y compris les brouillons et les "
            "pièces jointes ;",
            "l'ensemble des fichiers, photographies et documents stockés dans l'espace de stockage en "
            "ligne du compte ;",
            "le contenu des messages et conversations échangés depuis le compte ;",
        ),
        "other": ("les identifiants des terminaux utilisés pour se connecter au compte ;",),
    },
    "es": {
        "subscriber_info": (
            "los datos del titular de la cuenta: nombre, apellidos, domicilio, correos electrónicos y "
            "teléfonos asociados y fecha de alta;",
            "los datos de registro de la cuenta, incluida la dirección IP utilizada en el alta;",
            "cuantos datos permitan la identificación del usuario de la cuenta;",
        ),
        "ip_history": (
            "las direcciones IP (IPv4 e IPv6) de conexión a la cuenta, con fecha, hora y zona horaria;",
            "el registro de accesos a la cuenta con direcciones IP, puertos de origen y sellos de tiempo;",
        ),
        "billing": (
            "los medios de pago asociados a la cuenta y el historial de facturación;",
            "los datos de facturación (cuentas bancarias, tarjetas y dirección de facturación);",
        ),
        "traffic": (
            "los datos de tráfico de las comunicaciones enviadas y recibidas (remitente, destinatario, "
            "fecha y hora), con exclusión de su contenido;",
            "los registros de comunicaciones de la cuenta, sin su contenido;",
        ),
        "content": (
            "el contenido de los correos electrónicos almacenados en la cuenta, incluidos borradores y "
            "archivos adjuntos;",
            "los archivos, fotografías y documentos almacenados en el espacio en la nube de la cuenta;",
            "el contenido de los mensajes y conversaciones mantenidos desde la cuenta;",
        ),
        "other": ("los identificadores de los dispositivos utilizados para acceder a la cuenta;",),
    },
}

NO_CONTENT = {
    "en": (
        "The contents of communications are not sought.",
        "Nothing herein calls for the content of communications, including subject lines.",
        "Do not produce the contents of any e-mail, message or stored file.",
    ),
    "de": (
        "Inhalte von Kommunikation sind nicht umfasst.",
        "Kommunikationsinhalte sind nicht zu übermitteln.",
    ),
    "fr": (
        "La présente réquisition ne porte pas sur le contenu des correspondances.",
        "Le contenu des communications n'est pas requis.",
    ),
    "es": (
        "No se solicita el contenido de las comunicaciones.",
        "Queda excluido el contenido de las comunicaciones.",
    ),
}


def ask(ctx: Ctx, categories: list[str], *, lang: str | None = None) -> list[str]:
    """One phrasing per category, recorded in the truth; the list to print."""
    lang = lang or ctx.lang
    items: list[str] = []
    for category in categories:
        options = [p for p in ASK[lang][category] if p not in items] or list(ASK[lang][category])
        items.append(ctx.pick(options))
        ctx.wants(category)
    return items


def finish_item(items: list[str], lang: str) -> list[str]:
    """Turn the last item's ';' into a full stop."""
    if items:
        last = items[-1].rstrip(" ;")
        items[-1] = last + "."
    return items


def noncontent_mix(ctx: Ctx, *, billing: float = 0.4, traffic: float = 0.3, other: float = 0.15) -> list[str]:
    """A plausible choice of non-content categories, in document order."""
    cats = ["subscriber_info"]
    if ctx.chance(0.85):
        cats.append("ip_history")
    if ctx.chance(billing):
        cats.append("billing")
    if ctx.chance(traffic):
        cats.append("traffic")
    if ctx.chance(other):
        cats.append("other")
    return cats
