"""A quantity's error may suggest a rewrite, and the rewrite never changes the value
(a tester's report: "四万五千人" → "write 四万人", "12000米" in a 公里 goal → "write
12000公里", "百分之八十五" → "write 百%")."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import pytest
from click.testing import CliRunner

from tracker.cli.group import cli
from tracker.parse.fixes import chinese_number, figure_key, scaled
from tracker.parse.quantity import QuantityError, Role, Unit, parse_quantity, parse_unit


def suggestion(raw: str, unit: str, role: Role) -> tuple[str, str | None]:
    """The error's catalogue key and the fix it suggests (unquoted), if any."""
    with pytest.raises(QuantityError) as info:
        parse_quantity(raw, unit=parse_unit(unit), role=role)
    fixed = info.value.params.get("fixed")
    return str(info.value.key), None if fixed is None else str(fixed).strip('"')


@pytest.mark.parametrize(
    ("raw", "unit", "role", "fixed", "value"),
    [
        ("四万五千人", "人", "outcome", "4.5万人", 45_000),
        ("四万五千人", "人", "target", "4.5万人", 45_000),
        ("百分之八十五", "%", "target", "85%", 85),
        ("百分之八十五以上", "%", "target", "85%以上", 85),
        ("三亿零五百万元", "元", "target", "3.05亿元", 305_000_000),
        ("12000米", "公里", "outcome", "12公里", 12),
        ("不少于12000米", "公里", "target", "不少于12公里", 12),
        ("12500米", "公里", "target", "12.5公里", 12.5),
        ("1.5公里", "米", "target", "1500米", 1500),
        ("30亩", "公顷", "target", "2公顷", 2),
        ("2吨", "公斤", "outcome", "2000公斤", 2000),
        ("5.31万元", "人", "outcome", "5.31万人", 53_100),  # not one measure: the number kept
    ],
)
def test_a_suggestion_keeps_the_value(
    raw: str, unit: str, role: Role, fixed: str, value: float
) -> None:
    _, got = suggestion(raw, unit, role)
    assert got == fixed
    assert parse_quantity(got, unit=parse_unit(unit), role=role).nominal == value


@pytest.mark.parametrize(
    ("raw", "unit", "role"),
    [
        ("四万五人", "人", "outcome"),  # colloquially 45 000: never guessed
        ("一万五百人", "人", "outcome"),  # 10 500 or 15 000?
        ("百分之八十五", "人", "target"),  # "85%" is no figure of 人 either
        ("12500米", "公里", "outcome"),  # exact 12 500 m: "12.5公里" would be a rounded figure
        ("1.5公里", "米", "outcome"),  # [1.45, 1.55] km: neither "1500米" nor "1500.0米"
        ("10亩", "公顷", "target"),  # 2/3 公顷 has no decimal digits
    ],
)
def test_no_suggestion_when_no_exact_rewrite(raw: str, unit: str, role: Role) -> None:
    key, fixed = suggestion(raw, unit, role)
    assert fixed is None, key
    assert key in ("number.spelled_no_fix", "quantity.unit_no_fix")


def test_a_converted_outcome_keeps_its_interval() -> None:
    original = parse_quantity("1.25万米", unit=Unit("米"), role="outcome")  # [12 450, 12 550]
    _, fixed = suggestion("1.25万米", "公里", "outcome")
    assert fixed == "12.5公里"  # [12.45, 12.55]
    converted = parse_quantity(fixed, unit=Unit("公里"), role="outcome")
    assert figure_key(converted) == scaled(original, Fraction(1, 1000))


@pytest.mark.parametrize(
    ("numeral", "value"),
    [
        ("四万五千", 45_000),
        ("十万", 100_000),
        ("一万零五", 10_005),
        ("三亿零五百万", 305_000_000),
        ("四万五", None),
        ("一万五百", None),
        ("五万万", None),
    ],
)
def test_chinese_numbers_with_wan_and_yi(numeral: str, value: int | None) -> None:
    assert chinese_number(numeral) == value


def test_check_suggests_the_same_value(tmp_path: Path) -> None:
    (tmp_path / "a.toml").write_text(
        '[[region]]\nname = "测试市"\n[[source]]\nid = "s"\ntitle = "t"\ndate = 2023-06-01\n'
        '[[goal]]\nid = "g"\ntitle = "t"\nregion = "测试市"\nsource = "s"\nunit = "公里"\n'
        'period = 2023\ntarget = "10公里"\n[[goal.outcome]]\nas_of = 2023-12-31\n'
        'value = "12000米"\n',
        encoding="utf-8",
    )
    result = CliRunner().invoke(cli, ["--lang", "en", "--data", str(tmp_path), "check"])
    assert result.exit_code == 1
    assert 'write "12公里"' in result.stdout
    assert "12000公里" not in result.stdout
