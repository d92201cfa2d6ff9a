"""The data-file schema (SPEC §1), declared once with msgspec.

The loader validates each table against these types; ``tracker schema`` turns the same
types into a JSON Schema. Fields whose TOML/YAML spelling is polymorphic (a quantity may be a
number or a string, a date may be a year or a month) are typed ``Any`` with their JSON Schema
given explicitly, and are read by :mod:`tracker.parse.quantity` / :mod:`tracker.parse.dates`.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

import msgspec

from tracker.problems import ACKNOWLEDGEABLE

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
        description='The stated target ("2.8万", "85%以上", "不超过5%"), a band ["2%", "3%"], '
        'or a target relative to another goal\'s figure: { goal = "ID", change = "5%" }.',
        extra_json_schema={
            "anyOf": [
                {"type": ["string", "number"]},
                {
                    "type": "array",
                    "items": {"type": ["string", "number"]},
                    "minItems": 2,
                    "maxItems": 2,
                },
                {"$ref": "#/$defs/RelativeTarget"},
            ]
        },
    ),
]
# Warning codes recorded on purpose (docs/check.md); the loader explains a wrong code.
AcknowledgeField = Annotated[
    list[Annotated[str, msgspec.Meta(extra_json_schema={"enum": list(ACKNOWLEDGEABLE)})]],
    msgspec.Meta(
        description='Warning codes found and recorded on purpose, e.g. ["W202"] when the source '
        "itself prints an inconsistent figure. `tracker check` counts them as acknowledged.",
        extra_json_schema={"uniqueItems": True},
    ),
]
# A required name: an empty string is as good as missing.
NonEmpty = Annotated[str, msgspec.Meta(min_length=1)]
KindField = Literal["at_least", "at_most", "range", "milestone"]
MeasureField = Literal["flow", "level", "growth"]


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


class RelativeTarget(_Table):
    """``target = { goal = "ID", change = "5%" }``: the figure of another goal, scaled or
    offset (SPEC §1.4). Validated here; the table's spelling is read by the loader."""

    goal: NonEmpty
    change: QuantityField = None
    plus: QuantityField = None


class BaselineSpec(_Table):
    value: QuantityField
    as_of: DateField = None


class OutcomeSpec(_Table):
    as_of: DateField
    value: QuantityField = None
    stated_rate: QuantityField = None
    stated_gap: QuantityField = None
    numerator: QuantityField = None
    denominator: QuantityField = None
    done: bool | None = None
    quote: str | None = None
    source: str | SourceSpec | None = None
    note: str | None = None
    acknowledge: AcknowledgeField = []


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
    indicator: str | None = None
    note: str | None = None


class GoalSpec(GoalFields):
    """A ``[[goal]]`` table once ``[defaults]`` are merged in; id and title are required."""

    id: NonEmpty  # required here, optional in [defaults]
    title: NonEmpty
    outcome: list[OutcomeSpec] = []
    acknowledge: AcknowledgeField = []  # per goal only: not in [defaults]


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
# Every key a data file's tables may have.
FIELD_NAMES = frozenset().union(
    *(
        table.__struct_fields__
        for table in (
            FileSpec,
            GoalSpec,
            OutcomeSpec,
            BaselineSpec,
            RelativeTarget,
            RegionSpec,
            SourceSpec,
        )
    )
)


