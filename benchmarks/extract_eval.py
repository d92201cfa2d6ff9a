"""Score `tracker extract` on the real-article development set and on the seeds.

    .venv/bin/python benchmarks/extract_eval.py              # the tables
    .venv/bin/python benchmarks/extract_eval.py --misses     # and every miss and wrong proposal
    .venv/bin/python benchmarks/extract_eval.py --only guandu-2023-h1 --misses
    .venv/bin/python benchmarks/extract_eval.py --json       # the pooled scores as JSON
    .venv/bin/python benchmarks/extract_eval.py --group tune # while tuning: never the held-out

The extractor is run as a user runs it, `python -m tracker extract FILE --format json ARGS`
(ARGS from each label file's `[article] args`), so this script depends on the command's JSON
output only, never on module paths. Every article is run twice: as stored, and as one line
(its lines joined, as text copied from a web page often is); the one-line run must give the
same figures.

How a proposed figure matches a label (tests/extract/real/README.md has the label format):
- the label's span is where its `number` starts inside its `context` (the `nth` occurrence of
  the context in the text, default the first) and runs for len(number) characters;
- a proposal matches a label when its span [start, end) overlaps the label's span, its `parsed`
  value equals one of the label's numbers in absolute value (scales applied: 5.31万 = 53100;
  the sign is not compared: 下降37.8% may be parsed as 37.8 or -37.8), and its unit equals the
  label's (名/位 = 人). Each label is matched at most once.
- the role must match to count: a proposal whose role differs from its label's (a stated rate
  read as an outcome, an outcome read as a target) is wrong for the role it claims and leaves
  the label unfound. Proposals on `neutral` labels are not counted either way.
- stated rates, stated gaps and baselines are found when the proposal matched to the figure
  they belong to (`of`) carries them (`stated_rate`, `stated_gap`, `baseline`) with the same
  value (gaps: with the same sign when the label gives `value`). A target with `of` may be
  found either as a proposal of its own or as the `target` field of its figure's proposal.

Scores: recall = labels found in their role / labels of that role; precision = proposals right
in their role / proposals claiming that role (for rates/gaps/baselines: attachments right /
attachments made). `attach` = rates and gaps carried by the right figure / rates and gaps the
extractor attached to any figure whose value is a labelled rate or gap of the article (so it
measures "right figure", not "found at all"). `period`, `as_of`, `measure` = agreement with the
label over proposals matched in their role (as_of over outcomes whose label gives one).

The seeds (tests/extract/*.toml) carry no offsets, periods or dates: they are scored as
tests/test_extract.py scores them, as a multiset on value + unit + role, plus the stated rate
of each matched figure.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import tomllib
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

from tracker.core.regions import to_simplified

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT / "tests" / "extract" / "real"
SEEDS = ROOT / "tests" / "extract"
SEED_REGIONS = {
    "000": "运城市",
    "001": "晋中市",
    "002": "山西省",
    "003": "武陵源区",
    "004": "临河区",
}

ROLES = ("target", "outcome", "stated_rate", "stated_gap", "baseline")
PRIMARY = ("target", "outcome")
ATTACHED = {"stated_rate": "stated_rate", "stated_gap": "stated_gap", "baseline": "baseline"}
ALL_ROLES = (*ROLES, "neutral")
GROUPS = ("tune", "heldout")
KINDS = ("review", "minsheng", "progress", "targets")
LEVELS = ("national", "province", "prefecture", "county", "district")
MEASURES = ("flow", "level", "growth")
UNIT_ALIASES = {"名": "人", "位": "人", "萬": "万", "個": "个", "場": "场", "條": "条", "項": "项"}

_SCALES = {
    "千": 10**3,
    "万": 10**4,
    "萬": 10**4,
    "百万": 10**6,
    "千万": 10**7,
    "亿": 10**8,
    "億": 10**8,
    "万亿": 10**12,
    "萬億": 10**12,
}
_CN_DIGITS = {
    "一": 1,
    "二": 2,
    "两": 2,
    "兩": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
    "十": 10,
    "百": 100,
}
_NUMBER = re.compile(
    r"([-−]?)\s*([0-9０-９][0-9０-９,，]*(?:[.．][0-9０-９]+)?|[一二两兩三四五六七八九十百]+)"
    r"(?:余|多)?\s*(万亿|萬億|百万|千万|亿|億|万|萬|千)?"
)


def numbers(text: str) -> list[Decimal]:
    """Every number written in `text`, scales applied, signs kept ("-37.8%" -> -37.8)."""
    out = []
    for sign, digits, scale in _NUMBER.findall(text):
        if digits[0] in _CN_DIGITS:
            if not scale:  # 三个, 七大: not a figure
                continue
            value = Decimal(_cn(digits))
        else:
            cleaned = digits.translate(
                str.maketrans("０１２３４５６７８９．", "0123456789.")
            ).replace(",", "")
            try:
                value = Decimal(cleaned.replace("，", ""))
            except InvalidOperation:
                continue
        if scale:
            value *= _SCALES[scale]
        out.append(-value if sign else value)
    return out


def _cn(digits: str) -> int:
    total, current = 0, 0
    for ch in digits:
        n = _CN_DIGITS[ch]
        if n >= 10:
            total += (current or 1) * n
            current = 0
        else:
            current = n
    return total + current


def same_value(a: Decimal, b: object, signed: bool = False) -> bool:
    if b is None:
        return False
    try:
        bd = Decimal(str(b))
    except InvalidOperation:
        return False
    if not signed:
        a, bd = abs(a), abs(bd)
    return abs(a - bd) <= Decimal("1e-6") * max(Decimal(1), abs(a))


def norm_unit(unit: object) -> str | None:
    """A unit compared in simplified characters (a label writes it as the text does: 間, 個),
    without a scale word before the measure word: the scale is the number's (a label's
    "617亿元以上" in 亿元 and the extractor's in 元 are the same figure; values compare scaled)."""
    if unit is None:
        return None
    simple = to_simplified("".join(UNIT_ALIASES.get(ch, ch) for ch in str(unit)))
    return _SCALE_WORD.sub("", simple)


