"""The arithmetic of SPEC §2 on hand-built models: every worked example, status and flag."""

from __future__ import annotations

from datetime import date
from fractions import Fraction

import pytest

from tracker.core.compute import (
    Flag,
    RateCheck,
    Status,
    Thresholds,
    computed_rate,
    elapsed,
    evaluate,
    rate_check,
)
from tracker.model import Baseline, Goal, Kind, Measure, Outcome, Target
from tracker.parse.quantity import Qualifier, Quantity


def q(
    nominal: str,
    low: str | None = None,
    high: str | None = None,
    *,
    text: str = "",
    qualifier: Qualifier | None = None,
    low_open: bool = False,
    high_open: bool = False,
    approximate: bool = False,
) -> Quantity:
    n = Fraction(nominal)
    return Quantity(
        text or nominal,
        n,
        Fraction(low) if low is not None else (None if qualifier else n),
        Fraction(high) if high is not None else (None if qualifier else n),
        low_open,
        high_open,
        qualifier,
        approximate,
    )


def target(
    value: str, low: str | None = None, high: str | None = None, approximate: bool = False
) -> Target:
    return Target(
        value, Fraction(value), Fraction(low or value), Fraction(high or value), approximate
    )


def goal(**kw: object) -> Goal:
    base: dict[str, object] = {
        "id": "g",
        "title": "城镇新增就业",
        "region": "运城市",
        "kind": Kind.AT_LEAST,
        "measure": Measure.FLOW,
        "start": date(2022, 1, 1),
        "deadline": date(2022, 12, 31),
        "unit": "人",
    }
    base.update(kw)
    return Goal(**base)  # type: ignore[arg-type]


def outcome(as_of: date, value: Quantity | None = None, **kw: object) -> Outcome:
    return Outcome(as_of=as_of, value=value, **kw)  # type: ignore[arg-type]


YEAR_END = date(2022, 12, 31)
JOBS = q("53100", "53050", "53150", text="5.31万")
RATE = q("104.19", "104.185", "104.195", text="104.19%")


# --- SPEC §2 worked examples -----------------------------------------------------------------


def test_yuncheng_implied_target() -> None:
    g = goal(outcomes=(outcome(YEAR_END, JOBS, stated_rate=RATE),))
    e = evaluate(g, date(2023, 7, 1))
    assert e.target is None
    assert e.implied is not None
    assert e.implied.low is not None
    assert e.implied.high is not None
    assert round(float(e.implied.low), 1) == 50914.2
    assert round(float(e.implied.high), 1) == 51015.0
    assert round(float(e.implied.nominal), 1) == 50964.6
    assert e.ratio == Fraction("1.0419")
    assert e.status is Status.ACHIEVED
    assert Flag.IMPLIED_TARGET in e.flags
    assert e.rate_check is None


def test_yuncheng_with_stated_target_is_consistent() -> None:
    g = goal(target=target("51000"), outcomes=(outcome(YEAR_END, JOBS, stated_rate=RATE),))
    e = evaluate(g, date(2023, 7, 1))
    assert round(float(e.ratio or 0), 4) == 1.0412
    assert e.gap == -2100
    assert e.rate_check is RateCheck.CONSISTENT
    assert e.status is Status.ACHIEVED
    assert Flag.RATE_INCONSISTENT not in e.flags


def test_yuncheng_with_wrong_target_is_inconsistent() -> None:
    g = goal(target=target("52000"), outcomes=(outcome(YEAR_END, JOBS, stated_rate=RATE),))
    e = evaluate(g, date(2023, 7, 1))
    assert e.rate_check is RateCheck.INCONSISTENT
    assert Flag.RATE_INCONSISTENT in e.flags


def test_wulingyuan_numerator_denominator_inconsistent() -> None:
    g = goal(
        unit="%",
        measure=Measure.LEVEL,
        start=date(2024, 1, 1),
        deadline=date(2024, 12, 31),
        outcomes=(
            outcome(
                date(2024, 12, 31),
                q("57.2", "57.15", "57.25"),
                numerator=Fraction(44),
                denominator=Fraction(77),
            ),
        ),
    )
    e = evaluate(g, date(2025, 6, 1))
    assert e.rate_check is RateCheck.INCONSISTENT
    assert e.actual is not None
    assert e.actual.nominal == Fraction(4400, 77)
    assert e.status is Status.NO_TARGET