# What editors show on hover and completion (SPEC §1). Types, required fields and allowed
# values come from the Structs above; only these words are added.
_TABLES = {
    "FileSpec": ("tracker data file", "Regions, sources, [defaults] and goals."),
    "GoalFields": ("[defaults]", "Goal fields applied to every goal in this file."),
    "GoalSpec": ("[[goal]]", "One stated target: one indicator, one region, one period."),
    "OutcomeSpec": ("[[goal.outcome]]", "One reported figure for the goal at a date."),
    "BaselineSpec": ("baseline", "Where progress is measured from."),
    "RelativeTarget": (
        "relative target",
        "The target is another goal's latest figure (不少于上年), scaled by change or offset "
        "by plus.",
    ),
    "RegionSpec": ("[[region]]", "A region; parent links form the region tree."),
    "SourceSpec": ("[[source]]", "A publication that states goals or figures."),
}
_FIELD_DOCS = {
    "defaults": "Any goal field, applied to every goal in this file (a goal's own value wins).",
    "FileSpec.region": "The regions: each a name, its parent, aliases.",
    "FileSpec.source": "The sources: publications that state goals and figures.",
    "region": "The goal's region: the name of a [[region]] (defined in any file).",
    "source": "A source id (a [[source]] defined in any file), or an inline source table.",
    "goal": "The stated targets: one per indicator, region and period.",
    "name": "The region's name, unique across the dataset.",
    "parent": "The name of the region this one belongs to.",
    "aliases": "Other names the region is known by (short names, pinyin, English).",
    "code": "The administrative division code.",
    "publisher": "Who published the source.",
    "date": "Publication date.",
    "url": "Where the source can be read.",
    "id": "Unique across the dataset: <region>-<period>-<slug>.",
    "title": "The indicator as the report names it (goal), or the source's headline.",
    "category": "Free text, e.g. 就业, 教育.",
    "unit": "Base unit (人, 所, 元, %); a scale (万人) is normalised to the base unit.",
    "kind": "at_least (default), at_most (a ceiling), range (a band) or milestone (a thing done).",
    "measure": "flow (counts from zero within the period), level (a state) or growth (a rate of "
    "change against the same period a year earlier, in %); default: level for %, else flow.",
    "indicator": "A stable key for the same measure across regions and years, e.g. "
    "urban-new-jobs (tracker rank, the notice's grid); without it, goals group by their "
    "normalised title.",
    "RelativeTarget.goal": "The id of the goal whose figure is the target (e.g. last year's).",
    "change": 'Scales the referenced figure: "5%" means 5 % more (比上年增长5%).',
    "plus": "Offsets the referenced figure, in the goal's unit (比上年增加2000人); percentage "
    "points for % goals.",
    "stated_gap": "The distance from the target the source itself states, signed like gap: "
    '"超任务17元" is "-17"; percentage points for % goals ("-0.82个百分点").',
    "start": "First day of the period (period is shorthand for start and deadline).",
    "deadline": "Last day of the period.",
    "baseline": "The starting point progress is measured from: { value = …, as_of = … }.",
    "tolerance": "For approximate targets (约, 左右): the band either side, in the goal's unit.",
    "quote": "The source's sentence, verbatim.",
    "tags": "Free labels, e.g. 十四五.",
    "owner": "The body responsible.",
    "note": "Anything a reader should know.",
    "outcome": "Reported figures for this goal, one per date.",
    "value": "The figure, as the report writes it.",
    "stated_rate": "The completion rate the source itself claims, e.g. 104.19%.",
    "numerator": "With denominator: the figure is their exact ratio (×100 when the unit is %).",
    "denominator": "See numerator.",
    "done": "Milestones: whether the thing was done by as_of.",
}


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of one data file.

    The top level is the file's own schema rather than a ``$ref`` to it, so that editors
    implementing older drafts (which ignore keywords beside ``$ref``) read it too.
    """
    # RelativeTarget is named by TargetField's anyOf, not by a field's type: listed explicitly
    _, definitions = msgspec.json.schema_components(
        (FileSpec, RelativeTarget), ref_template="#/$defs/{name}"
    )
    for name, table in definitions.items():
        if name in _TABLES:
            table["title"], table["description"] = _TABLES[name]
        for key, field in table.get("properties", {}).items():
            doc = _FIELD_DOCS.get(f"{name}.{key}", _FIELD_DOCS.get(key))
            if doc is not None and "description" not in field:
                field["description"] = doc
    root = definitions.pop("FileSpec")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        **root,
        "$defs": definitions,
    }
