"""Finding gold files and scoring each with the scorer for its kind."""

from __future__ import annotations

from pathlib import Path

import yaml

from policyx.analyse.evaluate.alignment import score_alignment
from policyx.analyse.evaluate.indicator_pairs import score_indicator_pairs
from policyx.analyse.evaluate.report import Report
from policyx.analyse.evaluate.sections import score_sections
from policyx.analyse.evaluate.tables import score_indicators, score_table_rows
from policyx.analyse.evaluate.targets import score_document_targets
from policyx.analyse.evaluate.tasks import score_tasks
from policyx.errors import InputError
from policyx.limits import SETTINGS_MAX_BYTES, read_file
from policyx.model import Document

GOLD_KINDS = (".sections.yaml", ".tasks.yaml", ".targets.yaml", ".indicators.yaml", ".alignment.yaml",
              ".targets-alignment.yaml")


def gold_files(path: Path) -> list[Path]:
    """Gold files under a directory (or the one file named)."""
    if path.is_file():
        return [path]
    if not path.is_dir():
        raise InputError(f"{path}: no such gold file or directory")
    files = sorted(p for p in path.rglob("*.yaml") if p.name.endswith(GOLD_KINDS) or ".table" in p.name)
    if not files:
        raise InputError(f"{path}: no gold files (*.sections.yaml, *.tasks.yaml, …) found")
    return files


def evaluate(path: str | Path, rules=None) -> dict[str, Report]:
    """Score the extractor on every gold file under ``path``; one Report per
    document (the key) plus "all", the sum.

    A gold file names its plan with ``document:`` — a corpus id, or a path
    relative to the gold file that stays inside the gold file's folder or the
    folder above it (a data set's gold/ beside its texts/): see
    :func:`plan_of_gold`.
    """
    from policyx.extract.pipeline import extract_file

    docs: dict[str, Document] = {}

    def load(name: str, base: Path) -> Document:
        target = plan_of_gold(name, base)
        if target not in docs:
            docs[target] = extract_file(target, rules)
        return docs[target]

    reports: dict[str, Report] = {}
    for file in gold_files(Path(path)):
        try:
            gold = yaml.safe_load(read_file(file, limit=SETTINGS_MAX_BYTES).decode("utf-8")) or {}
        except yaml.YAMLError as exc:
            raise InputError(f"{file}: not valid YAML ({str(exc).splitlines()[0]})") from None
        except UnicodeDecodeError:
            raise InputError(f"{file}: not a UTF-8 text file") from None
        base = file.parent
        try:
            _score_file(file, gold, base, load, reports, rules)
        except InputError as exc:
            raise InputError(f"{file}: {exc}") from None
        except (KeyError, TypeError, ValueError, AttributeError, ArithmeticError) as exc:
            # a malformed gold file is the user's to fix: say which and where
            raise InputError(f"{file}: not in the gold format ({type(exc).__name__}: {exc}); "
                             "see docs/gold-format.md") from None
    total = Report("all")
    for report in reports.values():
        total.merge(report)
    reports["all"] = total
    return reports


def plan_of_gold(name: object, base: Path) -> str:
    """The plan a gold file in ``base`` names: a file beside it (in its folder
    or below the folder above it — tests/data/wild/gold/x.yaml names
    ../texts/x.txt), or a corpus id. Anything else — an absolute path,
    ``../../etc/passwd``, a link out of those folders — is refused: a gold
    file from elsewhere must not make ``policyx eval`` read any file."""
    from policyx.text.corpus import find_entry

    text = str(name)
    candidate = base / text
    roots = (base.resolve(), base.resolve().parent)
    if candidate.is_file() or candidate.exists():
        resolved = candidate.resolve()
        if any(resolved == root or root in resolved.parents for root in roots) and not Path(text).is_absolute():
            return str(candidate)
        raise InputError(f"document {text!r} is outside the gold file's folder (and the folder above it); "
                         "a gold file names a plan beside it or a corpus id")
    if find_entry(text) is not None:
        return text
    raise InputError(f"document {text!r} is neither a file beside the gold file nor a corpus plan")


def _score_file(file: Path, gold: dict, base: Path, load, reports: dict[str, Report], rules=None) -> None:
    if file.name.endswith((".alignment.yaml", ".targets-alignment.yaml")):
        a, b = load(gold["a"], base), load(gold["b"], base)
        name = f"{a.info.id} ↔ {b.info.id}"
        score = score_alignment if file.name.endswith(".alignment.yaml") else score_indicator_pairs
        score(gold, a, b, reports.setdefault(name, Report(name)), rules)
        return
    doc = load(gold["document"], base)
    report = reports.setdefault(doc.info.id, Report(doc.info.id))
    if file.name.endswith(".sections.yaml"):
        score_sections(gold["sections"], doc, report)
    elif file.name.endswith(".tasks.yaml"):
        score_tasks(gold["tasks"] or [], doc, report, unscored_lines=tuple(gold.get("unscored_lines") or ()))
    elif file.name.endswith(".targets.yaml"):
        score_document_targets(gold, doc, report)
    elif file.name.endswith(".indicators.yaml"):
        score_indicators(gold, doc, report)
    elif "table" in gold and "rows" in gold:
        score_table_rows(gold, doc, report)
