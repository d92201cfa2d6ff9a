"""Deterministic synthetic datasets for the benchmarks: any number of county-level regions,
goals per region and outcomes per goal, with the mix of the shipped data (kinds, measures,
units, quantity wordings with scales and qualifiers, stated rates, numerator/denominator,
baselines, Chinese titles and quotes, a province → city → county region tree).

    python benchmarks/gen.py OUT_DIR --regions 300 --goals 30 --outcomes 3
    python benchmarks/gen.py OUT_DIR --regions 250 --goals 40 --hledger OUT.journal

One file per county (``<province>/<city>/<county>.toml``) plus ``regions.toml``. The same seed
and sizes always give byte-identical files. ``--hledger`` also writes the equivalent goals as an
hledger journal: one periodic budget rule per goal with a target, one transaction per outcome
(the increment since the previous one, so that balances are the latest cumulative figure), for
``hledger balance --budget -Y``.
"""

from __future__ import annotations

import argparse
import calendar
import random
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path

SEED = 20240701
COUNTIES_PER_CITY = 10
CITIES_PER_PROVINCE = 10

PROVINCES = (
    "山西",
    "湖南",
    "河北",
    "河南",
    "山东",
    "江苏",
    "浙江",
    "安徽",
    "福建",
    "江西",
    "湖北",
    "广东",
    "海南",
    "四川",
    "贵州",
    "云南",
    "陕西",
    "甘肃",
    "青海",
    "辽宁",
    "吉林",
)
# Characters to compose place names from (two per name, then a suffix).
NAME_CHARS = (
    "安宁平和永兴隆昌盛德清源泉江河山川林阳阴城乡新古东西南北中上下长宝丰华"
    "嘉庆瑞祥福寿康泰明光武文华岳峰岭溪湖海州台云龙凤鹤桂兰松柏梅竹石金玉"
)
SYLLABLES = tuple(
    " ".join(
        (
            "an ning ping he yong xing long chang sheng de qing yuan quan jiang he shan chuan",
            "lin yang yin cheng xiang xin gu dong xi nan bei zhong shang xia chang bao feng hua",
            "jia qing rui xiang fu shou kang tai ming guang wu wen hua yue feng ling xi hu hai",
            "zhou tai yun long feng he gui lan song bai mei zhu shi jin yu",
        )
    ).split()
)


@dataclass(frozen=True, slots=True)
class Indicator:
    """A kind of goal as county reports state them."""

    key: str
    title: str
    category: str
    unit: str | None
    kind: str  # at_least | at_most | range | milestone
    measure: str  # flow | level
    low: int  # typical magnitude of the target, in the base unit
    high: int


