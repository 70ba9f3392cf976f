from datetime import date
from pathlib import Path

import pytest

from app.schedule.calendars import (
    CALENDARS_DIR,
    CalendarError,
    add_business_days,
    add_days,
    calendar_version,
    easter_sunday,
    holidays,
    is_business_day,
    load_calendar,
    load_calendar_file,
)

ALL = ["US", "IE", "GB", "DE", "FR", "LU", "NL", "ES", "CA", "AU", "IN", "BR", "AT"]


def test_every_shipped_calendar_loads() -> None:
    for code in ALL:
        cal = load_calendar(code)
        assert cal.country == code
        assert cal.version
        assert holidays(code, 2026)
    assert load_calendar("ZZ").path.name == "default.toml"
    assert holidays("ZZ", 2026) == set()


def test_easter() -> None:
    assert easter_sunday(2026) == date(2026, 4, 5)
    assert easter_sunday(2025) == date(2025, 4, 20)
    assert easter_sunday(2027) == date(2027, 3, 28)


def test_us_2026_holidays() -> None:
    assert holidays("US", 2026) == {
        date(2026, 1, 1),
        date(2026, 1, 19),  # MLK: 3rd Monday in January
        date(2026, 2, 16),
        date(2026, 5, 25),  # Memorial Day: last Monday in May
        date(2026, 6, 19),
        date(2026, 7, 3),  # Independence Day on a Saturday, observed Friday
        date(2026, 9, 7),
        date(2026, 10, 12),
        date(2026, 11, 11),
        date(2026, 11, 26),  # Thanksgiving: 4th Thursday
        date(2026, 12, 25),
    }


def test_de_2026_holidays() -> None:
    assert holidays("DE", 2026) == {
        date(2026, 1, 1),
        date(2026, 4, 3),  # Good Friday
        date(2026, 4, 6),  # Easter Monday
        date(2026, 5, 1),
        date(2026, 5, 14),  # Ascension
        date(2026, 5, 25),  # Whit Monday
        date(2026, 10, 3),
        date(2026, 12, 25),
        date(2026, 12, 26),
    }


def test_gb_weekend_christmas_moves_to_monday_and_tuesday() -> None:
    h = holidays("GB", 2027)
    assert date(2027, 12, 27) in h and date(2027, 12, 28) in h


def test_canada_victoria_day() -> None:
    assert date(2026, 5, 18) in holidays("CA", 2026)
    assert date(2027, 5, 24) in holidays("CA", 2027)


def test_business_days_skip_holidays() -> None:
    assert not is_business_day(date(2026, 11, 26), "US")
    assert not is_business_day(date(2026, 11, 28), "US")
    assert is_business_day(date(2026, 11, 27), "US")
    # Wednesday before Thanksgiving + 2 business days skips Thursday
    assert add_business_days(date(2026, 11, 25), 2, "US") == date(2026, 11, 30)
    assert add_business_days(date(2026, 11, 25), 2, "ZZ") == date(2026, 11, 27)
    assert add_business_days(date(2026, 4, 2), 1, "DE") == date(2026, 4, 7)
    assert add_business_days(date(2026, 4, 7), -1, "DE") == date(2026, 4, 2)
    assert add_days(date(2026, 12, 31), 1) == date(2027, 1, 1)


def _write(tmp_path: Path, name: str, text: str) -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


HEAD = 'country = "XX"\nname = "Test"\nversion = "1"\n'


@pytest.mark.parametrize(
    ("body", "key"),
    [
        ('[[holiday]]\nname = "A"\nfixed = "13-01"\n', "holiday[0].fixed"),
        ('[[holiday]]\nname = "A"\nnth_weekday = { month = 1, weekday = "mo", n = 1 }\n', "weekday"),
        ('[[holiday]]\nname = "A"\neaster = "x"\n', "holiday[0].easter"),
        ('[[holiday]]\nname = "A"\n', "holiday[0]"),
        ('observed = "sometimes"\n', "observed"),
    ],
)
def test_calendar_error_names_file_and_key(tmp_path: Path, body: str, key: str) -> None:
    p = _write(tmp_path, "XX.toml", HEAD + body)
    with pytest.raises(CalendarError) as err:
        load_calendar_file(p)
    assert "XX.toml" in str(err.value)
    assert key in str(err.value)


def test_missing_version_is_named(tmp_path: Path) -> None:
    p = _write(tmp_path, "YY.toml", 'country = "YY"\nname = "T"\n')
    with pytest.raises(CalendarError, match=r"YY\.toml: version"):
        load_calendar_file(p)


def test_version_changes_with_data(tmp_path: Path) -> None:
    src = (CALENDARS_DIR / "default.toml").read_text(encoding="utf-8")
    _write(tmp_path, "default.toml", src)
    before = calendar_version("ZZ", tmp_path)
    assert before.startswith("default:2026.1:")
    _write(tmp_path, "default.toml", src.replace("holiday = []", '[[holiday]]\nname = "X"\nfixed = "01-02"'))
    after = calendar_version("ZZ", tmp_path)
    assert after != before
    assert load_calendar("ZZ", tmp_path).rules[0].name == "X"
