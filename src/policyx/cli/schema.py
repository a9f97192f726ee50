"""`policyx schema`: the output contract as JSON Schema, generated from the model."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from policyx.cli.common import emit, fail
from policyx.cli.exporting import OutputOption

OUTPUTS = ("extract", "diff", "check")


def schema(
    which: Annotated[Optional[str], typer.Argument(help="extract, diff or check (default: all three).")] = None,
    strict: Annotated[bool, typer.Option(
        "--strict", help="Close every object (no keys beyond this version's); the contract itself allows more.")] = False,
    output: OutputOption = None,
) -> None:
    """Print the JSON Schema (2020-12) of the output contract: extract, diff and check JSON.

    Generated from the data model (model.py and the diff/check types), so it
    says what this version writes. Validate with any JSON Schema tool.

    Example: policyx schema extract -o policyx-extract.schema.json
    """
    if which is not None and which not in OUTPUTS:
        raise fail(f"unknown output {which!r}; choose from {', '.join(OUTPUTS)}")
    import json

    from policyx.io.schema import output_schema

    emit(json.dumps(output_schema(which, strict=strict), ensure_ascii=False, indent=2) + "\n", output)
