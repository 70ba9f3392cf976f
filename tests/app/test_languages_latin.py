"""Demands in Portuguese, Italian, Dutch, Polish and Turkish (issue 16, "every country and any
script"): each language's words read the facts of a short, invented police or court request
for the subscriber data and IP logs of an e-mail address, and English is not misread by them.
Two of the languages are also read from image-only scans by the real Tesseract."""

from __future__ import annotations

import shutil
from datetime import date

import pytest

from app.intake.extract import extract_facts
from app.intake.facts import ExtractedFacts
from app.intake.ocr import installed_languages
from app.intake.pipeline import read_demand
from tests.app.test_extract import page
from tests.corpus.scripts import CYRILLIC_FONT, scan_lines

TODAY = date(2026, 11, 28)


def read(lines: tuple[str, ...]) -> ExtractedFacts:
    return extract_facts([page(*lines)], today=TODAY)


def scalar(facts: ExtractedFacts, key: str) -> object:
    reading = facts.scalars.get(key)
    return reading.value if reading else None


def targets(facts: ExtractedFacts) -> list[tuple[str, str | None]]:
    return [(i.kind, i.value) for i in facts.identifiers]


def categories(facts: ExtractedFacts) -> set[str]:
    return {d.category for d in facts.data_requested}


# -- Portuguese -------------------------------------------------------------------------------

# A Brazilian federal police "ofício" requisitioning cadastral data and connection logs.
BRAZIL_REQUEST = (
    "MINISTÉRIO DA JUSTIÇA E SEGURANÇA PÚBLICA",
    "POLÍCIA FEDERAL",
    "SUPERINTENDÊNCIA REGIONAL NO DISTRITO FEDERAL",
    "Delegacia de Repressão a Crimes Cibernéticos",
    "OFÍCIO Nº 1234/2026 – DRCC/SR/PF/DF",
    "Brasília, 12 de março de 2026.",
    "A: Example Online Services LLC",
    "Departamento Jurídico",
    "Assunto: Requisição de dados cadastrais e registros de conexão.",
    "Senhor Representante,",
    "Nos autos do Inquérito Policial nº 2026.0012345, que apura crime de estelionato, com fundamento no",
    "art. 15 da Lei nº 12.850/2013 e no art. 10, § 3º, da Lei nº 12.965/2014 (Marco Civil da Internet),",
    "requisito a Vossa Senhoria que forneça, no prazo de 10 (dez) dias, os dados cadastrais e os registros",
    "de conexão (endereços IP, data, hora e porta lógica) da conta vinculada ao endereço de e-mail:",
    "joao.exemplo@example.com",
    "no período de 01/01/2026 a 28/02/2026.",
    "Em razão do sigilo do inquérito (art. 20 do Código de Processo Penal), a empresa não deverá notificar o",
    "usuário nem terceiros sobre a existência desta requisição.",
    "Atenciosamente,",
    "Carlos Alberto Souza",
    "Delegado de Polícia Federal",
)


def test_brazilian_police_request_is_read():
    facts = read(BRAZIL_REQUEST)
    assert facts.language == "pt"
    assert scalar(facts, "country") == "BR"
    assert scalar(facts, "instrument") == "subpoena"  # a delegado's requisição, no judge
    assert scalar(facts, "date_issued") == "2026-03-12"  # "Brasília, 12 de março de 2026."
    assert scalar(facts, "date_range_from") == "2026-01-01"
    assert scalar(facts, "date_range_to") == "2026-02-28"
    assert scalar(facts, "response_due") == "2026-03-22"  # "no prazo de 10 (dez) dias"
    assert scalar(facts, "addressee") == "Example Online Services LLC"
    assert targets(facts) == [("email", "joao.exemplo@example.com")]
    assert categories(facts) == {"subscriber_info", "ip_history"}
    assert facts.secrecy_order is not None and facts.secrecy_order.present
    assert facts.secrecy_order.open_ended


# A Portuguese prosecutor's "injunção" under the Cybercrime Law, counted from receipt.
PORTUGAL_ORDER = (
    "REPÚBLICA PORTUGUESA",
    "MINISTÉRIO PÚBLICO",
    "Departamento de Investigação e Ação Penal de Lisboa",
    "Inquérito n.º 1234/26.0T9LSB",
    "Lisboa, 5 de março de 2026",
    "A: Example Online Services LLC",
    "Assunto: Injunção para apresentação de dados",
    "Ao abrigo do artigo 14.º da Lei do Cibercrime (Lei n.º 109/2009, de 15 de setembro), determina-se que",
    "a Example Online Services LLC apresente, no prazo de 10 dias a contar da receção da presente, os dados",
    "de identificação do titular (nome, morada e telefone) e os registos de acesso com os endereços IP da",
    "conta associada ao endereço de correio eletrónico:",
    "maria.exemplo@example.pt",
    "O processo encontra-se em segredo de justiça, pelo que a empresa não deverá informar o titular da conta",
    "nem terceiros da existência do presente pedido.",
    "A Procuradora da República",
    "Ana Sofia Martins",
)


