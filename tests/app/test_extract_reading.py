"""Issue 16: requests read from where requests are, and the commanded party read from where it is named.

Synthetic pages in our own words (the helpers of ``test_extract``), each shaped like a
failure seen on real published demands: a rights or procedure sentence read as a
request for content, a list of records under a commanding sentence or in an
attachment, an addressee block under a date that OCR garbled, a provider's staff
title above its name, and a sentence running on into "attention:".
"""

from __future__ import annotations

from app.intake.extract import extract_facts
from app.intake.facts import file_number_key
from tests.app.test_extract import TODAY, page, read, value

NSL_HEAD = (
    "U.S. Department of Justice",
    "Federal Bureau of Investigation",
    "Kestrel Field Office",
    "400 Harbor Road",
    "Kestrel, OR 97000",
    "March 3, 2026",
    "Example Online Services LLC",
    "500 Example Parkway",
    "Redwood City, CA 94063",
)
NSL_COMMAND = (
    "Under the authority of 18 U.S.C. § 2709 you are hereby directed to provide to the",
    "Federal Bureau of Investigation the name, address and length of service of the",
    "subscriber of the account heron@example.net.",
)
NSL_CLOSE = ("Sincerely,", "Jane Roe", "Special Agent in Charge")


def categories(facts) -> set[tuple[str, bool]]:
    return {(d.category, d.content) for d in facts.data_requested}


# ------------------------------------------------------------------------------ requests


def test_a_sentence_on_the_right_to_challenge_the_gag_is_not_a_request_for_content():
    facts = read(
        *NSL_HEAD,
        *NSL_COMMAND,
        "If you send notice of your wish to disclose, no later than 30 days after receiving it the",
        "FBI will apply to a court for an order barring the disclosure of the existence or contents",
        "of this letter.",
        *NSL_CLOSE,
    )
    assert categories(facts) == {("subscriber_info", False)}


def test_a_file_number_label_just_before_the_command_is_no_negation():
    facts = read(
        *NSL_HEAD,
        "For Account No. 4471-8812, provide the name, address and length of service of the",
        "subscriber.",
        *NSL_CLOSE,
    )
    assert categories(facts) == {("subscriber_info", False)}


def test_delivery_instructions_that_name_records_ask_for_nothing_more():
    facts = read(
        *NSL_HEAD,
        *NSL_COMMAND,
        "Due to security considerations, do not send the e-mail messages or photographs of this",
        "letter by routine mail.",
        *NSL_CLOSE,
    )
    assert categories(facts) == {("subscriber_info", False)}


def test_the_list_under_a_commanding_sentence_is_read_item_by_item():
    facts = read(
        *NSL_HEAD,
        "Please provide the following records of the account heron@example.net:",
        "(a) subscriber name and mailing address;",
        "(b) means and source of payment;",
        "(c) all log-in IP addresses with dates and times.",
        "You have a right to challenge this letter, and to seek review of any order covering the",
        "contents of this letter, in a court of the United States.",
        *NSL_CLOSE,
    )
    assert categories(facts) == {
        ("subscriber_info", False),
        ("billing", False),
        ("ip_history", False),
    }


def test_records_listed_in_the_attachment_a_command_refers_to_are_asked_for():
    facts = read(
        *NSL_HEAD,
        "You are hereby directed to provide the records described in Attachment A for the",
        "account heron@example.net.",
        *NSL_CLOSE,
        "ATTACHMENT A",
        "The following records: subscriber name, addresses, length of service, means of payment,",
        "and IP addresses used to log in.",
    )
    assert {"subscriber_info", "billing", "ip_history"} <= {c for c, _ in categories(facts)}
    assert not any(content for _, content in categories(facts))


def test_a_definition_of_the_records_commanded_counts_with_the_command():
    facts = read(
        *NSL_HEAD,
        "You are hereby directed to provide the name, address, length of service and toll",
        "billing records of the account heron@example.net.",
        "The term toll billing records includes incoming and outgoing connection records.",
        *NSL_CLOSE,
    )
    assert {"subscriber_info", "billing", "traffic"} <= {c for c, _ in categories(facts)}


# ------------------------------------------------------------------------------ the addressee


def test_the_addressee_block_under_a_date_line_ocr_garbled_is_read():
    facts = read(
        "U.S. Department of Justice",
        "Federal Bureau of Investigation",
        "400 Harbor Road",
        "Kestrel, OR 97000",
        "October O3, 2026",
        "Nimbus Mail",
        "12 Cloud Street",
        "Mountain View, CA 94043",
        *NSL_COMMAND,
        "That notice must be mailed or faxed to the Kestrel Field Office, attention:",
        "General Counsel (fax number 202-555-0100) and must reference the date of the letter.",
        *NSL_CLOSE,
    )
    assert value(facts, "addressee") == "Nimbus Mail"