_SCALE_WORD = re.compile(r"^(?:百万|千万|万|亿)(?=.)")


def one_line(text: str) -> str:
    """The text as one line: every line stripped and joined (what a web copy often gives)."""
    return "".join(line.strip() for line in text.splitlines())


# --- labels --------------------------------------------------------------------------------------


@dataclass
class Label:
    id: str
    number: str
    context: str
    role: str
    nth: int | None = None  # which occurrence of the context; required when it is not unique
    of: str | None = None
    unit: str | None = None
    measure: str | None = None
    kind: str | None = None
    period: str | None = None
    as_of: str | None = None  # "" = not known, not scored
    value: str | None = None  # signed value where the sign matters (gaps, declines)
    title: str | None = None
    note: str | None = None

    def values(self) -> list[Decimal]:
        return numbers(self.value) if self.value else numbers(self.number)

    def span(self, text: str) -> tuple[int, int]:
        at = -1
        for _ in range(self.nth or 1):
            at = text.find(self.context, at + 1)
            if at < 0:
                raise ValueError(
                    f"{self.id}: context occurrence {self.nth} not in the text: {self.context!r}"
                )
        inside = self.context.find(self.number)
        if inside < 0:
            raise ValueError(
                f"{self.id}: number {self.number!r} not in its context {self.context!r}"
            )
        return at + inside, at + inside + len(self.number)


@dataclass
class Article:
    name: str
    text: str
    source: dict[str, object]
    meta: dict[str, object]
    labels: list[Label]

    @property
    def group(self) -> str:
        return str(self.meta["group"])

    @property
    def args(self) -> list[str]:
        return [str(a) for a in self.meta.get("args", [])]  # type: ignore[union-attr]


LABEL_KEYS = set(Label.__dataclass_fields__)