def test_graduates_numerator_denominator_consistent() -> None:
    g = goal(
        unit="%",
        measure=Measure.LEVEL,
        outcomes=(
            outcome(
                YEAR_END,
                q("94.4", "94.35", "94.45"),
                numerator=Fraction(18909),
                denominator=Fraction(20037),
            ),
        ),
    )
    assert evaluate(g, date(2023, 1, 1)).rate_check is RateCheck.CONSISTENT


def test_elapsed_day_basis_inclusive() -> None:
    g = goal(start=date(2021, 1, 1), deadline=date(2021, 12, 31))
    assert elapsed(g, date(2021, 9, 30)) == Fraction(273, 365)
    assert elapsed(g, date(2020, 6, 1)) == 0
    assert elapsed(g, date(2030, 1, 1)) == 1


# --- the status ladder -------------------------------------------------------------------------


def test_no_target() -> None:
    assert evaluate(goal(outcomes=(outcome(YEAR_END, JOBS),)), YEAR_END).status is Status.NO_TARGET


def test_no_data() -> None:
    g = goal(target=target("28000"))
    assert evaluate(g, date(2023, 6, 1)).status is Status.NO_DATA


def test_outcome_after_evaluation_date_is_ignored() -> None:
    g = goal(target=target("28000"), outcomes=(outcome(YEAR_END, JOBS),))
    assert evaluate(g, date(2022, 6, 1)).status is Status.NO_DATA


def test_achieved_early() -> None:
    g = goal(target=target("28000"), outcomes=(outcome(date(2022, 10, 31), JOBS),))
    e = evaluate(g, date(2022, 11, 1))
    assert e.status is Status.ACHIEVED
    assert Flag.EARLY in e.flags


def test_missed_final_figure() -> None:
    g = goal(target=target("60000"), outcomes=(outcome(YEAR_END, JOBS),))
    e = evaluate(g, date(2023, 3, 1))
    assert e.status is Status.MISSED
    assert e.gap == 6900


def test_unclear_when_interval_straddles() -> None:
    g = goal(target=target("53100"), outcomes=(outcome(YEAR_END, JOBS),))
    assert evaluate(g, date(2023, 3, 1)).status is Status.UNCLEAR


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("50000", Status.ON_TRACK),  # progress 50000/60000=0.833 / elapsed 0.5 → 1.67
        ("20000", Status.AT_RISK),  # 0.333 / ~0.5 = 0.67
        ("10000", Status.BEHIND),  # 0.167 / ~0.5 = 0.33
    ],
)
def test_pace_bands(value: str, expected: Status) -> None:
    g = goal(target=target("60000"), outcomes=(outcome(date(2022, 7, 2), q(value)),))
    e = evaluate(g, date(2022, 7, 2))
    assert e.status is expected
    assert e.pace is not None
    assert e.elapsed == Fraction(183, 365)


def test_thresholds_are_configurable() -> None:
    g = goal(target=target("60000"), outcomes=(outcome(date(2022, 7, 2), q("20000")),))
    strict = Thresholds(on_track=Fraction(1), at_risk=Fraction(9, 10))
    assert evaluate(g, date(2022, 7, 2), strict).status is Status.BEHIND


def test_level_goal_without_baseline_has_no_pace() -> None:
    g = goal(
        unit="%",
        measure=Measure.LEVEL,
        target=target("85"),
        outcomes=(outcome(date(2022, 6, 30), q("80")),),
    )
    e = evaluate(g, date(2022, 7, 1))
    assert e.pace is None
    assert e.progress is None
    assert e.status is Status.AT_RISK


def test_ceiling_with_baseline_is_a_reduction() -> None:
    g = goal(
        unit="%",
        measure=Measure.LEVEL,
        kind=Kind.AT_MOST,
        target=target("5"),
        baseline=Baseline(q("23.7"), date(2021, 12, 31)),
        outcomes=(outcome(YEAR_END, q("3.89", "3.885", "3.895")),),
    )
    e = evaluate(g, date(2023, 6, 16))
    assert e.status is Status.ACHIEVED
    assert e.gap == Fraction("-1.11")
    assert e.progress == (Fraction("3.89") - Fraction("23.7")) / (Fraction(5) - Fraction("23.7"))