def test_portuguese_prosecutors_order_is_read():
    facts = read(PORTUGAL_ORDER)
    assert facts.language == "pt"
    assert scalar(facts, "country") == "PT"  # not Brazil, though the language points there
    assert scalar(facts, "instrument") == "production_order"  # art. 14 Lei do Cibercrime
    assert scalar(facts, "date_issued") == "2026-03-05"
    assert scalar(facts, "response_period") == "10 days from receipt"
    assert targets(facts) == [("email", "maria.exemplo@example.pt")]
    assert categories(facts) == {"subscriber_info", "ip_history"}
    assert facts.secrecy_order is not None and facts.secrecy_order.present  # "segredo de justiça"


def test_a_request_only_asking_not_to_tell_the_user_is_no_secrecy_order():
    lines = list(BRAZIL_REQUEST)
    at = next(n for n, line in enumerate(lines) if line.startswith("Em razão do sigilo"))
    lines[at : at + 2] = ["Solicitamos que não notifique o usuário sobre a existência desta requisição."]
    facts = read(tuple(lines))
    assert facts.secrecy_order is not None and not facts.secrecy_order.present


# -- Italian ----------------------------------------------------------------------------------

# A Polizia Postale request, delegated by the prosecutor, counted from receipt.
ITALY_REQUEST = (
    "POLIZIA DI STATO",
    "Compartimento Polizia Postale e delle Comunicazioni per la Lombardia",
    "Via Moscova 11 - 20121 Milano",
    "Prot. n. 4567/2026",
    "Milano, lì 9 aprile 2026",
    "Spett.le",
    "Example Online Services LLC",
    "Ufficio Legale",
    "Oggetto: Richiesta di dati anagrafici e log di connessione - Proc. pen. n. 1234/26 R.G.N.R.",
    "Nell'ambito del procedimento penale n. 1234/26 R.G.N.R. della Procura della Repubblica",
    "presso il Tribunale di Milano, per il reato di cui all'art. 640 c.p., su delega del Pubblico",
    "Ministero, si chiede di voler fornire, entro 15 (quindici) giorni dalla ricezione della",
    "presente, i dati anagrafici dell'intestatario e i log di connessione con gli indirizzi IP,",
    "dal 1° gennaio 2026 al 31 marzo 2026, relativi all'indirizzo e-mail:",
    "marco.esempio@example.com",
    "Le indagini sono coperte da segreto istruttorio: è fatto divieto di comunicare all'utente o a terzi",
    "l'esistenza della presente richiesta.",
    "Il Dirigente",
    "Vice Questore Giulia Bianchi",
)


def test_italian_police_request_is_read():
    facts = read(ITALY_REQUEST)
    assert facts.language == "it"
    assert scalar(facts, "country") == "IT"
    assert scalar(facts, "instrument") == "subpoena"
    assert scalar(facts, "date_issued") == "2026-04-09"  # "Milano, lì 9 aprile 2026"
    assert scalar(facts, "date_range_from") == "2026-01-01"  # "dal 1° gennaio 2026"
    assert scalar(facts, "date_range_to") == "2026-03-31"
    assert scalar(facts, "response_period") == "15 days from receipt"
    assert scalar(facts, "addressee") == "Example Online Services LLC"  # not "Spett.le"
    assert targets(facts) == [("email", "marco.esempio@example.com")]
    assert categories(facts) == {"subscriber_info", "ip_history"}
    assert facts.secrecy_order is not None and facts.secrecy_order.present  # "segreto istruttorio"


# -- Dutch ------------------------------------------------------------------------------------

