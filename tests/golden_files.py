"""Golden files: expected output kept in tests/golden/, compared byte for byte.

``TRACKER_UPDATE_GOLDEN=1`` rewrites them from the current output; review with ``git diff``.
"""

from __future__ import annotations

import os
from pathlib import Path

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("TRACKER_UPDATE_GOLDEN") == "1"


def check_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if UPDATE:
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"missing golden file {name}: run with TRACKER_UPDATE_GOLDEN=1"
    assert text == path.read_text(encoding="utf-8")
