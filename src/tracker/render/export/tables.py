"""The five tables of an export (SPEC §5.1): their fields, types and keys, and their rows.

One declaration per table feeds every format: the CSV header, ``datapackage.json``, the
SQLite schema and the Parquet schema. ``goals`` and ``outcomes`` hold the data as written
(the verbatim text next to the exact bounds it stands for, as decimal strings);
``evaluation`` holds the figures of ``tracker status --format json`` — its columns are those
of ``status --format csv`` (:data:`tracker.render.csv.COLUMNS`) and its values come from the
same record builder, so a key added there is exported too.

Pure: no files, no printing (cells: :mod:`tracker.render.export.fields`).
"""

from __future__ import annotations

from pathlib import Path, PurePath

from tracker.core.status import StatusReport, region_order
from tracker.model import Dataset, Goal, Kind, Measure, Outcome, Region, Source
from tracker.parse.quantity import Qualifier, Quantity
from tracker.render.csv import flat_record
from tracker.render.display import iso_date
from tracker.render.export.evaluation import evaluation_fields, evaluation_rows
from tracker.render.export.fields import (
    LIST_SEPARATOR,
    NULL,
    Cell,
    Field,
    FieldType,
    ForeignKey,
    Row,
    Table,
    date_text,
    decimal_text,
    exact_decimal,
    flag,
    text,
    values_of,
)


class _Files:
    """Data-file paths relative to the data directory, as POSIX text: the same whatever the
    working directory (the loader's paths are relative to it), remembered per file."""

    def __init__(self, root: Path) -> None:
        self.root = root.resolve()
        self.single = not root.is_dir()
        self.cwd = Path.cwd()
        self.known: dict[str, str] = {}

    def __call__(self, file: str) -> str:
        if not file:
            return NULL
        found = self.known.get(file)
        if found is None:
            path = (self.cwd / file).resolve()
            base = self.root.parent if self.single else self.root
            try:
                found = path.relative_to(base).as_posix()
            except ValueError:
                found = PurePath(file).as_posix()
            self.known[file] = found
        return found


# --- regions --------------------------------------------------------------------------------

REGION_FIELDS = (
    Field("name", FieldType.STRING, "The region's name, unique in the dataset.", required=True),
    Field("parent", FieldType.STRING, "The region it belongs to (a name in this table)."),
    Field("code", FieldType.STRING, "Administrative division code."),
    Field("aliases", FieldType.LIST, "Other names it is known by, separated by ';'."),
    Field("file", FieldType.STRING, "The data file that defines it, relative to the data."),
)


def _regions(dataset: Dataset, files: _Files) -> tuple[Row, ...]:
    order = region_order(dataset)
    regions = sorted(dataset.regions.values(), key=lambda r: order.get(r.name, len(order)))
    known = dataset.regions
    return tuple(_region_row(r, known, files) for r in regions)


def _region_row(region: Region, known: dict[str, Region], files: _Files) -> Row:
    parent = region.parent if region.parent in known else NULL
    aliases = LIST_SEPARATOR.join(region.aliases)
    return (region.name, text(parent), text(region.code), aliases, files(region.file))


# --- sources --------------------------------------------------------------------------------

SOURCE_FIELDS = (
    Field("id", FieldType.STRING, "The source's id, unique in the dataset.", required=True),
    Field("title", FieldType.STRING, "Title of the document or article."),
    Field("publisher", FieldType.STRING, "Who published it."),
    Field("date", FieldType.DATE, "Publication date."),
    Field("url", FieldType.STRING, "Where it can be read."),
    Field("file", FieldType.STRING, "The data file that defines it, relative to the data."),
)


def _source_row(source: Source, files: _Files) -> Row:
    return (
        source.id,
        text(source.title),
        text(source.publisher),
        date_text(source.date),
        text(source.url),
        files(source.file),
    )


# --- goals ----------------------------------------------------------------------------------


def _quantity_fields(prefix: str, what: str, unit: str) -> tuple[Field, ...]:
    return (
        Field(f"{prefix}_text", FieldType.STRING, f"The {what} as written in the data."),
        Field(prefix, FieldType.DECIMAL, f"The {what}'s nominal value, exact, {unit}."),
        Field(
            f"{prefix}_low",
            FieldType.DECIMAL,
            f"Lowest value the {what} stands for, exact (empty: unbounded).",
        ),
        Field(
            f"{prefix}_high",
            FieldType.DECIMAL,
            f"Highest value the {what} stands for, exact (empty: unbounded).",
        ),
    )