INDICATORS = (
    Indicator("urban-new-jobs", "城镇新增就业", "就业", "人", "at_least", "flow", 2_000, 60_000),
    Indicator(
        "rural-labour", "农村劳动力转移就业", "就业", "人", "at_least", "flow", 5_000, 130_000
    ),
    Indicator("reemployment", "失业人员实现再就业", "就业", "人", "at_least", "flow", 500, 15_000),
    Indicator("training", "开展职业技能培训", "就业", "人次", "at_least", "flow", 1_000, 40_000),
    Indicator("loans", "发放创业担保贷款", "就业", "元", "at_least", "flow", 10**7, 10**9),
    Indicator("unemployment", "城镇调查失业率", "就业", "%", "at_most", "level", 5, 6),
    Indicator("kindergarten-share", "普惠性幼儿园覆盖率", "教育", "%", "at_least", "level", 80, 92),
    Indicator("new-kindergartens", "新建改扩建幼儿园", "教育", "所", "at_least", "flow", 5, 60),
    Indicator("lunch-schools", "放心午餐学校", "教育", "所", "at_least", "flow", 20, 120),
    Indicator("private-share", "民办义务教育在校生占比", "教育", "%", "at_most", "level", 5, 10),
    Indicator("oversized", "义务教育大班额", "教育", "个", "at_most", "level", 0, 0),
    Indicator("pension-rate", "基本养老保险参保率", "社会保障", "%", "at_least", "level", 90, 98),
    Indicator(
        "insured", "城乡居民医保参保人数", "社会保障", "人", "at_least", "level", 10**5, 10**6
    ),
    Indicator("elderly-centres", "社区养老服务中心", "社会保障", "个", "at_least", "level", 10, 80),
    Indicator("income-growth", "居民人均可支配收入增长", "收入", "%", "range", "level", 5, 7),
    Indicator("spending", "民生支出", "财政", "元", "at_least", "flow", 10**8, 10**10),
    Indicator("old-housing", "改造老旧小区", "城建", "个", "at_least", "flow", 20, 300),
    Indicator("toilets", "农村卫生厕所改造", "农业农村", "户", "at_least", "flow", 2_000, 30_000),
    Indicator(
        "village-clinics", "村卫生室标准化建设", "卫生健康", "%", "at_least", "level", 95, 100
    ),
    Indicator("plays", "送戏下乡", "文化", "场", "at_least", "flow", 200, 3_000),
    Indicator("water", "农村集中供水率", "农业农村", "%", "at_least", "level", 85, 98),
    Indicator(
        "review", "义务教育优质均衡发展国家督导评估验收", "教育", None, "milestone", "level", 0, 0
    ),
    Indicator("hospital", "县级医院提标扩能工程竣工", "卫生健康", None, "milestone", "level", 0, 0),
)
VERBS = ("全年完成", "累计实现", "截至目前已完成", "同比增长,达到", "超额完成")
PUBLISHERS = ("人民政府网", "日报", "融媒体中心", "统计局", "发展和改革局")


@dataclass(slots=True)
class Region:
    name: str
    short: str
    pinyin: str
    code: str
    parent: str | None = None
    children: list[Region] = field(default_factory=list)


@dataclass(slots=True)
class Outcome:
    as_of: str
    value: Fraction | None  # the nominal figure, for the journal
    lines: list[str]


@dataclass(slots=True)
class Goal:
    id: str
    lines: list[str]
    target: Fraction | None
    start: int
    end: int
    scale: Fraction  # the figures' magnitude when no target is stated
    outcomes: list[Outcome]


# --- the region tree -------------------------------------------------------------------------


def _names(rng: random.Random, used: set[str]) -> Iterator[tuple[str, str]]:
    """Unique two-character stems with their toneless pinyin."""
    while True:
        i, j = rng.randrange(len(NAME_CHARS)), rng.randrange(len(NAME_CHARS))
        stem = NAME_CHARS[i] + NAME_CHARS[j]
        if i == j or stem in used:
            continue
        used.add(stem)
        yield stem, SYLLABLES[i % len(SYLLABLES)] + SYLLABLES[j % len(SYLLABLES)]


