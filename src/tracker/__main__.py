"""``tracker`` (the console script) and ``python -m tracker``: Ctrl-C handled from the first
instruction on, then one command of the group (:mod:`tracker.cli.group`).

Ctrl-C first, before anything else is imported: importing the program is most of start-up
(click alone ~30 ms), and an interrupt during it must exit 130 without a traceback. Only what
the interpreter has already loaded is imported at the top — which is also why this module
does without ``from __future__ import annotations`` — and the program itself is imported in
:func:`main`, once the handler is in place.
"""

import gc
import os
import sys

try:  # the C half of `signal`, loaded with the interpreter; `import signal` would first
    # load enum, functools and collections (~3 ms during which Ctrl-C is a traceback)
    import _signal as signal  # type: ignore[import-not-found,unused-ignore]
except ImportError:  # pragma: no cover  # not CPython
    import signal

# typing is not loaded yet either: the annotations below are strings (mypy reads this flag
# as typing.TYPE_CHECKING)
TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable
    from types import FrameType
    from typing import Any

    _Handler = Callable[[int, FrameType | None], Any]

# tracker.errors.EXIT_INTERRUPTED, which is imported only once the handler is in place
_EXIT_INTERRUPTED = 130


def _exit_now(signum: int, frame: object) -> None:
    """SIGINT outside the command itself — while tracker starts (imports) or once it has
    finished (interpreter shut-down): nothing to clean up, so leave at once, quietly, with
    130 (SPEC §6). Raising there would print a traceback, or be swallowed by an import."""
    del signum, frame
    os._exit(_EXIT_INTERRUPTED)


def _is_program() -> bool:
    """Whether this process is the ``tracker`` command (its console script, or
    ``python -m tracker``) rather than a program that imports tracker (the tests, a
    notebook), whose Ctrl-C is not ours to change."""
    top = sys.modules.get("__main__")
    spec = getattr(top, "__spec__", None)
    if spec is not None:
        return bool(spec.name == "tracker.__main__")
    file = getattr(top, "__file__", None)
    # os.path: pathlib is not loaded yet, and need not be for `tracker --version`
    return isinstance(file, str) and os.path.basename(file) == "tracker"  # noqa: PTH119


# Python's own handler (KeyboardInterrupt) is replaced; SIGINT ignored (a background job,
# nohup) stays ignored.
_PROGRAM = _is_program()
if _PROGRAM and signal.getsignal(signal.SIGINT) is signal.default_int_handler:
    signal.signal(signal.SIGINT, _exit_now)  # tests/test_interrupt.py: HANDLER_INSTALLED


def _interrupt(signum: int, frame: "FrameType | None") -> None:
    """SIGINT while the command runs (see :func:`main`): unwind, so that ``finally`` blocks
    run (a writer removes its temporary file), then exit 130.

    It raises :class:`~tracker.errors.Interrupted`, a ``SystemExit``, not
    ``KeyboardInterrupt``, so that click does not turn it into "Aborted!" (exit 1). A second
    Ctrl-C exits at once: the first may have been swallowed by a compiled extension that
    reports any exception raised inside it as its own error."""
    del signum, frame
    from tracker.errors import Interrupted  # noqa: PLC0415  # loaded by now (main imports it)

    _handle_sigint(_exit_now)
    Interrupted.raised = True
    raise Interrupted(_EXIT_INTERRUPTED)


def _handle_sigint(handler: "_Handler") -> "_Handler | None":
    """Install ``handler`` for SIGINT; return the handler it replaces, or None when it was
    left alone: SIGINT ignored (a background job, nohup) or handled by the embedding
    program stays so, and only the main thread may set handlers."""
    current = signal.getsignal(signal.SIGINT)
    if not callable(current) or current not in (
        signal.default_int_handler,
        _interrupt,
        _exit_now,
    ):
        return None
    try:
        signal.signal(signal.SIGINT, handler)
    except ValueError:  # not the main thread
        return None
    return current  # type: ignore[no-any-return,unused-ignore]  # _signal is untyped


def main(argv: "list[str] | None" = None) -> None:
    """Run one ``tracker`` command: the console script's entry point."""
    # The program, imported now that Ctrl-C is handled (see the module's docstring).
    from tracker.cli.group import cli  # noqa: PLC0415
    from tracker.errors import Interrupted  # noqa: PLC0415

    # One command, then exit: the cyclic garbage collector would only walk the dataset's
    # objects again and again while they are built, evaluated and rendered (15-20 % of a warm
    # `tracker status`, docs/performance.md); the process frees everything when it ends.
    gc.disable()
    # Ctrl-C anywhere in the command exits 130 without a traceback (see _interrupt); when
    # tracker was imported rather than run as `tracker`, only for the time of this call.
    previous: _Handler | None = None
    hook = sys.unraisablehook
    try:
        previous = _handle_sigint(_interrupt)
        sys.unraisablehook = _unraisable(hook, Interrupted)
        cli.main(args=list(argv) if argv is not None else None, prog_name="tracker")
    except Interrupted:
        _say_interrupted()
        raise
    finally:
        if _PROGRAM:
            _handle_sigint(_exit_now)
        else:
            sys.unraisablehook = hook
            if previous is not None:
                _handle_sigint(previous)


def _say_interrupted() -> None:
    try:
        sys.stderr.write("interrupted\n")
        sys.stderr.flush()
    except (OSError, AttributeError, ValueError):  # stderr closed: the exit status says it
        pass


def _unraisable(hook: "Callable[[Any], object]", interrupted: type) -> "Callable[[Any], None]":
    """An interrupt that lands in code whose exceptions Python only prints ("Exception
    ignored in …": a weakref callback, ``__del__``) ends tracker there, instead of being
    printed with a traceback and then forgotten."""

    def unraisable(info: "Any") -> None:
        if isinstance(info.exc_value, interrupted):
            _say_interrupted()
            os._exit(_EXIT_INTERRUPTED)
        hook(info)

    return unraisable


if __name__ == "__main__":
    main()