def test_at_most_missed_and_zero_target_has_no_ratio() -> None:
    g = goal(
        kind=Kind.AT_MOST, unit="家", target=target("0"), outcomes=(outcome(YEAR_END, q("3")),)
    )
    e = evaluate(g, date(2023, 1, 1))
    assert e.ratio is None
    assert e.status is Status.MISSED
    assert e.gap == 3


def test_range_band() -> None:
    g = goal(
        kind=Kind.RANGE,
        unit="%",
        measure=Measure.LEVEL,
        target=target("2.5", "2", "3"),
        outcomes=(outcome(YEAR_END, q("2.4", "2.35", "2.45")),),
    )
    e = evaluate(g, date(2023, 1, 1))
    assert e.status is Status.ACHIEVED
    assert e.gap == 0
    outside = goal(
        kind=Kind.RANGE,
        unit="%",
        measure=Measure.LEVEL,
        target=target("2.5", "2", "3"),
        outcomes=(outcome(YEAR_END, q("3.5")),),
    )
    e = evaluate(outside, date(2023, 1, 1))
    assert e.status is Status.MISSED
    assert e.gap == Fraction("0.5")


def test_milestone() -> None:
    deadline = date(2023, 11, 30)
    base = {
        "kind": Kind.MILESTONE,
        "unit": None,
        "measure": Measure.LEVEL,
        "start": date(2023, 1, 1),
        "deadline": deadline,
    }
    done = goal(**base, outcomes=(outcome(date(2023, 11, 20), done=True),))
    assert evaluate(done, date(2023, 12, 1)).status is Status.ACHIEVED
    pending = goal(**base, outcomes=(outcome(date(2023, 6, 30), done=False),))
    assert evaluate(pending, date(2023, 7, 1)).status is Status.AT_RISK
    assert evaluate(pending, date(2023, 12, 1)).status is Status.MISSED
    assert evaluate(goal(**base), date(2023, 12, 1)).status is Status.NO_DATA


def test_open_interval_qualifiers() -> None:
    more_than = q(
        "5000", "5000", "6000", qualifier=Qualifier.MORE_THAN, low_open=True, high_open=True
    )
    g = goal(target=target("5000"), outcomes=(outcome(YEAR_END, more_than),))
    assert evaluate(g, date(2023, 1, 1)).status is Status.ACHIEVED
    nearly = q("300", None, "300", qualifier=Qualifier.LESS_THAN, high_open=True)
    g = goal(target=target("300"), outcomes=(outcome(YEAR_END, nearly),))
    assert evaluate(g, date(2023, 1, 1)).status is Status.MISSED  # 近300 never proves ≥ 300


def test_stale_and_approximate_flags() -> None:
    about = q("50000", "49000", "51000", qualifier=Qualifier.ABOUT, approximate=True)
    g = goal(target=target("60000"), outcomes=(outcome(date(2022, 6, 30), about),))
    e = evaluate(g, date(2023, 3, 1))
    assert Flag.STALE in e.flags
    assert Flag.APPROXIMATE in e.flags
    assert e.status is not Status.MISSED  # not a final figure


def test_ratio_is_never_capped_and_monotone() -> None:
    ratios = []
    for value in ("10000", "60000", "120000"):
        g = goal(target=target("60000"), outcomes=(outcome(YEAR_END, q(value)),))
        ratios.append(evaluate(g, date(2023, 1, 1)).ratio)
    assert ratios == [Fraction(1, 6), Fraction(1), Fraction(2)]


def test_strict_target_qualifiers() -> None:
    more_than = Target("超5000", Fraction(5000), Fraction(5000), Fraction(5000), strict=True)
    g = goal(target=more_than, outcomes=(outcome(YEAR_END, q("5000")),))
    assert evaluate(g, date(2023, 1, 1)).status is Status.MISSED
    g = goal(target=more_than, outcomes=(outcome(YEAR_END, q("5001")),))
    assert evaluate(g, date(2023, 1, 1)).status is Status.ACHIEVED
    under = Target("不到300", Fraction(300), Fraction(300), Fraction(300), strict=True)
    g = goal(kind=Kind.AT_MOST, target=under, outcomes=(outcome(YEAR_END, q("300")),))
    assert evaluate(g, date(2023, 1, 1)).status is Status.MISSED
    g = goal(kind=Kind.AT_MOST, target=under, outcomes=(outcome(YEAR_END, q("299")),))
    assert evaluate(g, date(2023, 1, 1)).status is Status.ACHIEVED


