"""`tracker check`: one invalid example per problem code, all problems at once, every format.

Each example under tests/check-examples/ marks the lines where a finding is expected with a
comment ``# expect: CODE``; the test runs `tracker check` on it and compares the findings
(code and line) with the marks exactly. A directory is one example of several files.
To add a code: add an example with its mark; `test_every_code_has_an_example` lists gaps.
"""

from __future__ import annotations

import json
import re
import shlex
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from tracker import problems
from tracker.cli.group import cli
from tracker.core.checks import CheckReport
from tracker.problems import Problem, Severity
from tracker.render.check import render_github, render_gitlab, workflow_command
from tracker.render.options import RenderOptions

EXAMPLES = Path(__file__).parent / "check-examples"
ROOT = Path(__file__).parent.parent
TARGETS = ROOT / "targets"
MARK = re.compile(rb"#\s*expect:\s*([EW]\d{3})")


@pytest.fixture(autouse=True)
def _at_repository_root(monkeypatch: pytest.MonkeyPatch) -> None:
    """Paths in the output are relative to the working directory: make it the repository."""
    monkeypatch.chdir(ROOT)


def run(*args: str, env: dict[str, str] | None = None) -> Result:
    environment = {"TRACKER_LANG": "en", "NO_COLOR": "1", **(env or {})}
    return CliRunner().invoke(cli, list(args), env=environment)


def examples() -> list[Path]:
    return sorted(p for p in EXAMPLES.iterdir() if not p.name.startswith("."))


def expected(example: Path) -> set[tuple[str, int, str]]:
    """(file, line, code) for every ``# expect: CODE`` mark (read as bytes: one example is
    deliberately not UTF-8)."""
    files = sorted(example.rglob("*")) if example.is_dir() else [example]
    marks = set()
    for file in files:
        if file.is_file():
            for number, line in enumerate(file.read_bytes().splitlines(), start=1):
                for code in MARK.findall(line):
                    marks.add((str(file.resolve()), number, code.decode()))
    return marks


def check_json(*args: str) -> tuple[Result, dict[str, object]]:
    result = run("check", "--format", "json", *args)
    assert "Traceback" not in result.output
    return result, json.loads(result.stdout)


def found(document: dict[str, object]) -> set[tuple[str, int, str]]:
    records = document["problems"]
    assert isinstance(records, list)
    return {(str(Path(p["file"]).resolve()), p["line"], p["code"]) for p in records}


@pytest.mark.parametrize("example", examples(), ids=lambda p: p.name)
def test_example(example: Path) -> None:
    marks = expected(example)
    assert marks, f"{example.name} has no '# expect: CODE' mark"
    result, document = check_json(str(example))
    assert found(document) == marks
    has_error = any(code.startswith("E") for _, _, code in marks)
    assert result.exit_code == (1 if has_error else 0)
    strict = run("check", "--strict", str(example))
    assert strict.exit_code == 1  # every example has at least one finding


def test_every_code_has_an_example() -> None:
    defined = {
        v for v in vars(problems).values() if isinstance(v, str) and re.fullmatch(r"[EW]\d{3}", v)
    }
    marked = {code for example in examples() for _, _, code in expected(example)}
    # E001 (unreadable file) cannot be committed as a file: test_unreadable_file makes one.
    # E005 (a file over the size limit) and E008 (a link out of the data directory) are made
    # at test time too, by tests/test_hostile.py.
    assert defined - marked == {problems.UNREADABLE, problems.FILE_TOO_LARGE, problems.OUTSIDE_LINK}
    assert marked <= defined


def test_every_code_is_documented() -> None:
    doc = (ROOT / "docs" / "check.md").read_text(encoding="utf-8")
    defined = {
        v for v in vars(problems).values() if isinstance(v, str) and re.fullmatch(r"[EW]\d{3}", v)
    }
    missing = {code for code in defined if f"| {code} |" not in doc}
    assert not missing