def load_article(toml_path: Path) -> Article:
    """One article and its labels; raises ValueError on anything malformed."""
    data = tomllib.loads(toml_path.read_text(encoding="utf-8"))
    text = toml_path.with_suffix(".txt").read_text(encoding="utf-8")
    for table in ("source", "article"):
        if table not in data:
            raise ValueError(f"{toml_path.name}: no [{table}]")
    source, meta = data["source"], data["article"]
    for key in ("title", "publisher", "date", "url"):
        if key not in source:
            raise ValueError(f"{toml_path.name}: [source] lacks {key}")
    for key, allowed in (("group", GROUPS), ("kind", KINDS), ("level", LEVELS)):
        if meta.get(key) not in allowed:
            raise ValueError(f"{toml_path.name}: [article] {key} must be one of {allowed}")
    defaults = data.get("defaults", {})
    labels: list[Label] = []
    for raw in data.get("figure", []):
        unknown = set(raw) - LABEL_KEYS
        if unknown:
            raise ValueError(f"{toml_path.name}: unknown label keys {sorted(unknown)}")
        fields = {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in raw.items()}
        if fields.get("role") in PRIMARY:
            fields.setdefault("period", defaults.get("period"))
            if fields["role"] == "outcome" and "as_of" not in fields and "as_of" in defaults:
                fields["as_of"] = defaults["as_of"].isoformat()
        labels.append(Label(**fields))
    check_labels(toml_path.name, text, labels)
    return Article(toml_path.stem, text, source, meta, labels)


def check_labels(where: str, text: str, labels: list[Label]) -> None:
    ids = Counter(label.id for label in labels)
    if dup := [i for i, n in ids.items() if n > 1]:
        raise ValueError(f"{where}: duplicate ids {dup}")
    by_id = {label.id: label for label in labels}
    spans: set[tuple[int, int]] = set()
    flat = one_line(text)
    for label in labels:
        if label.role not in ALL_ROLES:
            raise ValueError(f"{where}: {label.id}: role {label.role!r}")
        if "\n" in label.context or "\n" in label.number:
            raise ValueError(f"{where}: {label.id}: a context never spans a line break")
        if not label.values():
            raise ValueError(f"{where}: {label.id}: no number in {label.number!r}")
        if label.nth is None and text.count(label.context) != 1:
            raise ValueError(
                f"{where}: {label.id}: context occurs {text.count(label.context)} times; give nth"
            )
        span = label.span(text)
        if text[span[0] : span[1]] != label.number:
            raise ValueError(f"{where}: {label.id}: span does not hold the number")
        if span in spans:
            raise ValueError(f"{where}: {label.id}: two labels on one figure")
        spans.add(span)
        if text.count(label.context) != flat.count(label.context):
            raise ValueError(
                f"{where}: {label.id}: the context occurs a different number of times in one line"
            )
        if label.role in ATTACHED and (label.of is None or label.of not in by_id):
            raise ValueError(
                f"{where}: {label.id}: a {label.role} names the figure it belongs to (of)"
            )
        if label.of is not None and (label.of not in by_id or by_id[label.of].role not in PRIMARY):
            raise ValueError(
                f"{where}: {label.id}: of = {label.of!r} is not a target or outcome label"
            )
        if label.role in PRIMARY:
            if not label.unit or label.measure not in MEASURES or not label.title:
                raise ValueError(
                    f"{where}: {label.id}: a {label.role} needs unit, measure and title"
                )
            if not label.period or not re.fullmatch(r"\d{4}(-\d{4})?", label.period):
                raise ValueError(f"{where}: {label.id}: period {label.period!r}")
        if label.role == "outcome" and label.as_of is None:
            raise ValueError(f'{where}: {label.id}: an outcome needs as_of ("" when not known)')
        if label.role == "stated_gap" and label.value is None:
            raise ValueError(f"{where}: {label.id}: a stated gap gives its signed value")


def real_articles() -> list[Article]:
    return [load_article(p) for p in sorted(REAL.glob("*.toml"))]