def region_tree(counties: int, rng: random.Random) -> list[Region]:
    """Provinces → cities → counties, ``counties`` in all."""
    used: set[str] = set()
    stems = _names(rng, used)
    provinces: list[Region] = []
    n_cities = -(-counties // COUNTIES_PER_CITY)
    n_provinces = -(-n_cities // CITIES_PER_PROVINCE)
    made = 0
    for p in range(n_provinces):
        base = PROVINCES[p % len(PROVINCES)]
        short = base if p < len(PROVINCES) else f"{base}{p // len(PROVINCES) + 1}"
        province = Region(f"{short}省", short, f"province{p + 1}", f"{p + 11:02d}0000")
        used.add(short)
        provinces.append(province)
        for c in range(CITIES_PER_PROVINCE):
            if made >= counties:
                break
            stem, pinyin = next(stems)
            city = Region(f"{stem}市", stem, pinyin, f"{p + 11:02d}{c + 1:02d}00", province.name)
            province.children.append(city)
            for k in range(COUNTIES_PER_CITY):
                if made >= counties:
                    break
                stem, pinyin = next(stems)
                suffix = ("县", "区", "市")[rng.randrange(3)]
                code = f"{p + 11:02d}{c + 1:02d}{k + 1:02d}"
                city.children.append(Region(f"{stem}{suffix}", stem, pinyin, code, city.name))
                made += 1
    return provinces


def walk(regions: list[Region]) -> Iterator[Region]:
    for region in regions:
        yield region
        yield from walk(region.children)


def regions_toml(provinces: list[Region]) -> str:
    out = ["# Synthetic region tree (benchmarks/gen.py).\n"]
    for region in walk(provinces):
        out.append("[[region]]")
        out.append(f'name = "{region.name}"')
        if region.parent:
            out.append(f'parent = "{region.parent}"')
        out.append(f'aliases = ["{region.short}", "{region.pinyin}"]')
        out.append(f'code = "{region.code}"\n')
    return "\n".join(out)


# --- quantities as reports write them --------------------------------------------------------


def _wan(value: Fraction, places: int = 2) -> str:
    """53100 → "5.31万" (rounded as a report would)."""
    scaled = round(float(value) / 10_000, places)
    return f"{scaled:.{places}f}".rstrip("0").rstrip(".") + "万"


def written(value: Fraction, unit: str | None, rng: random.Random, role: str) -> tuple[str, str]:
    """(TOML literal, the same figure in prose) for ``value`` in ``unit``."""
    if unit == "%":
        text = f"{float(value):.2f}".rstrip("0").rstrip(".") + "%"
        return f'"{text}"', text
    number = int(value)
    roll = rng.random()
    if number >= 100_000 and roll < 0.7:
        text = _wan(Fraction(number))
        return f'"{text}"', f"{text}{unit or ''}"
    if role == "outcome" and number >= 100 and roll < 0.15:
        rounded = number // 100 * 100
        text = f"{rounded}余"
        return f'"{text}"', f"{text}{unit or ''}"
    if role == "outcome" and number >= 10 and roll < 0.2:
        text = f"超{number}"
        return f'"{text}"', f"{text}{unit or ''}"
    if role == "outcome" and number >= 10 and roll < 0.25:
        text = f"近{number + 1}"
        return f'"{text}"', f"{text}{unit or ''}"
    return str(number), f"{number}{unit or ''}"


# --- goals -----------------------------------------------------------------------------------


def _period(rng: random.Random) -> tuple[str, int, int]:
    roll = rng.random()
    if roll < 0.7:
        year = rng.choice((2021, 2022, 2023, 2024))
        return f"period = {year}", year, year
    if roll < 0.9:
        return 'period = "2021-2025"', 2021, 2025
    year = rng.choice((2022, 2023, 2024))
    return f"start = {year}-03-01\ndeadline = {year + 1}-06-30", year, year + 1


def _target(ind: Indicator, lines: list[str], rng: random.Random) -> tuple[Fraction | None, str]:
    """Append the target (65 % of goals state one; a range always does) → (nominal, prose)."""
    if ind.kind == "range":
        low = Fraction(rng.randint(ind.low * 10, ind.high * 10 - 5), 10)
        lines.append(f'target = ["{float(low):g}%", "{float(low + 1):g}%"]')
        return low + Fraction(1, 2), f"{float(low):g}%-{float(low + 1):g}%"
    if ind.kind == "milestone" or rng.random() >= 0.65:
        return None, ""
    if ind.unit == "%":
        target = Fraction(rng.randint(ind.low * 10, ind.high * 10), 10)
    else:
        target = Fraction(rng.randint(ind.low, ind.high))
    literal, prose = written(target, ind.unit, rng, "target")
    if ind.kind == "at_most" and rng.random() < 0.5:
        literal, prose = f'"不超过{literal.strip(chr(34))}"', f"不超过{prose}"
    elif ind.kind == "at_least" and ind.unit == "%" and rng.random() < 0.5:
        literal, prose = f'"{literal.strip(chr(34))}以上"', f"{prose}以上"
    lines.append(f"target = {literal}")
    return target, prose


def _figure(
    ind: Indicator, scale: Fraction, previous: Fraction, share: Fraction, rng: random.Random
) -> Fraction:
    """A reported figure: cumulative for flow goals, a level near the target otherwise."""
    if ind.measure == "flow":
        return max(previous, Fraction(round(scale * share)))
    if ind.unit == "%":
        return min(Fraction(100), Fraction(round(scale * Fraction(rng.randint(90, 108), 100), 2)))
    return Fraction(round(scale * Fraction(rng.randint(80, 120), 100)))


def _outcome(
    county: Region, ind: Indicator, goal: Goal, index: int, count: int, rng: random.Random
) -> Outcome:
    """The ``index``-th of ``count`` outcomes, spread over the goal's period."""
    months = (goal.end - goal.start + 1) * 12
    month_index = round((index + 1) * months / count) - 1
    year, month = goal.start + month_index // 12, month_index % 12 + 1
    as_of = f"{year}-{month:02d}-{calendar.monthrange(year, month)[1]:02d}"
    lines = ["", "  [[goal.outcome]]", f"  as_of = {as_of}"]
    value: Fraction | None = None
    if ind.kind == "milestone":
        done = index == count - 1 and rng.random() < 0.7
        lines.append(f"  done = {'true' if done else 'false'}")
        lines.append(f'  quote = "{ind.title}{"已完成" if done else "正在推进"}"')
    else:
        scale = goal.target if goal.target is not None else goal.scale
        previous = goal.outcomes[-1].value if goal.outcomes else None
        share = Fraction(index + 1, count) * Fraction(rng.randint(70, 125), 100)
        value = _figure(ind, scale, previous or Fraction(0), share, rng)
        if ind.unit == "%" and rng.random() < 0.1:
            denominator = rng.randint(200, 3000)
            numerator = round(denominator * value / 100)
            value = Fraction(numerator * 100, denominator)
            shown = f"{float(value):.1f}%"
            lines += [
                f"  numerator = {numerator}",
                f"  denominator = {denominator}",
                f'  value = "{shown}"',
            ]
            prose = f"{numerator}/{denominator},{shown}"
        else:
            literal, prose = written(value, ind.unit, rng, "outcome")
            lines.append(f"  value = {literal}")
        if goal.target and ind.kind == "at_least" and rng.random() < 0.1:
            lines.append(f'  stated_rate = "{float(value / goal.target * 100):.2f}%"')
        verb = VERBS[rng.randrange(len(VERBS))]
        lines.append(f'  quote = "{county.name}{ind.title}{verb}{prose}"')
    if rng.random() < 0.05:
        lines.append('  note = "数据来自年度工作报告"')
    return Outcome(as_of, value, lines)


def make_goal(county: Region, ind: Indicator, n: int, outcomes: int, rng: random.Random) -> Goal:
    gid = f"{county.pinyin}-{county.code}-{ind.key}-{n}"
    period, start, end = _period(rng)
    lines = [
        "[[goal]]",
        f'id = "{gid}"',
        f'title = "{ind.title}"',
        f'category = "{ind.category}"',
    ]
    if ind.unit:
        lines.append(f'unit = "{ind.unit}"')
    if ind.kind != "at_least":
        lines.append(f'kind = "{ind.kind}"')
    if ind.measure == "level" and ind.unit != "%" and ind.kind != "milestone":
        lines.append('measure = "level"')
    lines.append(period)
    target, prose_target = _target(ind, lines, rng)
    if ind.measure == "level" and ind.unit == "%" and rng.random() < 0.15:
        base = Fraction(rng.randint(ind.low * 10 - 100, ind.low * 10), 10)
        lines.append(f'baseline = {{ value = "{float(base):g}%", as_of = {start - 1}-12-31 }}')
    lines.append(
        f'quote = "{county.name}{end}年{ind.title}'
        f'{"目标" + prose_target if prose_target else "工作扎实推进"},确保按期完成"'
    )
    if rng.random() < 0.1:
        lines.append('tags = ["民生实事"]')
    if rng.random() < 0.05:
        lines.append('owner = "县人力资源和社会保障局"')
    scale = Fraction(rng.randint(ind.low, ind.high))
    goal = Goal(gid, lines, target, start, end, scale, [])
    for index in range(outcomes):
        goal.outcomes.append(_outcome(county, ind, goal, index, outcomes, rng))
    return goal


def county_file(county: Region, goals: int, outcomes: int, rng: random.Random) -> list[Goal]:
    made = []
    for n in range(goals):
        ind = INDICATORS[(n * 7 + rng.randrange(3)) % len(INDICATORS)]
        made.append(make_goal(county, ind, n, outcomes, rng))
    return made


def render_file(county: Region, goals: list[Goal]) -> str:
    source = f"{county.pinyin}-{county.code}-report"
    out = [
        f"# {county.name}: synthetic goals (benchmarks/gen.py)\n",
        "[[source]]",
        f'id = "{source}"',
        f'title = "{county.name}政府工作报告"',
        f'publisher = "{county.name}{PUBLISHERS[int(county.code) % len(PUBLISHERS)]}"',
        "date = 2025-01-15\n",
        "[defaults]",
        f'region = "{county.name}"',
        f'source = "{source}"\n',
    ]
    for goal in goals:
        out.extend(goal.lines)
        for outcome in goal.outcomes:
            out.extend(outcome.lines)
        out.append("")
    return "\n".join(out)


# --- the hledger journal ---------------------------------------------------------------------


def _amount(value: Fraction) -> str:
    return f"{float(value):.4f}".rstrip("0").rstrip(".")


def journal_entries(chain: str, goals: list[Goal]) -> Iterator[str]:
    """Periodic budget rules and outcome transactions for one county's goals."""
    for goal in goals:
        account = f"目标:{chain}:{goal.id}"
        if goal.target is not None:
            years = goal.end - goal.start + 1
            yield (
                f"~ yearly from {goal.start}-01-01 to {goal.end + 1}-01-01  ; {goal.id}\n"
                f"    ({account})    {_amount(goal.target / years)}\n"
            )
        previous = Fraction(0)
        for outcome in goal.outcomes:
            if outcome.value is None:
                continue
            yield (
                f"{outcome.as_of} {goal.id}\n"
                f"    ({account})    {_amount(outcome.value - previous)}\n"
            )
            previous = outcome.value


# --- the whole dataset -----------------------------------------------------------------------


def generate(
    out: Path,
    *,
    regions: int,
    goals: int,
    outcomes: int,
    seed: int = SEED,
    hledger: Path | None = None,
) -> int:
    """Write the dataset below ``out`` (replacing it); returns the number of goals."""
    rng = random.Random(seed)  # noqa: S311  # reproducible data, not secrets
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    provinces = region_tree(regions, rng)
    (out / "regions.toml").write_text(regions_toml(provinces), encoding="utf-8")
    journal = hledger.open("w", encoding="utf-8") if hledger else None
    total = 0
    try:
        for p_index, province in enumerate(provinces):
            for c_index, city in enumerate(province.children):
                folder = out / f"p{p_index + 1:02d}" / f"c{c_index + 1:02d}"
                folder.mkdir(parents=True)
                for county in city.children:
                    made = county_file(county, goals, outcomes, rng)
                    total += len(made)
                    (folder / f"{county.code}.toml").write_text(
                        render_file(county, made), encoding="utf-8"
                    )
                    if journal:
                        chain = f"{province.name}:{city.name}:{county.name}"
                        journal.writelines(f"{entry}\n" for entry in journal_entries(chain, made))
    finally:
        if journal:
            journal.close()
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="directory to write (replaced)")
    parser.add_argument("--regions", type=int, default=300, help="county-level regions")
    parser.add_argument("--goals", type=int, default=30, help="goals per region")
    parser.add_argument("--outcomes", type=int, default=3, help="outcomes per goal")
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--hledger", type=Path, help="also write an hledger journal here")
    args = parser.parse_args()
    total = generate(
        args.out,
        regions=args.regions,
        goals=args.goals,
        outcomes=args.outcomes,
        seed=args.seed,
        hledger=args.hledger,
    )
    print(f"{total} goals in {args.regions} region files below {args.out}")


if __name__ == "__main__":
    main()
