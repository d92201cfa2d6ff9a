"""``tracker extract FILE|-``: draft goals and outcomes from the text of a report."""

from __future__ import annotations

import codecs
import contextlib
import datetime as dt
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from tracker.cli.context import Context
from tracker.cli.options import emit, format_option, global_options
from tracker.cli.params import INTEGER, TEXT, DateParam, PathParam
from tracker.core.regions import RegionIndex, RegionInfo, RegionLookupError, strip_suffix
from tracker.errors import DataError, UsageError, os_reason
from tracker.extract.article import extract as run_extract
from tracker.extract.existing import KnownGoal, attach_existing
from tracker.load.dataset import load
from tracker.load.discover import find_data_dir
from tracker.load.screen import name_finding
from tracker.messages import localized
from tracker.problems import Severity
from tracker.render.escape import inline
from tracker.render.extract_toml import DraftOptions
from tracker.render.i18n import t
from tracker.render.registry import ExtractFormat, renderer

if TYPE_CHECKING:
    from tracker.extract.article import Extraction

MIN_YEAR, MAX_YEAR = 1900, 2200
# The most text extract reads (docs/security.md): the rules are linear in it, about 3 s a MB.
MAX_TEXT_BYTES = 2 * 1024 * 1024


@click.command()
@global_options
@click.argument("file", metavar="FILE|-", type=PathParam(dir_okay=False, allow_dash=True))
@click.option(
    "--encoding",
    default="utf-8",
    show_default=True,
    metavar="NAME",
    help="Encoding of the text, e.g. gbk or gb18030 (a UTF-8 BOM is always accepted).",
)
@format_option(
    ExtractFormat, help="toml: a draft data file to review; json: one object per figure."
)
@click.option(
    "--region", metavar="NAME", type=TEXT, help="Region of figures whose text names none."
)
@click.option("--year", type=INTEGER, help="Year of figures whose text gives none.")
@click.option("--date", "date", type=DateParam(), help="Publication date, if the text lacks it.")
@click.option(
    "--source-id", metavar="ID", type=TEXT, help="Id of the [[source]] (default: region-date)."
)
@click.pass_obj
def extract(
    obj: Context,
    file: str,
    encoding: str,
    fmt: str,
    region: str | None,
    year: int | None,
    date: dt.date | None,
    source_id: str | None,
) -> None:
    """Propose goals and outcomes from the text of a Chinese report or news article.

    Prints a draft data file (SPEC §1) with one [[goal]] per figure, grouped by paragraph,
    each with its quote; fields the extractor inferred carry a "# guessed:" comment. Review
    it, then run tracker check. Nothing is sent anywhere: the rules run locally.
    """

    if year is not None and not MIN_YEAR <= year <= MAX_YEAR:
        raise UsageError.of("extract.year_range", year=year, low=MIN_YEAR, high=MAX_YEAR)
    if source_id is not None:
        _check_name("--source-id", source_id)
    text = _read_text(file, encoding)
    regions, goals, bundled = _known_data(obj)
    resolved = _resolve_region(region, regions, obj) if region else None
    extraction = run_extract(text, region=resolved, year=year, date=date, regions=regions)
    extraction = attach_existing(extraction, goals)
    prefix = _slug(extraction.region, regions)
    options = DraftOptions(
        source_id=source_id or _source_id(prefix, extraction),
        id_prefix=prefix,
        input_name="standard input" if file == "-" else file,
        source_id_guessed=source_id is None,
        # the bundled sample's regions name and resolve, but a draft saved beside no data
        # directory does not know them: they get a [[region]] stub too
        known_regions=frozenset() if bundled else frozenset(r.name for r in regions),
    )
    emit(obj, renderer(ExtractFormat(fmt))(extraction, options))
    targets = sum(f.role == "target" for f in extraction.figures)
    click.echo(
        t(
            "extract.summary",
            obj.lang,
            n=len(extraction.figures),
            targets=targets,
            outcomes=len(extraction.figures) - targets,
        ),
        err=True,
    )


def _check_name(option: str, value: str) -> None:
    """A value the draft writes as a name or id must be one ``tracker check`` accepts."""
    if finding := name_finding(value):
        key, params = finding
        raise UsageError.of(key, name=option, **params)


def _read_text(file: str, encoding: str) -> str:
    try:
        codec = codecs.lookup(encoding).name
        _probe(codec)
    except LookupError:
        raise UsageError.of("extract.unknown_encoding", encoding=encoding) from None
    raw: bytes
    if file == "-":
        if sys.stdin is None:  # closed by the caller (<&-)
            raise UsageError.of("extract.no_stdin")
        raw = sys.stdin.buffer.read(MAX_TEXT_BYTES + 1)
    else:
        try:
            with Path(file).open("rb") as stream:  # a device (/dev/zero) is read no further
                raw = stream.read(MAX_TEXT_BYTES + 1)
        except FileNotFoundError:
            raise UsageError.of("extract.no_file", file=file) from None
        except OSError as exc:
            raise DataError.of("extract.unreadable", file=file, reason=os_reason(exc)) from None
    name = localized("extract.stdin") if file == "-" else file
    if len(raw) > MAX_TEXT_BYTES:
        raise UsageError.of("extract.too_long", name=name, most=f"{MAX_TEXT_BYTES:,}")
    if codec == "utf-8":
        codec = _by_bom(raw)
    wide = codec.startswith(("utf-16", "utf-32"))
    try:
        text = raw.decode(codec)
    except UnicodeDecodeError as exc:
        if codec == "utf-8" and (wide_codec := _utf16_without_bom(raw)):
            raise DataError.of("extract.utf16_no_bom", name=name, encoding=wide_codec) from None
        if not wide and _binary(raw.decode("latin-1")):  # NUL bytes are UTF-16's zeros
            raise DataError.of("extract.not_text", name=name) from None
        hint = localized("extract.hint.gbk" if codec.startswith("utf-8") else "extract.hint.check")
        raise DataError.of(
            "extract.bad_encoding",
            name=name,
            encoding=codec.removesuffix("-sig"),
            byte=exc.start,
            hint=hint,
        ) from None
    if _binary(text):
        raise DataError.of("extract.not_text", name=name)
    if not text.strip():
        raise DataError.of("extract.empty", name=name)
    return text


