"""The knowledge layer at scale: `newsgraph merge` over per-article records of 10^4 to 10^6 articles,
its time and peak RSS. Run through scripts/bench-merge.sh.

The NER stage is far too slow here to make a million real records, and repeating the same records would
keep the number of distinct entities fixed, which is what makes the knowledge layer grow. So the
records are made from real ones: `newsgraph extract --per-doc` over the sample, seed and eval-dev
articles gives templates (their entities, facts and article nodes), and each synthetic article copies
a template under a new id with its entities renamed the way news behaves:

- each entity of a copy is, with probability --new (default 0.35), a name never seen before; otherwise
  one already used for that template entity, the popular ones more often (index = count * U^2);
- a new person gets a made-up surname and a given name from a pool of --given-names (default 400)
  made-up given names, so that many people share a given name as in real news (the people of one
  given name are the group that spelling variants are looked for in);
- a new organisation keeps its last word ("Logistics", "Bank") after a made-up first one.

Names are made from syllables, deterministically (seeded), so every run builds the same records.
"""
import argparse
import gzip
import json
import os
import random
import re
import shlex
import subprocess
import sys
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "../.."))
SHARED = os.path.join(ROOT, "../shared")
CACHE = os.path.expanduser("~/.cache/newsgraph/bench-merge")
BINARY = os.path.join(ROOT, "target/release/newsgraph")

SYLLABLES = [c + v for c in "bdfgklmnprstvz" for v in "aeiou"] + ["ar", "el", "in", "or", "us", "an"]


def made_up_word(number, syllables):
    """A capitalised word of `syllables` syllables, a different one for each number."""
    parts = []
    for _ in range(syllables):
        number, digit = divmod(number, len(SYLLABLES))
        parts.append(SYLLABLES[digit])
    return "".join(parts).capitalize()


def templates():
    """Per-article records of the real articles: the header line and the article records."""
    os.makedirs(CACHE, exist_ok=True)
    path = os.path.join(CACHE, "templates.jsonl")
    inputs = [os.path.join(ROOT, "examples"), os.path.join(SHARED, "seeds"), os.path.join(SHARED, "eval-dev/docs")]
    subprocess.run([BINARY, "extract", "--per-doc", "--quiet", "-o", path, *inputs], check=True)
    with open(path) as f:
        lines = [json.loads(line) for line in f]
    header, records = lines[0], [r for r in lines[1:] if "knowledge" in r]
    return header, records


class Namer:
    """Names for the copies of one template entity: variant 0 is the real name, the others made up."""

    def __init__(self, args):
        self.args = args

    def rename(self, kind, name, variant):
        """A token map (old word -> new word) for this variant of `name`."""
        words = name.split()
        if variant == 0 or not words:
            return {}
        number = variant * 7919 + hash_words(words)
        if kind == "person":
            given = made_up_word(number % self.args.given_names, 2)
            surname = made_up_word(number, 4)
            mapping = {words[-1]: surname}
            if len(words) > 1:
                mapping[words[0]] = given
            return mapping
        if kind == "organization":
            return {words[0]: made_up_word(number, 3)} if len(words) > 1 else {words[0]: made_up_word(number, 3) + "corp"}
        return {words[0]: made_up_word(number, 3) + "ia"}


def hash_words(words):
    value = 0
    for character in " ".join(words):
        value = (value * 131 + ord(character)) % 1_000_003
    return value