# A Dutch police "vordering" on the prosecutor's behalf (art. 126nc Sv), counted from receipt.
NETHERLANDS_DEMAND = (
    "POLITIE",
    "Landelijke Eenheid, Team High Tech Crime",
    "Postbus 100, 3970 AC Driebergen",
    "Ons kenmerk: THTC-2026-0457",
    "Driebergen, 3 februari 2026",
    "Aan: Example Online Services LLC",
    "T.a.v. de juridische afdeling",
    "Betreft: vordering verstrekking gegevens ex artikel 126nc Wetboek van Strafvordering",
    "In het belang van het onderzoek naar een misdrijf als omschreven in artikel 138ab van het Wetboek van",
    "Strafrecht vordert de officier van justitie van u, met toepassing van artikel 126nc van het Wetboek van",
    "Strafvordering, binnen 10 dagen na ontvangst van deze vordering de volgende gegevens te verstrekken: de",
    "gebruikersgegevens (naam, adres, woonplaats) en de IP-adressen met inlogtijden over de periode van",
    "1 januari 2026 tot en met 31 januari 2026 van het account met het e-mailadres:",
    "jan.voorbeeld@example.com",
    "U bent verplicht tot geheimhouding van deze vordering en van alles wat u bij de uitvoering daarvan",
    "verneemt; u mag de gebruiker niet in kennis stellen.",
    "Met vriendelijke groet,",
    "namens de officier van justitie,",
    "Pieter de Vries",
    "Inspecteur van politie",
)


def test_dutch_police_demand_is_read():
    facts = read(NETHERLANDS_DEMAND)
    assert facts.language == "nl"
    assert scalar(facts, "country") == "NL"
    assert scalar(facts, "instrument") == "subpoena"  # a vordering of the officier van justitie
    assert scalar(facts, "date_issued") == "2026-02-03"
    assert scalar(facts, "date_range_from") == "2026-01-01"  # "over de periode van 1 januari 2026"
    assert scalar(facts, "date_range_to") == "2026-01-31"  # "tot en met 31 januari 2026"
    assert scalar(facts, "response_period") == "10 days from receipt"
    assert scalar(facts, "addressee") == "Example Online Services LLC"
    assert targets(facts) == [("email", "jan.voorbeeld@example.com")]
    assert categories(facts) == {"subscriber_info", "ip_history"}
    assert facts.secrecy_order is not None and facts.secrecy_order.present  # "verplicht tot geheimhouding"


# A Flemish request under art. 46bis of the Belgian code: Dutch, but Belgium's.
BELGIUM_DEMAND = (
    "FEDERALE GERECHTELIJKE POLITIE ANTWERPEN",
    "Regional Computer Crime Unit",
    "Antwerpen, 14 mei 2026",
    "Aan: Example Online Services LLC",
    "Betreft: vordering ex artikel 46bis van het Wetboek van Strafvordering",
    "Op vordering van de procureur des Konings te Antwerpen verzoek ik u mij binnen 5 werkdagen de",
    "identificerende gegevens en de IP-adressen van de gebruiker van het e-mailadres",
    "piet.voorbeeld@example.be",
    "te verstrekken. U bent tot geheimhouding verplicht over deze vordering en de gevraagde gegevens.",
    "Met vriendelijke groet,",
    "Hoofdinspecteur Karel Janssens",
)


def test_flemish_demand_is_read_as_belgian():
    facts = read(BELGIUM_DEMAND)
    assert facts.language == "nl"
    assert scalar(facts, "country") == "BE"  # though "Wetboek van Strafvordering" is also Dutch law
    assert scalar(facts, "instrument") == "subpoena"
    assert scalar(facts, "date_issued") == "2026-05-14"
    assert scalar(facts, "response_period") == "5 business days from issue"  # "binnen 5 werkdagen"
    assert targets(facts) == [("email", "piet.voorbeeld@example.be")]
    assert categories(facts) == {"subscriber_info", "ip_history"}
    assert facts.secrecy_order is not None and facts.secrecy_order.present


# -- Polish -----------------------------------------------------------------------------------

# A prosecutor's decision demanding data (art. 218 k.p.k.), its title over two lines.
POLAND_DECISION = (
    "PROKURATURA REJONOWA WARSZAWA-MOKOTÓW W WARSZAWIE",
    "ul. Rakowiecka 26/30, 02-528 Warszawa",
    "Sygn. akt PR 1 Ds. 123.2026",
    "Warszawa, dnia 12 marca 2026 r.",
    "POSTANOWIENIE",
    "o żądaniu wydania rzeczy",
    "Prokurator Prokuratury Rejonowej Warszawa-Mokotów w Warszawie, w sprawie o przestępstwo z art.",
    "286 § 1 k.k., na podstawie art. 218 § 1 k.p.k.",
    "postanawia:",
    "zażądać od Example Online Services LLC wydania danych, w terminie 7 dni od dnia doręczenia",
    "niniejszego postanowienia, dotyczących konta o adresie e-mail:",
    "anna.przyklad@example.com",
    "obejmujących dane abonenta (imię i nazwisko, adres zamieszkania, data rejestracji) oraz adresy IP",
    "i historię logowań za okres od 1 stycznia 2026 r. do 28 lutego 2026 r.",
    "Zobowiązuje się adresata do zachowania w tajemnicy faktu wydania niniejszego postanowienia oraz",
    "nie informowania użytkownika konta o prowadzonym postępowaniu.",
    "Prokurator",
    "Łukasz Wróbel",
)


