"""The bundled corpus and its manifest: plan names such as ``xinjiang``."""

from __future__ import annotations

import functools
import os
from dataclasses import dataclass
from pathlib import Path


from policyx.errors import InputError
from policyx.limits import PLAN_SUFFIXES
from policyx.resources import corpus_dir


@dataclass(frozen=True, slots=True)
class CorpusEntry:
    id: str
    file: Path
    aliases: tuple[str, ...]
    title: str | None
    issuer: str | None
    date: str | None
    level: str | None
    parent: str | None
    meta: dict

    @property
    def size(self) -> int:
        return self.file.stat().st_size


@functools.lru_cache(maxsize=1)
def load_manifest() -> tuple[CorpusEntry, ...]:
    directory = corpus_dir()
    manifest = directory / "manifest.yaml"
    if not manifest.is_file():
        return ()
    data = _manifest_data(manifest)
    entries = []
    for doc in data.get("documents", []):
        date = doc.get("date")
        entries.append(
            CorpusEntry(
                id=str(doc["id"]),
                file=directory / doc["file"],
                aliases=tuple(str(a) for a in doc.get("aliases", []) or []),
                title=doc.get("title"),
                issuer=doc.get("issuer"),
                date=str(date) if date is not None else (str(doc["year"]) if doc.get("year") else None),
                level=doc.get("level"),
                parent=doc.get("parent"),
                meta=dict(doc),
            )
        )
    return tuple(entries)


def _manifest_data(manifest: Path) -> dict:
    """The manifest parsed; kept on disk (policyx/cache.py) under a digest of
    its name and content, so that naming a corpus plan needs no yaml (12–20 ms
    to import and parse)."""
    import hashlib
    import sys

    from policyx import __version__, cache

    content = manifest.read_bytes()
    key = hashlib.sha256(b"\0".join((__version__.encode(), sys.version.encode(), bytes(manifest), content))).hexdigest()
    data = cache.load("manifest", key)
    if isinstance(data, dict):
        return data
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's parser when PyYAML has it: 1 ms, not 5–10
    data = yaml.load(content.decode("utf-8"), Loader=loader) or {}  # noqa: S506 - a safe loader
    cache.store("manifest", key, data)
    return data


def find_entry(name: str) -> CorpusEntry | None:
    """The corpus entry whose id or alias is ``name`` (case-insensitive)."""
    wanted = name.strip().lower()
    for entry in load_manifest():
        if wanted == entry.id.lower() or wanted in (a.lower() for a in entry.aliases):
            return entry
    return None


def entry_for_path(path: Path) -> CorpusEntry | None:
    """The corpus entry for a file path, if the path is one of the corpus files."""
    try:
        resolved = path.resolve()
        if corpus_dir().resolve() not in resolved.parents:
            return None  # the corpus's files are in its folder: no need to read the manifest
    except OSError:
        return None
    return next((e for e in load_manifest() if e.file.resolve() == resolved), None)


def _a_folder(name: str, path: Path) -> str:
    """What to say of a folder named where a plan is read: extract, check and
    index read the plans in a folder, and come here with one that holds none."""
    try:  # (its own files only: a folder named by mistake may be a whole disk)
        with os.scandir(path) as entries:
            holds = any(e.name.lower().endswith(PLAN_SUFFIXES) and not e.name.startswith(".") for e in entries)
    except OSError:
        holds = False
    if holds:
        return f"{name}: is a folder, not a plan file: name one of its plans"
    return f"{name}: is a folder with no plan file in it ({', '.join(PLAN_SUFFIXES)})"


def resolve(name_or_path: str) -> tuple[Path | None, CorpusEntry | None]:
    """Turn a command-line argument into a path: an existing file wins over a
    corpus name; ``-`` stays standard input (path None)."""
    if name_or_path == "-":
        return None, None
    path = Path(name_or_path)
    if path.is_dir():
        raise InputError(_a_folder(name_or_path, path))
    if path.exists():
        return path, entry_for_path(path)
    entry = find_entry(name_or_path)
    if entry is not None:
        return entry.file, entry
    if path.suffix or "/" in name_or_path or "\\" in name_or_path:
        raise InputError(f"{name_or_path}: no such file")
    known = ", ".join(e.aliases[0] if e.aliases else e.id for e in load_manifest())
    raise InputError(f"{name_or_path}: no such file or corpus plan (known plans: {known})")
