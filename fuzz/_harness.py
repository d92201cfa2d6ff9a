"""What the fuzz targets share: running under atheris (coverage-guided, libFuzzer) when it is
installed, else under hypothesis, which mutates the seed corpus at random.

A target is a function of one ``bytes`` input that raises on a bug: an exception other than
the ones the code documents, or a result that breaks an invariant. ``fuzz/README.md`` says how
to run them.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).parent
Target = Callable[[bytes], None]


def instrumented() -> Any:
    """A context in which ``tracker`` is imported with atheris's coverage instrumentation
    (nothing, without atheris)."""
    try:
        import atheris  # type: ignore[import-untyped]  # noqa: PLC0415
    except ImportError:
        return contextlib.nullcontext()
    return atheris.instrument_imports(include=["tracker"])


def corpus(folder: Path) -> list[bytes]:
    """The seeds of one target (``python fuzz/seed.py`` writes them)."""
    return [p.read_bytes() for p in sorted(folder.iterdir())] if folder.is_dir() else []


def main(name: str, target: Target) -> None:
    parser = argparse.ArgumentParser(
        description=f"Fuzz the {name} target: under atheris when installed (libFuzzer options "
        "such as -max_total_time=600 -timeout=10 pass through), else --hypothesis."
    )
    parser.add_argument(
        "--hypothesis", action="store_true", help="mutate the corpus with hypothesis"
    )
    parser.add_argument("--examples", type=int, default=10_000, help="hypothesis: inputs to try")
    parser.add_argument(
        "--corpus", type=Path, default=HERE / "corpus" / name, help="hypothesis: the seeds"
    )
    known, rest = parser.parse_known_args()
    if not known.hypothesis:
        try:
            import atheris  # noqa: PLC0415
        except ImportError:
            print("atheris is not installed: fuzzing with hypothesis", file=sys.stderr)
        else:
            atheris.Setup([sys.argv[0], *rest], target)
            atheris.Fuzz()
            return
    run_hypothesis(name, target, known.examples, known.corpus)


def run_hypothesis(name: str, target: Target, examples: int, folder: Path) -> None:
    """Random byte-level edits of the seeds (and fresh random bytes), ``examples`` times."""
    from hypothesis import HealthCheck, given, settings  # noqa: PLC0415
    from hypothesis import strategies as st  # noqa: PLC0415

    seeds = corpus(folder) or [b""]

    @st.composite
    def mutated(draw: st.DrawFn) -> bytes:
        data = bytearray(draw(st.sampled_from(seeds)))
        for _ in range(draw(st.integers(0, 8))):
            at = draw(st.integers(0, len(data)))
            edit = draw(st.sampled_from(["insert", "delete", "replace", "repeat"]))
            chunk = draw(st.binary(min_size=1, max_size=8))
            if edit == "insert":
                data[at:at] = chunk
            elif edit == "delete":
                del data[at : at + len(chunk)]
            elif edit == "replace":
                data[at : at + len(chunk)] = chunk
            else:  # repeat a slice: deep nesting, long runs
                data[at:at] = bytes(data[at : at + len(chunk)]) * draw(st.integers(2, 200))
        return bytes(data)

    @settings(
        max_examples=examples,
        deadline=10_000,  # ms: an input that takes longer is a finding (super-linear time)
        suppress_health_check=list(HealthCheck),
        database=None,
    )
    @given(st.one_of(mutated(), st.binary(max_size=200)))
    def fuzz(data: bytes) -> None:
        target(data)

    fuzz()
    print(f"{name}: {examples} inputs, no failure", file=sys.stderr)
