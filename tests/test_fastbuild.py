"""The constructor shortcuts of tracker.fastbuild build the very objects the constructors do."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal
from fractions import Fraction

import pytest

from tracker.fastbuild import coprime_fraction, frozen_constructor
from tracker.model import Goal, Kind, Measure, Outcome, Target
from tracker.parse.quantity import Quantity, parse_quantity, parse_unit


def test_coprime_fraction_is_the_fraction() -> None:
    made = coprime_fraction(-531, 100)
    assert type(made) is Fraction
    assert made == Fraction(-531, 100)
    assert hash(made) == hash(Fraction(-531, 100))
    assert made < 0
    assert made * 100 == -531
    assert str(made) == "-531/100"


def assert_same_frozen(made: object, cls: type) -> None:
    """``made`` is what ``cls.__init__`` makes from the same fields, and frozen."""
    again = dataclasses.replace(made)  # type: ignore[type-var]  # through __init__
    assert type(made) is cls
    assert made == again
    assert hash(made) == hash(again)
    assert repr(made) == repr(again)
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.text = "changed"  # type: ignore[attr-defined]


def test_frozen_constructor_builds_the_class_itself() -> None:
    new_target = frozen_constructor(Target)
    made = new_target("5.31万", Fraction(53100), Fraction(53100), Fraction(53100), strict=True)
    assert made == Target("5.31万", Fraction(53100), Fraction(53100), Fraction(53100), strict=True)
    assert_same_frozen(made, Target)


@pytest.mark.parametrize("raw", ["5.31万人", "85以上", "5000余", "约5", 42, Decimal("1.50")])
def test_quantities_are_quantity_s_own_objects(raw: object) -> None:
    """parse_quantity builds its Quantity through frozen_constructor (and memoizes it)."""
    made = parse_quantity(raw, unit=parse_unit("人"), role="outcome", tolerance=Fraction(1))
    assert_same_frozen(made, Quantity)


def test_frozen_constructor_keeps_defaults() -> None:
    new_goal = frozen_constructor(Goal)
    day = dt.date(2023, 12, 31)
    args = ("g", "t", "运城市", Kind.AT_LEAST, Measure.FLOW, day, day)
    made = new_goal(*args, outcomes=(Outcome(as_of=day),))
    assert made == Goal(*args, outcomes=(Outcome(as_of=day),))
    assert made.tags == ()
    assert made.acknowledge == ()


def test_a_class_with_post_init_keeps_its_constructor() -> None:
    @dataclasses.dataclass(frozen=True, slots=True)
    class Checked:
        value: int

        def __post_init__(self) -> None:
            if self.value < 0:
                raise ValueError("negative")

    assert frozen_constructor(Checked) is Checked
