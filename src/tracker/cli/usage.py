"""click's own errors — a missing, unknown or malformed option, an unknown command — in the
run's language. An en run shows them as click words them; a zh run shows the catalogue's
sentences (tracker/messages.py), built from the exception's attributes (its parameter, the
option's name, the possibilities), with the usage line and the help hint. ``--help`` itself
stays English (docs/i18n.md)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import IO, Any, NoReturn

import click

from tracker.messages import Localized, message
from tracker.render.i18n import LANGS, Lang, default_lang

# `tracker` alone: the help, shown as a usage error (click 8.2 and later)
_HELP = getattr(click.exceptions, "NoArgsIsHelpError", ())
# click raises this one with its message only (no attribute holds the arguments)
_EXTRA = re.compile(r"Got unexpected extra arguments? \((?P<args>.*)\)", re.DOTALL)


class LocalizedBadParameter(click.BadParameter):
    """click's ``BadParameter`` whose reason is known in both languages (the value types of
    cli/params.py raise it): ``message`` is the English one, as click shows it."""

    def __init__(
        self, reason: Localized, ctx: click.Context | None, param: click.Parameter | None
    ) -> None:
        super().__init__(reason.en, ctx, param)
        self.reason = reason


def refuse(reason: Localized, param: click.Parameter | None, ctx: click.Context | None) -> NoReturn:
    """Refuse an option's value for ``reason`` (the words after "Invalid value for '--x': ")."""
    raise LocalizedBadParameter(reason, ctx, param)


class Choice(click.Choice):  # type: ignore[type-arg]  # generic only in newer click
    """``click.Choice``, refusing a value in click's words and in ours. (Here rather than
    with the other value types in cli/params.py: the group's own options use it, and
    ``tracker --version`` should load no more than it needs.)"""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        try:
            return super().convert(value, param, ctx)
        except click.BadParameter as exc:
            choices = ", ".join(map(str, self.choices))
            said = message("param.choice", "zh", {"value": value, "choices": choices})
            refuse(Localized(said, exc.message), param, ctx)


class ShownUsageError(click.UsageError):
    """A usage error already worded in the run's language: shown as it is (exit 2, like
    every usage error)."""

    def show(self, file: IO[Any] | None = None) -> None:
        click.echo(self.message, file=file, err=file is None)


def in_language(
    exc: click.UsageError, lang: str, command: click.Command | None = None
) -> click.UsageError:
    """``exc`` as a run in ``lang`` shows it: itself in English; else worded anew.
    ``command``: the subcommand being parsed, when click does not say (``exc.ctx`` unset)."""
    if isinstance(exc, click.NoSuchOption) and _NEGATIVE.fullmatch(exc.option_name):
        exc = _negative_value(exc, command)
    if lang != "zh" or isinstance(exc, _HELP):
        return exc
    lines = []
    ctx = exc.ctx
    if ctx is not None:
        pieces = " ".join(ctx.command.collect_usage_pieces(ctx))
        lines.append(_zh("click.usage", command=ctx.command_path, pieces=pieces))
        if ctx.command.get_help_option(ctx) is not None:
            option = max(ctx.command.get_help_option_names(ctx), key=len)
            lines.append(_zh("click.try_help", command=ctx.command_path, option=option))
        lines.append("")
    reason = _reason(exc, ctx.command if ctx is not None else command)
    lines.append(_zh("click.error", message=reason))
    return ShownUsageError("\n".join(lines))


# An "option" that is a negative number: a value (record ID -5) that needs -- before it.
_NEGATIVE = re.compile(r"-[0-9.,]+\S*")


class _NegativeValueError(click.NoSuchOption):
    """click's "No such option '-5'", with the hint to write ``--`` before the arguments."""

    def __init__(self, exc: click.NoSuchOption, hint: Localized) -> None:
        super().__init__(exc.option_name, ctx=exc.ctx)
        self.hint = hint

    def format_message(self) -> str:
        return f"No such option {self.option_name!r}: {self.hint.en}."


