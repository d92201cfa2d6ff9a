"""Fuzz target: the quantity parser (SPEC §1.5) on any text.

    python fuzz/seed.py
    python fuzz/fuzz_quantity.py fuzz/corpus/quantity -max_total_time=300 -timeout=5

The first byte picks the role and the goal's unit; the rest, decoded as UTF-8, is the
quantity. A failure is any exception but QuantityError, a message on more than one line, or
an interval that does not hold its nominal value. See fuzz/README.md.
"""

from __future__ import annotations

import sys
from fractions import Fraction
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from _harness import instrumented, main

with instrumented():
    from tracker.parse.quantity import QuantityError, Unit, parse_quantity

ROLES = ("target", "outcome", "rate", "exact")
UNITS = (None, Unit("人"), Unit("%"), Unit("人", Fraction(10_000)))


def target(data: bytes) -> None:
    head = data[0] if data else 0
    role, unit = ROLES[head % 4], UNITS[(head // 4) % 4]
    text = data[1:].decode("utf-8", errors="replace")
    try:
        q = parse_quantity(text, unit=unit, role=role, tolerance=Fraction(1))  # type: ignore[arg-type]
    except QuantityError as exc:
        if not str(exc) or "\n" in str(exc):
            raise AssertionError(f"a message not on one line: {exc!r}") from None
        return
    if (q.low is not None and q.low > q.nominal) or (q.high is not None and q.nominal > q.high):
        raise AssertionError(f"{text!r}: the interval does not hold its nominal value: {q}")


if __name__ == "__main__":
    main("quantity", target)