def test_a_sentence_running_on_into_attention_is_no_addressee_block():
    first = page(
        "U.S. Department of Justice",
        "Federal Bureau of Investigation",
        *NSL_COMMAND,
        "If you wish to disclose, you must notify the FBI within 10 days. That notice must be",
        "mailed or faxed to the Kestrel Field Office, attention:",
        "FOR OFFICIAL USE ONLY",
    )
    second = page(
        "attention: General Counsel (fax number 202-555-0100) and must reference the date of",
        "the letter and its number.",
        *NSL_CLOSE,
        page_no=2,
    )
    facts = extract_facts([first, second], today=TODAY)
    assert value(facts, "addressee") != "General Counsel"


def test_custodian_of_records_opens_the_addressee_block_without_a_date_line():
    facts = read(
        "File No. NSL-26-000123",
        "Custodian of Records",
        "Nimbus Computer",
        "1 Cloud Loop",
        "Cupertino, CA 95014",
        "Dear Custodian of Records:",
        *NSL_COMMAND,
        *NSL_CLOSE,
    )
    assert value(facts, "addressee") == "Nimbus Computer"


def test_the_providers_staff_title_above_its_name_is_not_the_addressee():
    facts = read(
        "U.S. Department of Justice",
        "Federal Bureau of Investigation",
        "March 3, 2026",
        "Manager, Global Privacy & Law Enforcement Compliance Team",
        "Nimbus Computer",
        "1 Cloud Loop",
        "Cupertino, CA 95014",
        *NSL_COMMAND,
        *NSL_CLOSE,
    )
    assert value(facts, "addressee") == "Nimbus Computer"


# ------------------------------------------------------------------- documents that command nothing

COUNSEL_LETTER = (
    "HARBOR & LANE LLP",
    "200 Pine Street, Kestrel, OR 97000",
    "July 19, 2026",
    "Federal Bureau of Investigation",
    "Kestrel Field Office",
    "Re: National Security Letter NSL-26-000123",
    "Dear Special Agent:",
    "We write on behalf of our client Example Online Services LLC about the National Security Letter",
    "of March 3, 2026, which directed Example to provide the name, address and length of service of",
    "the account heron@example.net. Example asks the government to initiate judicial review of the",
    "nondisclosure requirement under 18 U.S.C. § 3511(b).",
    "Please provide the government's position by August 1, 2026.",
    "Sincerely,",
    "Alex Lane",
    "Counsel for Example Online Services LLC",
)

GAG_MODIFYING_ORDER = (
    "UNITED STATES DISTRICT COURT",
    "NORTHERN DISTRICT OF CALIFORNIA",
    "In re Grand Jury Subpoena No. GJ 2026-14",
    "ORDER MODIFYING NONDISCLOSURE REQUIREMENT",
    "On motion of the United States, the order of March 3, 2026 that directed Example Online Services LLC",
    "not to disclose the existence of the grand jury subpoena for one year is hereby modified.",
    "Example Online Services LLC may disclose the subpoena and the records it produced to the subscriber",
    "of the account heron@example.net.",
    "IT IS SO ORDERED.",
    "Dated: June 1, 2026",
    "/s/ Jane Roe",
    "United States Magistrate Judge",
)


def test_the_providers_counsels_letter_about_an_nsl_commands_nothing():
    facts = read(*COUNSEL_LETTER)
    instrument = facts.scalars["instrument"]
    assert instrument.value == "other" and "commands nothing" in (instrument.flagged or "")
    assert facts.data_requested == []
    assert facts.secrecy_order is not None and not facts.secrecy_order.present


def test_an_order_modifying_a_gag_is_no_new_subpoena_and_no_new_gag():
    facts = read(*GAG_MODIFYING_ORDER)
    assert value(facts, "instrument") == "court_order"
    assert facts.data_requested == []
    secrecy = facts.secrecy_order
    assert secrecy is not None and not secrecy.present and secrecy.duration_days is None


def test_a_present_command_still_makes_a_demand_of_a_document_that_mentions_a_challenge():
    facts = read(
        *NSL_HEAD,
        "Your motion to modify the earlier letter was denied.",
        *NSL_COMMAND,
        *NSL_CLOSE,
    )
    assert value(facts, "instrument") == "nsl"
    assert categories(facts) == {("subscriber_info", False)}


def test_an_nsl_filed_with_counsels_letter_keeps_the_nsl_facts():
    nsl = page(*NSL_HEAD, *NSL_COMMAND, *NSL_CLOSE)
    letter = page(*COUNSEL_LETTER, page_no=2)
    facts = extract_facts([nsl, letter], today=TODAY)
    assert value(facts, "instrument") == "nsl"
    assert categories(facts) == {("subscriber_info", False)}


# ------------------------------------------------------------------------------ file and docket numbers


def test_the_file_number_is_read_from_the_letterhead_and_from_a_letter_about_the_demand():
    nsl = read("File No. NSL-26-000123", *NSL_HEAD, *NSL_COMMAND, *NSL_CLOSE)
    letter = read(*COUNSEL_LETTER)
    assert value(nsl, "file_number") == "NSL-26-000123"
    assert value(letter, "file_number") == "NSL-26-000123"


