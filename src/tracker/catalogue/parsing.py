"""Reasons a value cannot be read: quantities, units, dates and periods (inside a problem's
or an error's message, as a ``Localized`` parameter)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # --- quantities (parse/quantity.py): reasons inside a problem's or an error's message ---
    "quantity.empty": (
        '{raw} 是空的:请写一个数,如 "5.31万" 或 85',
        '{raw} is empty: write a number such as "5.31万" or 85',
    ),
    "quantity.unreadable": (
        '无法把 {raw} 读作数量:请写成如 "5.31万人" 或 "85%以上"',
        'cannot read {raw} as a quantity: write e.g. "5.31万人" or "85%以上"',
    ),
    "quantity.not_percent": (
        '{raw} 中的单位“{written}”与目标的单位“{unit}”不符:请写以{unit}计的数,或把目标单位设为 "%"',
        'unit "{written}" in {raw} does not match the goal\'s unit "{unit}": write a number of '
        '{unit} or set the goal\'s unit to "%"',
    ),
    "quantity.unit_mismatch": (
        "{raw} 中的单位“{written}”与目标的单位“{unit}”不符:请写作 {fixed},或修改目标的单位",
        'unit "{written}" in {raw} does not match the goal\'s unit "{unit}": write {fixed} or '
        "change the goal's unit",
    ),
    "quantity.rate_not_percent": (
        '{raw} 不是百分数:完成率应带 "%" 或写成纯数字,如 "104.19%"',
        '{raw} is not a percentage: a completion rate is written with "%" or as a bare number, '
        'e.g. "104.19%"',
    ),
}