def synthesise(n, args, out_path):
    header, records = templates()
    rng = random.Random(args.seed)
    namer = Namer(args)
    used = {}  # (template, entity) -> how many variants exist
    # Gzipped (level 1: fast), so that a million records (12 GB as text) fit on the disk.
    with gzip.open(out_path, "wt", compresslevel=1) as out:
        out.write(json.dumps(header) + "\n")
        for seq in range(n):
            template = records[seq % len(records)]
            knowledge = json.loads(json.dumps(template["knowledge"]))
            mapping = {}
            for e, (kind, name, _) in enumerate(knowledge["entities"]["entities"]):
                slot = (seq % len(records), e)
                count = used.get(slot, 1)
                if rng.random() < args.new:
                    variant, used[slot] = count, count + 1
                else:
                    variant = int(count * rng.random() ** 2)
                mapping.update(namer.rename(kind, name, variant))
            rewrite = lambda text: " ".join(mapping.get(w, w) for w in text.split(" "))
            for entity in knowledge["entities"]["entities"]:
                entity[1] = rewrite(entity[1])
                entity[2] = [rewrite(s) for s in entity[2]]
            old_iri = template["article"]["@id"]
            new_id = f"{template['id']}~{seq}"
            article = json.dumps(template["article"], ensure_ascii=False).replace(old_iri, f"urn:newsgraph:article:{re.sub('[^A-Za-z0-9._~-]', '_', new_id)}")
            record = {"seq": seq, "id": new_id, "origin": {"file": "synthetic.jsonl", "line": seq + 1}, "lang": template["lang"], "knowledge": knowledge}
            line = json.dumps(record, ensure_ascii=False)
            # The article node as the exact JSON text, in the place a real record has it.
            out.write(line[:-1] + ', "article": ' + article + "}\n")


def measure(n, args):
    records = os.path.join(CACHE, f"records-{n}.jsonl.gz")
    if not os.path.exists(records):
        synthesise(n, args, records + ".partial")
        os.replace(records + ".partial", records)
    # The graph goes through a pipe to two counters of node lines (global entities and merged facts)
    # rather than to disk: at millions of articles it is tens of GB. Peak RSS is newsgraph's alone.
    peak = os.path.join(CACHE, f"peak-{n}.txt")
    memory = [] if args.memory is None else ["--memory", str(args.memory)]
    merge = " ".join(shlex.quote(a) for a in ["/usr/bin/time", "-f", "%M", "-o", peak, BINARY, "merge", "--quiet", *memory, "-o", "-", records])
    # Entity nodes come before fact nodes, so each kind is one run of lines for uniq to count.
    pipeline = f"set -o pipefail; {merge} | LC_ALL=C grep -oE '^\\{{\"@id\":\"urn:newsgraph:(entity|fact):' | uniq -c"
    start = time.time()
    run = subprocess.run(["bash", "-c", pipeline], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    seconds = time.time() - start
    if run.returncode != 0:
        sys.exit(f"merge of {n} records failed:\n{run.stderr}")
    counts = {line.split(":")[-2]: int(line.split()[0]) for line in run.stdout.splitlines()}
    with open(peak) as f:
        peak_kib = int(f.read().strip().splitlines()[-1])
    os.remove(peak)
    entities, facts = counts.get("entity", 0), counts.get("fact", 0)
    size = os.path.getsize(records)
    return {"articles": n, "records_mib": size / 2**20, "seconds": seconds, "peak_mib": peak_kib / 1024, "entities": entities, "facts": facts}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("sizes", nargs="*", type=int, default=[10_000, 100_000, 250_000])
    parser.add_argument("--new", type=float, default=0.35, help="probability that an entity of a copy is a new name")
    parser.add_argument("--given-names", type=int, default=400)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--memory", type=int, help="merge --memory MIB: the memory of its sorts (default: merge's own)")
    args = parser.parse_args()
    print("| articles | records (MiB, gzipped) | merge seconds | articles/s | peak RSS (MiB) | global entities | merged facts |")
    print("|---|---|---|---|---|---|---|")
    for n in args.sizes:
        r = measure(n, args)
        print(f"| {n:,} | {r['records_mib']:,.0f} | {r['seconds']:.1f} | {n / r['seconds']:,.0f} | {r['peak_mib']:,.0f} | {r['entities']:,} | {r['facts']:,} |", flush=True)


if __name__ == "__main__":
    main()
