"""``tracker add``: every field of a new goal from the options, the file's [defaults] and the
user's answers (asked through :class:`Ask`, which the CLI provides), each checked as it
comes; the goal's id made from region, period and title in toneless pinyin."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Protocol

from tracker.core.regions import RegionIndex, RegionInfo, RegionLookupError, strip_suffix
from tracker.edit.layout import INTEGER, toml_scalar
from tracker.edit.outcome import check_source
from tracker.edit.plan import EditError, NewGoal, Text, parse_toml
from tracker.load.discover import display_path
from tracker.messages import Localized
from tracker.model import Dataset
from tracker.parse.dates import DateError, parse_period
from tracker.parse.quantity import QuantityError, parse_quantity, parse_unit
from tracker.parse.tomltext import toml_string

_SLUG_MAX = 40


_KINDS = ("at_least", "at_most", "range", "milestone")


_MEASURES = ("flow", "level", "growth")


class Ask(Protocol):
    """Asks the user for a field: ``ask(field, default, check, choices)`` → the checked value."""

    def __call__(
        self,
        field: str,
        default: str | None,
        check: Callable[[str], Any],
        choices: tuple[str, ...] | None = None,
    ) -> Any: ...


@dataclass(frozen=True, slots=True)
class GoalInput:
    """``tracker add``'s options, as typed (None = not given)."""

    file: str | None = None
    goal_id: str | None = None
    region: str | None = None
    title: str | None = None
    unit: str | None = None
    kind: str | None = None
    measure: str | None = None
    period: str | None = None
    target: str | None = None
    category: str | None = None
    source: str | None = None
    quote: str | None = None

    def missing(self) -> list[str]:
        """The required options not given (``--region``, ``--title``, ``--unit``)."""
        required = [("region", self.region), ("title", self.title)]
        if self.kind != "milestone":
            required.append(("unit", self.unit))
        return [f"--{name}" for name, value in required if value is None]


@dataclass(frozen=True, slots=True)
class GoalPlan:
    path: Path
    shown: str  # the file as the user should see it
    inside: bool  # whether the file is inside the data directory (and so will be read)
    goal: NewGoal


def _pinyin(text: str) -> str:
    """Toneless pinyin of the Han characters, ASCII letters and digits kept, lower case,
    pieces joined with "-": 城镇新增就业 → chengzhenxinzengjiuye, 5G网络 → 5g-wangluo."""
    from pypinyin import lazy_pinyin  # noqa: PLC0415  # heavy; only ids need it

    pieces: list[str] = []
    for run in re.findall(r"[\u3400-\u9fff]+|[A-Za-z0-9]+", unicodedata.normalize("NFKC", text)):
        if run.isascii():
            pieces.append(run.lower())
        else:
            pieces.append("".join(s.lower() for s in lazy_pinyin(run) if s.isascii()))
    slug = "-".join(p for p in pieces if p)
    if len(slug) > _SLUG_MAX:
        slug = slug[:_SLUG_MAX].rstrip("-")
    return slug


def generate_id(region: str, period: str, title: str, taken: set[str]) -> str:
    """``<region pinyin>-<period>-<title pinyin>``, with -2, -3 … when taken."""

    stem = "-".join(p for p in (_pinyin(strip_suffix(region)), period, _pinyin(title)) if p)
    candidate, n = stem, 1
    while candidate in taken:
        n += 1
        candidate = f"{stem}-{n}"
    return candidate


def _file_defaults(path: Path, shown: str) -> dict[str, Any]:
    if not path.is_file():
        return {}
    document = parse_toml(Text.decode(path.read_bytes(), shown).body, shown)
    defaults = document.get("defaults", {})
    return defaults if isinstance(defaults, dict) else {}


def plan_goal(dataset: Dataset, given: GoalInput, ask: Ask | None, today: date) -> GoalPlan:
    """Every field of a new goal, from the options, the file's [defaults] (a new file gets
    ``[defaults] region``) and the user's answers; each checked as it comes. With no one to
    ask, the missing required options are one usage error naming them all."""
    return _GoalBuilder(dataset, given, ask, today).build()


def _optional(check: Callable[[str], Any]) -> Callable[[str], Any]:
    """An optional field: an empty answer means "none"."""
    return lambda raw: check(raw.strip()) if raw.strip() else None


