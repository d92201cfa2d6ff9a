"""Start-up stays lazy: which modules a command imports (a structural check, not a timing).

Heavy or rarely needed libraries are imported inside the functions that use them
(docs/performance.md); these tests fail when a module-level import pulls one in again.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tracker.cli.registry import COMMANDS

HERE = Path(__file__).parent
BASIC = HERE / "data" / "basic"

# Never needed to start the CLI, print its version or its help.
HEAVY = (
    "yaml",
    "rich",
    "opencc",
    "pypinyin",
    "tomlkit",
    "jsonschema",
    "html",
    "tomli",
    "rtoml",
    "msgspec",
    "hashlib",
    "tempfile",
    "multiprocessing",
)
COMMAND_MODULES = tuple(entry.target.partition(":")[0] for entry in COMMANDS.values())
# Not needed by `tracker status` on TOML data without --region, in any format.
NOT_FOR_STATUS = ("yaml", "opencc", "pypinyin", "tomlkit", "jsonschema")
# Nor by the table, JSON and CSV renderers (the Markdown one uses tabulate, which imports
# importlib.metadata and with it hashlib and tempfile).
NOT_FOR_STATUS_STRICT = (*NOT_FOR_STATUS, "hashlib", "tempfile", "multiprocessing", "difflib")
# Not needed by a table that fits (rich decides widths and wrapping only when it does not).
NOT_FOR_THE_TABLE = ("rich.console", "rich.table", "rich.text", "rich.style")

SCRIPT = """
import json, sys
from tracker.__main__ import main
try:
    main(sys.argv[1:])
except SystemExit:
    pass
json.dump(sorted(sys.modules), sys.stderr)
"""


def imported(*args: str, cache: Path | None = None) -> set[str]:
    """The modules loaded by running ``tracker ARGS`` in a fresh interpreter."""
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "100", "TRACKER_LANG": "en"}
    if cache is not None:
        env["TRACKER_CACHE_DIR"] = str(cache)
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, *args],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    last = result.stderr.strip().splitlines()[-1]
    return set(json.loads(last))


def loaded(modules: set[str], names: tuple[str, ...]) -> list[str]:
    return sorted(m for m in modules if any(m == n or m.startswith(f"{n}.") for n in names))


def test_importing_the_cli_is_light() -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys, json, tracker.cli.group; print(json.dumps(sorted(sys.modules)))",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    modules = set(json.loads(result.stdout))
    assert loaded(modules, HEAVY) == []
    # commands are imported when run, not with the group
    assert loaded(modules, (*COMMAND_MODULES, "tracker.load", "tracker.core")) == []


def test_version_imports_nothing_heavy() -> None:
    assert loaded(imported("--version"), HEAVY) == []


def test_help_imports_nothing_heavy() -> None:
    """`tracker --help` lists the commands from the registry: no command module is imported."""
    modules = imported("--help")
    assert loaded(modules, HEAVY) == []
    assert loaded(modules, COMMAND_MODULES) == []


@pytest.mark.parametrize("fmt", ["table", "json", "csv", "markdown"])
def test_status_imports_only_what_it_uses(fmt: str, tmp_path: Path) -> None:
    args = ["--data", str(BASIC), "status", "--format", fmt, "--as-of", "2023-07-01"]
    for cache in (tmp_path / "cold", tmp_path / "cold"):  # a cold run, then a warm one
        modules = imported(*args, cache=cache)
        strict = NOT_FOR_STATUS if fmt == "markdown" else NOT_FOR_STATUS_STRICT
        assert loaded(modules, strict) == []
        assert loaded(modules, NOT_FOR_THE_TABLE) == []
        if fmt != "table":
            assert loaded(modules, ("rich",)) == []


def test_region_filter_imports_the_region_index(tmp_path: Path) -> None:
    args = ["--data", str(BASIC), "status", "--region", "运城", "--as-of", "2023-07-01"]
    assert "tracker.core.regions" in imported(*args, cache=tmp_path)


def test_yaml_is_imported_for_yaml_data(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "goals.yaml").write_text("region:\n  - name: 运城市\n", encoding="utf-8")
    assert "yaml" in imported("--data", str(data), "status", "--no-cache")
