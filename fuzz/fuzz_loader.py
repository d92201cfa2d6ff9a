"""Fuzz target: a data file's bytes → findings → evaluation → every status format.

    python fuzz/seed.py
    python fuzz/fuzz_loader.py fuzz/corpus/loader -max_total_time=600 -timeout=10

The first byte picks the format (even: TOML, odd: YAML); the rest is the file. A failure is
an exception escaping the loader, the arithmetic or a renderer, a finding with an unknown
code, or (with -timeout) an input that takes too long. See fuzz/README.md.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from _harness import instrumented, main

with instrumented():
    from tracker import problems
    from tracker.core.status import build_status
    from tracker.load.file import MAX_FILE_BYTES, load_bytes
    from tracker.load.merge import build_dataset
    from tracker.render.options import RenderOptions
    from tracker.render.registry import StatusFormat, renderer

CODES = {v for v in vars(problems).values() if isinstance(v, str) and re.fullmatch(r"[EW]\d{3}", v)}
AS_OF = dt.date(2023, 6, 30)


def target(data: bytes) -> None:
    suffix = ".yaml" if data[:1] and data[0] % 2 else ".toml"
    part = load_bytes(data[1:], f"fuzz{suffix}", suffix)
    for problem in part.problems:
        if problem.code not in CODES or not problem.message:
            raise AssertionError(f"a finding without a known code or message: {problem}")
    if len(data) > MAX_FILE_BYTES + 1 and [p.code for p in part.problems] != ["E005"]:
        raise AssertionError("an input over the size limit was read")
    dataset = build_dataset(Path(), [part])
    status = build_status(dataset, AS_OF)
    for fmt in StatusFormat:
        text = renderer(fmt)(status, RenderOptions(lang="zh", width=80))
        if fmt is StatusFormat.JSON:
            json.loads(text)


if __name__ == "__main__":
    main("loader", target)
