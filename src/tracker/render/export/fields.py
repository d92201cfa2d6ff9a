"""What every table of an export is made of: fields and their types, keys, and cells.

Cells hold what CSV and SQLite store, so both write the rows as they are (the Parquet writer
converts): text, ISO dates and decimals as ``str``, integers and booleans (1/0) as ``int``,
lists as their items joined with ``;``, and ``""`` for null.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from fractions import Fraction

from tracker.core.rounding import to_decimal
from tracker.render.display import iso_date

Cell = str | int
Row = tuple[Cell, ...]
NULL = ""  # an absent value, in every format but Parquet (which has nulls)

# Decimals of a figure whose exact value has no finite decimal expansion (never the case for a
# figure as written, which is read from decimal text; only for a computed ratio).
FALLBACK_PLACES = 20


class FieldType(enum.Enum):
    """A column's type, as every format writes it."""

    STRING = "string"
    INTEGER = "integer"
    DECIMAL = "decimal"  # exact decimal text: Frictionless number, SQLite TEXT, Parquet decimal
    DATE = "date"  # ISO 8601 text: Frictionless date, SQLite TEXT, Parquet date32
    BOOLEAN = "boolean"  # 1/0 (Frictionless reads both as booleans; SQLite has no other)
    LIST = "list"  # strings joined with LIST_SEPARATOR in CSV and SQLite; a list in Parquet


LIST_SEPARATOR = ";"


@dataclass(frozen=True, slots=True)
class Field:
    name: str
    type: FieldType
    description: str
    enum: tuple[str, ...] = ()  # the values allowed, when a fixed set
    required: bool = False


@dataclass(frozen=True, slots=True)
class ForeignKey:
    field: str
    table: str
    reference: str


@dataclass(frozen=True, slots=True)
class Table:
    name: str
    description: str
    fields: tuple[Field, ...]
    primary_key: tuple[str, ...]
    rows: tuple[Row, ...]
    foreign_keys: tuple[ForeignKey, ...] = ()
    indexes: tuple[str, ...] = ()  # columns indexed in SQLite (besides the primary key)
    search: tuple[str, ...] = ()  # columns of the full-text index

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields)


def values_of(members: Iterable[enum.Enum]) -> tuple[str, ...]:
    """An enum's values, in its order: the allowed values of a column."""
    return tuple(str(m.value) for m in members)


# --- cells ----------------------------------------------------------------------------------


def exact_decimal(value: Fraction) -> str:
    """``value`` as exact decimal text (``53050``, ``94.35``, ``-0.5``). A figure read from
    decimal text always has one; anything else is rounded to :data:`FALLBACK_PLACES`."""
    numerator, denominator = value.numerator, value.denominator
    if denominator == 1:
        return str(numerator)
    scaling = _SCALINGS.get(denominator)
    if scaling is None:
        scaling = _SCALINGS[denominator] = _scaling(denominator)
    places, factor = scaling
    if not places:
        return format(to_decimal(value, FALLBACK_PLACES), "f")
    if numerator < 0:
        digits = str(-numerator * factor).rjust(places + 1, "0")
        return f"-{digits[:-places]}.{digits[-places:]}"
    digits = str(numerator * factor).rjust(places + 1, "0")
    return f"{digits[:-places]}.{digits[-places:]}"


# denominator → (decimal places, 10**places // denominator); (0, 0) when there is no finite
# expansion. Few denominators occur (2, 4, 20, 100 …): each is worked out once.
_SCALINGS: dict[int, tuple[int, int]] = {}


def _scaling(denominator: int) -> tuple[int, int]:
    rest, twos, fives = denominator, 0, 0
    while not rest & 1:
        rest >>= 1
        twos += 1
    while not rest % 5:
        rest //= 5
        fives += 1
    if rest != 1:
        return (0, 0)
    places = max(twos, fives)  # the last digit is never 0: denominator ∤ 10**(places - 1)
    return (places, 10**places // denominator)


def decimal_text(value: Fraction | None) -> str:
    return NULL if value is None else exact_decimal(value)


def flag(value: bool | None) -> Cell:
    return NULL if value is None else int(value)


def text(value: str | None) -> str:
    return NULL if value is None else value


def date_text(value: date | None) -> str:
    return NULL if value is None else iso_date(value)


def number_text(value: object) -> str:
    """A JSON record's number (int or rounded Decimal) as decimal text."""
    if value is None:
        return NULL
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)
