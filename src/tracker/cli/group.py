"""The command group: global options, lazily loaded subcommands, and the one place where
errors become SPEC §6 exit codes."""

# Ctrl-C first, before anything else is imported: the imports below are most of start-up
# (click alone ~30 ms), and an interrupt during them must exit 130 without a traceback.
# Only what the interpreter has already loaded comes before the handler — which is also why
# this module does without `from __future__ import annotations`: that is an import too.
import os
import sys

try:  # the C half of `signal`, loaded with the interpreter; `import signal` would first
    # load enum, functools and collections (~3 ms during which Ctrl-C is a traceback)
    import _signal as signal  # type: ignore[import-not-found,unused-ignore]
except ImportError:  # pragma: no cover  # not CPython
    import signal

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

import contextlib  # noqa: E402  # after the handler: see above
import gc  # noqa: E402
import importlib  # noqa: E402
from collections.abc import Callable, Sequence  # noqa: E402
from types import FrameType  # noqa: E402
from typing import Any  # noqa: E402

import click  # noqa: E402

from tracker import __version__  # noqa: E402
from tracker.cli.options import Context, terminal_width, use_color  # noqa: E402
from tracker.errors import EXIT_INTERNAL, EXIT_INTERRUPTED, Interrupted, TrackerError  # noqa: E402
from tracker.render.i18n import LANGS, Lang, default_lang  # noqa: E402

_Handler = Callable[[int, FrameType | None], Any]


def _interrupt(signum: int, frame: FrameType | None) -> None:
    """SIGINT while the command runs (see :func:`main`): unwind, so that ``finally`` blocks
    run (a writer removes its temporary file), then exit 130.

    It raises :class:`Interrupted`, a ``SystemExit``, not ``KeyboardInterrupt``, so that
    click does not turn it into "Aborted!" (exit 1). A second Ctrl-C exits at once: the
    first may have been swallowed by a compiled extension that reports any exception
    raised inside it as its own error."""
    del signum, frame
    _handle_sigint(_exit_now)
    Interrupted.raised = True
    raise Interrupted(EXIT_INTERRUPTED)


def _handle_sigint(handler: _Handler) -> _Handler | None:
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


# name → "module:function". Commands are imported only when run (or listed by --help),
# so `tracker --version` pays for none of them.
COMMANDS: dict[str, str] = {
    "status": "tracker.cli.status:status",
    "show": "tracker.cli.show:show",
    "report": "tracker.cli.report:report",
    "regions": "tracker.cli.regions:regions",
    "record": "tracker.cli.record:record",
    "add": "tracker.cli.add:add",
    "check": "tracker.cli.check:check",
    "diff": "tracker.cli.diff:diff",
    "schema": "tracker.cli.schema:schema",
    "extract": "tracker.cli.extract:extract",
    "site": "tracker.cli.site:site",
}


class TrackerGroup(click.Group):
    """Loads subcommands on demand and maps every outcome to SPEC §6's exit codes;
    no traceback for user errors."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        del ctx
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        del ctx
        target = COMMANDS.get(cmd_name)
        if target is None:
            return None
        module, _, attr = target.partition(":")
        command = getattr(importlib.import_module(module), attr)
        assert isinstance(command, click.Command)  # noqa: S101  # registry invariant
        return command

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.ClickException):
            raise
        except (KeyboardInterrupt, click.Abort):  # Ctrl-C, also at a prompt
            click.echo("interrupted", err=True)
            ctx.exit(EXIT_INTERRUPTED)
        except TrackerError as exc:
            from tracker.render.escape import safe  # noqa: PLC0415  # messages may quote data text

            click.echo(f"tracker: {safe(exc.message)}", err=True)
            ctx.exit(exc.exit_code)
        except Exception as exc:
            if isinstance(ctx.obj, Context) and ctx.obj.debug:
                raise
            from tracker.render.escape import safe  # noqa: PLC0415

            click.echo(
                f"tracker: internal error: {type(exc).__name__}: {safe(str(exc))} "
                "(re-run as `tracker --debug …` for the traceback, and please report it)",
                err=True,
            )
            ctx.exit(EXIT_INTERNAL)


@click.group(
    cls=TrackerGroup,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)
# message and help spelled out: click's defaults go through gettext, a locale lookup on
# every run that `tracker --version` would otherwise spend most of its own time on
@click.version_option(
    __version__,
    "--version",
    prog_name="tracker",
    message="%(prog)s, version %(version)s",
    help="Show the version and exit.",
)
@click.option(
    "--data",
    metavar="PATH",
    help="Data directory or file (default: $TRACKER_DATA, "
    "./targets, the nearest targets/ above, else the bundled sample).",
)
@click.option(
    "--lang",
    type=click.Choice(LANGS),
    default=None,
    help="Language of labels (default: $TRACKER_LANG, else the locale).",
)
@click.option(
    "--color",
    type=click.Choice(["auto", "always", "never"]),
    default="auto",
    show_default=True,
    help="Colour output (NO_COLOR is honoured in auto).",
)
@click.option("--debug", is_flag=True, help="Show the Python traceback of internal errors.")
@click.option(
    "--no-cache",
    is_flag=True,
    help="Parse every data file afresh: neither read nor write the parse cache "
    "($TRACKER_CACHE_DIR, else $XDG_CACHE_HOME/tracker).",
)
@click.pass_context
def cli(
    ctx: click.Context,
    data: str | None,
    lang: Lang | None,
    color: str,
    debug: bool,
    no_cache: bool,
) -> None:
    """Track stated targets against reported outcomes: completion, gap, pace and status."""
    ctx.obj = Context(
        data=data,
        lang=lang or default_lang(),
        color=use_color(color),
        width=terminal_width(),
        debug=debug,
        cache=not no_cache,
    )


def main(argv: Sequence[str] | None = None) -> None:
    """Console-script entry point."""
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
        sys.unraisablehook = _unraisable(hook)
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
    with contextlib.suppress(OSError):  # stderr closed: the exit status says it
        click.echo("interrupted", err=True)


def _unraisable(hook: Callable[[Any], object]) -> Callable[[Any], None]:
    """An interrupt that lands in code whose exceptions Python only prints ("Exception
    ignored in …": a weakref callback, ``__del__``) ends tracker there, instead of being
    printed with a traceback and then forgotten."""

    def unraisable(info: Any) -> None:
        if isinstance(info.exc_value, Interrupted):
            _say_interrupted()
            os._exit(EXIT_INTERRUPTED)
        hook(info)

    return unraisable