def _text(raw: str) -> str:
    if not raw.strip():
        raise EditError.of("add.empty")
    return raw.strip()


def _choice(options: tuple[str, ...]) -> Callable[[str], str]:
    def check(raw: str) -> str:
        value = raw.strip()
        if value not in options:
            raise EditError.of("add.not_choice", value=value, choices=", ".join(options))
        return value

    return check


class _GoalBuilder:
    """One ``tracker add``: each field from its option, else the user (on a terminal, or a
    line of piped answers), else its default; each checked by the method named after it.
    The order is the questions': region first, then the file it proposes."""

    def __init__(self, dataset: Dataset, given: GoalInput, ask: Ask | None, today: date) -> None:
        self.dataset = dataset
        self.given = given
        self.ask = ask
        self.today = today
        # A person who left out a required field is asked for every field not given; one
        # who gave them all is asked only what has no default.
        self.session = ask is not None and None in (given.title, given.region)
        self.kind = "at_least"
        self.unit: str | None = None
        self.taken = {g.id for g in dataset.goals}

    def get(
        self,
        field: str,
        raw: str | None,
        check: Callable[[str], Any],
        *,
        default: str | None = None,
        required: bool = False,
        choices: tuple[str, ...] | None = None,
    ) -> Any:
        if raw is not None:
            return check(raw)
        if self.ask is not None and (self.session or (required and default is None)):
            return self.ask(field, default, check, choices)
        if default is not None:
            return check(default)
        if required:
            raise EditError.of("add.missing", options=f"--{field}")
        return None

    # --- field checks ---

    def region_name(self, raw: str) -> str:

        index = RegionIndex(
            RegionInfo(r.name, r.parent, r.aliases) for r in self.dataset.regions.values()
        )
        try:
            return index.resolve(raw.strip())
        except RegionLookupError as exc:
            reason = Localized(exc.message("zh"), exc.message("en"))
            raise EditError.of("add.bad_region", reason=reason) from None

    def file_path(self, raw: str) -> Path:
        """As typed (relative to the working directory, else to the data directory)."""
        path = Path(raw.strip()).expanduser()
        if not path.is_absolute() and not path.exists():
            root = self.dataset.root
            in_data = (root if root.is_dir() else root.parent) / path
            if in_data.exists() or in_data.parent.is_dir():
                path = in_data
        if path.suffix.lower() != ".toml":
            raise EditError.of("add.not_toml", file=raw)
        if not path.parent.is_dir():
            raise EditError.of("add.no_dir", file=raw, dir=path.parent)
        return path

    def unit_text(self, raw: str) -> str:

        try:
            parse_unit(raw.strip())
        except QuantityError as exc:
            raise EditError.of("add.bad_unit", reason=exc.localized()) from None
        return raw.strip()

    def period_text(self, raw: str) -> str:

        try:
            start, end = parse_period(raw.strip())
        except DateError as exc:
            raise EditError.of("add.bad_period", reason=exc.localized()) from None
        return str(start.year) if start.year == end.year else f"{start.year}-{end.year}"

    def target_literal(self, raw: str) -> str:

        if self.kind == "milestone":
            raise EditError.of("add.milestone_target")
        parts = [p.strip() for p in re.split(r"[,,]", raw)] if self.kind == "range" else [raw]
        if len(parts) > 2:
            raise EditError.of("add.band")
        try:
            for part in parts:
                parse_quantity(part, unit=parse_unit(self.unit or ""), role="target")
        except QuantityError as exc:
            raise EditError.of("add.bad_target", reason=exc.localized()) from None
        if len(parts) == 2:
            return f"[{toml_scalar(parts[0])}, {toml_scalar(parts[1])}]"
        return toml_scalar(parts[0])

    def source_id(self, raw: str) -> str:
        check_source(self.dataset, raw)
        return raw

    def goal_id(self, raw: str) -> str:
        value = _text(raw)
        if value in self.taken:
            raise EditError.of("add.id_taken", id=value)
        return value

    def holders(self, region: str | None) -> list[str]:
        """The TOML files that hold the region's goals; the file whose [defaults] name the
        region (its home file) alone when there is exactly one."""
        files = sorted(
            {
                g.file
                for g in self.dataset.goals
                if g.region == region and g.file.lower().endswith(".toml")
            }
        )
        home = [f for f in files if _file_defaults(Path(f), f).get("region") == region]
        return home if len(home) == 1 else files

    def new_file(self, region: str) -> str:
        """A file for a region that has none: ``<pinyin>.toml`` beside its nearest
        ancestor's file, else in the data directory."""
        root = self.dataset.root if self.dataset.root.is_dir() else self.dataset.root.parent
        folder = root
        parent = self.dataset.regions[region].parent if region in self.dataset.regions else None
        while parent is not None:
            files = self.holders(parent)
            if files:
                folder = Path(files[0]).parent
                break
            above = self.dataset.regions.get(parent)
            parent = above.parent if above is not None else None
        name = _pinyin(strip_suffix(region)) or "goals"
        candidate = folder / f"{name}.toml"
        return display_path(candidate)

    def proposed_file(self, region: str) -> str | None:
        """The file to propose: the region's one file, the first of several when someone
        can choose, or a new one when it has none."""
        holders = self.holders(region)
        if not holders:
            return self.new_file(region)
        if len(holders) == 1 or self.ask is not None:
            return holders[0]
        if self.given.file is None:
            raise EditError.of("add.file_choice", region=region, files=", ".join(holders))
        return None

    # --- the whole goal ---

    def build(self) -> GoalPlan:

        given = self.given
        if self.ask is None and (missing := given.missing()):
            raise EditError.of("add.missing", options=", ".join(missing))
        region: str = self.get("region", given.region, self.region_name, required=True)
        path: Path = self.get(
            "file", given.file, self.file_path, default=self.proposed_file(region), required=True
        )
        shown = display_path(path)
        created = not path.exists()
        defaults = {"region": region} if created else _file_defaults(path, shown)
        default_region = _str_or_none(defaults.get("region"))
        default_source = _str_or_none(defaults.get("source"))
        title: str = self.get("title", given.title, _text, required=True)
        self.kind = self.get(
            "kind", given.kind, _choice(_KINDS), default="at_least", choices=_KINDS
        )
        if self.kind == "milestone":
            if given.unit is not None:
                raise EditError.of("add.milestone_unit")
        else:
            self.unit = self.get("unit", given.unit, self.unit_text, required=True)
        measure = self.get(
            "measure", given.measure, _optional(_choice(_MEASURES)), default="", choices=_MEASURES
        )
        period: str = self.get(
            "period", given.period, self.period_text, default=str(self.today.year)
        )
        target = None
        if self.kind != "milestone" or given.target is not None:
            target = self.get("target", given.target, _optional(self.target_literal), default="")
        category = self.get("category", given.category, _optional(str), default="")
        source = self.get(
            "source", given.source, _optional(self.source_id), default=default_source or ""
        )
        quote = self.get("quote", given.quote, _optional(str), default="")
        generated = (
            generate_id(region, period, title, self.taken) if given.goal_id is None else None
        )
        gid: str = self.get("id", given.goal_id, self.goal_id, default=generated)

        pairs: list[tuple[str, str]] = [("id", toml_string(gid)), ("title", toml_string(title))]
        if region != default_region:
            pairs.append(("region", toml_string(region)))
        if category:
            pairs.append(("category", toml_string(category)))
        if self.unit is not None:
            pairs.append(("unit", toml_string(self.unit)))
        if self.kind != "at_least":
            pairs.append(("kind", toml_string(self.kind)))
        if measure:
            pairs.append(("measure", toml_string(measure)))
        pairs.append(("period", period if INTEGER.fullmatch(period) else toml_string(period)))
        if target is not None:
            pairs.append(("target", target))
        if quote:
            pairs.append(("quote", toml_string(quote)))
        if source and source != default_source:
            pairs.append(("source", toml_string(source)))

        root = self.dataset.root.resolve()
        resolved = path.resolve()
        inside = resolved == root or root in resolved.parents
        header = (("region", toml_string(region)),) if created else ()
        return GoalPlan(path, shown, inside, NewGoal(gid, tuple(pairs), header))


def _str_or_none(value: object) -> str | None:
    return value if isinstance(value, str) else None
