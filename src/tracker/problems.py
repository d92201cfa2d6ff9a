"""Findings about the data: :class:`Problem`, its stable codes (E… errors, W… warnings) and
the one constructor that gives each code its severity.

Codes never change meaning once published: CI configurations and editors match on them.
The full table is in docs/check.md.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping

import msgspec

from tracker.messages import Localized, message, message_params


class Severity(enum.Enum):
    ERROR = "error"
    WARNING = "warning"


class Problem(msgspec.Struct, frozen=True, gc=False):
    """One finding about the data: where it is, which goal, a stable code and what to do."""

    code: str
    severity: Severity
    file: str
    line: int | None
    goal_id: str | None
    message: str  # English: JSON output and logs, always
    column: int | None = None
    # the catalogue's key (tracker/messages.py) and its parameters, when the message comes
    # from it: the text renderers show it in the run's language (render/check.py)
    key: str | None = None
    params: tuple[tuple[str, str], ...] = ()

    def text(self, lang: str) -> str:
        """The message in ``lang``: from the catalogue when it has a key, else the English
        ``message`` (JSON and GitLab reports keep the English one)."""
        return self.message if self.key is None else message(self.key, lang, dict(self.params))

    def localized(self) -> Localized:
        """The message in both languages, as a parameter of another message."""
        return Localized(self.text("zh"), self.message)

    def location(self) -> str:
        """``file:line:col`` as editors and CI annotations expect."""
        parts = [self.file]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)


# files
UNREADABLE = "E001"
NOT_UTF8 = "E002"
SYNTAX = "E003"
STRUCTURE = "E004"
# files refused before or while parsing (docs/security.md: limits)
FILE_TOO_LARGE = "E005"
TOO_DEEP = "E006"
YAML_REFUSED = "E007"
OUTSIDE_LINK = "E008"
# fields
UNKNOWN_KEY = "E101"
WRONG_TYPE = "E102"
MISSING = "E103"
BAD_VALUE = "E104"
BAD_ACKNOWLEDGE = "E105"
TOO_LONG = "E106"
UNSAFE_NAME = "E107"
YAML_AMBIGUOUS = "E108"
BAD_QUANTITY = "E110"
UNIT_MISMATCH = "E111"
KIND_CONFLICT = "E112"
NEGATIVE_COUNT = "E113"
NEGATIVE_TARGET = "E114"
BAD_DATE = "E120"
OUTCOME_BEFORE_START = "E121"
# relative targets (SPEC §1.4)
UNKNOWN_TARGET_GOAL = "E140"
TARGET_UNIT_MISMATCH = "E141"
TARGET_CYCLE = "E142"
BAD_RELATIVE_TARGET = "E143"
# across the dataset
DUPLICATE_GOAL = "E130"
DUPLICATE_SOURCE = "E131"
UNKNOWN_SOURCE = "E132"
DUPLICATE_REGION = "E133"
UNKNOWN_REGION = "E134"
REGION_CYCLE = "E135"
REGION_TOO_DEEP = "E136"
REGION_NAMES_COLLIDE = "E137"  # found by `tracker check` only (core.checks)
# warnings
RATE_INCONSISTENT = "W201"
RATIO_INCONSISTENT = "W202"
NO_SOURCE = "W203"
NO_QUOTE = "W204"
FLOW_DECREASES = "W205"
UNUSED_ACKNOWLEDGE = "W206"
ALIAS_IS_A_NAME = "W207"  # found by `tracker check` only (core.checks)
SAME_DATE = "W210"
FUTURE_OUTCOME = "W211"
GAP_INCONSISTENT = "W212"

# What `acknowledge = [...]` may list: findings about figures recorded as the source states
# them. Errors never can be (the data must be fixed), nor W206 (remove the entry instead).
ACKNOWLEDGEABLE = (
    RATE_INCONSISTENT,
    RATIO_INCONSISTENT,
    NO_SOURCE,
    NO_QUOTE,
    FLOW_DECREASES,
    GAP_INCONSISTENT,
)


def problem_of(
    code: str,
    file: str,
    line: int | None,
    goal_id: str | None,
    key: str,
    params: Mapping[str, object] | None = None,
    column: int | None = None,
) -> Problem:
    """A problem whose message is the catalogue's ``key``: English ``message``, and the key
    and parameters kept for the other language."""
    flat = message_params(params or {})
    severity = Severity.WARNING if code.startswith("W") else Severity.ERROR
    english = message(key, "en", dict(flat))
    return Problem(code, severity, file, line, goal_id, english, column, key, flat)
