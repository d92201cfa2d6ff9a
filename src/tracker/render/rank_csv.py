"""``tracker rank --format csv``: one line per region, the JSON record flattened."""

from __future__ import annotations

import csv
import io

from tracker.core.rank import Ranking
from tracker.render.csv import COLUMNS, flatten, inert
from tracker.render.options import RenderOptions
from tracker.render.rank_json import rank_record

_RANK_COLUMNS = ("rank", "metric", "from_mean", "from_median")


def render_rank(ranking: Ranking, options: RenderOptions) -> str:
    del options
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(("indicator", "by", *_RANK_COLUMNS, *COLUMNS))
    for row in ranking.rows:
        record = rank_record(ranking, row)
        head = [ranking.indicator, ranking.by.value, *(record.pop(k) for k in _RANK_COLUMNS)]
        flat = inert(flatten(record))
        writer.writerow([*("" if v is None else v for v in head), *(flat[k] for k in COLUMNS)])
    return out.getvalue()
