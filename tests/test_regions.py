"""Region matching and the region tree (SPEC §3)."""

from __future__ import annotations

import subprocess
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tracker.core.regions import RegionIndex, RegionInfo, RegionLookupError, normalise, strip_suffix

TREE = [
    RegionInfo("山西省", None),
    RegionInfo("运城市", "山西省", ("运城", "Yuncheng", "河东")),
    RegionInfo("盐湖区", "运城市"),
    RegionInfo("垣曲县", "运城市"),
    RegionInfo("河津市", "运城市"),
    RegionInfo("平陆县", "运城市"),
    RegionInfo("晋中市", "山西省"),
    RegionInfo("太原市", "山西省"),
    RegionInfo("尖草坪区", "太原市"),
    RegionInfo("长治市", "山西省"),
    # Names are unique, so the two 城区 are told apart in their names and share the alias.
    RegionInfo("长治市城区", "长治市", ("城区",)),
    RegionInfo("晋城市", "山西省"),
    RegionInfo("晋城市城区", "晋城市", ("城区",)),
    RegionInfo("泽州县", "晋城市"),
    RegionInfo("湖南省", None),
    RegionInfo("张家界市", "湖南省"),
    RegionInfo("武陵源区", "张家界市"),
    RegionInfo("内蒙古自治区", None),
    RegionInfo("巴彦淖尔市", "内蒙古自治区"),
    RegionInfo("临河区", "巴彦淖尔市", ("臨河區",)),
    RegionInfo("山东省", None),
    RegionInfo("菏泽市", "山东省"),
    RegionInfo("郓城县", "菏泽市"),  # also read yuncheng
    RegionInfo("北京市", None),
    RegionInfo("朝阳区", "北京市"),
    RegionInfo("辽宁省", None),
    RegionInfo("朝阳市", "辽宁省"),
    RegionInfo("吕梁市", "山西省"),
]


@pytest.fixture(scope="module")
def index() -> RegionIndex:
    return RegionIndex(TREE)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("臨河區", "临河区"),
        ("  Yun Cheng\t", "yuncheng"),
        ("ＹＵＮＣＨＥＮＧ", "yuncheng"),
        ("运城\u3000市", "运城市"),
        ("\ufeff运城\u200b", "运城"),
        ("", ""),
    ],
)
def test_normalise(text: str, key: str) -> None:
    assert normalise(text) == key


@pytest.mark.parametrize(
    ("key", "stem"),
    [
        ("巴彦淖尔市", "巴彦淖尔"),
        ("内蒙古自治区", "内蒙古"),
        ("盐湖区", "盐湖"),
        ("泽州县", "泽州"),
        ("阿里地区", "阿里"),
        ("香港特别行政区", "香港"),
        ("城区", "城"),
        ("夏县", "夏"),  # a one-character stem is no name
        ("X自治县", "X"),  # only the longest suffix is tried
        ("运城", "运城"),
    ],
)
def test_strip_suffix(key: str, stem: str) -> None:
    assert strip_suffix(key) == stem


@pytest.mark.parametrize("query", ["临河区", "臨河", "临河", "臨河區", "linhe", "LinHe", "lin he"])
def test_linhe_spellings(index: RegionIndex, query: str) -> None:
    assert index.resolve(query) == "临河区"


@pytest.mark.parametrize(
    "query",
    ["运城", "运城市", "yuncheng", "Yun Cheng", "yunchengshi", "河东", "ＹＵＮＣＨＥＮＧ", "運城"],
)
def test_yuncheng_spellings(index: RegionIndex, query: str) -> None:
    # 郓城县 also reads yuncheng, but an alias beats pinyin.
    assert index.resolve(query) == "运城市"


@pytest.mark.parametrize(
    ("query", "name"),
    [
        ("内蒙古", "内蒙古自治区"),
        ("内蒙古自治区", "内蒙古自治区"),
        ("张家界", "张家界市"),
        ("zhangjiajie", "张家界市"),
        ("盐湖", "盐湖区"),
        ("泽州", "泽州县"),
        ("巴彦淖尔", "巴彦淖尔市"),
        ("yunchengxian", "郓城县"),
        ("changzhi", "长治市"),  # pypinyin reads 长 zhang here; other readings count too
        ("lvliang", "吕梁市"),
        ("lüliang", "吕梁市"),
        ("lu:liang", "吕梁市"),
        ("长治市城区", "长治市城区"),
        ("山西", "山西省"),
    ],
)
def test_resolves(index: RegionIndex, query: str, name: str) -> None:
    assert index.resolve(query) == name


