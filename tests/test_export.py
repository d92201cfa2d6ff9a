"""`tracker export DIR` (SPEC §5.1): the files, their bytes, bad input, and the commands
that read them — Frictionless, SQLite, DuckDB, Datasette — as an analyst would run them."""

from __future__ import annotations

import csv
import importlib.util
import io
import json
import shutil
import sqlite3
import subprocess
import sys
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from hypothesis import given
from hypothesis import strategies as st

from tracker import __version__
from tracker.cli.group import cli
from tracker.core.compute import Status
from tracker.model import Kind, Measure
from tracker.render.csv import COLUMNS
from tracker.render.export import formats
from tracker.render.export.fields import exact_decimal

frictionless = pytest.importorskip("frictionless", reason="the test extra installs it")

ROOT = Path(__file__).resolve().parents[1]
TARGETS = ROOT / "targets"
BASIC = Path(__file__).parent / "data" / "basic"
AS_OF = "2024-12-31"
TABLES = ("regions", "sources", "goals", "outcomes", "evaluation")
FILES = {f"{t}.csv" for t in TABLES} | {"datapackage.json", "tracker.sqlite"}


def run(*args: str, lang: str = "en") -> Result:
    return CliRunner().invoke(cli, list(args), env={"TRACKER_LANG": lang, "NO_COLOR": "1"})


