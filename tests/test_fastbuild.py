"""The constructor shortcuts of tracker.fastbuild build the very objects the constructors do."""

from __future__ import annotations

import dataclasses
import datetime as dt
from fractions import Fraction

import pytest

from tracker.fastbuild import coprime_fraction, frozen_constructor
from tracker.model import Goal, Kind, Measure, Outcome, Target


def test_coprime_fraction_is_the_fraction() -> None:
    made = coprime_fraction(-531, 100)
    assert type(made) is Fraction
    assert made == Fraction(-531, 100)
    assert hash(made) == hash(Fraction(-531, 100))
    assert made < 0
    assert made * 100 == -531
    assert str(made) == "-531/100"


def test_frozen_constructor_builds_the_class_itself() -> None:
    new_target = frozen_constructor(Target)
    made = new_target("5.31万", Fraction(53100), Fraction(53100), Fraction(53100), strict=True)
    expected = Target("5.31万", Fraction(53100), Fraction(53100), Fraction(53100), strict=True)
    assert type(made) is Target
    assert made == expected
    assert hash(made) == hash(expected)
    assert repr(made) == repr(expected)
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.text = "changed"  # type: ignore[misc]


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