def test_query_may_carry_the_suffix_the_name_lacks() -> None:
    index = RegionIndex([RegionInfo("内蒙古", None), RegionInfo("运城", "内蒙古")])
    assert index.resolve("内蒙古自治区") == "内蒙古"
    assert index.resolve("运城市") == "运城"


def test_exact_name_beats_alias_beats_suffix() -> None:
    index = RegionIndex(
        [
            RegionInfo("河东", None),
            RegionInfo("运城市", None, ("河东", "临汾")),
            RegionInfo("临汾市", None),
        ]
    )
    assert index.resolve("河东") == "河东"
    assert index.resolve("临汾") == "运城市"  # the alias, not 临汾市 without its suffix


def test_suffixes_are_not_swapped(index: RegionIndex) -> None:
    with pytest.raises(RegionLookupError) as caught:
        index.resolve("盐湖县")
    assert "盐湖区" in caught.value.candidates


def test_select_takes_descendants(index: RegionIndex) -> None:
    assert index.select(["山西"]) == {
        "山西省", "运城市", "盐湖区", "垣曲县", "河津市", "平陆县", "晋中市", "太原市",
        "尖草坪区", "长治市", "长治市城区", "晋城市", "晋城市城区", "泽州县", "吕梁市",
    }  # fmt: skip
    assert index.select(["运城"]) == {"运城市", "盐湖区", "垣曲县", "河津市", "平陆县"}
    assert index.select(["盐湖"]) == {"盐湖区"}


def test_select_unions_queries(index: RegionIndex) -> None:
    assert index.select(["张家界", "巴彦淖尔", "河津"]) == {
        "张家界市", "武陵源区", "巴彦淖尔市", "临河区", "河津市",
    }  # fmt: skip
    assert index.select([]) == frozenset()


def test_select_raises_for_a_bad_query(index: RegionIndex) -> None:
    with pytest.raises(RegionLookupError):
        index.select(["运城", "运程"])


def test_shared_alias_is_ambiguous(index: RegionIndex) -> None:
    with pytest.raises(RegionLookupError) as caught:
        index.resolve("城区")
    error = caught.value
    assert error.candidates == ("长治市城区", "晋城市城区")
    for lang in ("en", "zh"):
        assert "山西省 › 长治市 › 长治市城区" in error.message(lang)
        assert "山西省 › 晋城市 › 晋城市城区" in error.message(lang)
    assert "ambiguous" in error.message("en")
    assert "多个匹配" in error.message("zh")


def test_stem_shared_by_two_names_is_ambiguous(index: RegionIndex) -> None:
    with pytest.raises(RegionLookupError) as caught:
        index.resolve("朝阳")
    assert caught.value.candidates == ("朝阳区", "朝阳市")
    assert "北京市 › 朝阳区" in str(caught.value)
    assert "辽宁省 › 朝阳市" in str(caught.value)
    assert index.resolve("朝阳区") == "朝阳区"


def test_pinyin_shared_by_two_names_is_ambiguous(index: RegionIndex) -> None:
    with pytest.raises(RegionLookupError) as caught:
        index.resolve("chaoyang")
    assert caught.value.candidates == ("朝阳区", "朝阳市")


def test_duplicate_names_keep_the_first_entry() -> None:
    index = RegionIndex(
        [RegionInfo("城区", "甲"), RegionInfo("甲", None), RegionInfo("城区", "乙")]
    )
    assert index.chain("城区") == ("甲", "城区")
    assert index.resolve("城区") == "城区"


def test_unknown_suggests_closest(index: RegionIndex) -> None:
    with pytest.raises(RegionLookupError) as caught:
        index.resolve("运程")
    error = caught.value
    assert error.candidates[0] == "运城市"
    assert len(error.candidates) <= 5
    assert error.message("en").startswith('unknown region "运程"; closest: 运城市')
    assert "tracker regions" in error.message("en")
    assert error.message("zh").startswith("未知地区“运程”；最接近的：运城市")
    assert "tracker regions" in error.message("zh-CN")
    assert str(error) == error.message("en")


def test_unknown_pinyin_typo_suggests(index: RegionIndex) -> None:
    with pytest.raises(RegionLookupError) as caught:
        index.resolve("yunchen")
    assert {"运城市", "郓城县"} <= set(caught.value.candidates)


@pytest.mark.parametrize("query", ["", "   ", "？？", "zzzzqqqq"])
def test_unknown_without_suggestions(index: RegionIndex, query: str) -> None:
    with pytest.raises(RegionLookupError) as caught:
        index.resolve(query)
    assert caught.value.candidates == ()
    assert "closest" not in caught.value.message("en")


