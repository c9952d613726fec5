"""Write the model of the latest training checkpoint as a Hugging Face directory, while train.py
goes on (or after it stopped early), so the Rust side can be tried on an interim model and a cut
session still leaves something to export.

  python snapshot.py            # ~/.cache/newsgraph/ner-train/ckpt.pt -> ~/.cache/newsgraph/ner-train/snapshot/
Then: python export_onnx.py --model ~/.cache/newsgraph/ner-train/snapshot --out ~/.cache/newsgraph/onnx-snapshot
"""
import argparse
import os
import shutil

import torch
from transformers import BertForTokenClassification

from nerutil import LABEL2ID

ap = argparse.ArgumentParser()
ap.add_argument("--base", default=os.path.expanduser("~/.cache/newsgraph/base/hf-trim"))
ap.add_argument("--train", default=os.path.expanduser("~/.cache/newsgraph/ner-train"))
ap.add_argument("--out", default=os.path.expanduser("~/.cache/newsgraph/ner-train/snapshot"))
a = ap.parse_args()

torch.set_num_threads(1)  # training owns the cores
ck = torch.load(os.path.join(a.train, "ckpt.pt"), map_location="cpu", weights_only=False)
model = BertForTokenClassification.from_pretrained(
    a.base, num_labels=len(LABEL2ID), id2label={i: l for l, i in LABEL2ID.items()}, label2id=LABEL2ID)
model.load_state_dict(ck["model"])
model.save_pretrained(a.out)
for name in ("tokenizer.json", "old_ids.json"):
    if name == "old_ids.json" and not os.path.exists(os.path.join(a.base, name)):
        continue  # --base is a fine-tuned model (a second stage): no trimming map beside it
    shutil.copy(os.path.join(a.base, name), a.out)
st = ck["state"]
print(f"snapshot of step {st['step']} of {st['total']} (epoch {st['epoch']}) in {a.out}")
