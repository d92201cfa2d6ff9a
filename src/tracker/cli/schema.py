"""``tracker schema``: the JSON Schema of the data files, for editors."""

from __future__ import annotations

import json
from pathlib import Path

import click

from tracker.cli.context import Context
from tracker.cli.options import emit, global_options
from tracker.edit.files import write_output
from tracker.parse.schema import json_schema


@click.command()
@global_options
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, writable=True, path_type=Path),
    default=None,
    help="Write the schema to FILE instead of stdout.",
)
@click.pass_obj
def schema(obj: Context, output: Path | None) -> None:
    """The JSON Schema of data files, for editors.

    Prints the JSON Schema (draft 2020-12) of one data file, generated from the definitions
    the loader validates with. Point Taplo / Even Better TOML or the YAML language server at
    it to check files while typing (docs/check.md).
    """

    text = json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n"
    if output is None or str(output) == "-":
        emit(obj, text)
        return

    write_output(output, text)
    click.echo(f"wrote {output}", err=True)
