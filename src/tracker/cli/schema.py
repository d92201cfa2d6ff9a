"""``tracker schema``: the JSON Schema of the data files, for editors."""

from __future__ import annotations

import json

import click

from tracker.cli.context import Context
from tracker.cli.options import emit, global_options, output_option
from tracker.parse.schema import json_schema


@click.command()
@global_options
@output_option
@click.pass_obj
def schema(obj: Context) -> None:
    """The JSON Schema of data files, for editors.

    Prints the JSON Schema (draft 2020-12) of one data file, generated from the definitions
    the loader validates with. Point Taplo / Even Better TOML or the YAML language server at
    it to check files while typing (`tracker docs check`).
    """

    text = json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n"
    emit(obj, text)
