"""The data-file schema (SPEC §1), declared once with msgspec.

The loader validates each table against these types; ``tracker schema`` turns the same
types into a JSON Schema. Fields whose TOML/YAML spelling is polymorphic (a quantity may be a
number or a string, a date may be a year or a month) are typed ``Any`` with their JSON Schema
given explicitly, and are read by :mod:`tracker.quantity` / :mod:`tracker.dates`.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

import msgspec

# A quantity as a report writes it: 53100, 5.31, "5.31万", "85%以上", "5000余".
QuantityField = Annotated[
    Any,
    msgspec.Meta(
        description='A number, or a string as the report writes it: "5.31万", "85%以上", "5000余".',
        extra_json_schema={"type": ["string", "number"]},
    ),
]
# A date: 2022-12-31, a year (2022 = Dec 31) or a month ("2024-10" = the month's last day).
DateField = Annotated[
    Any,
    msgspec.Meta(
        description='A date (2022-12-31), a year (2022 means Dec 31) or a month ("2024-10").',
        extra_json_schema={
            "anyOf": [
                {"type": "string", "pattern": r"^\d{4}(-\d{2}(-\d{2})?)?$"},
                {"type": "integer", "minimum": 1900, "maximum": 2200},
            ]
        },
    ),
]
PeriodField = Annotated[
    Any,
    msgspec.Meta(
        description='A year (2022) or a span of years ("2021-2025").',
        extra_json_schema={
            "anyOf": [
                {"type": "integer", "minimum": 1900, "maximum": 2200},
                {"type": "string", "pattern": r"^\d{4}(\s*[-–—~]\s*\d{4})?$"},
            ]
        },
    ),
]
TargetField = Annotated[
    Any,
    msgspec.Meta(
        description='The stated target ("2.8万", "85%以上", "不超过5%"), or a band ["2%", "3%"].',
        extra_json_schema={
            "anyOf": [
                {"type": ["string", "number"]},
                {
                    "type": "array",
                    "items": {"type": ["string", "number"]},
                    "minItems": 2,
                    "maxItems": 2,
                },
            ]
        },
    ),
]
KindField = Literal["at_least", "at_most", "range", "milestone"]
MeasureField = Literal["flow", "level"]


class _Table(msgspec.Struct, forbid_unknown_fields=True, kw_only=True, omit_defaults=True):
    """Base: unknown keys are errors (a typo must not silently drop a field)."""


class RegionSpec(_Table):
    name: str
    parent: str | None = None
    aliases: list[str] = []
    code: str | None = None


class SourceSpec(_Table):
    id: str | None = None
    title: str | None = None
    publisher: str | None = None
    date: dt.date | None = None
    url: str | None = None


class BaselineSpec(_Table):
    value: QuantityField
    as_of: DateField = None


class OutcomeSpec(_Table):
    as_of: DateField
    value: QuantityField = None
    stated_rate: QuantityField = None
    numerator: QuantityField = None
    denominator: QuantityField = None
    done: bool | None = None
    quote: str | None = None
    source: str | SourceSpec | None = None
    note: str | None = None


class GoalFields(_Table):
    """Every goal field optional: the shape of ``[defaults]``."""

    id: str | None = None
    title: str | None = None
    region: str | None = None
    category: str | None = None
    unit: str | None = None
    kind: KindField = "at_least"
    measure: MeasureField | None = None
    period: PeriodField = None
    start: dt.date | None = None
    deadline: dt.date | None = None
    target: TargetField = None
    baseline: BaselineSpec | None = None
    tolerance: QuantityField = None
    quote: str | None = None
    source: str | SourceSpec | None = None
    tags: list[str] = []
    owner: str | None = None
    note: str | None = None


class GoalSpec(GoalFields):
    """A ``[[goal]]`` table once ``[defaults]`` are merged in; id and title are required."""

    id: str  # required here, optional in [defaults]
    title: str
    outcome: list[OutcomeSpec] = []


class FileSpec(_Table):
    """The top level of a data file. Goals stay raw here: each is validated on its own."""

    defaults: GoalFields | None = None
    region: list[RegionSpec] = []
    source: list[SourceSpec] = []
    goal: list[GoalSpec] = []


GOAL_KEYS = frozenset(GoalSpec.__struct_fields__)
DEFAULT_KEYS = frozenset(GoalFields.__struct_fields__)
OUTCOME_KEYS = frozenset(OutcomeSpec.__struct_fields__)
TOP_KEYS = frozenset(FileSpec.__struct_fields__)


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of one data file."""
    schema: dict[str, Any] = msgspec.json.schema(FileSpec)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "tracker data file"
    return schema