_IN_UNIT = "in the goal's base unit (percent for %)"

GOAL_FIELDS = (
    Field("id", FieldType.STRING, "The goal's id, unique in the dataset.", required=True),
    Field("region", FieldType.STRING, "The region (a name in regions).", required=True),
    Field("title", FieldType.STRING, "The indicator as the report names it.", required=True),
    Field("category", FieldType.STRING, "Free-text category."),
    Field("indicator", FieldType.STRING, "A stable key for the same measure across regions."),
    Field("unit", FieldType.STRING, "Base unit (人, 元, %, …); empty for milestones."),
    Field("kind", FieldType.STRING, "How the target is met.", values_of(Kind), required=True),
    Field("measure", FieldType.STRING, "flow, level, … (SPEC §1.4).", values_of(Measure), True),
    Field("start", FieldType.DATE, "First day of the period.", required=True),
    Field("deadline", FieldType.DATE, "Last day of the period.", required=True),
    *_quantity_fields("target", "stated target", _IN_UNIT),
    Field(
        "target_strict",
        FieldType.BOOLEAN,
        "The target's wording excludes the value itself (超5000, 不到300).",
    ),
    Field("target_approximate", FieldType.BOOLEAN, "The target is approximate (约, 左右)."),
    Field("tolerance", FieldType.DECIMAL, f"Tolerance of an approximate target, {_IN_UNIT}."),
    Field(
        "target_goal",
        FieldType.STRING,
        "A relative target (不少于上年): the goal whose figure is the target (SPEC §1.4).",
    ),
    Field("target_change", FieldType.DECIMAL, "A relative target's change, in percent."),
    Field("target_plus", FieldType.DECIMAL, f"A relative target's offset, {_IN_UNIT}."),
    *_quantity_fields("baseline", "baseline", _IN_UNIT),
    Field("baseline_as_of", FieldType.DATE, "The date the baseline refers to."),
    Field("quote", FieldType.STRING, "The verbatim sentence that states the goal."),
    Field("source", FieldType.STRING, "The source stating it (an id in sources)."),
    Field("owner", FieldType.STRING, "The responsible body."),
    Field("tags", FieldType.LIST, "Tags, separated by ';'."),
    Field("note", FieldType.STRING, "Note."),
    Field("file", FieldType.STRING, "The data file that holds it, relative to the data."),
)


_NO_QUANTITY = (NULL, NULL, NULL, NULL)


def _quantity(q: Quantity | None) -> tuple[str, str, str, str]:
    if q is None:
        return _NO_QUANTITY
    nominal = q.nominal
    text = exact_decimal(nominal)
    low, high = q.low, q.high
    # an exact figure's bounds are its nominal value (the same object: no second conversion)
    return (
        q.text,
        text,
        text if low is nominal else decimal_text(low),
        text if high is nominal else decimal_text(high),
    )


def _goal_row(goal: Goal, sources: dict[str, Source], files: _Files) -> Row:
    target = goal.target
    ref = goal.target_ref
    baseline = goal.baseline
    return (
        goal.id,
        goal.region,
        goal.title,
        text(goal.category),
        text(goal.indicator),
        text(goal.unit),
        goal.kind.value,
        goal.measure.value,
        iso_date(goal.start),
        iso_date(goal.deadline),
        *(
            _NO_TARGET
            if target is None
            else (
                target.text,
                exact_decimal(target.nominal),
                exact_decimal(target.low),
                exact_decimal(target.high),
                int(target.strict),
                int(target.approximate),
            )
        ),
        decimal_text(goal.tolerance),
        *(_NO_REF if ref is None else (ref.goal, decimal_text(ref.change), decimal_text(ref.plus))),
        *(_NO_QUANTITY if baseline is None else _quantity(baseline.value)),
        NULL if baseline is None else date_text(baseline.as_of),
        text(goal.quote),
        goal.source if goal.source in sources else NULL,
        text(goal.owner),
        LIST_SEPARATOR.join(goal.tags),
        text(goal.note),
        files(goal.file),
    )


_NO_TARGET = (NULL,) * 6
_NO_REF = (NULL,) * 3


# --- outcomes -------------------------------------------------------------------------------

