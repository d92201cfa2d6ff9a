"""`tracker extract` on input with nothing to read: refused with the file named, in the run's
language, rather than an empty draft and exit 0."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from tracker.cli.group import cli


@pytest.mark.parametrize("content", [b"", b"\n\n  \t\n", "\u3000\n".encode(), b"\xef\xbb\xbf\n"])
@pytest.mark.parametrize(
    ("lang", "expected"), [("en", "is empty: there is no text"), ("zh", "是空的:没有可提取的文字")]
)
def test_empty_input_is_refused(content: bytes, lang: str, expected: str, tmp_path: Path) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(content)
    result = CliRunner().invoke(cli, ["--lang", lang, "extract", str(path)])
    assert result.exit_code == 1
    assert f"{path} {expected}" in result.stderr
    assert result.stdout == ""


def test_empty_standard_input_is_refused() -> None:
    result = CliRunner().invoke(cli, ["--lang", "en", "extract", "-"], input="")
    assert result.exit_code == 1
    assert "standard input is empty" in result.stderr


def test_a_draft_made_with_no_data_directory_checks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No data directory: the bundled sample resolves 运城 to 运城市, but the draft, saved
    where no data directory knows that region, carries its own [[region]] stub."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("TRACKER_DATA", raising=False)
    article = tmp_path / "a.txt"
    article.write_text("2024年主要预期目标是:城镇新增就业3万人以上。", encoding="utf-8")
    runner = CliRunner()
    draft = runner.invoke(cli, ["extract", str(article), "--region", "运城"])
    assert draft.exit_code == 0, draft.stderr
    assert '[[region]]\nname = "运城市"' in draft.stdout
    (tmp_path / "draft.toml").write_text(draft.stdout, encoding="utf-8")
    checked = runner.invoke(cli, ["check", "draft.toml"])
    assert checked.exit_code == 0, checked.stdout