def candidates(index: RegionIndex, query: str) -> tuple[str, ...]:
    with pytest.raises(RegionLookupError) as caught:
        index.resolve(query)
    return caught.value.candidates


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("运成", "运城市"),  # a homophone
        ("太源", "太原市"),
        ("陕西", "山西省"),  # the same syllables
        ("山西s", "山西省"),
        ("湖兰", "湖南省"),  # a character in common
        ("盐湖县", "盐湖区"),
        ("yunchen", "运城市"),  # pinyin typos
        ("yunchng", "运城市"),
        ("taiyaun", "太原市"),
        ("jinzong", "晋中市"),
    ],
)
def test_a_typo_gets_a_suggestion(index: RegionIndex, query: str, expected: str) -> None:
    assert candidates(index, query)[0] == expected


@pytest.mark.parametrize("query", ["火星", "木星"])
def test_no_suggestion_that_only_sounds_a_little_alike(index: RegionIndex, query: str) -> None:
    """火星 suggested 湖南省 "by sound": 湖南省 also reads hunaxing, 80% like huoxing. A
    suggestion shares a character with the query, or most of its syllables whole."""
    assert candidates(index, query) == ()


def test_no_suggestion_from_a_few_letters_in_common() -> None:
    """An ASCII query shares no character with a Chinese name: its suggestions are the names
    and aliases that are spelled nearly alike (yunchen suggested 盐湖区 for its alias Yanhu)."""
    index = RegionIndex(
        [RegionInfo("运城市", None, ("Yuncheng",)), RegionInfo("盐湖区", "运城市", ("Yanhu",))]
    )
    assert candidates(index, "yunchen") == ("运城市",)
    assert candidates(index, "yanhuu") == ("盐湖区",)


def test_chain(index: RegionIndex) -> None:
    assert index.chain("盐湖区") == ("山西省", "运城市", "盐湖区")
    assert index.chain("山西省") == ("山西省",)
    with pytest.raises(KeyError):
        index.chain("火星")


def test_children(index: RegionIndex) -> None:
    assert index.children(None) == (
        "山西省",
        "湖南省",
        "内蒙古自治区",
        "山东省",
        "北京市",
        "辽宁省",
    )
    assert index.children("运城市") == ("盐湖区", "垣曲县", "河津市", "平陆县")
    assert index.children("盐湖区") == ()
    with pytest.raises(KeyError):
        index.children("火星")


def test_descendants(index: RegionIndex) -> None:
    assert index.descendants("晋城市") == {"晋城市", "晋城市城区", "泽州县"}
    assert index.descendants("平陆县") == {"平陆县"}
    with pytest.raises(KeyError):
        index.descendants("火星")


def test_unknown_parent_is_a_root() -> None:
    index = RegionIndex([RegionInfo("运城市", "山西省")])
    assert index.children(None) == ("运城市",)
    assert index.chain("运城市") == ("运城市",)


def test_parent_cycle_does_not_hang() -> None:
    # Validation reports cycles; the index must merely terminate.
    index = RegionIndex(
        [
            RegionInfo("甲", "丙"),
            RegionInfo("乙", "甲"),
            RegionInfo("丙", "乙"),
            RegionInfo("丁", "丁"),
            RegionInfo("戊", "甲"),
        ]
    )
    assert index.descendants("甲") == {"甲", "乙", "丙", "戊"}
    assert index.chain("乙") == ("丙", "甲", "乙")
    assert index.chain("丁") == ("丁",)
    assert index.descendants("丁") == {"丁"}
    assert index.select(["乙"]) == {"甲", "乙", "丙", "戊"}
    assert index.children(None) == ()


def test_error_pickles() -> None:
    import pickle  # noqa: PLC0415 - only this test needs it

    error = RegionLookupError("en", "zh", ["a"])
    copy = pickle.loads(pickle.dumps(error))  # noqa: S301 - our own bytes
    assert (copy.message("en"), copy.message("zh"), copy.candidates) == ("en", "zh", ("a",))


def test_import_is_light() -> None:
    code = (
        "import sys, tracker.core.regions as r; "
        "r.RegionIndex([r.RegionInfo('a', None)]).select(['a']); "
        "print(any(m.split('.')[0] in {'opencc', 'pypinyin'} for m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


@given(st.text())
def test_normalise_is_total(text: str) -> None:
    key = normalise(text)
    assert isinstance(key, str)
    assert not any(ch.isspace() for ch in key)


@given(text=st.text(max_size=12))
def test_resolve_only_raises_lookup_errors(index: RegionIndex, text: str) -> None:
    try:
        outcome = [index.resolve(text)]
    except RegionLookupError as error:
        outcome = [error.message("en"), error.message("zh")]
    assert all(outcome)
    assert len(outcome) == 2 or outcome[0] in index
