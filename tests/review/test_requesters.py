"""The requester directory and the check of a demand's contacts against it (issue 4, point 5)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from app.review.requesters import (
    DIRECTORY_FILE,
    Directory,
    DirectoryError,
    import_csv,
    load_directory,
    normalise_name,
    verify,
)

HEADER = "name,country,kind,email_domains,phone_prefixes,address,aliases\n"
FBI_ROW = (
    'Federal Bureau of Investigation,US,agency,fbi.gov,+1,"935 Pennsylvania Avenue NW, Washington",FBI\n'
)
GARDA_ROW = 'An Garda Síochána,IE,police,garda.ie,+353,"Phoenix Park, Dublin 8",Garda\n'


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def shipped() -> Directory:
    return load_directory()


# ------------------------------------------------------------------------------ the starter set


def test_shipped_directory_covers_every_packed_jurisdiction(shipped: Directory) -> None:
    countries = {a.country for a in shipped}
    assert {"US", "IE", "GB", "DE", "FR", "LU", "NL", "IN", "BR", "CA", "AU", "ES"} <= countries
    assert 40 <= len(shipped) <= 70
    assert load_directory() is shipped  # read once


def test_shipped_directory_lists_the_well_known_domains(shipped: Directory) -> None:
    assert [a.name for a in shipped.owners("ic.fbi.gov")] == ["Federal Bureau of Investigation"]
    assert shipped.owners("met.police.uk")[0].country == "GB"
    assert shipped.owners("garda.ie")[0].name == "An Garda Síochána"
    assert shipped.owners("gendarmerie.interieur.gouv.fr")[0].name == "Gendarmerie nationale"


# ------------------------------------------------------------------------------ pass


def test_fbi_address_and_washington_number_pass(shipped: Directory) -> None:
    result = verify(
        "Federal Bureau of Investigation", "US", ["special.agent@fbi.gov"], ["+1 (202) 324-3000"], shipped
    )
    assert result.verdict == "pass"
    assert result.authority == "Federal Bureau of Investigation"
    assert "fbi.gov" in result.reason


@pytest.mark.parametrize(
    ("name", "email"),
    [
        ("F.B.I.", "agent@IC.FBI.GOV"),
        ("the FBI", "agent@fbi.gov"),
        ("FBI Washington Field Office", "agent@fbi.gov"),
        ("Federal Bureau of Investigation, U.S. Department of Justice", "agent@fbi.gov"),
    ],
)
def test_abbreviations_and_subdomains_of_the_fbi_pass(shipped: Directory, name: str, email: str) -> None:
    result = verify(name, "US", [email], [], shipped)
    assert (result.verdict, result.authority) == ("pass", "Federal Bureau of Investigation")


def test_name_without_accents_matches_garda(shipped: Directory) -> None:
    result = verify("AN GARDA SIOCHANA", "IE", ["cyber@garda.ie"], ["+353 1 666 0000"], shipped)
    assert (result.verdict, result.authority) == ("pass", "An Garda Síochána")


def test_prosecutor_is_told_from_the_court_it_is_attached_to(shipped: Directory) -> None:
    name = "Procureur de la République près le tribunal judiciaire de Paris"
    result = verify(name, "FR", ["pr@justice.fr"], [], shipped)
    assert result.verdict == "pass"
    assert result.authority == "Parquets (procureurs de la République)"


def test_normalised_names_ignore_case_accents_punctuation_and_articles() -> None:
    assert normalise_name("The U.S. Attorney's Office") == normalise_name("united states attorneys office")
    assert normalise_name("Polícia Federal") == normalise_name("POLICIA FEDERAL")


# ------------------------------------------------------------------------------ fail


def test_gmail_for_a_police_force_fails(shipped: Directory) -> None:
    result = verify("NYPD", "US", ["detective.smith@gmail.com"], [], shipped)
    assert result.verdict == "fail"
    assert "free-mail" in result.reason and "gmail.com" in result.reason
    assert "police force" in result.reason


@pytest.mark.parametrize("domain", ["yahoo.co.uk", "gmx.de", "proton.me", "outlook.fr"])
def test_free_mail_services_fail_for_a_named_authority(shipped: Directory, domain: str) -> None:
    result = verify("Metropolitan Police Service", "GB", [f"officer@{domain}"], [], shipped)
    assert result.verdict == "fail"
    assert domain in result.reason


# the last one writes the i in Cyrillic
@pytest.mark.parametrize(
    "domain", ["fbi.gov.example.com", "fbi-gov.com", "fbl.gov", "secure-fbi.gov", "fb\u0456.gov"]
)
def test_look_alike_of_fbi_gov_fails(shipped: Directory, domain: str) -> None:
    result = verify("FBI", "US", [f"agent@{domain}"], [], shipped)
    assert result.verdict == "fail"
    assert domain in result.reason and "looks like fbi.gov" in result.reason


def test_uk_number_for_a_us_agency_fails(shipped: Directory) -> None:
    result = verify("FBI", "US", ["agent@fbi.gov"], ["+44 20 7230 1212"], shipped)
    assert result.verdict == "fail"
    assert "+44 20 7230 1212" in result.reason and "GB" in result.reason


def test_canadian_area_code_for_a_us_agency_fails(shipped: Directory) -> None:
    result = verify("FBI", "US", ["agent@fbi.gov"], ["+1 416 808 2222"], shipped)
    assert result.verdict == "fail"
    assert "CA" in result.reason


def test_number_outside_the_city_of_a_police_department_fails(shipped: Directory) -> None:
    result = verify("NYPD", "US", ["det@nypd.org"], ["+1 312 746 6000"], shipped)
    assert result.verdict == "fail"
    assert "+1212" in result.reason and "+1 312 746 6000" in result.reason


def test_domain_of_another_authority_fails_and_names_it(shipped: Directory) -> None:
    result = verify("New York City Police Department", "US", ["x@fbi.gov"], [], shipped)
    assert result.verdict == "fail"
    assert "Federal Bureau of Investigation" in result.reason


def test_domain_of_another_country_fails_and_names_it(shipped: Directory) -> None:
    result = verify("FBI", "US", ["x@garda.ie"], [], shipped)
    assert result.verdict == "fail"
    assert "garda.ie" in result.reason and "IE" in result.reason


def test_government_domain_of_another_country_fails(shipped: Directory) -> None:
    result = verify("Example County Sheriff's Office", "US", ["deputy@homeoffice.gov.uk"], [], shipped)
    assert result.verdict == "fail"
    assert "homeoffice.gov.uk" in result.reason and "GB" in result.reason


def test_private_domain_for_a_listed_authority_fails(shipped: Directory) -> None:
    result = verify("Bundeskriminalamt", "DE", ["ermittler@bka-ermittlung.eu"], [], shipped)
    assert result.verdict == "fail"
    assert "bka-ermittlung.eu" in result.reason


def test_one_good_address_does_not_cover_a_bad_one(shipped: Directory) -> None:
    result = verify("FBI", "US", ["agent@fbi.gov", "agent.fbi@gmail.com"], [], shipped)
    assert result.verdict == "fail"


# ------------------------------------------------------------------------------ unknown


def test_no_contacts_at_all_is_unknown(shipped: Directory) -> None:
    result = verify("FBI", "US", [], ["  "], shipped)
    assert result.verdict == "unknown"
    assert "no e-mail address or telephone number" in result.reason


@pytest.mark.parametrize(
    ("name", "country", "email"),
    [
        ("Example County Sheriff's Office", "US", "records@examplecounty.gov"),
        ("Kent Police", "GB", "disclosure@kent.police.uk"),
        ("Préfecture de Lyon", "FR", "contact@rhone.gouv.fr"),
    ],
)
def test_unknown_authority_on_a_government_domain_is_unknown_with_a_suggestion(
    shipped: Directory, name: str, country: str, email: str
) -> None:
    result = verify(name, country, [email], [], shipped)
    assert result.verdict == "unknown"
    assert result.authority is None
    assert name in result.reason and "add the authority to the directory" in result.reason


def test_nearby_government_domain_of_an_unlisted_authority_is_not_a_look_alike(shipped: Directory) -> None:
    result = verify("Nuclear Decommissioning Authority", "GB", ["x@nda.gov.uk"], [], shipped)
    assert result.verdict == "unknown"


def test_telephone_number_alone_is_unknown(shipped: Directory) -> None:
    result = verify("FBI", "US", [], ["+1 202 324 3000"], shipped)
    assert result.verdict == "unknown"
    assert result.authority == "Federal Bureau of Investigation"


def test_listed_domain_without_a_named_authority_is_unknown_but_points_at_it(shipped: Directory) -> None:
    result = verify(None, None, ["agent@fbi.gov"], [], shipped)
    assert (result.verdict, result.authority) == ("unknown", "Federal Bureau of Investigation")


# ------------------------------------------------------------------------------ bad CSV rows


@pytest.mark.parametrize(
    ("row", "says"),
    [
        ("Springfield Police,US,police,springfieldpd.org,+1217\n", "missing column 'address'"),
        ('Springfield Police,USA,police,springfieldpd.org,+1217,"Springfield, IL",\n', "'USA'"),
        ('Springfield Police,XX,police,springfieldpd.org,+1217,"Springfield, IL",\n', "XX"),
        ('Springfield Police,US,police,springfieldpd.org,217-555,"Springfield, IL",\n', "'217-555'"),
        ('Springfield Police,US,police,springfieldpd.org,+44,"Springfield, IL",\n', "+44"),
        ('Springfield Police,US,police,springfieldpd.org,+1416,"Springfield, IL",\n', "CA"),
        ('Springfield Police,US,sheriff,springfieldpd.org,+1217,"Springfield, IL",\n', "'sheriff'"),
        ('Springfield Police,US,police,gmail.com,+1217,"Springfield, IL",\n', "free-mail"),
        ('Springfield Police,US,police,gov,+1217,"Springfield, IL",\n', "'gov'"),
        ("Springfield Police,US,police,springfieldpd.org,+1217,,\n", "address"),
        ("Springfield Police,US,police,springfieldpd.org,+1217,Springfield, IL,\n", "quotes"),
        ('federal bureau of investigation,US,agency,fbi.gov,+1,"Washington, DC",\n', "line 2"),
        ('Garda Cyber Unit,IE,police,fbi.gov,+353,"Dublin",\n', "already listed"),
    ],
)
def test_bad_row_names_file_and_line(tmp_path: Path, row: str, says: str) -> None:
    path = write(tmp_path / "requesters.csv", HEADER + FBI_ROW + row)
    with pytest.raises(DirectoryError) as raised:
        load_directory(path)
    message = str(raised.value)
    assert str(path) in message and "line 3" in message
    assert says in message


def test_header_without_a_required_column_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path / "requesters.csv", "name,country,kind,email_domains,address\n" + FBI_ROW)
    with pytest.raises(DirectoryError, match=r"line 1: header lacks column\(s\) phone_prefixes"):
        load_directory(path)


def test_comments_and_blank_lines_are_skipped_and_counted(tmp_path: Path) -> None:
    path = write(tmp_path / "requesters.csv", "# agencies\n\n" + HEADER + FBI_ROW + "Bad,US,police,,,x,\n")
    with pytest.raises(DirectoryError, match="line 5"):
        load_directory(path)


def test_file_that_is_not_utf8_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "requesters.csv"
    path.write_bytes((HEADER + "Polic\xeda,ES,police,policia.es,+34,Madrid,\n").encode("latin-1"))
    with pytest.raises(DirectoryError, match="not UTF-8"):
        load_directory(path)


def test_directory_without_aliases_column_loads(tmp_path: Path) -> None:
    path = write(
        tmp_path / "r.csv",
        "name,country,kind,email_domains,phone_prefixes,address\nPolitie,NL,police,politie.nl,+31,Den Haag\n",
    )
    directory = load_directory(path)
    assert verify("Politie", "NL", ["x@politie.nl"], [], directory).verdict == "pass"


# ------------------------------------------------------------------------------ import


def test_import_merges_and_replaces_same_name_and_country(tmp_path: Path) -> None:
    target = write(tmp_path / "requesters.csv", "# kept\n" + HEADER + FBI_ROW + GARDA_ROW)
    source = write(
        tmp_path / "new.csv",
        HEADER
        + 'FEDERAL BUREAU OF INVESTIGATION,US,agency,fbi.gov ic.fbi.gov,+1202,"Washington, DC",FBI\n'
        + 'Politie,NL,police,politie.nl,+31,"Den Haag",\n',
    )
    assert import_csv(source, target) == 1
    merged = load_directory(target)
    assert [a.name for a in merged] == ["FEDERAL BUREAU OF INVESTIGATION", "An Garda Síochána", "Politie"]
    assert merged.authorities[0].phone_prefixes == ("+1202",)
    assert target.read_text(encoding="utf-8").startswith("# kept\n")
    # the replaced entry now decides: a New York number no longer fits
    assert verify("FBI", "US", ["a@fbi.gov"], ["+1 212 384 1000"], merged).verdict == "fail"


def test_import_into_a_missing_file_creates_it(tmp_path: Path) -> None:
    target = tmp_path / "requesters.csv"
    source = write(tmp_path / "new.csv", HEADER + FBI_ROW + GARDA_ROW)
    assert import_csv(source, target) == 2
    assert len(load_directory(target)) == 2


@pytest.mark.parametrize(
    "bad",
    [
        HEADER + 'Politie,NL,police,politie.nl,+31,"Den Haag",\n' + "Broken,NL,police,x.nl\n",
        HEADER + 'Garda Cyber Unit,IE,police,fbi.gov,+353,"Dublin",\n',  # conflicts with the target
    ],
)
def test_bad_import_leaves_the_target_untouched(tmp_path: Path, bad: str) -> None:
    folder = tmp_path / "policy"
    folder.mkdir()
    target = write(folder / "requesters.csv", HEADER + FBI_ROW + GARDA_ROW)
    before = target.read_bytes()
    source = write(folder / "new.csv", bad)
    with pytest.raises(DirectoryError, match=str(source)):
        import_csv(source, target)
    assert target.read_bytes() == before
    assert sorted(os.listdir(folder)) == ["new.csv", "requesters.csv"]  # no temporary file left


def test_import_keeps_the_target_file_mode(tmp_path: Path) -> None:
    target = write(tmp_path / "requesters.csv", HEADER + FBI_ROW)
    target.chmod(0o644)
    import_csv(write(tmp_path / "new.csv", HEADER + GARDA_ROW), target)
    assert target.stat().st_mode & 0o777 == 0o644


def test_import_refuses_a_bad_target_rather_than_overwrite_it(tmp_path: Path) -> None:
    target = write(tmp_path / "requesters.csv", "not,a,directory\n")
    source = write(tmp_path / "new.csv", HEADER + FBI_ROW)
    with pytest.raises(DirectoryError, match=str(target)):
        import_csv(source, target)
    assert target.read_text() == "not,a,directory\n"


def test_shipped_file_survives_a_round_trip_through_import(tmp_path: Path) -> None:
    copy = tmp_path / "requesters.csv"
    assert import_csv(DIRECTORY_FILE, copy) == len(load_directory())
    assert load_directory(copy).authorities == load_directory().authorities


# ------------------------------------------------------------------------------ more reasons


@pytest.mark.parametrize(
    ("name", "country", "emails", "phones", "verdict", "says"),
    [
        # the name is FBI's, the demand says it comes from the UK
        ("FBI", "GB", ["agent@fbi.gov"], [], "fail", "comes from GB"),
        ("Dallas Police Department", "US", ["x@garda.ie"], [], "fail", "garda.ie belongs to An Garda"),
        ("Dallas Police Department", "US", ["x@hotmail.com"], [], "fail", "claiming to be Dallas Police"),
        ("Dallas Police Department", "US", ["x@nypd.org"], [], "unknown", "add the name as an alias"),
        ("Dallas Police Department", "US", ["x@dallaspd.example"], [], "unknown", "nor a government domain"),
        ("FBI", "US", ["agent@irs.gov"], [], "unknown", "not one the directory lists for Federal Bureau"),
        ("FBI", "US", ["agent at fbi dot gov"], [], "unknown", "not an e-mail address"),
        ("FBI", "US", [], ["(202) 324-3000"], "unknown", "international form"),
        ("FBI", "US", [], ["+998 71 123 4567"], "fail", "not a US number"),
        (None, None, ["someone@gmail.com"], [], "unknown", "names no authority"),
        (None, None, ["someone@usa.gov"], [], "unknown", "names no authority"),
        ("Springfield Police", None, [], ["+1 217 753 0100"], "unknown", "not in the requester directory"),
    ],
)
def test_each_reason_names_what_it_found(
    shipped: Directory,
    name: str | None,
    country: str | None,
    emails: list[str],
    phones: list[str],
    verdict: str,
    says: str,
) -> None:
    result = verify(name, country, emails, phones, shipped)
    assert result.verdict == verdict, result.reason
    assert says in result.reason
    assert result.reason.endswith(".")


# ------------------------------------------------------------------------------ unreadable files


def test_missing_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(DirectoryError, match="cannot be read"):
        load_directory(tmp_path / "nowhere.csv")


def test_empty_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(DirectoryError, match="no header line"):
        load_directory(write(tmp_path / "r.csv", "# nothing here\n"))


def test_repeated_column_is_refused(tmp_path: Path) -> None:
    with pytest.raises(DirectoryError, match="line 1: unknown or repeated column"):
        load_directory(write(tmp_path / "r.csv", HEADER.strip() + ",name\n"))


def test_value_spanning_lines_is_refused(tmp_path: Path) -> None:
    path = write(
        tmp_path / "r.csv", HEADER + 'Politie,NL,police,politie.nl,+31,"Nieuwe Uitleg 1\nDen Haag",\n'
    )
    with pytest.raises(DirectoryError, match="line 2: not a CSV row"):
        load_directory(path)


def test_oversized_import_is_refused_before_it_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import app.review.requesters as requesters

    monkeypatch.setattr(requesters, "MAX_CSV_BYTES", 100)
    source = write(tmp_path / "big.csv", HEADER + FBI_ROW + GARDA_ROW)
    with pytest.raises(DirectoryError, match="more than a directory can be"):
        import_csv(source, tmp_path / "requesters.csv")
    assert not (tmp_path / "requesters.csv").exists()


def test_importing_into_the_shipped_file_refreshes_the_cached_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import app.review.requesters as requesters

    shipped = write(tmp_path / "requesters.csv", HEADER + FBI_ROW)
    monkeypatch.setattr(requesters, "DIRECTORY_FILE", shipped)
    requesters._shipped_directory.cache_clear()
    try:
        assert len(load_directory()) == 1
        import_csv(write(tmp_path / "new.csv", HEADER + GARDA_ROW), shipped)
        assert len(load_directory()) == 2
    finally:
        requesters._shipped_directory.cache_clear()


def test_contacts_reserved_for_examples_say_nothing_either_way():
    result = verify(
        "Federal Bureau of Investigation",
        "US",
        ["agent@example.org"],
        ["+1 (406) 555-0163"],
        load_directory(),
    )
    assert result.verdict == "unknown" and "reserved for examples" in result.reason
    # A real contact beside a made-up one is still checked.
    mixed = verify("Federal Bureau of Investigation", "US", ["agent@example.org", "x@gmail.com"], [])
    assert mixed.verdict == "fail"