def test_ten_mistakes_ten_findings() -> None:
    example = EXAMPLES / "ten-mistakes.toml"
    result, document = check_json(str(example))
    findings = found(document)
    assert len(findings) == 10
    assert len({code for _, _, code in findings}) == 10
    assert findings == expected(example)
    assert result.exit_code == 1


def test_unreadable_file(tmp_path: Path) -> None:
    (tmp_path / "gone.toml").symlink_to(tmp_path / "missing.toml")
    result, document = check_json(str(tmp_path))
    assert result.exit_code == 1
    records = document["problems"]
    assert isinstance(records, list)
    assert [p["code"] for p in records] == ["E001"]
    assert "cannot read file" in records[0]["message"]


# Every message says what to do: each contains one of these verbs after what is wrong.
FIX_WORDS = re.compile(
    r"\b(add|write|remove|fix|use|check|close|convert|rename|keep|set|quote|indent|change|"
    r"give|break|swap)\b"
)


def test_every_message_says_how_to_fix() -> None:
    for example in examples():
        _, document = check_json(str(example))
        for record in document["problems"]:  # type: ignore[attr-defined]
            assert FIX_WORDS.search(record["message"]), record


# --- the shipped dataset and acknowledgements -------------------------------------------------


def test_shipped_dataset_passes_strict() -> None:
    result = run("check", "--strict", str(TARGETS))
    assert result.exit_code == 0, result.output
    assert "no problems" in result.stdout
    assert "1 acknowledged" in result.stdout
    _, document = check_json("--strict", str(TARGETS))
    acknowledged = document["acknowledged"]
    assert isinstance(acknowledged, list)
    assert [(p["code"], p["goal_id"]) for p in acknowledged] == [
        ("W202", "wulingyuan-2024-vocational-undergraduate-rate")
    ]


def test_acknowledged_rate_still_flagged_by_status() -> None:
    result = run("--data", str(TARGETS), "status", "--format", "json", "--region", "武陵源")
    goals = {g["id"]: g for g in json.loads(result.stdout)["goals"]}
    goal = goals["wulingyuan-2024-vocational-undergraduate-rate"]
    assert goal["rate_check"] == "inconsistent"
    assert "rate_inconsistent" in goal["flags"]


def test_show_acknowledged_lists_them() -> None:
    result = run("check", "--show-acknowledged", str(TARGETS))
    assert result.exit_code == 0
    assert "acknowledged W202 [wulingyuan-2024-vocational-undergraduate-rate]" in result.stdout


GOAL = """
[[region]]
name = "示例区"

[[source]]
id = "src"

[[goal]]
id = "rate"
title = "对口升学本科上线率"
region = "示例区"
source = "src"
unit = "%"
period = 2024
quote = "…57.2%"
{goal_extra}

  [[goal.outcome]]
  as_of = 2024-12-31
  numerator = 44
  denominator = 77
  value = "57.2%"
  quote = "…57.2%"
{outcome_extra}
"""


def write_goal(tmp_path: Path, goal_extra: str = "", outcome_extra: str = "") -> Path:
    path = tmp_path / "goal.toml"
    path.write_text(
        GOAL.format(goal_extra=goal_extra, outcome_extra=outcome_extra), encoding="utf-8"
    )
    return path


def test_goal_level_acknowledgement_covers_its_outcomes(tmp_path: Path) -> None:
    path = write_goal(tmp_path, goal_extra='acknowledge = ["W202"]')
    result, document = check_json("--strict", str(path))
    assert result.exit_code == 0
    assert document["problems"] == []
    assert len(document["acknowledged"]) == 1  # type: ignore[arg-type]


def test_acknowledgement_of_another_code_does_not_hide(tmp_path: Path) -> None:
    path = write_goal(tmp_path, outcome_extra='  acknowledge = ["W201"]')
    result, document = check_json(str(path))
    codes = sorted(p["code"] for p in document["problems"])  # type: ignore[attr-defined]
    assert codes == ["W202", "W206"]  # still reported, and the W201 exemption is unused
    assert result.exit_code == 0


