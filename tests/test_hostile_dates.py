"""Dates outside the years tracker reads (1900-2200), up to the edge of Python's calendar
(9999-12-31 is ``date.max``): a finding naming the field, never an OverflowError."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from tracker.cli.group import cli
from tracker.render.display import short_date

GOAL = """\
[[region]]
name = "V"

[[goal]]
id = "y"
region = "V"
title = "a"
unit = "个"
target = 5
start = 2020-01-01
deadline = {deadline}

  [[goal.outcome]]
  as_of = 2023-06-30
  value = 3
"""


@pytest.fixture(autouse=True)
def _cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TRACKER_CACHE_DIR", str(tmp_path / "cache"))


def run(data: Path, lang: str, *args: str) -> Result:
    environment = {"NO_COLOR": "1", "COLUMNS": "120"}
    return CliRunner().invoke(cli, ["--data", str(data), "--lang", lang, *args], env=environment)


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize(
    "args",
    [
        ("status", "--columns", "deadline"),
        ("status", "--format", "markdown"),
        ("report",),
        ("report", "--format", "html"),
        ("show", "y"),
        ("status", "--grace", "3660"),
        ("report", "--grace", "3660"),
    ],
)
@pytest.mark.parametrize("deadline", ["9999-12-31", "9999-12-01", "0025-12-31"])
def test_deadline_outside_the_years_of_a_period(
    tmp_path: Path, lang: str, args: tuple[str, ...], deadline: str
) -> None:
    """A deadline of 9999-12-31 made status and report fail with OverflowError (the
    month-end test added a day; --grace past it did the same in the status rule), and
    0025-12-31 (a year typed short) was read as the year 25: ``period`` took only 1900-2200,
    ``start``, ``deadline`` and ``as_of`` any date. Now each is E120, naming the field."""
    (tmp_path / "t.toml").write_text(GOAL.format(deadline=deadline), encoding="utf-8")
    result = run(tmp_path, lang, *args)
    assert result.exit_code == (2 if "show" in args else 1), result.output  # show: no goal y
    assert "internal error" not in result.output
    assert "E120 [y] deadline" in result.output
    assert ("1900 and 2200" if lang == "en" else "1900 到 2200") in result.output


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_outcome_and_baseline_dates_outside_the_years(tmp_path: Path, lang: str) -> None:
    text = GOAL.format(deadline="2025-12-31").replace("2023-06-30", "0023-06-30")
    (tmp_path / "t.toml").write_text(text, encoding="utf-8")
    result = run(tmp_path, lang, "check")
    assert result.exit_code == 1, result.output
    assert "E120 [y] as_of" in result.output


def test_short_date_of_the_last_day_python_knows() -> None:
    """``date.max`` is a month's last day; adding a day to find that out overflowed."""
    assert short_date(date.max) == "9999-12"
    assert short_date(date(2024, 2, 29)) == "2024-02"
    assert short_date(date(2024, 2, 28)) == "2024-02-28"


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("day", ["9999-12-31", "0099-01-01"])
def test_source_date_outside_the_years(tmp_path: Path, lang: str, day: str) -> None:
    """A source's date was taken as it came (shown in reports as the year 9999); now it is
    E120 on the source's line, and the goal citing it is not reported a second time."""
    source = f'[[source]]\nid = "s"\ntitle = "t"\ndate = {day}\n\n'
    text = GOAL.format(deadline="2025-12-31").replace("[[goal]]", source + "[[goal]]")
    text = text.replace("target = 5", 'target = 5\nsource = "s"')
    (tmp_path / "t.toml").write_text(text, encoding="utf-8")
    result = run(tmp_path, lang, "check")
    assert result.exit_code == 1, result.output
    assert "t.toml:7:1" in result.output
    assert "E120 date" in result.output
    assert ("1900 and 2200" if lang == "en" else "1900 到 2200") in result.output
    assert result.output.count("E1") == 1, result.output
