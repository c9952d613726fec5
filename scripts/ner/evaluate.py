"""Entity-level micro F1 (exact span and type, strict IOB2 spans) per test split, for the
torch model (HF directory) or an ONNX model run with onnxruntime (fp32 or int8). Tags are decoded
as the Rust pipeline decodes them (the most probable valid IOB2 sequence, nerutil.viterbi); the
per-word argmax F1 of the same logits is reported beside it.

  python evaluate.py --torch ~/.cache/newsgraph/ner-train/final
  python evaluate.py --onnx ../../models/ner/model.onnx --tokenizer ../../models/ner/tokenizer.json
Options: --limit N (first N sentences of each split), --splits a,b, --json OUT.
"""
import argparse
import json
import os
import time

from tokenizers import Tokenizer

import corpora
from nerutil import decode_words, scores, word_log_probs


def torch_backend(path, threads):
    import torch
    from transformers import BertForTokenClassification
    torch.set_num_threads(threads)
    model = BertForTokenClassification.from_pretrained(path).eval()

    def logits_fn(ids, mask):
        with torch.no_grad():
            return model(input_ids=torch.tensor(ids), attention_mask=torch.tensor(mask)).logits.numpy()
    return logits_fn


def onnx_backend(path, threads):
    import numpy as np
    import onnxruntime as ort
    so = ort.SessionOptions()
    so.intra_op_num_threads = threads
    so.inter_op_num_threads = 1
    sess = ort.InferenceSession(path, so, providers=["CPUExecutionProvider"])

    def logits_fn(ids, mask):
        return sess.run(["logits"], {"input_ids": np.asarray(ids, dtype=np.int64),
                                     "attention_mask": np.asarray(mask, dtype=np.int64)})[0]
    return logits_fn


def evaluate(logits_fn, tok, splits, limit=None, batch_size=32):
    """Scores per split with Viterbi decoding (what the Rust pipeline does); the per-word argmax
    score of the same logits is kept beside it as f1_argmax."""
    results = {}
    for name in splits:
        sents = corpora.test(name, limit)
        t0 = time.time()
        word_lp = word_log_probs(tok, sents, logits_fn, batch_size)
        dt = time.time() - t0
        gold = [s[1] for s in sents]
        r = scores(gold, decode_words(word_lp, "viterbi"))
        r.update(f1_argmax=scores(gold, decode_words(word_lp, "argmax"))["f1"],
                 n_sentences=len(sents), sentences_per_s=round(len(sents) / dt, 1))
        results[name] = r
        print(f"{name:16s} n={len(sents):6d}  P {r['p']:.4f}  R {r['r']:.4f}  F1 {r['f1']:.4f}  "
              + "  ".join(f"{t} {v['f1']:.3f}" for t, v in r["per_type"].items())
              + f"  (argmax F1 {r['f1_argmax']:.4f}; {r['sentences_per_s']} sent/s)", flush=True)
    return results


def main():
    ap = argparse.ArgumentParser()
    g = ap.add_mutually_exclusive_group(required=True)
    g.add_argument("--torch", help="HF model directory")
    g.add_argument("--onnx", help="ONNX model file")
    ap.add_argument("--tokenizer", help="tokenizer.json (default: the one next to the model)")
    ap.add_argument("--limit", type=int)
    ap.add_argument("--splits", default=",".join(corpora.TEST_SPLITS))
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--json")
    a = ap.parse_args()
    path = a.torch or a.onnx
    tok_path = a.tokenizer or os.path.join(path if a.torch else os.path.dirname(path), "tokenizer.json")
    tok = Tokenizer.from_file(tok_path)
    fn = torch_backend(a.torch, a.threads) if a.torch else onnx_backend(a.onnx, a.threads)
    res = evaluate(fn, tok, a.splits.split(","), a.limit)
    if a.json:
        with open(a.json, "w") as f:
            json.dump({"model": path, "backend": "torch" if a.torch else "onnxruntime", "limit": a.limit,
                       "results": res}, f, indent=2)


if __name__ == "__main__":
    main()