def test_acknowledging_an_error_is_an_error(tmp_path: Path) -> None:
    path = write_goal(tmp_path, outcome_extra='  acknowledge = ["W202", "E110"]')
    result, document = check_json(str(path))
    assert result.exit_code == 1
    records = document["problems"]
    assert [p["code"] for p in records] == ["E105"]  # type: ignore[index]
    assert "errors cannot be acknowledged" in records[0]["message"]  # type: ignore[index]
    assert len(document["acknowledged"]) == 1  # type: ignore[arg-type]  # W202 still applies


def test_acknowledge_is_not_a_default(tmp_path: Path) -> None:
    path = write_goal(tmp_path)
    text = path.read_text(encoding="utf-8").replace(
        "[[goal]]", '[defaults]\nacknowledge = ["W202"]\n\n[[goal]]', 1
    )
    path.write_text(text, encoding="utf-8")
    _, document = check_json(str(path))
    assert {p["code"] for p in document["problems"]} == {"E101", "W202"}  # type: ignore[attr-defined]


# --- formats ----------------------------------------------------------------------------------


def test_text_format() -> None:
    result = run(
        "check", str(EXAMPLES / "E135-region-cycle.toml"), str(EXAMPLES / "W203-no-source.toml")
    )
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        'tests/check-examples/E135-region-cycle.toml:2: error E135 region "甲市" is its own '
        "ancestor through parent links: break the cycle by fixing one parent",
        'tests/check-examples/E135-region-cycle.toml:6: error E135 region "乙市" is its own '
        "ancestor through parent links: break the cycle by fixing one parent",
        "",  # files are separated by a blank line
        "tests/check-examples/W203-no-source.toml:5: warning W203 [example-2022-jobs] goal has "
        'no source: add source = "<source id>" (defined by a [[source]]), or set it once for '
        "the file in [defaults]",
        "",
        "2 files checked: 2 errors, 1 warning",
    ]
    assert result.stderr == ""


def test_text_zh_and_color() -> None:
    result = run(
        "--lang", "zh", "--color", "always", "check", str(EXAMPLES / "W203-no-source.toml")
    )
    assert "\x1b[" in result.stdout
    assert "警告" in result.stdout
    assert "检查了1个文件" in result.stdout


def test_strict_promotes_warnings() -> None:
    example = str(EXAMPLES / "W204-no-quote.toml")
    plain = run("check", example)
    assert plain.exit_code == 0
    assert plain.stdout.splitlines()[-1] == "1 file checked: 1 warning"
    strict = run("check", "--strict", example)
    assert strict.exit_code == 1
    assert "error W204" in strict.stdout
    assert strict.stdout.splitlines()[-1] == "1 file checked: 1 error (1 from warnings, --strict)"
    _, document = check_json("--strict", example)
    assert document["strict"] is True
    assert document["problems"][0]["severity"] == "error"  # type: ignore[index]


def test_json_format() -> None:
    result, document = check_json(str(EXAMPLES / "E101-unknown-key.toml"))
    assert set(document) == {"files", "strict", "problems", "acknowledged", "summary"}
    assert document["summary"] == {"files": 1, "errors": 1, "warnings": 0, "acknowledged": 0}
    (record,) = document["problems"]  # type: ignore[misc]
    assert record == {
        "file": "tests/check-examples/E101-unknown-key.toml",
        "line": 24,
        "column": 3,
        "goal_id": "example-2022-jobs",
        "code": "E101",
        "severity": "error",
        "message": 'unknown key "valeu" in outcome (did you mean "value"?): '
        "fix the spelling or remove it",
    }
    assert result.stderr == ""


# The runner's parser for `::command key=value,…::message` (actions/runner ActionCommand):
# properties split on ",", each on its first "=", then unescaped; the message unescaped.
WORKFLOW = re.compile(r"^::(?P<command>error|warning) (?P<props>[^:]*)::(?P<message>.*)$")


def unescape(text: str, *, prop: bool) -> str:
    pairs = [("%0D", "\r"), ("%0A", "\n")]
    if prop:
        pairs += [("%3A", ":"), ("%2C", ",")]
    for escaped, char in pairs:
        text = text.replace(escaped, char)
    return text.replace("%25", "%")


