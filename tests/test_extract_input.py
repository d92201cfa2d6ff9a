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


_ARTICLE = "2022年,全市城镇新增就业5.31万人,完成省定任务的104.19%。\r\n"


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be", "utf-32", "utf-32-be", "utf-8-sig"])
def test_a_byte_order_mark_names_the_encoding(codec: str, tmp_path: Path) -> None:
    """Windows Notepad saves "Unicode" as UTF-16 with a byte-order mark: it was refused as
    "not text in any encoding"."""
    path = tmp_path / "article.txt"
    bom = {"utf-16-be": b"\xfe\xff", "utf-32-be": b"\x00\x00\xfe\xff"}.get(codec, b"")
    path.write_bytes(bom + _ARTICLE.encode(codec))
    result = CliRunner().invoke(cli, ["--lang", "en", "extract", str(path)])
    assert result.exit_code == 0, result.stderr
    assert 'quote = "全市城镇新增就业5.31万人,完成省定任务的104.19%"' in result.stdout


@pytest.mark.parametrize("codec", ["rot13", "base64", "zlib", "hex", "uu"])
def test_a_codec_that_is_not_a_text_encoding_is_a_usage_error(codec: str, tmp_path: Path) -> None:
    path = tmp_path / "article.txt"
    path.write_text(_ARTICLE, encoding="utf-8")
    for lang, expected in (("en", "unknown encoding"), ("zh", "未知的编码")):
        result = CliRunner().invoke(
            cli, ["--lang", lang, "extract", str(path), "--encoding", codec]
        )
        assert result.exit_code == 2, result.output
        assert f"--encoding {codec}" in result.stderr
        assert expected in result.stderr
        assert "internal error" not in result.output


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_is_named_with_the_fix(codec: str, tmp_path: Path) -> None:
    """It was refused as "not text in any encoding" (or as GBK): the option that reads it."""
    path = tmp_path / "article.txt"
    path.write_bytes(_ARTICLE.encode(codec))
    for lang, expected in (
        ("en", f"looks like {codec} text without a byte-order mark: add --encoding {codec}"),
        ("zh", f"似乎是不带字节顺序标记(BOM)的 {codec} 文本:请加 --encoding {codec}"),
    ):
        result = CliRunner().invoke(cli, ["--lang", lang, "extract", str(path)])
        assert result.exit_code == 1
        assert expected in result.stderr
    fixed = CliRunner().invoke(cli, ["extract", str(path), "--encoding", codec])
    assert "5.31万人" in fixed.stdout
    gbk = tmp_path / "gbk.txt"  # GBK stays GBK's hint
    gbk.write_bytes(_ARTICLE.encode("gbk"))
    result = CliRunner().invoke(cli, ["--lang", "en", "extract", str(gbk)])
    assert "add --encoding gbk" in result.stderr


def test_bad_utf16_is_named_as_such(tmp_path: Path) -> None:
    """UTF-16 holds NUL bytes: a lone surrogate was reported as "not text in any encoding"."""
    path = tmp_path / "article.txt"
    path.write_bytes(_ARTICLE.encode("utf-16-le") + b"\x00\xd8" + "x".encode("utf-16-le"))
    result = CliRunner().invoke(
        cli, ["--lang", "en", "extract", str(path), "--encoding", "utf-16-le"]
    )
    assert result.exit_code == 1
    assert f"{path} is not valid utf-16-le (byte 76): check --encoding" in result.stderr


@pytest.mark.parametrize(
    ("option", "value", "expected"),
    [
        ("--region", 'a"b\n[[goal]]\nid = "x"', "--region contains the invisible or control"),
        ("--region", "\x1b[31m县", "--region contains the invisible or control character U+001B"),
        ("--region", "县" * 201, "--region is 201 characters long, more than the 200 allowed"),
        ("--source-id", "s\u202eid", "--source-id contains the invisible or control character"),
        ("--source-id", "s" * 300, "--source-id is 300 characters long"),
    ],
)
def test_a_name_the_draft_could_not_hold_is_refused(
    option: str, value: str, expected: str, tmp_path: Path
) -> None:
    """--region (a region the data does not know is used as given) and --source-id are
    written into the draft as names: one that `tracker check` refuses made a draft that did
    not check, and the notice printed the escape sequence to the terminal."""
    path = tmp_path / "article.txt"
    path.write_text(_ARTICLE, encoding="utf-8")
    for fmt in ("toml", "json"):
        args = ["--lang", "en", "extract", str(path), option, value, "--format", fmt]
        result = CliRunner().invoke(cli, args)
        assert result.exit_code == 2, result.output
        assert expected in result.stderr
        assert "\x1b" not in result.stderr
        assert "notice" not in result.stderr
        assert result.stdout == ""


def test_an_odd_but_valid_region_gives_a_draft_that_checks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "article.txt"
    path.write_text(_ARTICLE, encoding="utf-8")
    runner = CliRunner()
    args = ["extract", str(path), "--region", 'x"]] = 1 \\u0000', "--source-id", 'a"b']
    draft = runner.invoke(cli, args)
    assert draft.exit_code == 0, draft.stderr
    (tmp_path / "draft.toml").write_text(draft.stdout, encoding="utf-8")
    checked = runner.invoke(cli, ["check", "draft.toml"])
    assert checked.exit_code == 0, checked.stdout
    assert 'region = "x\\"]] = 1 \\\\u0000"' in draft.stdout


def test_option_bytes_that_are_not_utf8_are_refused() -> None:
    """--region from a non-UTF-8 locale: JSON output failed with an internal error, and the
    TOML draft wrote U+FFFD in its place."""
    for option in ("--region", "--source-id"):
        value = b"\xff".decode("utf-8", "surrogateescape")
        result = CliRunner().invoke(cli, ["extract", "-", option, value], input=_ARTICLE)
        assert result.exit_code == 2, result.output
        assert "not UTF-8" in result.stderr
