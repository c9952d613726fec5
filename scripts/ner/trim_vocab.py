"""Trim the 250k XLM-R vocabulary of the converted base to the pieces the seven languages need.

Kept: every piece the full tokenizer produces on all train/val/test sentences of the corpora
used (tokens joined with spaces), every single-character piece below U+3000 (with or without the
leading '▁', so that text in these scripts never needs <unk> where the full vocabulary would not),
and the four specials, which keep ids 0-3. Scores stay the original ones, so Viterbi picks
the same segmentation for any word whose best segmentation only uses kept pieces, which is
true for every word seen in the corpora.

Input:  ~/.cache/newsgraph/base/hf-full/  (convert_base.py)
Output: ~/.cache/newsgraph/base/hf-trim/  config.json, model.safetensors, tokenizer.json,
        old_ids.json (new id -> id in the full vocabulary), trim_report.json

After training:  python trim_vocab.py --check-model ~/.cache/newsgraph/ner-train/final
compares word labels of (trained model, trimmed tokenizer) with those of (the same model mapped
back to the full 250k vocabulary, full tokenizer): the trained rows go back to their old ids,
every other row keeps its e5 value. Writes <model>/trim_check.json.
"""
import argparse
import json
import os
import re

import numpy as np
from safetensors.numpy import load_file, save_file
from tokenizers import Tokenizer

import corpora
from convert_base import build_tokenizer

BASE = os.path.expanduser("~/.cache/newsgraph/base")
FULL, TRIM = os.path.join(BASE, "hf-full"), os.path.join(BASE, "hf-trim")

# Own sentences (not from any corpus) to check that the trimmed tokenizer segments like the full one.
CHECK_SENTENCES = {
    "en": "The chief executive of Northwind Bank resigned on Tuesday after talks in London with regulators.",
    "de": "Die Vorstandschefin der Deutschen Bahn trat am Freitag in Berlin überraschend zurück.",
    "fr": "Le directeur général de la Société Générale a quitté ses fonctions à Lyon la semaine dernière.",
    "es": "La presidenta del Banco de España anunció su dimisión ayer en Madrid ante los periodistas.",
    "it": "Il sindaco di Torino ha nominato un nuovo assessore dopo le dimissioni di Marco Rossi.",
    "pt": "O ministro da Economia do Brasil deixou o cargo em Brasília depois de uma reunião com a Petrobras.",
    "nl": "De burgemeester van Rotterdam heeft maandag zijn ontslag ingediend bij de gemeenteraad van Utrecht.",
}


def main():
    full = Tokenizer.from_file(os.path.join(FULL, "tokenizer.json"))
    pieces = json.load(open(os.path.join(FULL, "pieces.json"), encoding="utf-8"))
    used = set(range(4))
    words = set()
    n_sent = 0
    for name, split, sents in corpora.all_vocab_sources():
        texts = [" ".join(toks) for toks, _ in sents]
        n_sent += len(texts)
        for enc in full.encode_batch(texts, add_special_tokens=False):
            used.update(enc.ids)
        for toks, _ in sents:
            words.update(toks)
        print(f"{name} {split}: {len(texts)} sentences, {len(used)} pieces so far", flush=True)
    n_corpus = len(used)
    for i, (p, _) in enumerate(pieces):
        # Single characters, with or without the word marker, below U+3000: every script the
        # seven languages meet (Latin, Greek, Cyrillic, punctuation, symbols). The ~14k CJK/Hangul
        # single-character pieces above it would grow the table by 25% for text we never see.
        c = p.lstrip("\u2581")
        if len(c) == 0 or (len(c) == 1 and ord(c) < 0x3000):
            used.add(i)
    old_ids = sorted(used)
    assert old_ids[:4] == [0, 1, 2, 3]
    os.makedirs(TRIM, exist_ok=True)
    trimmed = build_tokenizer([tuple(pieces[i]) for i in old_ids])
    trimmed.save(os.path.join(TRIM, "tokenizer.json"))

    state = load_file(os.path.join(FULL, "model.safetensors"))
    key = "embeddings.word_embeddings.weight"
    state[key] = np.ascontiguousarray(state[key][np.array(old_ids)])
    save_file(state, os.path.join(TRIM, "model.safetensors"), metadata={"format": "pt"})
    cfg = json.load(open(os.path.join(FULL, "config.json")))
    cfg["vocab_size"] = len(old_ids)
    json.dump(cfg, open(os.path.join(TRIM, "config.json"), "w"), indent=2)
    json.dump(old_ids, open(os.path.join(TRIM, "old_ids.json"), "w"))

    # Check: same pieces for every word of the check sentences that occurs in the corpora;
    # report the others too (they may legitimately differ).
    same_in, total_in, same_out, total_out = 0, 0, 0, 0
    for lang, s in CHECK_SENTENCES.items():
        for w in s.split():
            a = full.encode(w, add_special_tokens=False).tokens
            b = trimmed.encode(w, add_special_tokens=False).tokens
            if w in words:
                total_in += 1
                same_in += a == b
                assert a == b, (lang, w, a, b)
            else:
                total_out += 1
                same_out += a == b
        a, b = full.encode(s).tokens, trimmed.encode(s).tokens
        print(lang, "sentence identical:", a == b, "" if a == b else f"\n  full {a}\n  trim {b}")
    report = {"sentences_tokenized": n_sent, "full_vocab": len(pieces), "embedding_rows_full": 250037,
              "pieces_from_corpora": n_corpus, "kept_with_single_chars": len(old_ids),
              "check_words_in_corpus_identical": f"{same_in}/{total_in}",
              "check_words_not_in_corpus_identical": f"{same_out}/{total_out}"}
    json.dump(report, open(os.path.join(TRIM, "trim_report.json"), "w"), indent=2)
    print(report)


