"""Readers for the NER corpora under /work/shared/data/ner (read in place, never copied).

Every reader returns a list of (tokens, tags) with BIO tags over PER/ORG/LOC only:
MISC is mapped to O, KIND's IO tags are converted to BIO.
"""
import os
import random

DATA = os.environ.get("NEWSGRAPH_NER_DATA", "/work/shared/data/ner")
TYPES = ("PER", "ORG", "LOC")
LABELS = ["O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC"]


def _clean_tag(tag):
    """Map a BIO tag to our label set (anything but PER/ORG/LOC becomes O)."""
    if tag == "O" or "-" not in tag:
        return "O"
    prefix, typ = tag.split("-", 1)
    return tag if typ in TYPES and prefix in ("B", "I") else "O"


def _repair_bio(tags):
    """Strict BIO: an I- that does not continue an entity of the same type starts one."""
    out = []
    for i, t in enumerate(tags):
        if t.startswith("I-") and (i == 0 or out[-1][2:] != t[2:]):
            t = "B-" + t[2:]
        out.append(t)
    return out


def _sentences(path, split_line):
    """Generic blank-line-separated reader; split_line(line) -> (token, tag) or None to skip."""
    sents, toks, tags = [], [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n").rstrip("\r")
            if not line.strip():
                if toks:
                    sents.append((toks, tags))
                toks, tags = [], []
                continue
            item = split_line(line)
            if item is None:
                continue
            toks.append(item[0])
            tags.append(item[1])
    if toks:
        sents.append((toks, tags))
    return sents


def read_conllu(path):
    """`index<TAB>token<TAB>BIO` lines; -DOCSTART- lines are dropped."""
    def split(line):
        parts = line.split("\t")
        if len(parts) < 3 or parts[1] == "-DOCSTART-":
            return None
        return parts[1], parts[2]
    return [(t, _repair_bio([_clean_tag(x) for x in g])) for t, g in _sentences(path, split)]


def read_prefixed(path):
    """WikiANN fr/pt: `xx:token<TAB>TAG`; the language prefix is stripped."""
    def split(line):
        tok, tag = line.split("\t")[:2]
        return tok.split(":", 1)[1] if ":" in tok[:4] else tok, tag
    return [(t, _repair_bio([_clean_tag(x) for x in g])) for t, g in _sentences(path, split)]


def read_kind(path):
    """KIND `.tsv`: `token<TAB>PER|ORG|LOC|O` (IO scheme). A run of the same type is one entity."""
    def split(line):
        tok, tag = line.split("\t")[:2]
        return tok, tag
    out = []
    for toks, io in _sentences(path, split):
        tags, prev = [], "O"
        for t in io:
            if t not in TYPES:
                tags.append("O")
                t = "O"
            else:
                tags.append(("I-" if prev == t else "B-") + t)
            prev = t
        out.append((toks, tags))
    return out


def _p(*parts):
    return os.path.join(DATA, *parts)


# (name, language, split) -> loader. Names are what the evaluation tables show.
def source(name, split):
    corpus, lang = name.split("/")
    if corpus in ("conll2003", "conll2002"):
        return read_conllu(_p(corpus, lang, f"{split}.conllu"))
    if corpus == "wikiann":
        if lang in ("fr", "pt"):
            return read_prefixed(_p(corpus, lang, f"{'dev' if split == 'val' else split}.prefixed"))
        return read_conllu(_p(corpus, lang, f"{split}.conllu"))
    if corpus == "wikineural":
        return read_conllu(_p(corpus, lang, f"{split}.conllu"))
    if corpus == "kind":
        return read_kind(_p(corpus, lang, f"wikinews_{split}.tsv"))
    raise ValueError(name)


NEWS_TRAIN = ["conll2003/en", "conll2003/de", "conll2002/es", "conll2002/nl", "kind/it"]
WIKIANN_TRAIN = {"wikiann/en": 8000, "wikiann/de": 8000, "wikiann/es": 8000, "wikiann/nl": 8000,
                 # WikiANN is the only French and Portuguese training source: give them more.
                 "wikiann/fr": 18000, "wikiann/pt": 18000}
TEST_SPLITS = ["conll2003/en", "conll2003/de", "conll2002/es", "conll2002/nl", "wikiann/fr",
               "wikiann/pt", "kind/it", "wikineural/fr", "wikineural/it", "wikineural/pt"]
# Corpora that have a val split; KIND has none, so its dev part is held out of train.
DEV_PER_SOURCE = 200
KIND_DEV = 300


def train_dev(seed=13, with_val=False):
    """Training mix and a small monitoring dev set, both lists of (tokens, tags, source).

    with_val: the news corpora's val sentences beyond the monitored ones join the training mix
    (more news text for a second, continued stage; the test splits stay untouched)."""
    rng = random.Random(seed)
    train, dev = [], []
    for name in NEWS_TRAIN:
        sents = source(name, "train")
        if name == "kind/it":  # no val split: hold out a fixed random part of train
            rng.shuffle(sents)
            dev += [(t, g, name) for t, g in sents[:KIND_DEV]]
            sents = sents[KIND_DEV:]
        else:
            val = source(name, "val")
            dev += [(t, g, name) for t, g in val[:DEV_PER_SOURCE]]
            if with_val:
                sents = sents + val[DEV_PER_SOURCE:]
        train += [(t, g, name) for t, g in sents]
    for name, n in WIKIANN_TRAIN.items():
        sents = source(name, "train")
        rng.shuffle(sents)
        train += [(t, g, name) for t, g in sents[:n]]
        if name in ("wikiann/fr", "wikiann/pt"):
            dev += [(t, g, name) for t, g in source(name, "val")[:DEV_PER_SOURCE]]
    return train, dev


def test(name, limit=None):
    """Test split of `name` (first `limit` sentences when given)."""
    sents = source(name, "test")
    return sents[:limit] if limit else sents


def all_vocab_sources():
    """Every train/val/test split of the corpora used (for vocabulary trimming)."""
    names = sorted(set(NEWS_TRAIN) | set(WIKIANN_TRAIN) | set(TEST_SPLITS))
    for name in names:
        splits = ["train", "test"] if name.startswith("kind") else (
            ["val", "test"] if name.startswith("wikineural") else ["train", "val", "test"])
        for split in splits:
            yield name, split, source(name, split)


if __name__ == "__main__":
    tr, dv = train_dev()
    from collections import Counter
    print("train", len(tr), Counter(s for _, _, s in tr))
    print("dev", len(dv), Counter(s for _, _, s in dv))
    for name in TEST_SPLITS:
        print("test", name, len(test(name)))
