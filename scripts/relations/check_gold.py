#!/usr/bin/env python3
"""Checks an annotated split in the eval-dev format (docs/ID.txt, meta.jsonl, gold.jsonl) for the mistakes
that silently spoil training or scoring: names that do not occur verbatim in the text, relation arguments
that are not annotated entities of the right type, unknown types or modalities, ids without a text.

    scripts/relations/check_gold.py DIR [DIR ...]     # exit 1 and one line per problem when any is found
"""
import json
import sys
from pathlib import Path

TYPES = {"left", "replaces", "joins", "holds_role"}
MODALITIES = {"asserted", "future", "hedged", "negated"}
LANGS = {"en", "fr", "de", "es", "it", "pt", "nl"}
KINDS = {"change", "other"}


def check_split(root: Path) -> list[str]:
    problems = []
    meta = {}
    for n, line in enumerate((root / "meta.jsonl").read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            m = json.loads(line)
        except json.JSONDecodeError as e:
            problems.append(f"{root}/meta.jsonl:{n}: not JSON ({e})")
            continue
        meta[m.get("id")] = m
        if m.get("lang") not in LANGS:
            problems.append(f"{root}/meta.jsonl:{n}: lang {m.get('lang')!r} not one of {sorted(LANGS)}")
        if m.get("kind") not in KINDS:
            problems.append(f"{root}/meta.jsonl:{n}: kind {m.get('kind')!r} not one of {sorted(KINDS)}")
    seen = set()
    for n, line in enumerate((root / "gold.jsonl").read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        where = f"{root}/gold.jsonl:{n}"
        try:
            g = json.loads(line)
        except json.JSONDecodeError as e:
            problems.append(f"{where}: not JSON ({e})")
            continue
        doc_id = g.get("id")
        if doc_id in seen:
            problems.append(f"{where}: id {doc_id} twice")
        seen.add(doc_id)
        if doc_id not in meta:
            problems.append(f"{where}: id {doc_id} has no meta.jsonl line")
        path = root / "docs" / f"{doc_id}.txt"
        if not path.exists():
            problems.append(f"{where}: {path} missing")
            continue
        text = path.read_text(encoding="utf-8")
        types = {}
        for e in g.get("entities", []):
            if e.get("type") not in ("PER", "ORG"):
                problems.append(f"{where}: entity {e.get('name')!r} has type {e.get('type')!r} (PER or ORG)")
            for name in [e.get("name")] + list(e.get("aliases", [])):
                if not name or name not in text:
                    problems.append(f"{where}: entity name/alias {name!r} does not occur verbatim in {path.name}")
            types[e.get("name")] = e.get("type")
        for r in g.get("relations", []):
            kind = r.get("type")
            if kind not in TYPES:
                problems.append(f"{where}: relation type {kind!r}")
                continue
            if r.get("modality") not in MODALITIES:
                problems.append(f"{where}: {kind} modality {r.get('modality')!r}")
            people = [r.get("new"), r.get("old")] if kind == "replaces" else [r.get("person")]
            for p in people:
                if types.get(p) != "PER":
                    problems.append(f"{where}: {kind} person {p!r} is not a PER entity's name")
            org = r.get("org")
            if org is not None and types.get(org) != "ORG":
                problems.append(f"{where}: {kind} org {org!r} is not an ORG entity's name")
            if r.get("role") and not r.get("role_norm"):
                problems.append(f"{where}: {kind} has a role but no role_norm")
    for doc_id in meta:
        if doc_id not in seen:
            problems.append(f"{root}: {doc_id} in meta.jsonl but not in gold.jsonl")
    return problems


def main() -> int:
    problems = []
    for arg in sys.argv[1:]:
        problems += check_split(Path(arg))
    for p in problems:
        print(p)
    print(f"{len(problems)} problems in {len(sys.argv) - 1} splits", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
