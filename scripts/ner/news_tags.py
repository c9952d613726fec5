"""News-domain NER examples from annotated news articles (issue 16): the gold's entity names and aliases
projected onto the article text as BIO tags, where the gold says nothing left unsupervised.

The gold of `../shared/corpus` and of `data/written` lists every person and organisation of an article
(name and aliases, each verbatim in the text) but no places. So a word is tagged:
- PER / ORG inside an occurrence of a gold name or alias (longest match first);
- O when it is lower case, punctuation or a number, or part of a role title of the article's language
  (the lexicon's `[roles]`, so "Chief Executive" and "Pdg" are taught as no name);
- nothing (ignored by the loss) when it is capitalised and outside every gold name: it may be a place,
  or the start of a sentence.

    python news_tags.py [DIR ...]      # prints counts per language; DIR holds gold.jsonl, meta.jsonl, docs/
"""
import json
import os
import re
import sys
import tomllib

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, "../..")
LEXICONS = os.path.join(ROOT, "src/lexicon/data")
WORD = re.compile(r"\w+(?:[-'’.&]\w+)*|[^\w\s]", re.UNICODE)
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"“«(]?[A-ZÀ-Ý])|\n+")


def default_dirs():
    """The train splits: the project's written articles and ../shared/corpus/train (when present)."""
    written = os.path.join(ROOT, "data/written")
    dirs = sorted(os.path.join(written, lang, "train") for lang in os.listdir(written) if os.path.isdir(os.path.join(written, lang)))
    shared = os.path.join(ROOT, "../shared/corpus/train")
    return dirs + ([shared] if os.path.exists(os.path.join(shared, "gold.jsonl")) else [])


def words(text):
    return WORD.findall(text)


def role_titles(lang):
    """Role titles of a language's lexicon as lower-case word tuples, longest first."""
    path = os.path.join(LEXICONS, f"{lang}.toml")
    if not os.path.exists(path):
        return []
    with open(path, "rb") as f:
        roles = tomllib.load(f).get("roles", {})
    return sorted({tuple(w.lower() for w in words(r)) for r in roles if words(r)}, key=len, reverse=True)


def tag_sentence(tokens, names, titles):
    """BIO tags (or None) for one sentence's tokens; names: (word tuple, type), longest first."""
    tags = [None] * len(tokens)
    lower = [t.lower() for t in tokens]
    i = 0
    while i < len(tokens):
        hit = next(((n, k) for n, k in names if tuple(tokens[i:i + len(n)]) == n), None)
        if hit:
            n, kind = hit
            tags[i:i + len(n)] = [f"B-{kind}"] + [f"I-{kind}"] * (len(n) - 1)
            i += len(n)
            continue
        title = next((t for t in titles if tuple(lower[i:i + len(t)]) == t), None)
        if title:
            tags[i:i + len(title)] = ["O"] * len(title)
            i += len(title)
            continue
        if not tokens[i][:1].isupper():
            tags[i] = "O"
        i += 1
    return tags


def read_split(directory):
    """(tokens, tags, source) per sentence with at least one supervised capitalised word."""
    meta = {}
    for line in open(os.path.join(directory, "meta.jsonl"), encoding="utf-8"):
        if line.strip():
            m = json.loads(line)
            meta[m["id"]] = m.get("lang", "und")
    out = []
    for line in open(os.path.join(directory, "gold.jsonl"), encoding="utf-8"):
        if not line.strip():
            continue
        gold = json.loads(line)
        lang = meta.get(gold["id"], "und")
        text = open(os.path.join(directory, "docs", gold["id"] + ".txt"), encoding="utf-8").read()
        names = {(tuple(words(n)), e["type"]) for e in gold["entities"] if e["type"] in ("PER", "ORG")
                 for n in [e["name"], *e.get("aliases", [])] if words(n)}
        names = sorted(names, key=lambda nk: len(nk[0]), reverse=True)
        titles = role_titles(lang)
        for sentence in SENTENCE_END.split(text):
            tokens = words(sentence)
            if not tokens:
                continue
            tags = tag_sentence(tokens, names, titles)
            if any(t and t != "O" for t in tags) or any(t == "O" and tok[:1].isupper() for t, tok in zip(tags, tokens)):
                out.append((tokens, tags, f"news/{lang}"))
    return out


def news_sentences(dirs=None):
    return [s for d in (dirs or default_dirs()) for s in read_split(d)]


if __name__ == "__main__":
    sents = news_sentences(sys.argv[1:] or None)
    by_source = {}
    for tokens, tags, source in sents:
        c = by_source.setdefault(source, [0, 0, 0, 0])
        c[0] += 1
        c[1] += sum(t is not None and t.startswith("B-") for t in tags)
        c[2] += sum(t is None for t in tags)
        c[3] += len(tags)
    for source, (n, spans, ignored, total) in sorted(by_source.items()):
        print(f"{source}: {n} sentences, {spans} entity spans, {ignored / max(1, total):.1%} of words unsupervised")
