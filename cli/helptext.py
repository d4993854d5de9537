"""How options read in ``--help``: words for their values instead of Python type names.

Typer labels a value by its annotation (``<bool>``, ``<list[str]>``, ``<int range>``);
every option that has no metavar of its own gets a plain word here instead (flags
none, choices stay listed as ``ja|en|…``), for every command, nested groups included.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from typer._click import Context
from typer.core import TyperArgument, TyperGroup, TyperOption

_WORDS: dict[Any, str] = {int: "N", float: "NUMBER", str: "TEXT", Path: "PATH", dt.date: "DATE", dt.datetime: "TIME"}


def value_word(option: TyperOption | TyperArgument) -> str | None:
    """The word shown for ``option``'s value, or None to keep Typer's own (choices)."""
    if isinstance(option, TyperOption) and option.is_flag:
        return ""
    desc = option.type_descriptor
    if desc.is_choice:
        return None
    annotation = desc.annotation
    repeatable = bool(getattr(desc, "is_list", False))
    if repeatable:
        annotation = getattr(annotation, "__args__", (str,))[0]
    word = _WORDS.get(annotation, "TEXT")
    return f"{word}…" if repeatable else word


def plain_metavars(command: Any) -> None:
    """Give every option of ``command`` and of every command under it a plain value word."""
    for sub in getattr(command, "commands", {}).values():
        plain_metavars(sub)
    help_option = command.get_help_option(Context(command))
    for param in [*command.params, *([help_option] if help_option else [])]:
        word = value_word(param)
        if word is None:
            continue
        if isinstance(param, TyperOption) and param.metavar is None:
            param.metavar = word
        elif isinstance(param, TyperArgument):  # an argument's metavar would rename it in the usage line
            setattr(param, "display_type_rich", lambda ctx, word=word: word)  # noqa: B010


class Commands(TyperGroup):
    """The root command group: options described with plain value words."""

    def main(self, *args: Any, **kwargs: Any) -> Any:
        plain_metavars(self)  # here, once every command and the completion options exist
        return super().main(*args, **kwargs)
