"""Drafts from ``tracker extract``: a data file to review (TOML), or the figures as JSON.

The TOML draft follows SPEC §1: one ``[[source]]``, ``[defaults]`` with the region and
source, then one ``[[goal]]`` per figure, grouped under a comment per paragraph. Every field
the extractor inferred rather than read carries a trailing ``# guessed: …`` comment, so the
reviewer knows what to check. Strings are written as TOML basic strings with every character
that needs it escaped, so any quote from any text loads.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

import msgspec

from tracker.core.rounding import json_number
from tracker.extract.draft import Extraction, Figure
from tracker.parse.tomltext import toml_string
from tracker.render.json import encode

_COMMENT_COLUMN = 40
_PREVIEW = 60


@dataclass(frozen=True, slots=True)
class DraftOptions:
    """What the draft needs besides the figures: ids, and where the text came from."""

    source_id: str
    id_prefix: str
    input_name: str = "-"
    source_id_guessed: bool = True
    # The regions of the data directory: others get a [[region]] stub so the draft checks.
    known_regions: frozenset[str] = frozenset()


# --- TOML ---------------------------------------------------------------------------------------


def _comment(text: str) -> str:
    """Text made safe for a TOML comment: one line, no control characters."""
    return re.sub(r"[\x00-\x1f\x7f\u2028\u2029]+", " ", text).strip()


def _line(key: str, value: str, why: str | None = None, indent: str = "") -> str:
    line = f"{indent}{key} = {value}"
    if why:
        from wcwidth import wcswidth  # noqa: PLC0415  # only drafts align by display width

        pad = max(_COMMENT_COLUMN - max(wcswidth(line), len(line)), 0)
        line = f"{line}{' ' * pad} # guessed: {_comment(why)}"
    return line


def _quantity(text: str) -> str:
    """A plain integer as a TOML integer (as the dataset writes them), anything else a string."""
    return text if re.fullmatch(r"[1-9][0-9]{0,14}|0", text) else toml_string(text)


def render_extract_toml(extraction: Extraction, options: DraftOptions) -> str:
    """The draft data file for ``extraction``; it loads with ``tracker check``."""
    figures = tuple(f for f in extraction.figures if f.goal_id is None)
    existing = tuple(f for f in extraction.figures if f.goal_id is not None)
    targets = sum(f.role == "target" for f in figures)
    lines = [
        f"# Draft extracted by `tracker extract` from {_comment(options.input_name)}.",
        "# Review every goal against its quote: fix titles, ids and units, merge a target with",
        "# its outcome where they are one goal, delete what is not a goal. `# guessed:` marks",
        "# what the extractor inferred rather than read. Then run `tracker check`.",
        f"# {len(figures)} figures: {targets} targets, {len(figures) - targets} outcomes"
        + (
            f"; {len(existing)} outcomes of goals already in the data (at the end)."
            if existing
            else "."
        ),
        "",
        *_region_stubs(extraction, options),
        "[[source]]",
        _line(
            "id",
            toml_string(options.source_id),
            "id made up from region and date; rename" if options.source_id_guessed else None,
        ),
    ]
    if extraction.title:
        lines.append(
            _line(
                "title", toml_string(extraction.title), "the first headline-like line of the text"
            )
        )
    if extraction.date:
        note = extraction.date_note or ""
        lines.append(
            _line("date", extraction.date.isoformat(), note if "estimated" in note else None)
        )
    lines += ["", "[defaults]"]
    if extraction.region:
        lines.append(_line("region", toml_string(extraction.region), extraction.region_note))
    else:
        lines.append(_line("region", toml_string("?"), "no region given or found: set --region"))
    lines.append(_line("source", toml_string(options.source_id)))

    paragraph = -1
    for number, figure in enumerate(figures, start=1):
        if figure.paragraph != paragraph:
            paragraph = figure.paragraph
            preview = _comment(extraction.paragraphs[paragraph])
            if len(preview) > _PREVIEW:
                preview = preview[:_PREVIEW] + "…"
            lines += ["", f"# ── ¶{paragraph + 1}: {preview}"]
        lines += ["", *_goal(figure, number, extraction, options)]
    if existing:
        lines += ["", *_record_commands(existing, options)]
    lines.append("")
    return "\n".join(lines)


def _region_stubs(extraction: Extraction, options: DraftOptions) -> list[str]:
    """A ``[[region]]`` for every region of the draft the data directory does not know."""
    names = dict.fromkeys(
        [extraction.region or "?", *(f.region for f in extraction.figures if f.region)]
    )
    lines: list[str] = []
    for name in names:
        if name not in options.known_regions:
            lines += [
                "[[region]]",
                _line("name", toml_string(name), "not in the data directory: add parent, aliases"),
                "",
            ]
    return lines


def _record_commands(figures: tuple[Figure, ...], options: DraftOptions) -> list[str]:
    """Outcomes of goals already in the data, as ready ``tracker record`` commands."""
    lines = [
        "# ── Outcomes of goals already in the data: save the [[source]] above, review each",
        "#    command against its quote, then run it (tracker record appends the outcome).",
    ]
    for figure in figures:
        assert figure.goal_id is not None  # noqa: S101  # only figures with a goal id come here
        assert figure.as_of is not None  # noqa: S101  # outcomes always carry a date
        words = ["tracker", "record", figure.goal_id, figure.value, "--as-of"]
        words += [figure.as_of.isoformat(), "--source", options.source_id]
        if figure.stated_rate is not None:
            words += ["--stated-rate", figure.stated_rate]
        if figure.stated_gap is not None:
            words += ["--note", f"stated gap {figure.stated_gap}"]
        words += ["--quote", figure.quote]
        lines += ["#", f"# {_comment(' '.join(map(_shell_word, words)))}"]
    return lines


def _shell_word(word: str) -> str:
    """``word`` for a POSIX shell: as is when it is safe (Chinese included), else quoted."""
    import shlex  # noqa: PLC0415

    return word if re.fullmatch(r"[\w.%‰+\-/:@=,]+", word) else shlex.quote(word)


def _goal(figure: Figure, number: int, extraction: Extraction, options: DraftOptions) -> list[str]:
    why = figure.why
    goal_id = f"{options.id_prefix}-{figure.period}-{number:03d}"
    lines = [
        "[[goal]]",
        _line("id", toml_string(goal_id), "numbered; rename to describe the indicator"),
        _line("title", toml_string(figure.title), "the words around the figure"),
    ]
    if figure.region and figure.region != extraction.region:
        lines.append(_line("region", toml_string(figure.region), why("region")))
    if figure.category:
        lines.append(_line("category", toml_string(figure.category), "keywords"))
    lines.append(_line("unit", toml_string(figure.unit), why("unit")))
    if figure.kind != "at_least":
        lines.append(_line("kind", toml_string(figure.kind), _kind_reason(figure)))
    default_measure = "level" if figure.unit in ("%", "‰") else "flow"
    if figure.measure != default_measure:
        lines.append(_line("measure", toml_string(figure.measure), _MEASURE_WHY[figure.measure]))
    period = toml_string(figure.period) if "-" in figure.period else figure.period
    lines.append(_line("period", period, why("period")))
    if figure.role == "target" and figure.upper is not None:
        band = f"[{_quantity(figure.value)}, {_quantity(figure.upper)}]"
        lines.append(_line("target", band, why("role")))
    elif figure.role == "target":
        lines.append(_line("target", _quantity(figure.value), why("role")))
    elif figure.target is not None:
        lines.append(_line("target", _quantity(figure.target), "stated with the outcome"))
    if figure.baseline is not None:
        start = int(figure.period.split("-")[0])
        lines.append(
            _line(
                "baseline",
                f"{{ value = {_quantity(figure.baseline)}, as_of = {dt.date(start - 1, 12, 31)} }}",
                "the baseline's date is the end of the year before the period",
            )
        )
    lines.append(_line("quote", toml_string(figure.quote)))
    if figure.tolerance is not None:
        lines.append(_line("tolerance", figure.tolerance, why("tolerance")))
    lines.append(
        f"# figure: {_comment(figure.written)} at characters "
        f"{figure.start}-{figure.end}; confidence {figure.confidence:.2f}"
    )
    if figure.role == "outcome":
        lines += _outcome(figure)
    elif figure.note:
        lines.append(_line("note", toml_string(figure.note)))
    return lines


_MEASURE_WHY = {
    "level": "the indicator is a state",
    "flow": "the indicator counts what is done",
    "growth": "a change against a year earlier (增长/下降)",
}


def _outcome(figure: Figure) -> list[str]:
    """The ``[[goal.outcome]]`` table of an outcome figure."""
    why = figure.why
    lines = ["", "  [[goal.outcome]]"]
    assert figure.as_of is not None  # noqa: S101  # outcomes always carry a date
    lines.append(_line("as_of", figure.as_of.isoformat(), why("as_of"), indent="  "))
    if figure.numerator is not None and figure.denominator is not None:
        lines.append(_line("numerator", _quantity(figure.numerator), indent="  "))
        lines.append(_line("denominator", _quantity(figure.denominator), indent="  "))
    lines.append(_line("value", _quantity(figure.value), why("role"), indent="  "))
    if figure.stated_rate is not None:
        lines.append(_line("stated_rate", toml_string(figure.stated_rate), indent="  "))
    # A gap in points of a count or sum ("完成年度计划投资比例52.99%,超序时进度2.99个百分点")
    # measures the completion rate, not the goal's unit: SPEC §1.4 refuses it; the note has it.
    # ... and so does a relative excess of a count ("改造完成119所,超额完成49%").
    points = figure.stated_gap is not None and figure.stated_gap.endswith("百分点")
    share = figure.stated_gap is not None and figure.stated_gap.endswith("%")
    gap_in_note = (points or share) and figure.unit not in ("%", "‰")
    if figure.stated_gap is not None and not gap_in_note:
        lines.append(_line("stated_gap", toml_string(figure.stated_gap), indent="  "))
    lines.append(_line("quote", toml_string(figure.quote), indent="  "))
    note = figure.note
    if gap_in_note:
        what = "in points: of the completion rate" if points else "a share of the target"
        gap = f"stated gap {figure.stated_gap} ({what})"
        note = f"{note}; {gap}" if note else gap
    if note:
        lines.append(_line("note", toml_string(note), indent="  "))
    return lines


def _kind_reason(figure: Figure) -> str:
    if figure.baseline is not None:
        return "a reduction from the baseline"
    if figure.kind == "range" and figure.upper is not None:
        return "a band from the figure to its upper bound"
    if figure.kind == "range":
        return "左右/约: a band around the figure"
    return "a ceiling (以内/不超过/控制在)"


# --- JSON ---------------------------------------------------------------------------------------


def figure_dict(figure: Figure) -> dict[str, Any]:
    """One figure as JSON-ready data (the keys of ``tracker extract --format json``)."""
    return {
        "role": figure.role,
        "title": figure.title,
        "value": figure.written,
        "value_text": figure.value,
        "parsed": json_number(figure.parsed),
        "unit": figure.unit,
        "qualifier": figure.qualifier,
        "stated_rate": figure.stated_rate,
        "stated_gap": figure.stated_gap,
        "target": figure.target,
        "numerator": figure.numerator,
        "denominator": figure.denominator,
        "baseline": figure.baseline,
        "tolerance": figure.tolerance,
        "upper": figure.upper,
        "period": figure.period,
        "as_of": figure.as_of.isoformat() if figure.as_of else None,
        "region": figure.region,
        "kind": figure.kind,
        "measure": figure.measure,
        "category": figure.category,
        "start": figure.start,
        "end": figure.end,
        "quote": figure.exact_quote,
        "quote_start": figure.quote_start,
        "quote_end": figure.quote_end,
        "quote_clean": figure.quote,
        "paragraph": figure.paragraph + 1,
        "confidence": figure.confidence,
        "guessed": dict(figure.guessed),
        "note": figure.note,
        "goal_id": figure.goal_id,
    }


def render_extract_json(extraction: Extraction, options: DraftOptions) -> str:
    """``{"source": …, "region": …, "year": …, "figures": [one object per figure]}``."""
    document = {
        "source": {
            "id": options.source_id,
            "title": extraction.title,
            "date": extraction.date.isoformat() if extraction.date else None,
            "date_note": extraction.date_note,
        },
        "region": extraction.region,
        "year": extraction.year,
        "figures": [figure_dict(f) for f in extraction.figures],
    }

    return msgspec.json.format(encode(document), indent=2) + "\n"