def _probe(codec: str) -> None:
    """LookupError for a codec that is not a text encoding (rot13, base64, zlib): bytes.decode
    refuses those before it reads a byte (but never asks when there are none)."""
    # a text encoding that does not read "0" alone (UTF-16) raises ValueError: the text decides
    with contextlib.suppress(ValueError):
        b"0".decode(codec)


def _by_bom(raw: bytes) -> str:
    """UTF-8, or the Unicode encoding a byte-order mark names (Windows Notepad's "Unicode" is
    UTF-16 with one): the mark is read as a mark, never as text."""
    for bom, codec in (
        (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16's: it starts with UTF-16 LE's
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
        (codecs.BOM_UTF8, "utf-8-sig"),
    ):
        if raw.startswith(bom):
            return codec
    return "utf-8"


def _utf16_without_bom(raw: bytes) -> str | None:
    """The UTF-16 a text that is not UTF-8 reads as when that gives Chinese prose (CJK,
    its punctuation, ASCII, blanks in nine characters of ten): a file saved as "Unicode"
    without a byte-order mark. It is named to the user, never decoded on a guess."""
    if len(raw) % 2:
        return None
    for codec in ("utf-16-le", "utf-16-be"):
        try:
            text = raw.decode(codec)
        except UnicodeDecodeError:
            continue
        if text and not _binary(text):
            prose = sum(
                1
                for ch in text
                if ch.isascii() or "\u3000" <= ch <= "\u9fff" or "\uff00" <= ch <= "\uffef"
            )
            if prose * 10 >= len(text) * 9:
                return codec
    return None


def _binary(text: str) -> bool:
    """NUL, or more than one character in a hundred a control character other than a line
    break or tab: a PDF, an image, an archive, never an article in some encoding."""
    if "\0" in text:
        return True
    controls = sum(1 for ch in text if (ch < " " and ch not in "\t\n\r\f\v") or ch == "\x7f")
    return controls > max(2, len(text) // 100)


def _known_data(obj: Context) -> tuple[list[RegionInfo], list[KnownGoal], bool]:
    """The regions and goals of the data directory, if there is one, and whether they are
    the sample dataset bundled in the package (its regions only: it is not the user's data;
    extract works without any)."""

    try:
        root, bundled = find_data_dir(obj.data)
    except DataError:
        if obj.data:
            raise
        return [], [], False
    dataset = load(root)
    if errors := sum(p.severity is Severity.ERROR for p in dataset.problems):
        # the goals of a file that does not load are not matched: say so, not silently
        notice = t("extract.data_errors", obj.lang, root=inline(str(root)), n=errors)
        click.echo(notice, err=True)
    regions = [RegionInfo(r.name, r.parent, r.aliases) for r in dataset.regions.values()]
    goals = [
        KnownGoal(
            id=g.id,
            region=g.region,
            title=g.title,
            indicator=getattr(g, "indicator", None),
            first=g.start.year,
            last=g.deadline.year,
            unit=g.unit,
        )
        for g in dataset.goals
    ]
    return regions, [] if bundled else goals, bundled


def _resolve_region(query: str, regions: list[RegionInfo], obj: Context) -> str:
    """--region as a known region's name; a name the data does not know is kept as given."""

    if not regions:
        _check_name("--region", query)
        return query
    index = RegionIndex(regions)
    try:
        return index.resolve(query)
    except RegionLookupError as exc:
        # RegionLookupError does not say which failure it is; its message does.
        if "is ambiguous" in exc.message_en:
            raise UsageError(exc.message(obj.lang)) from None
        _check_name("--region", query)  # used as given: the draft names it
        click.echo(t("extract.unknown_region", obj.lang, region=query), err=True)
        return query


def _slug(region: str | None, regions: list[RegionInfo]) -> str:
    """A latin id prefix for the region: its pinyin alias, else toneless pinyin, else "draft"."""
    if not region:
        return "draft"
    for info in regions:
        if info.name == region:
            for alias in info.aliases:
                if re.fullmatch(r"[A-Za-z][A-Za-z' -]*", alias) and " " not in alias.strip():
                    return _clean_slug(alias)

    stem = strip_suffix(region)
    try:
        from pypinyin import Style, lazy_pinyin  # noqa: PLC0415 - heavy, only for new regions
    except ImportError:  # pragma: no cover - pypinyin is a dependency
        return "draft"
    return _clean_slug("".join(lazy_pinyin(stem, style=Style.NORMAL))) or "draft"


def _clean_slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _source_id(prefix: str, extraction: Extraction) -> str:
    when = extraction.date.isoformat() if extraction.date else str(extraction.year or "draft")
    return f"{prefix}-{when}"
