"""The real-article development set (tests/extract/real/) is well-formed.

Every label file loads, names its source, group and arguments, and every labelled number
stands verbatim in its article where its context says (also in the article's one-line form).
The scores themselves are printed by benchmarks/extract_eval.py; they become thresholds here
once the extractor has been improved on the tuning part.
"""

from __future__ import annotations

import importlib.util
import re
import sys
import tomllib
import unicodedata
from collections import Counter
from decimal import Decimal
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT / "tests" / "extract" / "real"


def _load_eval():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location(
        "extract_eval", ROOT / "benchmarks" / "extract_eval.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["extract_eval"] = module
    spec.loader.exec_module(module)
    return module


ev = _load_eval()
ARTICLES = sorted(p.stem for p in REAL.glob("*.toml"))


def test_every_article_has_its_text_and_labels() -> None:
    texts = sorted(p.stem for p in REAL.glob("*.txt"))
    assert texts == ARTICLES
    assert len(ARTICLES) >= 12


@pytest.mark.parametrize("name", ARTICLES)
def test_labels_are_well_formed_and_grounded(name: str) -> None:
    article = ev.load_article(REAL / f"{name}.toml")  # raises on anything malformed
    text = article.text
    assert article.labels
    for label in article.labels:
        start, end = label.span(text)
        assert text[start:end] == label.number
        flat = ev.one_line(text)
        fstart, fend = label.span(flat)
        assert flat[fstart:fend] == label.number


def test_the_set_covers_levels_regions_kinds_and_scripts() -> None:
    metas = [
        tomllib.loads((REAL / f"{n}.toml").read_text(encoding="utf-8"))["article"] for n in ARTICLES
    ]
    assert len({m["region"] for m in metas}) >= 8
    levels = {"county" if m["level"] == "district" else m["level"] for m in metas}
    assert levels == {"national", "province", "prefecture", "county"}
    assert {m["kind"] for m in metas} == set(ev.KINDS)
    assert "traditional" in {m["script"] for m in metas}
    groups = Counter(m["group"] for m in metas)
    # A third of the first fifteen held out before any tuning, tuning articles added in later
    # rounds, then a round of held-out articles only: a third of the set is held out.
    assert groups["heldout"] * 3 >= len(metas)


# A year as a text writes it: digits (full-width, or split by a blank, "201 7年"), or Chinese
# numerals ("二〇一七年").
_YEAR = re.compile(
    r"(?:19|20) ?[0-9] ?[0-9] *[年\-/.]|[一二][〇○零O][〇○零O一二三四五六七八九]{2}年"
)


@pytest.mark.parametrize("name", ARTICLES)
def test_a_text_that_shows_no_year_is_labelled_with_the_date_a_user_would_pass(name: str) -> None:
    # README: "--date / --year only when the text does not show its date" — and then always:
    # without them a text with no year is read as of today, which no label can expect.
    meta = tomllib.loads((REAL / f"{name}.toml").read_text(encoding="utf-8"))["article"]
    text = unicodedata.normalize("NFKC", (REAL / f"{name}.txt").read_text(encoding="utf-8"))
    assert _YEAR.search(text) or {"--date", "--year"} & set(meta["args"])


def test_a_broken_label_is_refused(tmp_path: Path) -> None:
    (tmp_path / "x.txt").write_text(
        "全市城镇新增就业5.31万人,完成省定任务的104.19%。\n", encoding="utf-8"
    )
    good = (
        '[source]\ntitle = "t"\npublisher = "p"\ndate = 2023-01-01\nurl = "u"\n'
        '[article]\nregion = "运城市"\nlevel = "prefecture"\nkind = "review"\ngroup = "tune"\n'
        '[defaults]\nperiod = "2022"\nas_of = 2022-12-31\n'
        '[[figure]]\nid = "jobs"\nnumber = "5.31万人"\ncontext = "新增就业5.31万人"\n'
        'role = "outcome"\n'
        'unit = "人"\nmeasure = "flow"\ntitle = "城镇新增就业"\n'
    )
    (tmp_path / "x.toml").write_text(good, encoding="utf-8")
    assert [lab.id for lab in ev.load_article(tmp_path / "x.toml").labels] == ["jobs"]
    rate_without_owner = (
        '[[figure]]\nid = "r"\nnumber = "104.19%"\ncontext = "104.19%"\nrole = "stated_rate"\n'
    )
    for broken in (
        good.replace("新增就业5.31万人", "新增就业5.32万人"),  # the context is not in the text
        good.replace('number = "5.31万人"', 'number = "5.3万人"'),  # not in its context
        good.replace('role = "outcome"', 'role = "result"'),  # unknown role
        good + rate_without_owner,  # a rate names the figure it belongs to
    ):
        (tmp_path / "x.toml").write_text(broken, encoding="utf-8")
        with pytest.raises(ValueError, match=r"\S"):
            ev.load_article(tmp_path / "x.toml")


def test_numbers_are_read_with_their_scale_and_sign() -> None:
    assert ev.numbers("5.31万人") == [53100]
    assert ev.numbers("2.18萬億元") == [2180000000000]
    assert ev.numbers("-2.1个百分点") == [Decimal("-2.1")]
    assert ev.numbers("6.5%—7%") == [Decimal("6.5"), 7]
    assert ev.numbers("不到两万人") == [20000]


# --- scores: a regression guard ----------------------------------------------------------------

# Issue 16's bar. The held-out third does not reach it yet (docs/extract.md, "Scores after
# issue 16" and the rounds after it): its floor is just under what it reached when it was
# looked at, once, after each round of tuning.
BAR = 0.9
SEED_BAR = 0.95
# 0.84 / 0.84, attach 0.95, on the 57 held-out articles after the tenth round (docs/extract.md,
# "The held-out third after the tenth round"); 0.85 / 0.87 on the 39 of the eighth round
HELDOUT_FLOOR = {"recall": 0.83, "precision": 0.83, "attach": 0.94}


@pytest.fixture(scope="module")
def scores() -> dict[str, object]:
    articles = ev.real_articles()
    seeds = sorted((ROOT / "tests" / "extract").glob("[0-9]*.toml"))
    results = ev.run_all(articles, seeds)
    pooled = {g: ev.Score() for g in ("tune", "heldout", "seeds")}
    same: dict[str, bool] = {}
    for i, article in enumerate(articles):
        figs, flat = results[2 * i], results[2 * i + 1]
        pooled[article.group].add(ev.score_article(article, figs, article.text))
        same[article.name] = Counter(map(ev.figure_key, figs)) == Counter(map(ev.figure_key, flat))
    for j, seed in enumerate(seeds, start=len(articles)):
        figs, flat = results[2 * j], results[2 * j + 1]
        pooled["seeds"].add(ev.seed_score(seed, figs))
        same[seed.stem] = Counter(map(ev.figure_key, figs)) == Counter(map(ev.figure_key, flat))
    return {"pooled": pooled, "same": same}


def test_the_one_line_text_gives_the_same_figures(scores: dict[str, object]) -> None:
    same = scores["same"]
    assert isinstance(same, dict)
    assert [name for name, ok in same.items() if not ok] == []


def test_scores_on_the_tuned_part_and_the_seeds(scores: dict[str, object]) -> None:
    pooled = scores["pooled"]
    assert isinstance(pooled, dict)
    tune, seeds = pooled["tune"], pooled["seeds"]
    assert tune.recall() >= BAR
    assert tune.precision() >= BAR
    assert tune.attach() >= BAR
    assert ev.Score.ratio(tune.period) >= BAR
    assert ev.Score.ratio(tune.as_of) >= BAR
    assert seeds.recall() >= SEED_BAR
    assert seeds.precision() >= SEED_BAR


def test_scores_on_the_held_out_third_stay_above_their_floor(scores: dict[str, object]) -> None:
    pooled = scores["pooled"]
    assert isinstance(pooled, dict)
    held = pooled["heldout"]
    assert held.recall() >= HELDOUT_FLOOR["recall"]
    assert held.precision() >= HELDOUT_FLOOR["precision"]
    assert held.attach() >= HELDOUT_FLOOR["attach"]
    assert ev.Score.ratio(held.period) >= BAR


@pytest.mark.xfail(strict=True, reason="issue 16's bar on the held-out third is not met yet")
def test_scores_on_the_held_out_third_meet_the_bar(scores: dict[str, object]) -> None:
    # The first five held-out articles reached it in the seventh round (0.91 / 0.94); the
    # held-out third of 39 articles has not yet.
    pooled = scores["pooled"]
    assert isinstance(pooled, dict)
    held = pooled["heldout"]
    assert held.recall() >= BAR
    assert held.precision() >= BAR