def export(out: Path, *args: str, data: Path = TARGETS, lang: str = "en") -> Result:
    return run("--data", str(data), "export", str(out), "--as-of", AS_OF, *args, lang=lang)


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped dataset exported once (with Parquet when pyarrow is there)."""
    out = tmp_path_factory.mktemp("export") / "out"
    extra = ["--parquet"] if formats.parquet_available() else []
    result = export(out, *extra)
    assert result.exit_code == 0, result.output
    return out


def read_csv(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"))))


# --- the command ----------------------------------------------------------------------------


def test_writes_the_files_and_says_so(tmp_path: Path) -> None:
    out = tmp_path / "new" / "out"  # missing parents are created
    result = export(out)
    assert result.exit_code == 0, result.output
    assert result.stdout == ""  # the report is the files; the summary goes to stderr
    assert "exported 135 goals and 111 outcomes" in result.stderr
    assert {p.name for p in out.iterdir()} == FILES


def test_help() -> None:
    result = run("export", "--help")
    assert result.exit_code == 0
    for option in ("--force", "--parquet", "--bom", "--region", "--as-of", "--on-track"):
        assert option in result.stdout


def test_same_bytes_every_time(tmp_path: Path) -> None:
    extra = ["--parquet"] if formats.parquet_available() else []
    assert export(tmp_path / "a", *extra).exit_code == 0
    assert export(tmp_path / "b", *extra).exit_code == 0
    names = sorted(p.name for p in (tmp_path / "a").iterdir())
    assert names == sorted(p.name for p in (tmp_path / "b").iterdir())
    for name in names:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name


def test_evaluation_equals_status_json(package: Path) -> None:
    """Goal for goal, key for key: the evaluation table is `status --format json`."""
    result = run("--data", str(TARGETS), "status", "--format", "json", "--as-of", AS_OF)
    goals = json.loads(result.stdout)["goals"]
    rows = read_csv(package / "evaluation.csv")
    assert [r["id"] for r in rows] == [g["id"] for g in goals]
    for goal, row in zip(goals, rows, strict=True):
        implied = goal.pop("implied_target") or {}
        goal["implied_target"] = implied.get("nominal")
        goal["implied_target_low"] = implied.get("low")
        goal["implied_target_high"] = implied.get("high")
        ref = goal.pop("target_ref") or {}
        goal["target_ref"] = ref.get("goal")
        goal["target_ref_value"] = ref.get("value")
        goal["flags"] = ";".join(goal["flags"])
        assert set(goal) == set(row)
        for key, value in goal.items():
            assert _same(value, row[key]), (goal["id"], key, value, row[key])


def _same(value: Any, cell: str) -> bool:
    if value is None or value == "":
        return cell == ""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return Decimal(cell) == Decimal(str(value))
    return str(value) == cell


def test_filters_and_judgement_options_apply(tmp_path: Path) -> None:
    args = ("--region", "运城", "--status", "achieved", "--on-track", "0.9")
    assert export(tmp_path / "out", *args).exit_code == 0
    status = run("--data", str(TARGETS), "status", "--format", "json", "--as-of", AS_OF, *args)
    ids = [g["id"] for g in json.loads(status.stdout)["goals"]]
    assert ids
    assert [r["id"] for r in read_csv(tmp_path / "out" / "evaluation.csv")] == ids
    assert [r["id"] for r in read_csv(tmp_path / "out" / "goals.csv")] == ids
    assert {r["goal"] for r in read_csv(tmp_path / "out" / "outcomes.csv")} <= set(ids)
    described = json.loads((tmp_path / "out" / "datapackage.json").read_text())
    assert described["selection"]["regions"] == ["运城"]
    assert described["selection"]["on_track"] == "0.9"


def test_data_as_written_next_to_exact_bounds(package: Path) -> None:
    outcomes = read_csv(package / "outcomes.csv")
    jobs = next(r for r in outcomes if r["goal"] == "yuncheng-2022-urban-new-jobs")
    assert jobs["value_text"] == "5.31万"
    assert (jobs["value"], jobs["value_low"], jobs["value_high"]) == ("53100", "53050", "53150")
    assert (jobs["stated_rate_low"], jobs["stated_rate_high"]) == ("104.185", "104.195")
    goals = {r["id"]: r for r in read_csv(package / "goals.csv")}
    assert goals["yuncheng-2022-urban-new-jobs"]["file"] == "shanxi/yuncheng.toml"


def test_package_describes_itself(package: Path) -> None:
    described = json.loads((package / "datapackage.json").read_text())
    assert described["as_of"] == AS_OF
    assert described["tracker_version"] == __version__
    assert "created" not in json.dumps(described)  # no timestamps
    resources = {r["name"]: r for r in described["resources"]}
    assert list(resources) == list(TABLES)
    enums = {
        (name, f["name"]): f["constraints"]["enum"]
        for name, r in resources.items()
        for f in r["schema"]["fields"]
        if "enum" in f.get("constraints", {})
    }
    assert enums[("evaluation", "status")] == [s.value for s in Status]
    assert enums[("goals", "kind")] == [k.value for k in Kind]
    assert enums[("goals", "measure")] == [m.value for m in Measure]
    assert resources["outcomes"]["schema"]["primaryKey"] == ["goal", "seq"]
    keys = resources["goals"]["schema"]["foreignKeys"]
    assert {"fields": "region", "reference": {"resource": "regions", "fields": "name"}} in keys


def test_git_commit_of_the_data(tmp_path: Path) -> None:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    data = tmp_path / "repo" / "targets"
    shutil.copytree(BASIC, data)

    def git(*args: str) -> str:
        done = subprocess.run(
            ["git", "-c", "user.name=t", "-c", "user.email=t@t", *args],
            cwd=data.parent,
            capture_output=True,
            text=True,
            check=True,
        )
        return done.stdout.strip()

    git("init", "-q")
    git("add", ".")
    git("commit", "-qm", "data")
    assert export(tmp_path / "a", data=data).exit_code == 0
    described = json.loads((tmp_path / "a" / "datapackage.json").read_text())
    assert described["data_commit"] == git("rev-parse", "HEAD")
    assert described["data_modified"] is False
    with (data / "goals.toml").open("a", encoding="utf-8") as handle:
        handle.write("\n# changed\n")
    assert export(tmp_path / "b", data=data).exit_code == 0
    assert json.loads((tmp_path / "b" / "datapackage.json").read_text())["data_modified"] is True


# --- bad input ------------------------------------------------------------------------------


def test_non_empty_directory_is_refused(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine")
    result = export(tmp_path)
    assert result.exit_code == 2
    assert "is not empty" in result.stderr
    assert "--force" in result.stderr
    assert "Traceback" not in result.output
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]


def test_force_replaces_only_its_files(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine")
    (tmp_path / "goals.csv").write_text("old")
    result = export(tmp_path, "--force")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "notes.txt").read_text() == "mine"
    assert (tmp_path / "goals.csv").read_text().startswith("id,region,title")
    assert {p.name for p in tmp_path.iterdir()} == FILES | {"notes.txt"}  # no staging left


def test_a_failed_write_replaces_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert export(tmp_path).exit_code == 0
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}

    def full(*args: object) -> None:
        del args
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(formats, "write_sqlite", full)
    result = export(tmp_path, "--force", "--as-of", "2025-06-30")
    assert result.exit_code == 2
    assert "No space left on device" in result.stderr
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before


def test_not_a_directory(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("")
    result = export(tmp_path / "file")
    assert result.exit_code == 2
    assert "not a directory" in result.stderr
    result = export(tmp_path / "file" / "out")
    assert result.exit_code == 2
    assert "cannot write to" in result.stderr
    assert "Traceback" not in result.output


def test_messages_in_chinese(tmp_path: Path) -> None:
    (tmp_path / "x").write_text("")
    result = export(tmp_path, lang="zh")
    assert "不是空目录" in result.stderr
    result = export(tmp_path / "out", lang="zh")
    assert "已导出135个目标" in result.stderr


def test_load_problems_still_export_what_loaded(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(BASIC, data)
    (data / "broken.toml").write_text('[[goal]]\nid = "x"\ntitle = \n', encoding="utf-8")
    result = export(tmp_path / "out", data=data)
    assert result.exit_code == 1
    assert "broken.toml" in result.stderr
    assert "E003" in result.stderr
    goals = read_csv(tmp_path / "out" / "goals.csv")
    assert goals
    assert "x" not in {g["id"] for g in goals}


def test_parquet_without_pyarrow(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(formats, "parquet_available", lambda: False)
    result = export(tmp_path / "out", "--parquet")
    assert result.exit_code == 2
    assert "pip install 'tracker[parquet]'" in result.stderr
    assert not (tmp_path / "out").exists()


# --- Excel / WPS ----------------------------------------------------------------------------


def test_bom(tmp_path: Path) -> None:
    assert export(tmp_path / "out", "--bom").exit_code == 0
    for table in TABLES:
        data = (tmp_path / "out" / f"{table}.csv").read_bytes()
        assert data.startswith(b"\xef\xbb\xbf")
        assert data[3:] == (tmp_path / "out" / f"{table}.csv").read_bytes()[3:]
    described = json.loads((tmp_path / "out" / "datapackage.json").read_text())
    assert {r["encoding"] for r in described["resources"]} == {"utf-8-sig"}
    assert frictionless.validate(str(tmp_path / "out" / "datapackage.json")).valid


def test_status_csv_bom() -> None:
    plain = run("--data", str(BASIC), "status", "--format", "csv", "--as-of", AS_OF)
    marked = run("--data", str(BASIC), "status", "--format", "csv", "--as-of", AS_OF, "--bom")
    assert marked.exit_code == 0
    assert marked.stdout_bytes == b"\xef\xbb\xbf" + plain.stdout_bytes
    refused = run("--data", str(BASIC), "status", "--format", "json", "--bom")
    assert refused.exit_code == 2
    assert "--bom" in refused.stderr


# --- the consumers --------------------------------------------------------------------------


def test_frictionless_validates(package: Path) -> None:
    report = frictionless.validate(str(package / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])


def test_frictionless_catches_a_broken_key(package: Path, tmp_path: Path) -> None:
    """The foreign keys are checked, not only declared."""
    copy = tmp_path / "copy"
    shutil.copytree(package, copy)
    goals = (copy / "goals.csv").read_text(encoding="utf-8")
    (copy / "goals.csv").write_text(goals.replace(",运城市,", ",无此地,", 1), encoding="utf-8")
    assert not frictionless.validate(str(copy / "datapackage.json")).valid


def test_sqlite_keys_indexes_and_full_text(package: Path) -> None:
    db = sqlite3.connect(package / "tracker.sqlite")
    for table in TABLES:
        described = json.loads((package / "datapackage.json").read_text())
        csv_rows = read_csv(package / f"{table}.csv")
        (count,) = db.execute(f'SELECT count(*) FROM "{table}"').fetchone()  # noqa: S608
        assert count == len(csv_rows), table
        assert described
    keys = {(row[2], row[3]) for row in db.execute("PRAGMA foreign_key_list(outcomes)")}
    assert ("goals", "goal") in keys
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    pk = [row[1] for row in db.execute("PRAGMA table_info(outcomes)") if row[5]]
    assert pk == ["goal", "seq"]
    indexes = {row[1] for row in db.execute("PRAGMA index_list(goals)")}
    assert "goals_region" in indexes
    found = {
        row[0]
        for row in db.execute(
            "SELECT goals.id FROM goals_fts JOIN goals ON goals.rowid = goals_fts.rowid "
            "WHERE goals_fts MATCH ?",
            ['"新增就业"'],
        )
    }
    assert "yuncheng-2022-urban-new-jobs" in found
    (quotes,) = db.execute(
        "SELECT count(*) FROM outcomes_fts WHERE outcomes_fts MATCH ?", ['"完成省定任务"']
    ).fetchone()
    assert quotes >= 1
    info = dict(db.execute("SELECT key, value FROM export_info"))
    assert info["as_of"] == AS_OF
    # exact decimals stay exact: text, not binary floats
    (value,) = db.execute(
        "SELECT value_low FROM outcomes WHERE goal = 'yuncheng-2022-urban-new-jobs'"
    ).fetchone()
    assert value == "53050"
    assert db.execute("SELECT count(*) FROM goals WHERE category = ''").fetchone() == (0,)


def _duckdb() -> Any:
    duckdb = pytest.importorskip("duckdb")
    connection = duckdb.connect()
    # the sqlite extension from the duckdb-ext-sqlite wheel (test extra): no download
    spec = importlib.util.find_spec("duckdb_ext")
    if spec is not None and spec.submodule_search_locations:
        folder = Path(next(iter(spec.submodule_search_locations))) / "extensions"
        connection.execute("SET extension_directory = ?", [str(folder)])
    try:
        connection.execute("LOAD sqlite")
    except duckdb.Error as exc:
        pytest.skip(f"DuckDB's sqlite extension is not available: {exc}")
    return connection


def test_duckdb_parquet_and_sqlite_agree(package: Path) -> None:
    pytest.importorskip("pyarrow")
    db = _duckdb()
    db.execute(f"ATTACH '{package / 'tracker.sqlite'}' AS t (TYPE sqlite, READ_ONLY)")
    described = json.loads((package / "datapackage.json").read_text())
    for resource in described["resources"]:
        table = resource["name"]
        parquet = f"read_parquet('{package / table}.parquet')"
        numbers = [f["name"] for f in resource["schema"]["fields"] if f["type"] == "number"]
        sums = ", ".join(f'sum("{n}")' for n in numbers)
        casts = ", ".join(f'sum(CAST("{n}" AS DECIMAL(38, 10)))' for n in numbers)
        sums, casts = (", " + sums if sums else ""), (", " + casts if casts else "")
        from_parquet = db.execute(f"SELECT count(*) {sums} FROM {parquet}").fetchone()  # noqa: S608
        from_sqlite = db.execute(f"SELECT count(*) {casts} FROM t.{table}").fetchone()  # noqa: S608
        assert from_parquet == from_sqlite, table
    outcomes = f"read_parquet('{package}/outcomes.parquet')"
    described_types = db.execute(f"DESCRIBE SELECT * FROM {outcomes}").fetchall()  # noqa: S608
    types = {row[0]: row[1] for row in described_types}
    assert types["as_of"] == "DATE"
    decimal_type = types["value_low"]
    assert decimal_type.startswith("DECIMAL")


def test_duckdb_ranks_regions_by_completion(package: Path) -> None:
    """The query of docs/export.md runs."""
    db = _duckdb()
    db.execute(f"ATTACH '{package / 'tracker.sqlite'}' AS t (TYPE sqlite, READ_ONLY)")
    rows = db.execute(
        """
        SELECT region, count(*) AS goals, round(avg(CAST(ratio AS DOUBLE)), 3) AS completion
        FROM t.evaluation WHERE ratio IS NOT NULL
        GROUP BY region ORDER BY completion DESC
        """
    ).fetchall()
    assert rows
    assert rows[0][2] >= rows[-1][2]


def test_datasette_returns_the_goals(package: Path) -> None:
    """Datasette's own CLI, with --get: no server is started."""
    program = Path(sys.executable).parent / "datasette"
    if not program.exists():
        pytest.skip("datasette is not installed")
    done = subprocess.run(
        [
            str(program),
            str(package / "tracker.sqlite"),
            "--get",
            "/tracker/goals.json?_shape=array&_size=max",
        ],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    goals = json.loads(done.stdout)
    assert {g["id"] for g in goals} == {r["id"] for r in read_csv(package / "goals.csv")}


# --- units ----------------------------------------------------------------------------------


@given(st.integers(-(10**15), 10**15), st.integers(0, 12), st.integers(0, 12))
def test_exact_decimal_is_exact(numerator: int, twos: int, fives: int) -> None:
    value = Fraction(numerator, 2**twos * 5**fives)
    text = exact_decimal(value)
    assert Fraction(Decimal(text)) == value
    assert "e" not in text.lower()
    assert not ("." in text and text.endswith("0"))


def test_evaluation_columns_are_the_status_csv_columns(package: Path) -> None:
    header = (package / "evaluation.csv").read_text(encoding="utf-8").splitlines()[0]
    assert tuple(header.split(",")) == COLUMNS