def test_ceiling_on_a_flow_is_met_only_at_the_end() -> None:
    cap = target("100000000")
    mid = date(2022, 6, 30)
    g = goal(kind=Kind.AT_MOST, unit="元", target=cap, outcomes=(outcome(mid, q("30000000")),))
    e = evaluate(g, mid)
    assert e.status is Status.ON_TRACK
    assert Flag.EARLY not in e.flags
    broken = goal(kind=Kind.AT_MOST, unit="元", target=cap, outcomes=(outcome(mid, q("2e8")),))
    assert evaluate(broken, mid).status is Status.MISSED
    final = goal(kind=Kind.AT_MOST, unit="元", target=cap, outcomes=(outcome(YEAR_END, q("9e7")),))
    assert evaluate(final, date(2023, 1, 1)).status is Status.ACHIEVED


# --- each figure computed once, the same from every entry point -------------------------------


def test_elapsed_ends_of_the_period() -> None:
    g = goal(start=date(2021, 1, 1), deadline=date(2021, 12, 31))
    assert elapsed(g, date(2021, 1, 1)) == Fraction(1, 365)  # the first day counts
    assert elapsed(g, date(2020, 12, 31)) == 0
    assert elapsed(g, date(2021, 12, 30)) == Fraction(364, 365)
    assert elapsed(g, date(2021, 12, 31)) == 1
    one_day = goal(start=date(2021, 5, 1), deadline=date(2021, 5, 1))
    assert elapsed(one_day, date(2021, 5, 1)) == 1
    assert elapsed(one_day, date(2021, 4, 30)) == 0


def test_both_rate_checks_on_one_outcome() -> None:
    """A stated rate (against the stated target) and numerator/denominator (against the
    printed value): inconsistent if either fails, and the same from rate_check and evaluate."""
    printed = q("57.1", "57.05", "57.15")
    cases = [
        (Fraction(571), Fraction(1000), q("95.17", "95.165", "95.175"), RateCheck.CONSISTENT),
        (Fraction(572), Fraction(1000), q("95.17", "95.165", "95.175"), RateCheck.INCONSISTENT),
        (Fraction(571), Fraction(1000), q("90", "89.5", "90.5"), RateCheck.INCONSISTENT),
    ]
    for numerator, denominator, rate, expected in cases:
        o = outcome(
            YEAR_END, printed, numerator=numerator, denominator=denominator, stated_rate=rate
        )
        g = goal(unit="%", measure=Measure.LEVEL, target=target("60"), outcomes=(o,))
        assert rate_check(g, o, Fraction(60)) is expected
        assert evaluate(g, date(2023, 1, 1)).rate_check is expected


def test_computed_rate_only_with_a_positive_target() -> None:
    o = outcome(YEAR_END, JOBS)
    g = goal(outcomes=(o,))
    rate = computed_rate(g, o, Fraction(51000))
    assert rate is not None
    assert rate.nominal == Fraction(53100 * 100, 51000)
    assert (rate.low, rate.high) == (Fraction(53050 * 100, 51000), Fraction(53150 * 100, 51000))
    assert computed_rate(g, o, Fraction(0)) is None
    assert computed_rate(g, o, None) is None
    assert rate_check(g, o, None) is None  # a stated rate is needed to check anything


def test_flow_progress_is_the_ratio_and_a_zero_baseline_is_a_baseline() -> None:
    g = goal(target=target("60000"), outcomes=(outcome(date(2022, 7, 2), q("20000")),))
    e = evaluate(g, date(2022, 7, 2))
    assert e.progress == e.ratio == Fraction(1, 3)
    assert e.pace == Fraction(1, 3) / Fraction(183, 365)
    # a baseline of 0 with a target below it: (A − 0) / (T − 0), though there is no ratio
    down = goal(
        kind=Kind.AT_MOST,
        measure=Measure.LEVEL,
        target=target("-10"),
        baseline=Baseline(q("0")),
        outcomes=(outcome(YEAR_END, q("-4")),),
    )
    e = evaluate(down, date(2023, 1, 1))
    assert e.ratio is None
    assert e.progress == Fraction(2, 5)
    level = goal(measure=Measure.LEVEL, target=target("10"), outcomes=(outcome(YEAR_END, q("4")),))
    assert evaluate(level, date(2023, 1, 1)).progress is None  # no baseline, not a flow
