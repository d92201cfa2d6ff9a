"""``tracker docs [TOPIC]``: the documentation shipped with the package (docs/*.md), so that
the pages ``--help`` points at are there after a ``pip install``."""

from __future__ import annotations

from pathlib import Path

import click

from tracker.cli.context import Context
from tracker.cli.options import emit, global_options, output_option
from tracker.errors import UsageError
from tracker.suggest import suggest


def docs_dir() -> Path:
    """The pages inside the installed package, or the repository's docs/ in a checkout."""
    package = Path(__file__).resolve().parents[1]
    packaged = package / "docs"
    return packaged if packaged.is_dir() else package.parents[1] / "docs"


@click.command()
@global_options
@click.argument("topic", required=False)
@output_option
@click.pass_obj
def docs(obj: Context, topic: str | None) -> None:
    """Print a page of tracker's documentation (without TOPIC: the list of pages).

    The pages --help refers to (`tracker docs check` …) are installed with
    the package; they are Markdown, readable as they are or through a pager.
    """

    pages = {path.stem: path for path in sorted(docs_dir().glob("*.md"))}
    if topic is None:
        emit(obj, "".join(f"{name}\n" for name in pages))
        return
    name = topic.removeprefix("docs/").removesuffix(".md").strip().casefold()
    if name not in pages:
        close = suggest(name, pages, limit=3, cutoff=0.5)
        raise UsageError.of("docs.unknown", topic=topic, pages=", ".join(close or pages))
    emit(obj, pages[name].read_text(encoding="utf-8"))
