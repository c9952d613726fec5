#!/usr/bin/env python3
"""Wording of annotated gold that the language lexicons do not read: where to look when adding to them.

For every gold relation of the given files (train splits only: what is learned from here must not be
measured on), two lists per language, most frequent first:
- roles: the gold's `role` as written, when no title or title head of the lexicon (`[roles]`,
  `[role_heads]`, the shared English titles) occurs in it as whole words;
- triggers: the quotes of the relation's `note` (its evidence) in which no trigger word of the
  relation's kind occurs.
The matching is a plain approximation of the extractor's (folded words, `*` prefixes, the first part of a
separable phrase; no compounds, no particles): a line here is a candidate to read, not a proven gap. Keep
what is general wording of the language; idioms and one article's phrasing belong to no lexicon.

    lexicon_gaps.py ../shared/corpus/train/gold.jsonl data/written/*/train/gold.jsonl [--min 2]
"""
import argparse
import collections
import json
import re
import tomllib
import unicodedata
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "src" / "lexicon" / "data"
TRIGGER_KEYS = {"left": ["left"], "joins": ["joins"], "replaces": ["replaces_successor_first", "replaces_predecessor_first"]}


def fold(text):
    text = unicodedata.normalize("NFD", text.lower().replace("ß", "ss").replace("\u2019", "'"))
    return "".join(c for c in text if unicodedata.category(c) != "Mn")


def words(text):
    return re.findall(r"\w+(?:[-']\w+)*|[^\w\s]", fold(text))


def occurs(phrase, text_words):
    """Does the phrase (its part before any " ... ") occur in the words, `*` ending a prefix?"""
    parts = phrase.split(" ... ")[0].split()
    matches = lambda p, w: w.startswith(p[:-1]) if p.endswith("*") else w.endswith(p[1:]) if p.startswith("*") else w == p
    return any(all(matches(p, w) for p, w in zip(parts, text_words[i:])) for i in range(len(text_words) - len(parts) + 1))


def language(article_id):
    parts = article_id.split("-")
    return parts[1] if parts[0] in ("w", "wd") else parts[0]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("gold", nargs="+")
    ap.add_argument("--min", type=int, default=2, help="list only wording seen this many times or more")
    args = ap.parse_args()
    shared = tomllib.loads((DATA / "shared_titles.toml").read_text(encoding="utf-8"))["roles"]
    lexicons = {}
    roles = collections.Counter()
    triggers = collections.Counter()
    for path in args.gold:
        for line in open(path, encoding="utf-8"):
            if not line.strip():
                continue
            article = json.loads(line)
            lang = language(article["id"])
            if lang not in lexicons:
                lexicons[lang] = tomllib.loads((DATA / f"{lang}.toml").read_text(encoding="utf-8"))
            lexicon = lexicons[lang]
            titles = list(lexicon["roles"]) + list(lexicon["role_heads"]) + list(shared)
            for relation in article["relations"]:
                if relation.get("role") and not any(occurs(t, words(relation["role"])) for t in titles):
                    roles[(lang, fold(relation["role"]), relation.get("role_norm"))] += 1
                keys = TRIGGER_KEYS.get(relation["type"])
                quotes = re.findall(r"'([^']{6,})'", relation.get("note") or "")
                if keys and quotes and not relation.get("background"):
                    quoted = words(" ".join(quotes))
                    if not any(occurs(t, quoted) for key in keys for t in lexicon["triggers"][key]):
                        triggers[(lang, relation["type"], " ".join(quotes)[:120])] += 1
    print("roles no title reads (language, count, role as written -> normalised):")
    for (lang, role, norm), n in sorted(roles.items(), key=lambda kv: (kv[0][0], -kv[1])):
        if n >= args.min:
            print(f"  {lang} {n} {role!r} -> {norm}")
    print("evidence quotes without a trigger of their kind (language, kind, quote):")
    for (lang, kind, quote), n in sorted(triggers.items()):
        print(f"  {lang} {kind} {quote!r}")


if __name__ == "__main__":
    main()
