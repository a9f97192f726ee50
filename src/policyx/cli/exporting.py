"""`--format csv` and `--format xlsx` for the views (tasks, timeline,
departments, tables) and for `query`: the sheets of ``io.export`` written to
standard output or, with -o, atomically to a file.

CSV written to a file starts with a UTF-8 byte-order mark, so that Excel
opens the Chinese text as UTF-8; on standard output (for pipes) it does not.
An Excel workbook is binary: it goes to a file (-o), or to standard output
only when that is not a terminal.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from policyx.cli.common import emit, fail

EXPORT_FORMATS = ("csv", "xlsx")
OutputOption = Annotated[Optional[Path], typer.Option("--output", "-o", help="Write here (atomically) instead of stdout.")]


def write_sheets(fmt: str, sheets: list, output: Path | None, *, csv_sheet=None) -> None:
    """CSV of ``csv_sheet`` (else the first sheet), or a workbook of every sheet."""
    from policyx.io.export import to_csv, to_xlsx

    if fmt == "csv":
        emit(to_csv(csv_sheet if csv_sheet is not None else sheets[0], bom=output is not None), output)
        return
    content = to_xlsx(sheets)
    if output is None:
        if sys.stdout.isatty():
            raise fail("an Excel workbook is binary; write it to a file with -o FILE.xlsx")
        sys.stdout.buffer.write(content)
        sys.stdout.flush()
        return
    from policyx.io.serialize import write_atomic

    try:
        write_atomic(output, content)
    except OSError as exc:
        raise fail(f"{output}: cannot write ({exc.strerror or exc})") from None


def refuse_output(fmt: str, output: Path | None) -> None:
    """-o writes data formats; the terminal table is for people."""
    if output is not None and fmt == "table":
        raise fail("-o writes json, csv or xlsx; choose one with --format")
