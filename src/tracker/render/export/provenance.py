"""What an export says about itself: the evaluation date, the program's version, the git
commit of the data (when it is in git) and the selection it was made with."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from fractions import Fraction
from pathlib import Path

from tracker import __version__
from tracker.load.git import data_version
from tracker.render.export.fields import exact_decimal
from tracker.render.export.formats import PackageInfo


def _plain(value: object) -> object:
    """A selection value as JSON: numbers as decimal text, dates as ISO text, lists."""
    if isinstance(value, Fraction):
        return exact_decimal(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (tuple, list, frozenset, set)):
        return [_plain(v) for v in value]
    return value


def package_info(as_of: dt.date, root: Path, selection: Mapping[str, object]) -> PackageInfo:
    """The export's description of itself. ``selection`` holds the filters and judgement
    options as given (unset and empty ones are left out; the evaluation date is ``as_of``)."""
    version = None if not root.exists() else data_version(root)
    chosen = {
        key: _plain(value)
        for key, value in selection.items()
        if key != "as_of" and value not in (None, (), [], "")
    }
    return PackageInfo(
        as_of=as_of.isoformat(),
        tracker_version=__version__,
        data_commit=None if version is None else version.commit,
        data_modified=None if version is None else version.dirty,
        selection=chosen,
    )
