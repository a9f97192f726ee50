"""The command line: one module per command family, rendering beside it."""

from policyx.cli.app import main

__all__ = ["main"]