def parse_workflow(line: str) -> tuple[str, dict[str, str], str]:
    m = WORKFLOW.match(line)
    assert m, line
    props = {}
    for pair in m["props"].split(","):
        key, _, value = pair.partition("=")
        props[key] = unescape(value, prop=True)
    return m["command"], props, unescape(m["message"], prop=False)


def test_github_format_is_workflow_commands() -> None:
    result = run("check", "--format", "github", str(EXAMPLES / "ten-mistakes.toml"))
    assert result.exit_code == 1
    *commands, summary = result.stdout.splitlines()
    assert summary == "1 file checked: 9 errors, 1 warning"
    assert len(commands) == 10
    for line in commands:
        command, props, message = parse_workflow(line)
        assert set(props) <= {"file", "line", "col", "title"}
        assert props["file"] == "tests/check-examples/ten-mistakes.toml"
        assert props["line"].isdigit()
        assert re.fullmatch(r"[EW]\d{3}", props["title"])
        assert command == ("error" if props["title"].startswith("E") else "warning")
        assert message.startswith("[ten-")
    first = parse_workflow(commands[0])
    assert first[1] == {
        "file": "tests/check-examples/ten-mistakes.toml",
        "line": "21",
        "col": "1",
        "title": "E101",
    }


def test_github_escaping_round_trips() -> None:
    nasty = Problem(
        "E110", Severity.ERROR, "data/a,b:c%.toml", 3, "g:1,2", "value: 50% off,\nthen: more", 7
    )
    command, props, message = parse_workflow(workflow_command(nasty))
    assert command == "error"
    assert props == {"file": "data/a,b:c%.toml", "line": "3", "col": "7", "title": "E110"}
    assert message == "[g:1,2] value: 50% off,\nthen: more"
    no_line = Problem("E001", Severity.ERROR, "x.toml", None, None, "cannot read file")
    assert workflow_command(no_line) == "::error file=x.toml,title=E001::cannot read file"
    report = CheckReport(("x.toml",), (no_line,), ())
    assert render_github(report, RenderOptions(lang="en")).splitlines()[-1] == (
        "1 file checked: 1 error"
    )


# --- GitLab Code Quality ----------------------------------------------------------------------

# What GitLab reads of each issue (docs.gitlab.com/ci/testing/code_quality: report format).
GITLAB_SEVERITIES = {"info", "minor", "major", "critical", "blocker"}


def gitlab_issues(*args: str) -> tuple[Result, list[dict[str, Any]]]:
    result = run("check", "--format", "gitlab", *args)
    issues = json.loads(result.stdout)
    assert isinstance(issues, list)
    for issue in issues:
        assert set(issue) == {"description", "check_name", "fingerprint", "severity", "location"}
        assert isinstance(issue["description"], str)
        assert issue["description"]
        assert re.fullmatch(r"[EW]\d{3}", issue["check_name"])
        assert re.fullmatch(r"[0-9a-f]{64}", issue["fingerprint"])
        assert issue["severity"] in GITLAB_SEVERITIES
        assert set(issue["location"]) == {"path", "lines"}
        assert isinstance(issue["location"]["lines"]["begin"], int)
        assert issue["location"]["lines"]["begin"] >= 1
    return result, issues


def test_gitlab_format_is_a_code_quality_report() -> None:
    result, issues = gitlab_issues(str(EXAMPLES / "ten-mistakes.toml"))
    assert result.exit_code == 1
    assert result.stderr == "1 file checked: 9 errors, 1 warning\n"  # the log gets the summary
    assert len(issues) == 10
    assert len({i["fingerprint"] for i in issues}) == 10
    first = issues[0]
    assert first["check_name"] == "E101"
    assert first["severity"] == "major"
    assert first["location"] == {
        "path": "tests/check-examples/ten-mistakes.toml",
        "lines": {"begin": 21},
    }
    assert first["description"].startswith('[ten-1] unknown key "targte"')
    last = issues[-1]
    assert (last["check_name"], last["severity"]) == ("W205", "minor")
    # the same findings as the other formats, in the same order
    _, document = check_json(str(EXAMPLES / "ten-mistakes.toml"))
    problems = document["problems"]
    assert isinstance(problems, list)
    assert [(i["check_name"], i["location"]["lines"]["begin"]) for i in issues] == [
        (p["code"], p["line"]) for p in problems
    ]