# --- running the extractor -----------------------------------------------------------------------


def run_extract(path: Path, args: list[str]) -> list[dict[str, object]]:
    proc = subprocess.run(
        [sys.executable, "-m", "tracker", "extract", str(path), "--format", "json", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    if proc.returncode != 0:
        raise RuntimeError(f"extract {path.name} exited {proc.returncode}: {proc.stderr.strip()}")
    return list(json.loads(proc.stdout)["figures"])


# --- scoring -------------------------------------------------------------------------------------


@dataclass
class Score:
    labels: Counter[str] = field(default_factory=Counter)
    found: Counter[str] = field(default_factory=Counter)
    claimed: Counter[str] = field(default_factory=Counter)
    right: Counter[str] = field(default_factory=Counter)
    attach_made: int = 0
    attach_right: int = 0
    period: list[int] = field(default_factory=lambda: [0, 0])
    as_of: list[int] = field(default_factory=lambda: [0, 0])
    measure: list[int] = field(default_factory=lambda: [0, 0])
    misses: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        for name in ("labels", "found", "claimed", "right"):
            getattr(self, name).update(getattr(other, name))
        self.attach_made += other.attach_made
        self.attach_right += other.attach_right
        for name in ("period", "as_of", "measure"):
            mine, theirs = getattr(self, name), getattr(other, name)
            mine[0] += theirs[0]
            mine[1] += theirs[1]

    def recall(self, role: str | None = None) -> float | None:
        roles = [role] if role else list(ROLES)
        n = sum(self.labels[r] for r in roles)
        return sum(self.found[r] for r in roles) / n if n else None

    def precision(self, role: str | None = None) -> float | None:
        roles = [role] if role else list(ROLES)
        n = sum(self.claimed[r] for r in roles)
        return sum(self.right[r] for r in roles) / n if n else None

    def attach(self) -> float | None:
        return self.attach_right / self.attach_made if self.attach_made else None

    @staticmethod
    def ratio(pair: list[int]) -> float | None:
        return pair[0] / pair[1] if pair[1] else None


def describe(fig: dict[str, object]) -> str:
    extra = "".join(
        f" {k}={fig[k]}" for k in ("stated_rate", "stated_gap", "target", "baseline") if fig.get(k)
    )
    return (
        f"{fig.get('role')} {fig.get('value')!s} [{fig.get('start')}]{extra} «{fig.get('title')}»"
    )


def _score_attached(
    s: Score,
    labels: list[Label],
    figures: list[dict[str, object]],
    proposal_label: list[Label | None],
    matched: dict[str, dict[str, object]],
) -> set[str]:
    """Rates, gaps, baselines, and targets stated with their figure: the ids found attached."""
    rate_values = {
        lab.role: [v for x in labels if x.role == lab.role for v in x.values()] for lab in labels
    }
    found_attached: set[str] = set()
    for fig, lab in zip(figures, proposal_label, strict=True):
        for role, key in ATTACHED.items():
            written = fig.get(key)
            if not written:
                continue
            s.claimed[role] += 1
            got = numbers(str(written))
            hit = None
            if lab is not None and got:
                for x in labels:
                    if x.role == role and x.of == lab.id and x.id not in found_attached:
                        signed = role == "stated_gap" and x.value is not None
                        if any(same_value(v, got[0], signed) for v in x.values()):
                            hit = x
                            break
            known = bool(got) and any(same_value(v, got[0]) for v in rate_values.get(role, []))
            if role != "baseline" and (hit or known):
                s.attach_made += 1
                s.attach_right += hit is not None
            if hit is not None:
                found_attached.add(hit.id)
                s.right[role] += 1
                s.found[role] += 1
            else:
                s.misses.append(f"  wrong   {key}={written} on {describe(fig)}")
        if lab is not None and fig.get("target"):
            got = numbers(str(fig["target"]))
            for x in labels:
                if (
                    x.role == "target"
                    and x.of == lab.id
                    and x.id not in matched
                    and x.id not in found_attached
                    and got
                    and same_value(x.values()[0], got[0])
                ):
                    found_attached.add(x.id)
                    s.found["target"] += 1
                    break
    return found_attached


def score_article(article: Article, figures: list[dict[str, object]], text: str) -> Score:
    s = Score()
    labels = article.labels
    spans = {lab.id: lab.span(text) for lab in labels}
    for lab in labels:
        if lab.role != "neutral":
            s.labels[lab.role] += 1
    matched: dict[str, dict[str, object]] = {}  # label id -> proposal
    proposal_label: list[Label | None] = []
    for fig in figures:
        start, end = int(fig["start"]), int(fig["end"])  # type: ignore[call-overload]
        candidates = [
            lab
            for lab in labels
            if lab.id not in matched
            and spans[lab.id][0] < end
            and start < spans[lab.id][1]
            and any(
                same_value(v, fig.get("parsed"))
                or (lab.unit == "‰" and same_value(v / 10, fig.get("parsed")))
                for v in lab.values()
            )
            and (lab.unit is None or norm_unit(lab.unit) == norm_unit(fig.get("unit")))
        ]
        candidates.sort(key=lambda lab: lab.role != fig.get("role"))
        lab = candidates[0] if candidates else None
        proposal_label.append(lab)
        if lab is not None:
            matched[lab.id] = fig
        role = str(fig.get("role"))
        if lab is not None and lab.role == "neutral":
            continue
        s.claimed[role] += 1
        if lab is not None and lab.role == role:
            s.right[role] += 1
            s.found[role] += 1
            s.period[1] += 1
            s.period[0] += str(fig.get("period")) == lab.period
            s.measure[1] += 1
            s.measure[0] += fig.get("measure") == lab.measure
            if role == "outcome" and lab.as_of:
                s.as_of[1] += 1
                s.as_of[0] += fig.get("as_of") == lab.as_of
                if fig.get("as_of") != lab.as_of:
                    s.misses.append(f"  as_of   {lab.id}: {fig.get('as_of')} for {lab.as_of}")
            if fig.get("measure") != lab.measure:
                s.misses.append(f"  measure {lab.id}: {fig.get('measure')} for {lab.measure}")
            if str(fig.get("period")) != lab.period:
                s.misses.append(f"  period  {lab.id}: {fig.get('period')} for {lab.period}")
        else:
            what = f"label {lab.id} is {lab.role}" if lab else "no label"
            s.misses.append(f"  wrong   {describe(fig)} ({what})")
    found_attached = _score_attached(s, labels, figures, proposal_label, matched)
    for lab in labels:
        if lab.role == "neutral" or lab.id in found_attached:
            continue
        fig = matched.get(lab.id)
        if fig is not None and fig.get("role") == lab.role:
            continue
        owner = f" (of {lab.of})" if lab.of else ""
        how = f"read as {fig.get('role')}" if fig is not None else "not found"
        s.misses.append(
            f"  missed  {lab.role} {lab.number} {lab.id}{owner}: {how}  «{lab.context}»"
        )
    return s


def figure_key(fig: dict[str, object]) -> tuple[object, ...]:
    return tuple(
        fig.get(k)
        for k in (
            "role",
            "value_text",
            "unit",
            "stated_rate",
            "target",
            "baseline",
            "period",
            "as_of",
            "measure",
        )
    )


# --- seeds ----------------------------------------------------------------------------------------


def seed_score(toml_path: Path, figures: list[dict[str, object]]) -> Score:
    s = Score()
    labels = tomllib.loads(toml_path.read_text(encoding="utf-8"))["figure"]
    pool = list(labels)
    for lab in labels:
        s.labels[lab["role"]] += 1
        if lab.get("stated_rate"):
            s.labels["stated_rate"] += 1
    for fig in figures:
        role = str(fig.get("role"))
        s.claimed[role] += 1
        hit = None
        for lab in pool:
            vals = numbers(str(lab["value"]))
            if (
                lab["role"] == role
                and vals
                and same_value(vals[0], fig.get("parsed"))
                and norm_unit(lab["unit"]) == norm_unit(fig.get("unit"))
            ):
                hit = lab
                break
        if hit is None:
            s.misses.append(f"  wrong   {describe(fig)}")
            if fig.get("stated_rate"):
                s.claimed["stated_rate"] += 1
            continue
        pool.remove(hit)
        s.right[role] += 1
        s.found[role] += 1
        if fig.get("stated_rate"):
            s.claimed["stated_rate"] += 1
            s.attach_made += 1
            if hit.get("stated_rate") and same_value(
                numbers(hit["stated_rate"])[0], numbers(str(fig["stated_rate"]))[0]
            ):
                s.right["stated_rate"] += 1
                s.found["stated_rate"] += 1
                s.attach_right += 1
    for lab in pool:
        s.misses.append(
            f"  missed  {lab['role']} {lab['value']}{lab['unit']}  «{lab['text'][:40]}»"
        )
    return s


# --- report ---------------------------------------------------------------------------------------


def fmt(x: float | None) -> str:
    return "   - " if x is None else f"{x:5.2f}"


COLUMNS = (
    ("article", 26), ("grp", 4), ("lab", 4), ("prop", 4), ("|", 1), ("t.rec", 5), ("t.pre", 5),
    ("|", 1), ("o.rec", 5), ("o.pre", 5), ("|", 1), ("r.rec", 5), ("r.pre", 5), ("|", 1),
    ("g.rec", 5), ("b.rec", 5), ("|", 1), ("attach", 6), ("period", 6), ("as_of", 5), ("meas", 5),
    ("|", 1), ("all.r", 5), ("all.p", 5), ("|", 1), ("1line", 5),
)  # fmt: skip
HEADER = " ".join(name.ljust(width) if i < 2 else name.rjust(width)
                  for i, (name, width) in enumerate(COLUMNS))  # fmt: skip


def row(name: str, group: str, s: Score, n_props: int, oneline: str) -> str:
    cells = [
        name, group, str(sum(s.labels.values())), str(n_props), "|",
        fmt(s.recall("target")), fmt(s.precision("target")), "|",
        fmt(s.recall("outcome")), fmt(s.precision("outcome")), "|",
        fmt(s.recall("stated_rate")), fmt(s.precision("stated_rate")), "|",
        fmt(s.recall("stated_gap")), fmt(s.recall("baseline")), "|",
        fmt(s.attach()), fmt(Score.ratio(s.period)), fmt(Score.ratio(s.as_of)),
        fmt(Score.ratio(s.measure)), "|", fmt(s.recall()), fmt(s.precision()), "|", oneline,
    ]  # fmt: skip
    return " ".join(
        cell.ljust(width) if i < 2 else cell.rjust(width)
        for i, (cell, (_, width)) in enumerate(zip(cells, COLUMNS, strict=True))
    )


def pooled_dict(s: Score) -> dict[str, object]:
    out: dict[str, object] = {"labels": dict(s.labels)}
    for role in ROLES:
        out[role] = {"recall": s.recall(role), "precision": s.precision(role)}
    out.update(
        recall=s.recall(),
        precision=s.precision(),
        attach=s.attach(),
        period=Score.ratio(s.period),
        as_of=Score.ratio(s.as_of),
        measure=Score.ratio(s.measure),
    )
    return out


def run_all(articles: list[Article], seeds: list[Path]) -> list[list[dict[str, object]]]:
    """Extract every article and seed, as stored and as one line (in that order, pairwise)."""
    with tempfile.TemporaryDirectory() as tmp:
        jobs = []
        for a in articles:
            flat = Path(tmp) / f"{a.name}.oneline.txt"
            flat.write_text(one_line(a.text), encoding="utf-8")
            jobs += [(REAL / f"{a.name}.txt", a.args), (flat, a.args)]
        for p in seeds:
            text = (SEEDS / "seeds" / f"{p.stem}.txt").read_text(encoding="utf-8")
            flat = Path(tmp) / f"{p.stem}.oneline.txt"
            flat.write_text(one_line(text), encoding="utf-8")
            args = ["--region", SEED_REGIONS[p.stem[:3]]]
            jobs += [(SEEDS / "seeds" / f"{p.stem}.txt", args), (flat, args)]
        with ThreadPoolExecutor(max_workers=2) as pool:
            results = list(pool.map(lambda job: run_extract(*job), jobs))

    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--misses", action="store_true", help="list every miss and wrong proposal")
    parser.add_argument("--only", help="one article (file stem)")
    parser.add_argument(
        "--group", choices=GROUPS, help="only this group's articles (tune while tuning)"
    )
    parser.add_argument("--json", action="store_true", help="print the pooled scores as JSON")
    parser.add_argument("--no-seeds", action="store_true")
    opts = parser.parse_args(argv)

    articles = [
        a
        for a in real_articles()
        if (not opts.only or a.name == opts.only) and (not opts.group or a.group == opts.group)
    ]
    seeds = [] if opts.no_seeds or opts.only else sorted(SEEDS.glob("[0-9]*.toml"))
    results = run_all(articles, seeds)

    pooled = {g: Score() for g in (*GROUPS, "seeds")}
    pooled_flat = {g: Score() for g in (*GROUPS, "seeds")}
    lines = [HEADER]
    detail: list[str] = []
    i = 0
    for a in articles:
        figs, flat_figs = results[i], results[i + 1]
        i += 2
        s = score_article(a, figs, a.text)
        sf = score_article(a, flat_figs, one_line(a.text))
        same = Counter(map(figure_key, figs)) == Counter(map(figure_key, flat_figs))
        lines.append(
            row(
                a.name,
                a.group[:4],
                s,
                sum(s.claimed[r] for r in PRIMARY),
                "same" if same else f"DIFF {len(flat_figs)}",
            )
        )
        pooled[a.group].add(s)
        pooled_flat[a.group].add(sf)
        if opts.misses and s.misses:
            detail += [f"{a.name}:", *s.misses]
    for p in seeds:
        figs, flat_figs = results[i], results[i + 1]
        i += 2
        s = seed_score(p, figs)
        sf = seed_score(p, flat_figs)
        same = Counter(map(figure_key, figs)) == Counter(map(figure_key, flat_figs))
        lines.append(
            row(
                p.stem[:26],
                "seed",
                s,
                sum(s.claimed[r] for r in PRIMARY),
                "same" if same else f"DIFF {len(flat_figs)}",
            )
        )
        pooled["seeds"].add(s)
        pooled_flat["seeds"].add(sf)
        if opts.misses and s.misses:
            detail += [f"{p.stem}:", *s.misses]
    lines.append("-" * len(HEADER))
    for g in (*GROUPS, "seeds"):
        if sum(pooled[g].labels.values()):
            lines.append(
                row(f"POOLED {g}", "", pooled[g], sum(pooled[g].claimed[r] for r in PRIMARY), "")
            )
            lines.append(
                row(
                    f"POOLED {g}, one line",
                    "",
                    pooled_flat[g],
                    sum(pooled_flat[g].claimed[r] for r in PRIMARY),
                    "",
                )
            )
    if opts.json:
        print(
            json.dumps(
                {g: pooled_dict(s) for g, s in pooled.items()}
                | {f"{g}-oneline": pooled_dict(s) for g, s in pooled_flat.items()},
                ensure_ascii=False,
                indent=2,
            )
        )
        return 0
    print("\n".join(lines))
    print(
        "\nt/o/r/g/b = target/outcome/stated_rate/stated_gap/baseline; "
        "rec = recall, pre = precision; "
        "prop = figures proposed (not counting those on neutral labels);\n"
        "1line: DIFF N = the one-line text gave other figures (N of them)"
    )
    if detail:
        print("\n" + "\n".join(detail))
    return 0


if __name__ == "__main__":
    sys.exit(main())