def test_a_docket_number_in_a_caption_is_the_file_number():
    facts = read(*GAG_MODIFYING_ORDER[:2], "Misc. No. 26-mc-0042", *GAG_MODIFYING_ORDER[2:])
    assert value(facts, "file_number") == "26-mc-0042"


def test_one_file_number_printed_three_ways_is_one_key():
    assert (
        file_number_key("NSL-17-429936") == file_number_key("NSL 17-429936") == file_number_key("17-429936")
    )
    assert file_number_key("GJ 2026-14") != file_number_key("GJ 2026-15")
    assert file_number_key("No.") is None


def test_a_forms_section_label_does_not_hide_its_request_heading():
    facts = read(
        "EUROPEAN PRODUCTION ORDER CERTIFICATE (EPOC)",
        "SECTION B: Addressee",
        "Example Online Services Ireland Ltd., 1 Example Quay, Dublin 2",
        "SECTION D: Categories of data to be produced",
        "[X] Subscriber data",
        "[X] IP addresses used to identify the user",
        "SECTION E: User",
        "E-mail address heron@example.net",
        "Date: 05.07.2026",
    )
    assert {"subscriber_info", "ip_history"} <= {c for c, _ in categories(facts)}


def test_a_list_led_in_by_the_following_is_read_under_a_command_elsewhere():
    facts = read(
        "IN THE CROWN COURT AT SOUTHWARK",
        "OVERSEAS PRODUCTION ORDER",
        "The judge ORDERS the Respondent to produce the electronic data specified below within seven days.",
        "Data held in relation to the following, for 01/01/2026 to 11/03/2026:",
        "E-mail address heron@example.net",
        "A. The content of all communications sent or received by the account;",
        "B. Basic subscriber information, including the name and address given at sign-up.",
        "Made on 18/03/2026",
    )
    assert categories(facts) == {("content", True), ("subscriber_info", False)}


# ------------------------------------------------------------------------------ the commanded party


def test_a_city_line_under_the_custodian_is_not_the_addressee():
    facts = read(
        "UNITED STATES DISTRICT COURT",
        "for the",
        "Northern District of California",
        "SUBPOENA TO TESTIFY BEFORE A GRAND JURY",
        "To: Custodian of Records",
        "San Francisco, CA 94105",
        "YOU ARE COMMANDED to appear before the grand jury and to bring the subscriber records of",
        "the account heron@example.net.",
        "Date: May 2, 2026",
        "/s/ Jane Roe, Deputy Clerk",
    )
    assert value(facts, "addressee") != "San Francisco"


def test_custodian_of_records_of_a_company_in_the_command_names_the_addressee():
    facts = read(
        "UNITED STATES DISTRICT COURT",
        "for the",
        "Northern District of California",
        "SUBPOENA TO TESTIFY BEFORE A GRAND JURY",
        "YOU ARE COMMANDED, as Custodian of Records, Example Voice, Inc., to appear before the grand jury",
        "and to bring the subscriber records of the account heron@example.net.",
        "Date: May 2, 2026",
        "/s/ Jane Roe, Deputy Clerk",
    )
    assert value(facts, "addressee") == "Example Voice, Inc."


def test_a_demand_after_its_release_letter_starts_a_document_at_its_salutation():
    release = page(
        "U.S. Department of Justice",
        "Federal Bureau of Investigation",
        "April 2, 2026",
        "Custodian of Records",
        "Nimbus Computer",
        "Dear Custodian of Records:",
        "The FBI has reviewed the nondisclosure requirement of the letter below and determined that",
        "nondisclosure is no longer necessary. The nondisclosure requirement is lifted.",
        "Sincerely,",
        "Jane Roe",
        "Special Agent in Charge",
    )
    nsl = page(
        "U.S. Department of Justice",
        "Federal Bureau of Investigation",
        "File No. NSL-26-000123",
        "Custodian of Records",
        "Nimbus Computer",
        "Dear Custodian of Records:",
        "2026",
        "March 3,",
        *NSL_COMMAND,
        *NSL_CLOSE,
        page_no=2,
    )
    facts = extract_facts([release, nsl], today=TODAY)
    assert value(facts, "instrument") == "nsl"
    assert facts.scalars["instrument"].page == 2
    assert categories(facts) == {("subscriber_info", False)}


def test_a_to_label_under_a_heading_ending_in_lower_case_still_opens_the_addressee_block():
    facts = read(
        "COURT OF QUEBEC",
        "PRODUCTION ORDER FOR TRANSMISSION DATA",
        "Sections 487.014 and 487.016 of the Criminal Code",
        "To: Example Online Services Canada ULC, 100 Example Street West, Toronto, ON M5J 2N8",
        "You are ordered to produce the name and address of the subscriber of heron@example.net.",
        "Made on March 3, 2026",
    )
    assert value(facts, "addressee") == "Example Online Services Canada ULC"