def test_gitlab_strict_reports_warnings_as_major() -> None:
    _, issues = gitlab_issues("--strict", str(EXAMPLES / "ten-mistakes.toml"))
    assert {i["severity"] for i in issues} == {"major"}


def test_gitlab_clean_data_is_an_empty_report() -> None:
    result, issues = gitlab_issues(str(TARGETS / "hunan" / "wulingyuan.toml"))
    assert result.exit_code == 0
    assert issues == []
    assert result.stdout == "[]\n"


def test_gitlab_fingerprints_do_not_move_with_lines(tmp_path: Path) -> None:
    """An edit above a finding moves its line, not its identity: the merge request does not
    show it as fixed and brought again."""
    source = (EXAMPLES / "ten-mistakes.toml").read_text(encoding="utf-8")
    path = tmp_path / "data.toml"
    path.write_text(source, encoding="utf-8")
    _, before = gitlab_issues(str(path))
    path.write_text("# a comment\n\n" + source, encoding="utf-8")
    _, after = gitlab_issues(str(path))
    assert [i["fingerprint"] for i in after] == [i["fingerprint"] for i in before]
    lines = [i["location"]["lines"]["begin"] for i in before]
    assert [i["location"]["lines"]["begin"] for i in after] == [line + 2 for line in lines]
    # ... but they are not the same for another file
    other = tmp_path / "other.toml"
    other.write_text(source, encoding="utf-8")
    _, elsewhere = gitlab_issues(str(other))
    assert not {i["fingerprint"] for i in elsewhere} & {i["fingerprint"] for i in before}


def test_gitlab_output_is_inert() -> None:
    """Data text is JSON-encoded, never formatted into the output: quotes, brackets, newlines
    and control characters cannot change its structure; control and bidi characters do not
    reach the merge request page."""
    text = 'a"b\\c"}, {"check_name": "E000"}]\n\x1b[31mred\u202eevil\x00'
    nasty = Problem("E110", Severity.ERROR, 'dir/a"b].toml', 3, 'g"1', text, 7)
    twice = Problem("W206", Severity.WARNING, "x.toml", None, None, "same")
    report = CheckReport(("x.toml",), (nasty, twice, twice), ())
    issues = json.loads(render_gitlab(report, RenderOptions()))
    assert len(issues) == 3
    first = issues[0]
    assert first["location"] == {"path": 'dir/a"b].toml', "lines": {"begin": 3}}
    assert first["check_name"] == "E110"
    assert first["description"].startswith('[g"1] a"b\\c"}, {"check_name": "E000"}]\n')
    assert not re.search(
        r"[\x00-\x09\x0b-\x1f\x7f\u202a-\u202e\u2066-\u2069]", first["description"]
    )
    # a finding without a line points at the file's first line; two equal findings keep
    # two fingerprints (GitLab shows one issue per fingerprint)
    assert issues[1]["location"]["lines"] == {"begin": 1}
    assert issues[1]["fingerprint"] != issues[2]["fingerprint"]
    assert json.loads(render_gitlab(report, RenderOptions())) == issues  # stable from run to run


# --- paths --------------------------------------------------------------------------------------


def test_one_file_of_the_data_directory_uses_the_rest_as_context() -> None:
    # wulingyuan.toml names 武陵源区, defined in targets/regions.toml: not an unknown region
    result = run("--data", str(TARGETS), "check", str(TARGETS / "hunan" / "wulingyuan.toml"))
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[-1].startswith("1 file checked: no problems")


