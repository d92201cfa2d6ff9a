"""The TOML reader's two parsers: rtoml (the fast path) and tomli (the reference).

``read_toml`` takes rtoml's document only for a file rtoml accepts and that holds no float;
everything else is tomli's. These tests hold the fast path to giving exactly tomli's
document, on the shipped data, on synthetic data and on randomly broken files.
"""

from __future__ import annotations

import datetime as dt
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import tomli
from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.errors import Interrupted
from tracker.parse.readers import ParseError, _read_toml_fast, read_toml

REPO = Path(__file__).resolve().parents[1]
DATA_FILES = sorted([*REPO.glob("targets/**/*.toml"), *REPO.glob("tests/data/**/*.toml")])


def reference(text: str) -> Any:
    return tomli.loads(text, parse_float=Decimal)


def same(a: Any, b: Any) -> bool:
    """Equal, with equal types all the way down (1 is not 1.0, a date is not a datetime)."""
    if type(a) is not type(b) and not (
        isinstance(a, dt.tzinfo) and isinstance(b, dt.tzinfo)  # each parser has its own UTC
    ):
        return False
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(map(same, a, b))
    if isinstance(a, dt.datetime | dt.time):
        naive = (a.tzinfo is None, b.tzinfo is None)
        return a == b and a.utcoffset() == b.utcoffset() and naive[0] == naive[1]
    if isinstance(a, Decimal):
        return str(a) == str(b)  # NaN too, and the decimals written (94.40 is not 94.4)
    return bool(a == b)


def test_the_data_files_are_read_alike() -> None:
    fast = 0
    for path in DATA_FILES:
        text = path.read_text(encoding="utf-8-sig")
        try:
            expected = reference(text)
        except tomli.TOMLDecodeError:
            assert _read_toml_fast(text) is None, path
            continue
        document = _read_toml_fast(text)
        if document is not None:
            fast += 1
            assert same(document, expected), path
    assert fast >= 5  # the shipped data takes the fast path


SAMPLE = """\
# every kind of TOML value, no floats
title = "运城市 \\"2023\\" 工作报告"
literal = 'C:\\path'
multi = \"\"\"
两行
文字\"\"\"
count = 1_000
hex = 0xff
octal = 0o17
binary = 0b101
negative = -42
yes = true
day = 2023-02-28
local = 1979-05-27T07:32:00
offset = 1979-05-27T07:32:00.999-08:00
utc = 1979-05-27T07:32:00Z
clock = 07:32:00
list = [1, "two", [3], { four = 4 }]
inline = { a.b = "c", "quoted key" = 2022-12-31 }

[defaults]
region = "运城市"

[[goal]]
id = "g"
target = "5.31万"

  [[goal.outcome]]
  as_of = 2022-12-31
  value = 53100

[table.sub]
"" = "empty key"
"""


def test_every_kind_of_value_is_read_alike() -> None:
    document = _read_toml_fast(SAMPLE)
    assert document is not None
    assert same(document, reference(SAMPLE))


@pytest.mark.parametrize(
    "text", ["share = 94.40", "x = [1, 2.5]", "x = { y = 1e3 }", "x = inf", "x = -nan"]
)
def test_a_float_is_read_by_tomli_as_written(text: str) -> None:
    assert _read_toml_fast(text) is None
    document, _ = read_toml(text)
    assert same(document, reference(text))
    if text == "share = 94.40":
        assert str(document["share"]) == "94.40"  # the decimals it was written with


@pytest.mark.parametrize(
    ("text", "line"),
    [("a = 1\na = 2\n", 2), ('title = "open\n', 1), ("[goal]\n[goal]\n", 2), ("x = [1,\n", 2)],
)
def test_a_syntax_error_is_tomlis_with_its_position(text: str, line: int) -> None:
    assert _read_toml_fast(text) is None
    with pytest.raises(ParseError) as caught:
        read_toml(text)
    assert caught.value.message.startswith("TOML syntax error: ")
    assert caught.value.line == line


def test_without_rtoml_tomli_reads_everything(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "rtoml", None)  # import rtoml now raises ImportError
    assert _read_toml_fast(SAMPLE) is None
    document, locator = read_toml(SAMPLE)
    assert same(document, reference(SAMPLE))
    assert locator.line(("goal", 0)) == 24


EDITS = st.lists(
    st.tuples(
        st.sampled_from(["insert", "delete", "copy"]),
        st.floats(0, 1),
        st.floats(0, 1),
        st.sampled_from(list("\"'=[]{},.#\n \t\\0123456789-:+_eExobinfatrue\u3000\x7f\x00\r")),
    ),
    min_size=1,
    max_size=4,
)


@settings(max_examples=400, deadline=None)
@given(base=st.sampled_from([SAMPLE, *(p.read_text("utf-8") for p in DATA_FILES[:4])]), edits=EDITS)
def test_a_broken_file_is_never_read_differently(
    base: str, edits: list[tuple[str, float, float, str]]
) -> None:
    """Whatever rtoml accepts, tomli accepts too, as the same document."""
    text = base
    for op, where, other, char in edits:
        at, at2 = int(where * len(text)), int(other * len(text))
        if op == "insert":
            text = text[:at] + char + text[at:]
        elif op == "delete":
            text = text[:at] + text[at + 1 :]
        else:
            text = text[:at] + text[at2 : at2 + 20] + text[at:]
    document = _read_toml_fast(text)
    if document is not None:
        assert same(document, reference(text))


def test_ctrl_c_swallowed_by_rtoml_is_raised_again(monkeypatch: pytest.MonkeyPatch) -> None:
    """An interrupt raised while rtoml runs comes back as rtoml's own error: it is not taken
    for a file to hand to tomli (the Ctrl-C would be lost)."""

    class SwallowingRtoml:
        @staticmethod
        def loads(text: str) -> Any:
            del text
            raise ValueError("ImportError: PyCapsule_Import could not import module")

    monkeypatch.setitem(sys.modules, "rtoml", SwallowingRtoml)
    assert _read_toml_fast(SAMPLE) is None  # an ordinary rtoml error: tomli reads the file
    monkeypatch.setattr(Interrupted, "raised", True)  # as cli's SIGINT handler sets it
    with pytest.raises(Interrupted) as caught:
        _read_toml_fast(SAMPLE)
    assert caught.value.code == 130