def test_polish_prosecutors_decision_is_read():
    facts = read(POLAND_DECISION)
    assert facts.language == "pl"
    assert scalar(facts, "country") == "PL"
    assert scalar(facts, "instrument") == "subpoena"  # a prosecutor's postanowienie, no judge
    assert scalar(facts, "date_issued") == "2026-03-12"  # "Warszawa, dnia 12 marca 2026 r."
    assert scalar(facts, "date_range_from") == "2026-01-01"  # "od 1 stycznia 2026 r. do ..."
    assert scalar(facts, "date_range_to") == "2026-02-28"
    assert scalar(facts, "response_period") == "7 days from receipt"
    assert scalar(facts, "addressee") == "Example Online Services LLC"  # "zażądać od ..."
    assert facts.scalars["signed"].flagged != "a signer's title but no readable name (blacked out?)"
    assert targets(facts) == [("email", "anna.przyklad@example.com")]
    assert categories(facts) == {"subscriber_info", "ip_history"}
    assert facts.secrecy_order is not None and facts.secrecy_order.present


def test_a_polish_decision_a_judge_signs_is_a_court_order():
    lines = [*POLAND_DECISION[:-2], "Sędzia Sądu Rejonowego", "Maria Kowalska"]
    lines[0] = "SĄD REJONOWY DLA WARSZAWY-MOKOTOWA W WARSZAWIE"
    facts = read(tuple(lines))
    assert scalar(facts, "instrument") == "court_order"


# -- Turkish ----------------------------------------------------------------------------------

# A prosecutor's request under CMK art. 332, the e-mail address labelled, the signer's name
# with a dotless "ı".
TURKEY_REQUEST = (
    "T.C.",
    "ANKARA CUMHURİYET BAŞSAVCILIĞI",
    "Bilişim Suçları Soruşturma Bürosu",
    "Soruşturma No: 2026/12345",
    "Tarih: 16.03.2026",
    "Konu: Bilgi talebi",
    "Sayın: Example Online Services LLC",
    "Hukuk Departmanı",
    "Başsavcılığımızca yürütülen soruşturma kapsamında, 5271 sayılı Ceza Muhakemesi Kanununun 332. maddesi",
    "uyarınca, aşağıda belirtilen e-posta adresine ait hesabın abone bilgileri (ad soyad, adres bilgileri,",
    "hesap açılış tarihi) ile 01.01.2026 tarihinden 28.02.2026 tarihine kadar olan IP adresleri ve giriş",
    "kayıtlarının en geç 10 gün içinde Başsavcılığımıza gönderilmesi rica olunur.",
    "E-posta adresi: mehmet.ornek@example.com",
    "Soruşturmanın gizliliği nedeniyle, hesap sahibine ve üçüncü kişilere talep hakkında bilgi verilmemesi",
    "gerekmektedir.",
    "Cumhuriyet Savcısı",
    "Ahmet Yılmaz",
)


def test_turkish_prosecutors_request_is_read():
    facts = read(TURKEY_REQUEST)
    assert facts.language == "tr"
    assert scalar(facts, "country") == "TR"
    assert scalar(facts, "instrument") == "subpoena"  # "Bilgi talebi" of a Cumhuriyet Savcısı
    assert scalar(facts, "date_issued") == "2026-03-16"  # "Tarih: 16.03.2026"
    assert scalar(facts, "date_range_from") == "2026-01-01"  # "01.01.2026 tarihinden"
    assert scalar(facts, "date_range_to") == "2026-02-28"  # "28.02.2026 tarihine kadar"
    assert scalar(facts, "response_due") == "2026-03-26"  # "en geç 10 gün içinde"
    assert scalar(facts, "addressee") == "Example Online Services LLC"
    assert scalar(facts, "issuing_authority") == "Ankara Cumhuriyet Başsavciliği"  # no stray dot over the i
    assert scalar(facts, "file_number") == "2026/12345"
    assert scalar(facts, "signed") is True
    assert facts.scalars["signed"].flagged != "a signer's title but no readable name (blacked out?)"
    assert targets(facts) == [("email", "mehmet.ornek@example.com")]
    assert categories(facts) == {"subscriber_info", "ip_history"}
    assert facts.secrecy_order is not None and facts.secrecy_order.present  # "bilgi verilmemesi"