def test_problems_in_context_files_are_not_reported(tmp_path: Path) -> None:
    (tmp_path / "regions.toml").write_text(
        '[[region]]\nname = "示例市"\n\n[[region]]\nname = "孤岛"\nparent = "无此地"\n',
        encoding="utf-8",
    )
    goal = write_goal(tmp_path).read_text(encoding="utf-8").replace("示例区", "示例市")
    goal = goal.replace('[[region]]\nname = "示例市"\n', "")
    (tmp_path / "goal.toml").write_text(goal, encoding="utf-8")
    only = run("--data", str(tmp_path), "check", str(tmp_path / "goal.toml"))
    assert "E134" not in only.stdout  # the bad parent is in regions.toml, not checked here
    assert "W202" in only.stdout
    everything = run("--data", str(tmp_path), "check")
    assert "E134" in everything.stdout
    assert everything.exit_code == 1


def test_default_is_the_data_directory() -> None:
    result = run("check", env={"TRACKER_DATA": ""})
    assert result.exit_code == 0
    assert re.search(r"^\d+ files checked: ", result.stdout, re.MULTILINE)


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["check", "/nonexistent/x.toml"], "does not exist"),
        (["check", "README.md"], "is not a data file"),
        (["check", "--format", "xml"], "Invalid value"),
    ],
)
def test_usage_errors(args: list[str], words: str) -> None:
    result = run(*args)
    assert result.exit_code == 2
    assert words in result.stderr
    assert "Traceback" not in result.output


def test_no_data_files_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("nothing here", encoding="utf-8")
    result = run("check", str(tmp_path))
    assert result.exit_code == 2
    assert "no data files" in result.stderr


# --- integrations -------------------------------------------------------------------------------


def test_pre_commit_hook() -> None:
    import yaml  # noqa: PLC0415

    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "tracker-check"
    assert hook["entry"] == "tracker check"
    assert hook["language"] == "python"
    assert hook["pass_filenames"] is False  # the whole data directory, for cross-file checks
    files = re.compile(hook["files"])
    assert files.search("targets/hunan/wulingyuan.toml")
    assert files.search("targets/a/b.yaml")
    assert not files.search("pyproject.toml")


def test_ci_examples_run_check_and_diff() -> None:
    import yaml  # noqa: PLC0415

    github = yaml.safe_load((ROOT / "examples/ci/github-actions.yml").read_text(encoding="utf-8"))
    steps = github["jobs"]["tracker"]["steps"]
    commands = [step.get("run", "") for step in steps]
    assert "tracker check --strict --format github targets" in commands
    assert any(c.startswith("tracker diff --format markdown") for c in commands)
    assert steps[0]["with"]["fetch-depth"] == 0
    gitlab = yaml.safe_load((ROOT / "examples/ci/gitlab-ci.yml").read_text(encoding="utf-8"))
    script = "\n".join(gitlab["tracker"]["script"])
    assert "tracker --color always check --strict targets" in script
    assert "tracker diff --format markdown" in script
    assert "tracker check --format gitlab targets > gl-code-quality-report.json" in script
    artifacts = gitlab["tracker"]["artifacts"]
    assert artifacts["reports"]["codequality"] == "gl-code-quality-report.json"
    assert artifacts["when"] == "always"  # the report matters most when the job fails
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert ".venv/bin/tracker check --strict targets" in ci


@pytest.mark.parametrize(
    ("name", "src"),
    [
        ("a b;rm x.toml", "'a b;rm x.toml'"),
        ("--y.toml", "./--y.toml"),
        ("$(touch pwned).toml", "'$(touch pwned).toml'"),
    ],
)
def test_iconv_fix_is_one_shell_word(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, src: str
) -> None:
    """E002's command is pasted into a shell: a file name is one literal word there, never
    a second command or an option (a tester's report)."""
    (tmp_path / name).write_bytes("title = 1\n".encode("utf-16"))
    monkeypatch.chdir(tmp_path)
    result = run("--lang", "en", "check", "--", name)
    assert f"`iconv -f UTF-16 -t UTF-8 {src} > " in result.stdout, result.stdout
    command = result.stdout.split("`")[1]
    assert shlex.split(command)[5] == src.strip("'")
    assert shlex.split(command)[-1] == (name if src.startswith("'") else "./" + name) + ".utf8"
