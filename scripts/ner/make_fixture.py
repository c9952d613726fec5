"""Tiny random BERT token classifier for Rust tests that compare two backends.

  python make_fixture.py   # -> tests/fixtures/tiny-ner/
Writes model.onnx (same I/O as models/ner/model.onnx: input_ids, attention_mask int64 ->
logits float32), model.safetensors + config.json (Hugging Face BertForTokenClassification
names), tokenizer.json (about 1,000 pieces of the trimmed vocabulary), labels.json and
expected.json (ids, mask and logits of two sentences, computed with PyTorch).
Weights are random (seed 0): the labels mean nothing, only the numbers are compared.
"""
import json
import os

import torch
from tokenizers import Tokenizer
from transformers import BertConfig, BertForTokenClassification

import corpora
from convert_base import build_tokenizer

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.normpath(os.path.join(HERE, "..", "..", "tests", "fixtures", "tiny-ner"))
FULL = os.path.expanduser("~/.cache/newsgraph/base/hf-full")
N_PIECES = 1000


def small_vocab():
    """Specials, printable-ASCII single characters (with and without '▁') so that any ASCII text
    segments, then the highest-scoring (most frequent) pieces of the trimmed vocabulary."""
    pieces = json.load(open(os.path.join(FULL, "pieces.json"), encoding="utf-8"))
    kept = set(json.load(open(os.path.expanduser("~/.cache/newsgraph/base/hf-trim/old_ids.json"))))
    chars = {chr(c) for c in range(33, 127)}
    chosen = [0, 1, 2, 3] + [i for i, (p, _) in enumerate(pieces) if i > 3 and i in kept and
                             (p.lstrip("\u2581") in chars or p == "\u2581")]
    rest = sorted((i for i in kept if i > 3 and i not in set(chosen)), key=lambda i: -pieces[i][1])
    chosen += rest[:N_PIECES - len(chosen)]
    return [tuple(pieces[i]) for i in sorted(chosen)]


def main():
    torch.manual_seed(0)
    os.makedirs(OUT, exist_ok=True)
    vocab = small_vocab()
    tok = build_tokenizer(vocab)
    tok.save(os.path.join(OUT, "tokenizer.json"))
    cfg = BertConfig(vocab_size=len(vocab), hidden_size=32, num_hidden_layers=2, num_attention_heads=4,
                     intermediate_size=64, max_position_embeddings=128, type_vocab_size=2, pad_token_id=1,
                     num_labels=len(corpora.LABELS), id2label=dict(enumerate(corpora.LABELS)),
                     label2id={l: i for i, l in enumerate(corpora.LABELS)})
    model = BertForTokenClassification(cfg).eval()
    model.save_pretrained(OUT, safe_serialization=True)
    json.dump({str(i): l for i, l in enumerate(corpora.LABELS)}, open(os.path.join(OUT, "labels.json"), "w"), indent=2)

    texts = ["Angela Merkel visited Paris on Monday .", "The board of Siemens met in Munich ."]
    encs = [tok.encode(t) for t in texts]
    n = max(len(e.ids) for e in encs)
    ids = torch.tensor([e.ids + [1] * (n - len(e.ids)) for e in encs])
    mask = (torch.arange(n)[None, :] < torch.tensor([len(e.ids) for e in encs])[:, None]).long()

    class LogitsOnly(torch.nn.Module):
        def __init__(self, m):
            super().__init__()
            self.m = m

        def forward(self, input_ids, attention_mask):
            return self.m(input_ids=input_ids, attention_mask=attention_mask).logits
    wrapped = LogitsOnly(model).eval()
    with torch.no_grad():
        logits = wrapped(ids, mask)
    axes = {0: "batch", 1: "sequence"}
    torch.onnx.export(wrapped, (ids, mask), os.path.join(OUT, "model.onnx"), opset_version=17,
                      input_names=["input_ids", "attention_mask"], output_names=["logits"],
                      dynamic_axes={"input_ids": axes, "attention_mask": axes, "logits": axes})
    json.dump({"texts": texts, "input_ids": ids.tolist(), "attention_mask": mask.tolist(),
               "tokens": [e.tokens for e in encs], "logits": logits.tolist()},
              open(os.path.join(OUT, "expected.json"), "w"))
    import numpy as np
    import onnxruntime as ort
    out = ort.InferenceSession(os.path.join(OUT, "model.onnx")).run(
        ["logits"], {"input_ids": ids.numpy(), "attention_mask": mask.numpy()})[0]
    print("vocab", len(vocab), "tokens", encs[0].tokens, "max |onnx - torch|", float(np.abs(out - logits.numpy()).max()))
    for f in sorted(os.listdir(OUT)):
        print(f, os.path.getsize(os.path.join(OUT, f)))


if __name__ == "__main__":
    main()