def test_turkish_words_match_in_capitals_and_with_dotless_i():
    # "KASIM" (capitals, plain I) and "Kasım" (dotless ı) are the same month.
    for printed in ("12 KASIM 2026", "12 Kasım 2026"):
        lines = (*TURKEY_REQUEST[:4], f"Tarih: {printed}", *TURKEY_REQUEST[5:])
        assert scalar(read(lines), "date_issued") == "2026-11-12"


# -- telling the languages apart ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "En el marco de las diligencias previas, se requiere a la entidad que facilite en el plazo de "
            "diez días los datos del titular de la cuenta y las direcciones IP desde las que se ha accedido.",
            "es",
        ),
        (
            "No âmbito do inquérito, solicita-se que a empresa forneça os dados do titular da conta e os "
            "endereços IP de acesso, no prazo de dez dias.",
            "pt",
        ),
        (
            "Nell'ambito del procedimento si chiede di fornire i dati del titolare dell'account e gli "
            "indirizzi IP di accesso per il periodo indicato.",
            "it",
        ),
        (
            "Dans le cadre de l'enquête, nous requérons la société de nous communiquer les données "
            "d'identification du titulaire du compte et les adresses IP de connexion.",
            "fr",
        ),
        (
            "Im Rahmen des Ermittlungsverfahrens wird die Firma gebeten, die Bestandsdaten des Kontos und "
            "die IP-Adressen der Anmeldungen für den genannten Zeitraum zu übermitteln.",
            "de",
        ),
        (
            "In connection with an ongoing investigation, you are required to provide the subscriber "
            "information and the IP addresses used to access the account. Do not disclose this request.",
            "en",
        ),
    ],
    ids=["es", "pt", "it", "fr", "de", "en"],
)
def test_neighbouring_languages_are_told_apart(text, language):
    # Portuguese and Italian share many words with Spanish and French; the new lists must
    # not take a Spanish or English demand for one of them, nor the reverse.
    assert extract_facts([page(text)], today=TODAY).language == language


# -- image-only scans, read by the real Tesseract -----------------------------------------------

needs_tesseract = pytest.mark.skipif(shutil.which("tesseract") is None, reason="Tesseract is not installed")


def _needs(*languages: str) -> None:
    missing = set(languages) - installed_languages()
    if missing:
        pytest.skip(f"no Tesseract language pack for {', '.join(sorted(missing))} (packaging/bootstrap.sh)")


@needs_tesseract
@pytest.mark.parametrize(
    ("lines", "model", "language", "country"),
    [
        (BRAZIL_REQUEST, "por", "pt", "BR"),
        (POLAND_DECISION, "pol", "pl", "PL"),
        (TURKEY_REQUEST, "tur", "tr", "TR"),
    ],
    ids=["pt", "pl", "tr"],
)
def test_image_only_scan_is_read(lines, model, language, country):
    # Even a page this short has function words enough (resources/intake stop words) to be
    # read with its own model: the accents of names and places come through ("Başsavcılığı",
    # "Warszawa-Mokotów"), where the English model read 63-83 % of the words right.
    _needs(model, "osd")
    read_back = read_demand(scan_lines(lines, CYRILLIC_FONT, size_pt=9), today=TODAY)
    words = set(" ".join(lines).split())
    assert len(words & set(read_back.pages[0].text.split())) >= 0.9 * len(words)
    facts = read_back.facts
    assert facts.language == language
    assert scalar(facts, "country") == country
    assert scalar(facts, "instrument") == "subpoena"
    assert scalar(facts, "date_issued") == scalar(read(lines), "date_issued")
    email = next(i.value for i in read(lines).identifiers)
    assert targets(facts) == [("email", email)]
    assert {"subscriber_info", "ip_history"} <= categories(facts)
    assert facts.secrecy_order is not None and facts.secrecy_order.present


def _before_closing(lines: tuple[str, ...], closing: str, added: str) -> tuple[str, ...]:
    at = lines.index(closing)
    return lines[:at] + (added,) + lines[at:]


def test_a_negated_request_for_content_in_portuguese_asks_for_nothing():
    asked = _before_closing(BRAZIL_REQUEST, "Atenciosamente,", "Forneça também o conteúdo das mensagens.")
    assert "content" in categories(read(asked))  # the same words, not negated, ask for it
    negated = _before_closing(BRAZIL_REQUEST, "Atenciosamente,", "Não forneça o conteúdo das mensagens.")
    assert "content" not in categories(read(negated))
