"""Every command's --help explains every option in words, with one meaning per option name."""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path
from typing import Any

import typer
from typer.testing import CliRunner

from cli.app import app
from cli.helptext import plain_metavars

RAW_TYPE = re.compile(r"<(?:bool|str|int|float|Path|path|list\[[^>]*\]|int range|float range|datetime)>")


def commands(group: Any, prefix: tuple[str, ...] = ()) -> list[tuple[tuple[str, ...], Any]]:
    out = []
    for name, command in sorted(group.commands.items()):
        if hasattr(command, "commands"):
            out += commands(command, (*prefix, name))
        else:
            out.append(((*prefix, name), command))
    return out


def root() -> Any:
    group = typer.main.get_command(app)
    plain_metavars(group)
    return group


def test_every_option_of_every_command_has_a_sentence() -> None:
    found = commands(root())
    assert len(found) >= 20 and ("viz", "region") in {path for path, _ in found}
    missing = []
    for path, command in found:
        assert command.help, f"kizuna {' '.join(path)} has no description"
        for param in command.params:
            text = (getattr(param, "help", None) or "").strip()
            if len(text.split()) < 2 or not text[0].isupper() or not text.endswith((".", ")")):
                missing.append(f"kizuna {' '.join(path)} {'/'.join(param.opts)}: {text!r}")
    assert missing == [], "\n".join(missing)


def test_help_shows_words_not_python_types() -> None:
    runner = CliRunner()
    for path, _ in [((), None), *commands(root())]:
        result = runner.invoke(app, [*path, "--help"], env={"COLUMNS": "200"}, terminal_width=200)
        assert result.exit_code == 0, (path, result.output)
        assert RAW_TYPE.findall(result.output) == [], (path, result.output)
    viz = runner.invoke(app, ["viz", "region", "--help"], env={"COLUMNS": "200"}, terminal_width=200).output
    assert "ja|en|zh|romaji" in viz and "und" not in viz


def test_one_meaning_per_option_name() -> None:
    """An option name means the same kind of value everywhere (e.g. --seed is never both a flag and a number)."""
    kinds: dict[str, set[str]] = defaultdict(set)
    for path, command in commands(root()):
        for param in command.params:
            if param.param_type_name != "option":
                continue
            value = param.type_descriptor.annotation
            value = getattr(value, "__args__", (value,))[0]  # a repeatable option takes the same values
            kind = "flag" if param.is_flag else "text" if value in (str, Path) else value.__name__
            for name in param.opts:
                kinds[name].add(kind)
    mixed = {name: sorted(k) for name, k in kinds.items() if len(k) > 1}
    assert mixed == {}
    assert "--random-seed" in kinds and kinds["--seed"] == {"flag"}
    assert "--date-from" in kinds and kinds["--from"] == {"text"}
