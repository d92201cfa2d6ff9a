"""The exception hierarchy and its mapping to exit codes (SPEC §6), in one place."""

from __future__ import annotations

import errno
from typing import Any, Self

from tracker.messages import Localized, message

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 3
EXIT_INTERRUPTED = 130


class TrackerError(Exception):
    """Base of every error the user can cause; ``exit_code`` is what the CLI returns."""

    exit_code = EXIT_FINDINGS

    def __init__(self, text: str, *, key: str | None = None, **params: Any) -> None:
        super().__init__(text)
        self.message = text  # English: logs, tests, and runs without a language
        self.key = key  # the catalogue's key (tracker/messages.py), when there is one
        self.params = params

    @classmethod
    def of(cls, key: str, **params: Any) -> Self:
        """The error whose text is the catalogue's ``key``: English as ``message``, and
        shown in the run's language by :meth:`text`."""
        return cls(message(key, "en", params), key=key, **params)

    def text(self, lang: str) -> str:
        """The message in ``lang`` (the English ``message`` when it has no catalogue key)."""
        return self.message if self.key is None else message(self.key, lang, self.params)


class UsageError(TrackerError):
    """A bad option or value, an unknown or ambiguous region, an unknown goal id."""

    exit_code = EXIT_USAGE


class DataError(TrackerError):
    """The data could not be read at all (no directory, unreadable path)."""

    exit_code = EXIT_FINDINGS


class Interrupted(SystemExit):
    """Ctrl-C (SIGINT) while the ``tracker`` command runs; exits 130 (SPEC §6).

    A ``SystemExit`` rather than a ``KeyboardInterrupt``, so that it unwinds quietly from
    anywhere, even from an import in progress at start-up (see ``cli._interrupt``)."""

    # Set when one is raised: a compiled extension may turn it into an error of its own
    # (rtoml reports it as a parse error), and code that catches such errors re-raises it.
    raised = False

    @classmethod
    def reraise_if_raised(cls) -> None:
        """Raise again an interrupt that an extension swallowed."""
        if cls.raised:
            raise cls(EXIT_INTERRUPTED)


# The operating system's reasons a file cannot be read or written, by errno: its own words
# (``strerror``) in English, and ours in Chinese.
_OS_REASONS = {
    errno.ENOENT: "os.ENOENT",
    errno.EACCES: "os.EACCES",
    errno.EPERM: "os.EACCES",
    errno.EISDIR: "os.EISDIR",
    errno.ENOTDIR: "os.ENOTDIR",
    errno.ENOSPC: "os.ENOSPC",
    errno.EROFS: "os.EROFS",
    errno.ELOOP: "os.ELOOP",
    errno.ENAMETOOLONG: "os.ENAMETOOLONG",
    errno.EEXIST: "os.EEXIST",
}


def os_reason(exc: OSError) -> Localized:
    """Why an ``OSError`` happened, in both languages (``strerror`` in English)."""
    english = exc.strerror or str(exc) or type(exc).__name__
    key = _OS_REASONS.get(exc.errno or 0)
    return Localized(message(key, "zh") if key else english, english)
