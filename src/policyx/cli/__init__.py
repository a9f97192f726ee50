"""The command line: one module per command family, rendering beside it.

``main`` answers ``policyx --version`` before anything else is imported (no
Typer, no stage): the whole command line is loaded only for a command.
"""

import sys


def main(argv: list[str] | None = None) -> None:
    """Entry point (``policyx``); see :func:`policyx.cli.app.main`."""
    args = sys.argv[1:] if argv is None else argv
    if list(args) == ["--version"]:
        from policyx import __version__

        sys.stdout.write(f"policyx {__version__}\n")
        sys.stdout.flush()
        sys.exit(0)
    from policyx.cli.app import main as run

    run(argv)


__all__ = ["main"]