# Extra own sentences for the model check: names and words that are rare or absent in the corpora.
MORE_SENTENCES = [
    "Volodymyr Zelensky met Kyriakos Mitsotakis in Zaporizhzhia, according to Reuters.",
    "Satya Nadella told Microsoft staff in Redmond that the OpenAI partnership would continue.",
    "Der Aufsichtsrat von Thyssenkrupp berief Miguel López zum neuen Vorstandsvorsitzenden in Essen.",
    "La ministre Élisabeth Borne a rencontré les syndicats de la SNCF à Matignon jeudi.",
    "Iberdrola nombró a Ignacio Sánchez Galán presidente ejecutivo en Bilbao.",
    "Giorgia Meloni ha incontrato i vertici di Stellantis a Palazzo Chigi.",
    "A Embraer anunciou que Francisco Gomes Neto deixará a presidência em São José dos Campos.",
    "Ahold Delhaize benoemde Frans Muller tot topman in Zaandam, meldt het NRC.",
]


def check_model(model_dir):
    import torch
    from transformers import BertForTokenClassification
    from nerutil import predict_words
    torch.set_num_threads(2)
    trim_tok = Tokenizer.from_file(os.path.join(model_dir, "tokenizer.json"))
    full_tok = Tokenizer.from_file(os.path.join(FULL, "tokenizer.json"))
    old_ids = json.load(open(os.path.join(TRIM, "old_ids.json")))
    trim_model = BertForTokenClassification.from_pretrained(model_dir).eval()
    full_model = BertForTokenClassification.from_pretrained(model_dir).eval()
    table = torch.from_numpy(load_file(os.path.join(FULL, "model.safetensors"))["embeddings.word_embeddings.weight"])
    table[torch.tensor(old_ids)] = trim_model.bert.embeddings.word_embeddings.weight.detach()
    full_model.bert.embeddings.word_embeddings = torch.nn.Embedding.from_pretrained(table, freeze=True, padding_idx=1)

    def fn(model):
        def logits(ids, mask):
            with torch.no_grad():
                return model(input_ids=torch.tensor(ids), attention_mask=torch.tensor(mask)).logits.numpy()
        return logits
    # Split punctuation off words, as the corpora do.
    own = [(re.findall(r"\w+(?:[-'’]\w+)*|[^\w\s]", s), None) for s in list(CHECK_SENTENCES.values()) + MORE_SENTENCES]
    sets = {"own sentences (7 languages)": own}
    for name in corpora.TEST_SPLITS:
        sets[f"{name} test, first 200"] = corpora.test(name, 200)
    report = {}
    for name, sents in sets.items():
        a = predict_words(trim_tok, sents, fn(trim_model))
        b = predict_words(full_tok, sents, fn(full_model))
        words = sum(len(x) for x in a)
        diff = sum(x != y for p, q in zip(a, b) for x, y in zip(p, q))
        tok_diff = sum(trim_tok.encode(s[0], is_pretokenized=True).tokens != full_tok.encode(s[0], is_pretokenized=True).tokens
                       for s in sents)
        report[name] = {"sentences": len(sents), "words": words, "word_labels_differing": diff,
                        "sentences_tokenized_differently": tok_diff}
        print(name, report[name], flush=True)
    for s, p in zip(sets["own sentences (7 languages)"], predict_words(trim_tok, sets["own sentences (7 languages)"], fn(trim_model))):
        print(" ".join(w if t == "O" else f"[{w}|{t}]" for w, t in zip(s[0], p)))
    json.dump(report, open(os.path.join(model_dir, "trim_check.json"), "w"), indent=2)


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--check-model", help="trained model dir: compare trimmed vs full vocabulary labels")
    a = ap.parse_args()
    check_model(a.check_model) if a.check_model else main()
