"""The floor for reading a dataset: parse every TOML file below a directory with tomli, in one
process, and do nothing else (no validation, no model, no output). The cold-start benchmark
compares ``tracker status`` against this.

    python benchmarks/bare_tomli.py DATA_DIR
"""

from __future__ import annotations

import os
import sys

import tomli


def main() -> None:
    goals = 0
    for folder, dirs, files in os.walk(sys.argv[1]):
        dirs.sort()
        for name in sorted(files):
            if name.endswith(".toml"):
                with open(os.path.join(folder, name), "rb") as stream:  # noqa: PTH123, PTH118
                    goals += len(tomli.load(stream).get("goal", []))
    print(goals)


if __name__ == "__main__":
    main()
