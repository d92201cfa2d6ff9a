"""Building the model's values without the costs of their constructors.

A dataset is millions of small immutable objects: Fractions for every figure, frozen
dataclasses for quantities, targets, outcomes and goals. Their constructors check and convert
what the loader and the parse cache already know to be right (``Fraction()``'s type checks and
gcd, a frozen dataclass's ``object.__setattr__`` per field). These build the very same
objects faster, each after a probe at import that the shortcut gives what the constructor
gives, falling back to the constructor otherwise (docs/performance.md).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from fractions import Fraction
from typing import TypeVar

_T = TypeVar("_T")


def _coprime_fraction(numerator: int, denominator: int) -> Fraction:
    made: Fraction = object.__new__(Fraction)
    made._numerator = numerator  # type: ignore[attr-defined]  # Fraction's own slots
    made._denominator = denominator  # type: ignore[attr-defined]
    return made


def _checked_coprime_fraction() -> Callable[[int, int], Fraction]:
    """The shortcut only where it builds the same value as ``Fraction()`` (CPython's
    ``fractions`` keeps its numerator and denominator in these two slots)."""
    try:
        probe = _coprime_fraction(-3, 4)
        if probe == Fraction(-3, 4) and hash(probe) == hash(Fraction(-3, 4)) and probe * 4 == -3:
            return _coprime_fraction
    except (AttributeError, TypeError):  # pragma: no cover  # another Fraction implementation
        pass
    return Fraction  # pragma: no cover


coprime_fraction: Callable[[int, int], Fraction] = _checked_coprime_fraction()
"""A Fraction from ints already in lowest terms (``denominator > 0``): the caller's promise,
not checked."""


def frozen_constructor(cls: type[_T]) -> Callable[..., _T]:
    """``cls(...)`` for a frozen, slotted dataclass: the same objects, two to three times faster.

    A frozen dataclass's ``__init__`` sets each field through ``object.__setattr__``: for the
    quantities, goals and outcomes of a dataset, a sixth of the loader's own work. A mutable twin
    with the same fields and slots is filled instead, then relabelled ``cls`` (CPython allows
    it between classes of one layout). Where that is refused, ``cls`` itself is returned, as
    it is for a class whose ``__init__`` does more than set its fields.
    """
    own = dataclasses.fields(cls)  # type: ignore[arg-type]
    if hasattr(cls, "__post_init__") or not all(f.init for f in own):
        return cls  # its __init__ does more than set the fields

    def relabel(draft: object) -> None:
        draft.__class__ = cls

    fields = [
        (f.name, f.type, dataclasses.field(default=f.default, default_factory=f.default_factory))
        for f in own
    ]
    twin = dataclasses.make_dataclass(
        f"_{cls.__name__}Draft", fields, slots=True, namespace={"__post_init__": relabel}
    )
    try:
        probe = twin(*(None for _ in fields))
    except TypeError:  # pragma: no cover  # another layout, or another Python
        return cls
    return twin if type(probe) is cls else cls
