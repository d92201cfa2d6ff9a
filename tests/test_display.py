"""Display rounding (display.py): the one place numbers become text."""

from __future__ import annotations

from fractions import Fraction

import pytest

from tracker.display import number


@pytest.mark.parametrize(
    ("value", "zh", "en"),
    [
        ("-5035.4", "-5035", "-5,035"),
        ("5035.4", "5035", "5,035"),
        ("9999", "9999", "9,999"),
        ("9999.7", "1万", "10,000"),
        ("99999999", "1亿", "99,999,999"),
        ("12345", "1.23万", "12,345"),
        ("-12345", "-1.23万", "-12,345"),
        ("53100", "5.31万", "53,100"),
        ("134000000", "1.34亿", "134,000,000"),
        ("123.456", "123.5", "123.5"),
        ("3.891", "3.89", "3.89"),
        ("-0.001", "0", "0"),
    ],
)
def test_number(value: str, zh: str, en: str) -> None:
    assert number(Fraction(value), "zh") == zh
    assert number(Fraction(value), "en") == en
