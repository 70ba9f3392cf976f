"""Issue 16 in German, French and Spanish: procedure and rights text asks for nothing, and a
letter from the provider's counsel or an order about an order commands nothing.

Synthetic pages in our own words, through the helpers of ``test_extract``.
"""

from __future__ import annotations

from tests.app.test_extract import read, value

DE_HEAD = (
    "Staatsanwaltschaft Köln",
    "Am Justizzentrum 13, 50939 Köln",
    "Aktenzeichen: 121 Js 4711/26",
    "Köln, 12.03.2026",
    "Example Online Services GmbH",
    "Musterstraße 1, 10115 Berlin",
)
DE_COMMAND = (
    "In dem Ermittlungsverfahren werden Sie gemäß § 100j StPO ersucht, Auskunft über die",
    "Bestandsdaten (Name und Anschrift) des Inhabers des Kontos reiher@example.de zu erteilen.",
)
FR_HEAD = (
    "RÉQUISITION JUDICIAIRE",
    "Police nationale — Direction zonale de la police judiciaire",
    "Fait à Lyon, le 12 mars 2026",
    "Example Online Services SAS",
)
FR_COMMAND = (
    "Vu les articles 60-1 et 60-2 du code de procédure pénale, requérons la société de nous",
    "communiquer l'identité et l'adresse de l'abonné du compte heron@example.fr.",
)
ES_HEAD = (
    "JUZGADO DE INSTRUCCIÓN N.º 3 DE MADRID",
    "Diligencias Previas 1234/2026",
    "Madrid, 12 de marzo de 2026",
    "Example Online Services S.L.",
)
ES_COMMAND = (
    "Se requiere a la entidad Example Online Services S.L. que facilite los datos de",
    "identificación del titular de la cuenta garza@example.es.",
)


def categories(facts) -> set[tuple[str, bool]]:
    return {(d.category, d.content) for d in facts.data_requested}


def test_a_german_remedies_notice_naming_content_asks_for_nothing_more():
    facts = read(
        *DE_HEAD,
        *DE_COMMAND,
        "Rechtsbehelfsbelehrung: Gegen diese Anordnung können Sie Beschwerde einlegen, auch soweit",
        "Inhalte der Kommunikation oder Verkehrsdaten betroffen sind.",
        "Mit freundlichen Grüßen",
        "Dr. Anna Schmidt, Staatsanwältin",
    )
    assert categories(facts) == {("subscriber_info", False)}


def test_a_french_remedies_sentence_naming_content_asks_for_nothing_more():
    facts = read(
        *FR_HEAD,
        *FR_COMMAND,
        "La présente réquisition peut faire l'objet d'un recours, y compris pour le contenu des",
        "correspondances et les données de connexion.",
        "Veuillez agréer l'expression de nos salutations distinguées.",
        "Capitaine Jean Martin, officier de police judiciaire",
    )
    assert categories(facts) == {("subscriber_info", False)}


def test_a_spanish_appeal_notice_naming_content_asks_for_nothing_more():
    facts = read(
        *ES_HEAD,
        *ES_COMMAND,
        "Contra la presente resolución cabe interponer recurso de reforma, también en lo relativo",
        "al contenido de las comunicaciones.",
        "Atentamente,",
        "María López García, Magistrada-Juez",
    )
    assert categories(facts) == {("subscriber_info", False)}


def test_a_german_counsels_letter_about_a_demand_commands_nothing():
    facts = read(
        "Kanzlei Beispiel Rechtsanwälte",
        "Köln, 20.03.2026",
        "Staatsanwaltschaft Köln, Aktenzeichen: 121 Js 4711/26",
        "namens und in Vollmacht unserer Mandantin, der Example Online Services GmbH, legen wir",
        "Beschwerde gegen den Beschluss ein, mit dem sie ersucht wurde, Auskunft über die Inhalte",
        "des Kontos reiher@example.de zu erteilen.",
        "Mit freundlichen Grüßen",
        "Max Muster, Rechtsanwalt",
    )
    instrument = facts.scalars["instrument"]
    assert "commands nothing" in (instrument.flagged or "")
    assert facts.data_requested == []


def test_a_french_counsels_letter_about_a_requisition_commands_nothing():
    facts = read(
        "Cabinet Exemple Avocats",
        "Paris, le 20 mars 2026",
        "En notre qualité de conseil de la société Example Online Services SAS, nous formons une",
        "contestation de la réquisition qui lui demandait de communiquer le contenu des messages",
        "du compte heron@example.fr.",
        "Veuillez agréer l'expression de nos salutations distinguées.",
        "Maître Claire Dubois, avocate",
    )
    assert "commands nothing" in (facts.scalars["instrument"].flagged or "")
    assert facts.data_requested == []


def test_a_spanish_order_lifting_the_secrecy_is_no_new_demand():
    facts = read(
        *ES_HEAD,
        "AUTO",
        "Se alza el secreto de las actuaciones acordado por auto de 12 de marzo de 2026, por el que",
        "se pidió a Example Online Services S.L. facilitar los datos de la cuenta garza@example.es.",
        "Así lo acuerda y firma",
        "María López García, Magistrada-Juez",
    )
    assert "commands nothing" in (facts.scalars["instrument"].flagged or "")
    assert facts.data_requested == []


def test_a_present_command_in_german_still_makes_a_demand():
    facts = read(*DE_HEAD, "Ihr Antrag auf Aufhebung wurde zurückgewiesen.", *DE_COMMAND, "Staatsanwältin")
    assert "commands nothing" not in (facts.scalars["instrument"].flagged or "")
    assert categories(facts) == {("subscriber_info", False)}


def test_file_numbers_in_german_and_spanish_are_read():
    assert value(read(*DE_HEAD, *DE_COMMAND), "file_number") == "121 Js 4711/26"
    assert value(read(*ES_HEAD, *ES_COMMAND), "file_number") == "1234/2026"
