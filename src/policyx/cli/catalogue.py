"""`policyx corpus list`, `policyx rules list` and `policyx rules show`: what ships
with policyx — the bundled plans and the pattern rules with their examples."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from policyx.cli.common import RulesOption, check_format, fail, load_rule_set, print_table
from policyx.io.serialize import dumps

corpus_app = typer.Typer(help="The bundled plans.", no_args_is_help=True)
rules_app = typer.Typer(help="The rule files: patterns with their examples.", no_args_is_help=True)


@corpus_app.command("list")
def corpus_list(
    fmt: Annotated[str, typer.Option("--format", "-f", help="table or json.")] = "table",
) -> None:
    """List the bundled plans.

    Example: policyx corpus list
    """
    from policyx.text.corpus import load_manifest

    entries = load_manifest()
    rows = [
        {
            "id": e.id,
            "aliases": list(e.aliases),
            "title": e.title,
            "issuer": e.issuer,
            "date": e.date,
            "size": e.size,
        }
        for e in entries
    ]
    if fmt == "json":
        sys.stdout.write(dumps(rows, "json"))
        return
    check_format(fmt, "table", "json")
    print_table(
        "policyx corpus",
        ("id", "aliases", "title", "issuer", "date", "size"),
        ((r["id"], ", ".join(r["aliases"]), r["title"] or "—", r["issuer"] or "—", r["date"] or "—", f"{r['size']:,}")
         for r in rows),
    )


def _entry(rule_id: str, file: str, pattern: str, examples, counterexamples, **extra) -> dict:
    return {"id": rule_id, "file": file, "pattern": pattern, "examples": list(examples),
            "counterexamples": list(counterexamples), **extra}


def rule_catalogue(rules_dir: list[Path] | None) -> list[dict]:
    """Every pattern rule with its file, pattern, examples and counterexamples."""
    rules = load_rule_set(rules_dir)
    out = [_entry(m.id, "sections.yaml", m.pattern.pattern, m.examples, m.counterexamples) for m in rules.markers]
    out += [_entry(r.id, "noise.yaml", r.source, r.examples, r.counterexamples) for r in rules.noise]
    out += [_entry(r.id, "deadlines.yaml", r.source or r.pattern.pattern, r.examples, r.counterexamples, kind=r.kind)
            for r in rules.deadlines.rules]
    targets = rules.targets
    out.append(_entry("target.comparator", "targets.yaml", targets.pattern.pattern, targets.examples, targets.counterexamples))
    out.append(_entry("target.bound", "targets.yaml", targets.bare_pattern.pattern, (), ()))
    out.append(_entry("target.verb_object", "targets.yaml", targets.verb_object.pattern, (), ()))
    responsibility = rules.responsibility
    out += [_entry(c.id, "responsibility.yaml", c.pattern.pattern, c.examples, (), effect=c.effect)
            for c in responsibility.conventions]
    out += [_entry(r.id, "responsibility.yaml", r.pattern.pattern, r.examples, r.counterexamples)
            for r in responsibility.prose]
    out += [{"id": r["id"], "file": "responsibility.yaml", "pattern": r["pattern"], "examples": r.get("examples", []),
             "counterexamples": []} for r in rules.raw.get("responsibility", {}).get("standing", []) or []]
    return out + _vocabulary_rules(rules.raw, {r["id"] for r in out})


def _vocabulary_rules(raw: dict, known: set[str]) -> list[dict]:
    """The patterns every rule file keeps beside their examples (``key``,
    ``key_examples``, ``key_counterexamples``) — alignment, indicators,
    regions, document, tasks, tables … — as ``file.key``."""
    out = []
    for file in sorted(raw):
        data = raw[file]
        if not isinstance(data, dict):
            continue
        for key, value in data.items():
            rule_id = f"{file}.{key}"
            if not isinstance(key, str) or rule_id in known or (
                    f"{key}_examples" not in data and f"{key}_counterexamples" not in data):
                continue
            pattern = value if isinstance(value, str) else " | ".join(map(str, value)) if isinstance(value, list) else str(value)
            out.append(_entry(rule_id, f"{file}.yaml", pattern, data.get(f"{key}_examples") or (),
                              data.get(f"{key}_counterexamples") or ()))
    return out


@rules_app.command("list")
def rules_list(
    fmt: Annotated[str, typer.Option("--format", "-f", help="table or json.")] = "table",
    rules_dir: RulesOption = None,
) -> None:
    """List the pattern rules (ids, files, number of examples).

    Example: policyx rules list
    """
    check_format(fmt, "table", "json")
    catalogue = rule_catalogue(rules_dir)
    if fmt == "json":
        sys.stdout.write(dumps([{k: r[k] for k in ("id", "file")} for r in catalogue], "json"))
        return
    print_table("policyx rules", ("rule", "file", "examples", "counterexamples"),
                ((r["id"], r["file"], str(len(r["examples"])), str(len(r["counterexamples"]))) for r in catalogue))


@rules_app.command("show")
def rules_show(
    rule_id: Annotated[str, typer.Argument(help="A rule id, e.g. deadline.year_end.")],
    rules_dir: RulesOption = None,
) -> None:
    """Show one rule: its pattern, examples and counterexamples.

    Example: policyx rules show deadline.year_end
    """
    found = next((r for r in rule_catalogue(rules_dir) if r["id"] == rule_id), None)
    if found is None:
        raise fail(f"no rule {rule_id!r}; see policyx rules list")
    import yaml

    sys.stdout.write(yaml.safe_dump(found, allow_unicode=True, sort_keys=False, width=1000))
