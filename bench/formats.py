"""Reading speed of Word, PDF and Excel files, as a ratio to the same plan as
a .txt file (measured on demand, never in the test suite).

    python bench/formats.py            # a table
    python bench/formats.py --json     # the figures as JSON

The files are made from corpus/changji-water-2016.txt as the tests make
them (tests/office_fixtures.py): the plan as .docx (附表1 a Word table), as
.pdf (附表1 a ruled table; with the STSong-Light CID font, and with an
embedded TrueType font when the machine has a CJK one), and its 附表1 as an
.xlsx sheet, compared with a .txt of the text the sheet gives. For each:
reading the file into text (``read_source``), the whole extraction
(``extract_file``), both best of --repeat runs in one warm process, and the
import of the format's library in a fresh process (paid once per process).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from timing import best_of  # bench/timing.py

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

_LIBRARIES = {"docx": "docx", "pdf": "pdfplumber", "xlsx": "openpyxl"}


def _import_seconds(module: str) -> float:
    code = f"import time; t = time.perf_counter(); import {module}; print(time.perf_counter() - t)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    return float(out.strip())


def make_files(folder: Path) -> list[tuple[str, Path, Path]]:
    """(label, office file, the .txt it is compared with)."""
    from policyx.text.reader import read_source
    from tests.office_fixtures import CHANGJI, changji_plan, cjk_font, write_docx, write_pdf, write_task_sheet

    plan = changji_plan()
    files = [("docx", write_docx(folder / "changji.docx", plan), CHANGJI),
             ("pdf (CID font)", write_pdf(folder / "changji-cid.pdf", plan), CHANGJI)]
    font = cjk_font()
    if font:
        files.append(("pdf (embedded TrueType)", write_pdf(folder / "changji-ttf.pdf", plan, font=font), CHANGJI))
    sheet = write_task_sheet(folder / "task-sheet.xlsx", plan.table, title="《昌吉州水污染防治工作方案》主要任务清单表")
    sheet_text = folder / "task-sheet.txt"
    sheet_text.write_text(read_source(sheet).text, encoding="utf-8")
    files.append(("xlsx (附表1)", sheet, sheet_text))
    return files


def figures(repeat: int) -> list[dict]:
    from policyx import extract_file, load_rules
    from policyx.text.reader import read_source

    rules = load_rules()
    out = []
    with tempfile.TemporaryDirectory() as tmp:
        for label, path, text_path in make_files(Path(tmp)):
            read_source(path)  # imports outside the timing
            read = best_of(lambda: read_source(path), repeat)
            read_txt = best_of(lambda: read_source(text_path), repeat)
            whole = best_of(lambda: extract_file(path, rules), repeat)
            whole_txt = best_of(lambda: extract_file(text_path, rules), repeat)
            kind = label.split()[0]
            out.append({
                "format": label, "bytes": path.stat().st_size, "chars": len(read_source(path).text),
                "read_seconds": read, "read_txt_seconds": read_txt, "read_ratio": read / read_txt,
                "extract_seconds": whole, "extract_txt_seconds": whole_txt, "extract_ratio": whole / whole_txt,
                "import_seconds": _import_seconds(_LIBRARIES[kind]),
            })
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    rows = figures(args.repeat)
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    print(f"{'format':26} {'read':>8} {'txt':>8} {'ratio':>7} {'extract':>8} {'txt':>8} {'ratio':>6} {'import':>7}")
    for r in rows:
        print(f"{r['format']:26} {r['read_seconds']:7.3f}s {r['read_txt_seconds']:7.4f}s {r['read_ratio']:6.0f}x "
              f"{r['extract_seconds']:7.3f}s {r['extract_txt_seconds']:7.3f}s {r['extract_ratio']:5.1f}x "
              f"{r['import_seconds']:6.2f}s")


if __name__ == "__main__":
    main()
