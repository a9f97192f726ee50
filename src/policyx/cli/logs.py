"""How much the commands say on standard error: --quiet and --verbose.

Commands that log (extract and index with several plans, index's word
index, report) take ``QuietOption`` and ``VerboseOption``; so does the root
(``policyx --quiet index …``). Errors and results are never silenced: --quiet
drops progress and notes, --verbose adds what each step did. NO_COLOR is
honoured by rich, which draws every table and progress bar.
"""

from __future__ import annotations

from typing import Annotated

import typer

QUIET, NORMAL, VERBOSE = 0, 1, 2
_level = [NORMAL]


def _set_quiet(value: bool) -> bool:
    if value:
        _level[0] = QUIET
    return value


def _set_verbose(value: bool) -> bool:
    if value:
        _level[0] = VERBOSE
    return value


QuietOption = Annotated[bool, typer.Option("--quiet", "-q", callback=_set_quiet, expose_value=True,
                                           help="Say nothing on stderr but errors (no progress, no notes).")]
VerboseOption = Annotated[bool, typer.Option("--verbose", "-v", callback=_set_verbose, expose_value=True,
                                             help="Say what each step did on stderr.")]


def level() -> int:
    return _level[0]


def set_level(value: int) -> None:
    _level[0] = value


def reset() -> None:
    """Back to the default (each run of the app starts from it)."""
    _level[0] = NORMAL


def note(message: str) -> None:
    """Progress and notes: shown unless --quiet."""
    if _level[0] >= NORMAL:
        typer.echo(f"policyx: {message}", err=True)


def detail(message: str) -> None:
    """What a step did: shown only with --verbose."""
    if _level[0] >= VERBOSE:
        typer.echo(f"policyx: {message}", err=True)