OUTCOME_FIELDS = (
    Field("goal", FieldType.STRING, "The goal it reports on (an id in goals).", required=True),
    Field("seq", FieldType.INTEGER, "Position among the goal's outcomes, by date.", required=True),
    Field("as_of", FieldType.DATE, "The date the figure refers to.", required=True),
    *_quantity_fields("value", "reported figure", _IN_UNIT),
    Field("value_low_open", FieldType.BOOLEAN, "value_low itself is excluded (超, 余, 多)."),
    Field("value_high_open", FieldType.BOOLEAN, "value_high itself is excluded (近, 不到)."),
    Field(
        "value_qualifier",
        FieldType.STRING,
        "What the figure's wording says about it (以上, 超, 近, 约 …).",
        values_of(Qualifier),
    ),
    *_quantity_fields("stated_rate", "completion rate the source states", "in percent"),
    *_quantity_fields(
        "stated_gap", "gap to the target the source states", "signed like gap; pp for % goals"
    ),
    Field("numerator", FieldType.DECIMAL, "Numerator, when the figure is a stated ratio."),
    Field("denominator", FieldType.DECIMAL, "Denominator, when the figure is a stated ratio."),
    Field("done", FieldType.BOOLEAN, "A milestone's state."),
    Field("quote", FieldType.STRING, "The verbatim sentence that reports the figure."),
    Field("source", FieldType.STRING, "The source reporting it (an id in sources)."),
    Field("note", FieldType.STRING, "Note."),
)


def _outcome_row(goal_id: str, seq: int, o: Outcome, sources: dict[str, Source]) -> Row:
    value = o.value
    if value is None:
        figure: tuple[Cell, ...] = _NO_FIGURE
    else:
        qualifier = value.qualifier
        figure = (
            *_quantity(value),
            int(value.low_open),
            int(value.high_open),
            NULL if qualifier is None else qualifier.value,
        )
    return (
        goal_id,
        seq,
        iso_date(o.as_of),
        *figure,
        *_quantity(o.stated_rate),
        *_quantity(o.stated_gap),
        decimal_text(o.numerator),
        decimal_text(o.denominator),
        flag(o.done),
        text(o.quote),
        o.source if o.source in sources else NULL,
        text(o.note),
    )


_NO_FIGURE = (NULL,) * 7


# --- all five -------------------------------------------------------------------------------


def build_tables(dataset: Dataset, report: StatusReport) -> tuple[Table, ...]:
    """The export's tables: every region and source; the goals of ``report`` (its selection,
    in its order), their outcomes, and their evaluation.

    A reference to a region or source that did not load (the loader reported it) is left
    empty, so that the tables' foreign keys hold."""
    files = _Files(dataset.root)
    sources = dataset.sources
    goals = [e.goal for e in report.rows]
    records = [flat_record(e) for e in report.rows]
    fields = evaluation_fields(records)
    return (
        Table(
            "regions",
            "Regions: the tree of administrative areas goals belong to.",
            REGION_FIELDS,
            ("name",),
            _regions(dataset, files),
            (ForeignKey("parent", "regions", "name"),),
            indexes=("parent",),
        ),
        Table(
            "sources",
            "Sources: the documents goals and figures are quoted from.",
            SOURCE_FIELDS,
            ("id",),
            tuple(_source_row(sources[k], files) for k in sorted(sources)),
            search=("title",),
        ),
        Table(
            "goals",
            "Goals as written in the data: one stated target each.",
            GOAL_FIELDS,
            ("id",),
            tuple(_goal_row(g, sources, files) for g in goals),
            (ForeignKey("region", "regions", "name"), ForeignKey("source", "sources", "id")),
            indexes=("region", "source"),
            search=("title", "quote"),
        ),
        Table(
            "outcomes",
            "Outcomes as written in the data: every reported figure of every goal.",
            OUTCOME_FIELDS,
            ("goal", "seq"),
            tuple(
                _outcome_row(g.id, seq, o, sources)
                for g in goals
                for seq, o in enumerate(g.outcomes, 1)
            ),
            (ForeignKey("goal", "goals", "id"), ForeignKey("source", "sources", "id")),
            indexes=("source",),
            search=("quote",),
        ),
        Table(
            "evaluation",
            f"Each goal evaluated at {report.as_of.isoformat()}: the figures of "
            "`tracker status --format json` (SPEC §5).",
            fields,
            ("id",),
            evaluation_rows(records, fields),
            (ForeignKey("id", "goals", "id"), ForeignKey("region", "regions", "name")),
            indexes=("region", "status"),
        ),
    )
