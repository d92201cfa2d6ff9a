"""The command group: global options, the subcommands (loaded from the registry when run),
and the one place where errors become SPEC §6 exit codes. Ctrl-C is handled by the entry
point, :mod:`tracker.__main__`."""

from __future__ import annotations

import importlib
import os
import sys
from typing import Any

import click

from tracker import __version__
from tracker.cli.context import Context, terminal_width, use_color
from tracker.cli.registry import COMMANDS
from tracker.cli.usage import Choice, in_language, lang_of
from tracker.errors import EXIT_FINDINGS, EXIT_INTERNAL, EXIT_INTERRUPTED, TrackerError
from tracker.render.escape import safe
from tracker.render.i18n import LANGS, Lang, default_lang, t, unknown_lang


class TrackerGroup(click.Group):
    """Loads subcommands on demand and maps every outcome to SPEC §6's exit codes;
    no traceback for user errors."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        del ctx
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        del ctx
        entry = COMMANDS.get(cmd_name)
        if entry is None:
            return None
        module, _, attr = entry.target.partition(":")
        command = getattr(importlib.import_module(module), attr)
        assert isinstance(command, click.Command)  # noqa: S101  # registry invariant
        return command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """The list of commands in ``tracker --help``, from the registry's help lines: no
        command module is imported to show it (click's own imports every command)."""
        names = self.list_commands(ctx)
        if not names:
            return
        limit = formatter.width - 6 - max(len(name) for name in names)
        # shortened as click shortens a command's help (through a stand-in command)
        rows = [
            (name, click.Command(name, help=COMMANDS[name].help).get_short_help_str(limit))
            for name in names
        ]
        with formatter.section("Commands"):
            formatter.write_dl(rows)

    def make_context(
        self,
        info_name: str | None,
        args: list[str],
        parent: click.Context | None = None,
        **extra: Any,
    ) -> click.Context:
        try:
            return super().make_context(info_name, args, parent, **extra)
        except click.UsageError as exc:  # the global options: --lang may be unread
            raise in_language(exc, lang_of(args), self) from None

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except click.UsageError as exc:  # click's, for the subcommand's options
            # (an unknown command is found before the group's callback makes ctx.obj)
            lang = ctx.obj.lang if isinstance(ctx.obj, Context) else ctx.params.get("lang")
            name = ctx.invoked_subcommand
            command = self.get_command(ctx, name) if name in COMMANDS else None
            raise in_language(exc, lang or default_lang(), command) from None
        except (click.exceptions.Exit, click.ClickException):
            raise
        except BrokenPipeError:  # the reader stopped early (`| head`): end quietly
            _quiet_stdout()
            ctx.exit(EXIT_FINDINGS)
        except (KeyboardInterrupt, click.Abort):  # Ctrl-C, also at a prompt
            click.echo("interrupted", err=True)
            ctx.exit(EXIT_INTERRUPTED)
        except TrackerError as exc:  # its message may quote data text: made inert
            lang = ctx.obj.lang if isinstance(ctx.obj, Context) else "en"
            click.echo(f"tracker: {safe(exc.text(lang))}", err=True)
            ctx.exit(exc.exit_code)
        except Exception as exc:
            if isinstance(ctx.obj, Context) and ctx.obj.debug:
                raise

            click.echo(
                f"tracker: internal error: {type(exc).__name__}: {safe(str(exc))} "
                "(re-run as `tracker --debug …` for the traceback, and please report it)",
                err=True,
            )
            ctx.exit(EXIT_INTERNAL)


def _quiet_stdout() -> None:
    """Point stdout at /dev/null, so that Python's own flush at exit does not fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, AttributeError, ValueError):  # no stdout, or not a real file (tests)
        pass


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
    type=Choice(LANGS),
    default=None,
    help="Language of labels (default: $TRACKER_LANG, else the locale).",
)
@click.option(
    "--color",
    type=Choice(["auto", "always", "never"]),
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
    if lang is None and (value := unknown_lang()) is not None:
        lang = default_lang()  # the locale's, $TRACKER_LANG being no language (docs/i18n.md)
        click.echo(t("notice.unknown_lang", lang, value=safe(value)), err=True)
    ctx.obj = Context(
        data=data,
        lang=lang or default_lang(),
        color=use_color(color),
        width=terminal_width(),
        debug=debug,
        cache=not no_cache,
    )
