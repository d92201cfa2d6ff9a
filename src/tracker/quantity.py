"""Quantities as Chinese reports write them (SPEC §1.5).

``"5.31万人"``, ``"85%以上"``, ``"不超过5%"``, ``"5000余人次"``, ``"近300人"``, ``"３，７３２"`` …
become a :class:`Quantity`: a nominal value and the interval the wording covers, in the
goal's base unit, with exact (``Fraction``) arithmetic.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from fractions import Fraction
from typing import Literal

Role = Literal["target", "outcome", "rate", "exact"]


class QuantityError(ValueError):
    """A value that cannot be read as a quantity; the message says why and how to fix it."""


class Qualifier(enum.Enum):
    """What a prefix or suffix word says about the number it qualifies."""

    AT_LEAST = "at_least"    # 以上 不低于 不少于 至少: closed lower bound
    AT_MOST = "at_most"      # 以下 以内 不超过 不高于: closed upper bound
    MORE_THAN = "more_than"  # 超 超过 逾 多于, N余 / N多: open lower bound
    LESS_THAN = "less_than"  # 近 将近 接近 不到 不足: open upper bound
    ABOUT = "about"          # 约 大约 左右 上下: N ± tolerance, approximate


@dataclass(frozen=True, slots=True)
class Unit:
    """A goal's unit: the base unit and the scale it was written with (``万人`` = 人 × 10⁴)."""

    base: str
    scale: Fraction = Fraction(1)


@dataclass(frozen=True, slots=True)
class Quantity:
    """A reported number: its nominal value and the interval it stands for, in base units.

    ``low``/``high`` of ``None`` mean unbounded on that side. Percentages stay in percent
    (``"94.4%"`` → nominal 94.4, interval [94.35, 94.45]).
    """

    text: str
    nominal: Fraction
    low: Fraction | None
    high: Fraction | None
    low_open: bool = False
    high_open: bool = False
    qualifier: Qualifier | None = None
    approximate: bool = False

    @property
    def exact(self) -> bool:
        """True when the interval is the single nominal value."""
        return self.low == self.nominal == self.high
