"""``tracker export DIR``: the evaluated dataset for other tools (SPEC §5.1)."""

from __future__ import annotations

from pathlib import Path

import click

from tracker.cli.context import Context
from tracker.cli.options import (
    Filters,
    evaluate_filtered,
    filter_options,
    finish,
    global_options,
)
from tracker.cli.params import PathParam
from tracker.errors import UsageError
from tracker.render.export import formats
from tracker.render.export.directory import check_target, write_all
from tracker.render.export.provenance import package_info
from tracker.render.export.tables import build_tables
from tracker.render.i18n import t


@click.command()
@global_options
@filter_options
@click.argument("directory", metavar="DIR", type=PathParam(path_type=Path))
@click.option(
    "--force",
    is_flag=True,
    help="Write into a non-empty DIR: replace the files export writes, keep the rest.",
)
@click.option(
    "--parquet",
    is_flag=True,
    help="Also write one Parquet file per table (needs: pip install 'tracker[parquet]').",
)
@click.option("--bom", is_flag=True, help="Start the CSV files with a UTF-8 BOM (Excel, WPS).")
@click.pass_obj
def export(
    obj: Context, filters: Filters, directory: Path, force: bool, parquet: bool, bom: bool
) -> None:
    """Write the evaluated dataset to DIR for other tools: CSV tables with datapackage.json
    (Frictionless), tracker.sqlite (Datasette, DuckDB), optionally Parquet.

    The filters and judgement options work as in `tracker status`; the files are the same,
    byte for byte, when nothing changed (`tracker docs export`).

    \b
    Examples:
      tracker export out/ --as-of 2024-12-31
      tracker export out/ --region 运城 --parquet --bom --force
    """
    check_target(directory, force=force, lang=obj.lang)
    if parquet and not formats.parquet_available():
        raise UsageError(t("export.no_pyarrow", obj.lang))
    evaluated = evaluate_filtered(obj, filters)
    tables = build_tables(evaluated.dataset, evaluated.report)
    info = package_info(evaluated.report.as_of, evaluated.dataset.root, filters._asdict())
    written = formats.files(tables, info, bom=bom, parquet=parquet)
    write_all(directory, written, lang=obj.lang, background=(formats.SQLITE_FILE,))
    counts = {table.name: len(table.rows) for table in tables}
    click.echo(
        t(
            "export.done",
            obj.lang,
            goals=counts["goals"],
            outcomes=counts["outcomes"],
            as_of=info.as_of,
            dir=directory,
            files=", ".join(written),
        ),
        err=True,
    )
    finish(evaluated.dataset)