def _negative_value(exc: click.NoSuchOption, command: click.Command | None) -> click.NoSuchOption:
    """The hint in both languages (the zh run's words are chosen by :func:`_reason`)."""
    ctx = exc.ctx
    command = ctx.command if ctx is not None else command
    path = ctx.command_path if ctx is not None else "tracker"
    arguments = [
        param.human_readable_name
        for param in (command.params if command is not None else [])
        if isinstance(param, click.Argument)
    ]
    example = " ".join([path, "[OPTIONS]", "--", *arguments])
    params = {"example": example}
    hint = Localized(
        message("click.negative_value", "zh", params), message("click.negative_value", "en", params)
    )
    return _NegativeValueError(exc, hint)


def lang_of(args: Sequence[str]) -> Lang:
    """The language of a run whose global options could not be parsed: ``--lang`` as
    written, else the environment's."""
    for index, arg in enumerate(args):
        value = args[index + 1] if arg == "--lang" and index + 1 < len(args) else None
        value = arg.partition("=")[2] if arg.startswith("--lang=") else value
        if value in LANGS:
            return value
    return default_lang()


def _reason(exc: click.UsageError, command: click.Command | None) -> str:
    if isinstance(exc, click.MissingParameter):
        param = exc.param
        kind = exc.param_type or (param.param_type_name if param is not None else "option")
        choices = ""
        if param is not None and isinstance(param.type, click.Choice):
            choices = _zh("click.missing_choices", choices=", ".join(map(str, param.type.choices)))
        key = "click.missing_argument" if kind == "argument" else "click.missing_option"
        return _zh(key, name=_param_name(exc), choices=choices)
    if isinstance(exc, click.BadParameter):
        reason = exc.reason.zh if isinstance(exc, LocalizedBadParameter) else exc.message
        name = _param_name(exc)
        if not name:
            return _zh("click.invalid_value", reason=reason)
        return _zh("click.invalid", name=name, reason=reason)
    if isinstance(exc, _NegativeValueError):
        return _zh("click.no_such_option", name=repr(exc.option_name), hint=exc.hint.zh + "。")
    if isinstance(exc, click.NoSuchOption):
        hint = _did_you_mean(exc.possibilities or ())
        return _zh("click.no_such_option", name=repr(exc.option_name), hint=hint)
    if isinstance(exc, click.BadOptionUsage):
        return _option_usage(exc.option_name, command)
    named = getattr(exc, "command_name", None)  # click.NoSuchCommand (click 8.4 and later)
    if isinstance(named, str):
        hint = _did_you_mean(getattr(exc, "possibilities", None) or ())
        return _zh("click.no_such_command", name=repr(named), hint=hint)
    if extra := _EXTRA.fullmatch(exc.message):
        return _zh("click.extra_arguments", args=extra["args"])
    return _zh("click.other", message=exc.message)


def _param_name(exc: click.BadParameter) -> str:
    """The parameter as click names it in a message (``'--as-of'``, ``'GOAL_ID'``)."""
    hint = exc.param_hint
    if hint is None:
        return exc.param.get_error_hint(exc.ctx) if exc.param is not None else ""
    return hint if isinstance(hint, str) else " / ".join(repr(h) for h in hint)


def _option_usage(name: str, command: click.Command | None) -> str:
    """An option given without its value, or a flag given one."""
    options = command.params if command is not None else []
    option = next((o for o in options if isinstance(o, click.Option) and name in o.opts), None)
    if option is not None and (option.is_flag or option.count):
        return _zh("click.takes_no_value", name=repr(name))
    if option is not None and option.nargs > 1:
        return _zh("click.needs_values", name=repr(name), n=option.nargs)
    return _zh("click.needs_value", name=repr(name))


def _did_you_mean(possibilities: Iterable[str]) -> str:
    names = ", ".join(repr(p) for p in sorted(possibilities))
    return _zh("click.did_you_mean", names=names) if names else ""


def _zh(key: str, **params: object) -> str:
    return message(key, "zh", params)
