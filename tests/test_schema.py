"""`tracker schema`: a valid JSON Schema (draft 2020-12) that accepts the shipped data and
rejects what the loader rejects for the file's structure."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
import tomli
import yaml
from click.testing import CliRunner

from tracker.cli.group import cli

jsonschema = pytest.importorskip("jsonschema")

ROOT = Path(__file__).parent.parent
EXAMPLES = Path(__file__).parent / "check-examples"


@pytest.fixture(scope="module")
def schema() -> dict[str, Any]:
    result = CliRunner().invoke(cli, ["schema"])
    assert result.exit_code == 0
    document: dict[str, Any] = json.loads(result.stdout)
    return document


def as_json(value: Any) -> Any:
    """What an editor validates: TOML dates become strings, as in JSON."""
    if isinstance(value, dict):
        return {k: as_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [as_json(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def read(path: Path) -> Any:
    text = path.read_text(encoding="utf-8")
    document = tomli.loads(text) if path.suffix == ".toml" else yaml.safe_load(text)
    return as_json(document)


def errors(schema: dict[str, Any], document: Any) -> list[str]:
    validator = jsonschema.Draft202012Validator(schema)
    return [e.message for e in validator.iter_errors(document)]


def test_is_a_draft_2020_12_schema(schema: dict[str, Any]) -> None:
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["type"] == "object"  # the root is the file itself, not a $ref
    assert set(schema["properties"]) == {"defaults", "region", "source", "goal"}


def data_files() -> list[Path]:
    files = [*(ROOT / "targets").rglob("*.toml"), *(ROOT / "tests" / "data").rglob("*.toml")]
    return sorted(files)


@pytest.mark.parametrize("path", data_files(), ids=lambda p: str(p.relative_to(ROOT)))
def test_accepts_valid_files(schema: dict[str, Any], path: Path) -> None:
    assert errors(schema, read(path)) == []


@pytest.mark.parametrize(
    ("example", "fragment"),
    [
        ("E101-unknown-key.toml", "'valeu' was unexpected"),
        ("E102-wrong-type.toml", "2022 is not of type 'string'"),
        ("E103-missing.toml", "'title' is a required property"),
        ("E104-bad-value.toml", "'at-least' is not one of"),
        ("E105-bad-acknowledge.toml", "'E111' is not one of"),
        ("E004-structure.toml", "is not of type 'array'"),
    ],
)
def test_rejects_what_the_loader_rejects(
    schema: dict[str, Any], example: str, fragment: str
) -> None:
    found = errors(schema, read(EXAMPLES / example))
    assert any(fragment in message for message in found), found


def test_acknowledge_is_per_goal_and_outcome(schema: dict[str, Any]) -> None:
    defs = schema["$defs"]
    assert defs["GoalSpec"]["properties"]["acknowledge"]["items"]["enum"] == [
        "W201",
        "W202",
        "W203",
        "W204",
        "W205",
        "W212",
    ]
    assert "acknowledge" in defs["OutcomeSpec"]["properties"]
    assert "acknowledge" not in defs["GoalFields"]["properties"]  # not in [defaults]


def test_fields_are_described_for_editors(schema: dict[str, Any]) -> None:
    for name, table in schema["$defs"].items():
        assert table.get("description"), name
        for key, field in table["properties"].items():
            assert field.get("description"), f"{name}.{key}"


def test_output_file(tmp_path: Path) -> None:
    out = tmp_path / "tracker.parse.schema.json"
    result = CliRunner().invoke(cli, ["schema", "--output", str(out)])
    assert result.exit_code == 0
    assert result.stdout == ""
    assert json.loads(out.read_text(encoding="utf-8"))["title"] == "tracker data file"


def test_indicator_is_described(schema: dict[str, Any]) -> None:
    """docs/indicators.md: the goal field `indicator`, for editors too."""
    for table in ("GoalSpec", "GoalFields"):
        field = schema["$defs"][table]["properties"]["indicator"]
        assert {"type": "string"} in field["anyOf"]
        assert "urban-new-jobs" in field["description"]
