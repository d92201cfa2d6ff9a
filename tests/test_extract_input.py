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
