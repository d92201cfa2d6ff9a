"""The exception hierarchy and its mapping to exit codes (SPEC §6), in one place."""

from __future__ import annotations

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 3
EXIT_INTERRUPTED = 130


class TrackerError(Exception):
    """Base of every error the user can cause; ``exit_code`` is what the CLI returns."""

    exit_code = EXIT_FINDINGS

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class UsageError(TrackerError):
    """A bad option or value, an unknown or ambiguous region, an unknown goal id."""

    exit_code = EXIT_USAGE


class DataError(TrackerError):
    """The data could not be read at all (no directory, unreadable path)."""

    exit_code = EXIT_FINDINGS
