#!/usr/bin/env python3
"""Trains a small cross-encoder that reads a relation candidate in its sentence and says whether it is a fact.

An experiment beside the linear fact scorer (train.py): the candidate's kind, the people's names and the
sentence with the person marked `[ ... ]` and the predecessor `{ ... }` go through the first LAYERS layers
of the shipped NER encoder (rebuilt as PyTorch weights by scripts/ner/onnx_to_hf.py) and a two-class head.
Candidates come from `newsgraph candidates` (scripts/relations/build_model.sh caches them in
~/.cache/newsgraph/relations/), labelled by the gold as for train.py.

Resumable: a checkpoint (weights, optimiser, step) is written to --work every --save-every steps and at the
end of every epoch; running the same command again goes on from it. When training is done, the fact
probability of every candidate of each --predict split is written to --work as `NAME.cross.npy` (one float
per line of the candidates file). compare_cross_encoder.py scores it against the linear fact scorer.

    # the venv of scripts/ner/setup_env.sh (torch, tokenizers); the encoder from scripts/ner/onnx_to_hf.py
    python onnx_to_hf.py --out ~/.cache/newsgraph/ner-hf   (in scripts/ner)
    cross_encoder.py --train CANDS [...] --predict CANDS [...] [--layers 6] [--epochs 2]
"""
import argparse
import json
import math
import os
import random
import sys
import time
from pathlib import Path

import numpy as np
import torch
from safetensors.torch import load_file
from tokenizers import Tokenizer
from transformers import BertConfig, BertForSequenceClassification

HERE = Path(__file__).resolve().parent
KIND_WORDS = {"left": "left", "replaces": "replaces", "joins": "joins", "holds_role": "role"}
MAX_TOKENS = 128


def text_of(x):
    """The candidate as one string: kind, names, then the sentence with the people marked."""
    sentence = x["evidence"]
    marks = []
    if x.get("person_span"):
        marks.append((x["person_span"], "[ ", " ]"))
    if x.get("predecessor_span") and x["predecessor_span"] != x.get("person_span"):
        marks.append((x["predecessor_span"], "{ ", " }"))
    for (start, end), opening, closing in sorted(marks, key=lambda m: -m[0][0]):
        sentence = sentence[:start] + opening + sentence[start:end] + closing + sentence[end:]
    head = f"{KIND_WORDS[x['kind']]} : [ {x.get('person_name', '')} ]"
    if x.get("predecessor_name"):
        head += f" {{ {x['predecessor_name']} }}"
    return head + " : " + sentence


def encode(tokenizer, rows):
    ids = []
    for x in rows:
        e = tokenizer.encode(text_of(x)).ids
        if len(e) > MAX_TOKENS:
            e = e[: MAX_TOKENS - 1] + [2]
        ids.append(e)
    return ids


def batches(ids, labels, size, shuffle, rng):
    """Batches of similar length (less padding); shuffled by batch when training."""
    order = sorted(range(len(ids)), key=lambda i: len(ids[i]))
    chunks = [order[i : i + size] for i in range(0, len(order), size)]
    if shuffle:
        rng.shuffle(chunks)
    for chunk in chunks:
        width = max(len(ids[i]) for i in chunk)
        x = torch.ones((len(chunk), width), dtype=torch.long)
        mask = torch.zeros((len(chunk), width), dtype=torch.long)
        for row, i in enumerate(chunk):
            x[row, : len(ids[i])] = torch.tensor(ids[i])
            mask[row, : len(ids[i])] = 1
        y = torch.tensor([labels[i] for i in chunk]) if labels is not None else None
        yield chunk, x, mask, y


def model_from(encoder_dir, layers):
    config = BertConfig.from_pretrained(encoder_dir)
    config.num_hidden_layers = layers
    config.num_labels = 2
    model = BertForSequenceClassification(config)
    state = load_file(os.path.join(encoder_dir, "model.safetensors"))
    kept = {k: v for k, v in state.items() if k.startswith("bert.") and not any(f"layer.{n}." in k for n in range(layers, 64))}
    missing, _ = model.load_state_dict(kept, strict=False)
    assert all(not k.startswith("bert.encoder") and not k.startswith("bert.embeddings") for k in missing), missing
    return model


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--train", nargs="+", required=True)
    ap.add_argument("--predict", nargs="*", default=[])
    ap.add_argument("--encoder", default=os.path.expanduser("~/.cache/newsgraph/ner-hf"))
    ap.add_argument("--work", default=os.path.expanduser("~/.cache/newsgraph/cross-encoder"))
    ap.add_argument("--layers", type=int, default=6)
    ap.add_argument("--epochs", type=int, default=2)
    ap.add_argument("--batch", type=int, default=16)
    ap.add_argument("--lr", type=float, default=5e-5)
    ap.add_argument("--save-every", type=int, default=200)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    torch.set_num_threads(int(os.environ.get("THREADS", "2")))
    torch.manual_seed(args.seed)
    work = Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    tokenizer = Tokenizer.from_file(os.path.join(args.encoder, "tokenizer.json"))

    rows = [json.loads(line) for path in args.train for line in open(path, encoding="utf-8")]
    rows = [x for x in rows if x["label"] is not None]
    ids, labels = encode(tokenizer, rows), [x["label"] for x in rows]
    print(f"train: {len(rows)} candidates, {sum(labels)} facts", file=sys.stderr)

    model = model_from(args.encoder, args.layers)
    optimizer = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=0.01)
    steps_per_epoch = math.ceil(len(ids) / args.batch)
    total = steps_per_epoch * args.epochs
    warmup = max(1, total // 20)
    schedule = torch.optim.lr_scheduler.LambdaLR(optimizer, lambda s: min((s + 1) / warmup, max(0.0, (total - s) / (total - warmup))))
    checkpoint = work / "checkpoint.pt"
    step = 0
    if checkpoint.exists():
        state = torch.load(checkpoint, weights_only=False)
        model.load_state_dict(state["model"])
        optimizer.load_state_dict(state["optimizer"])
        schedule.load_state_dict(state["schedule"])
        step = state["step"]
        print(f"resumed at step {step} of {total}", file=sys.stderr)

    def save():
        tmp = work / "checkpoint.pt.partial"
        torch.save({"model": model.state_dict(), "optimizer": optimizer.state_dict(), "schedule": schedule.state_dict(), "step": step}, tmp)
        os.replace(tmp, checkpoint)

    started = time.time()
    model.train()
    while step < total:
        epoch = step // steps_per_epoch
        rng = random.Random(args.seed * 1000 + epoch)
        for n, (_, x, mask, y) in enumerate(batches(ids, labels, args.batch, True, rng)):
            if epoch * steps_per_epoch + n < step:
                continue  # done before the resume
            loss = torch.nn.functional.cross_entropy(model(input_ids=x, attention_mask=mask).logits, y)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimizer.step()
            schedule.step()
            optimizer.zero_grad()
            step += 1
            if step % 50 == 0:
                print(f"step {step}/{total} loss {loss.item():.3f} {time.time() - started:.0f}s", file=sys.stderr, flush=True)
            if step % args.save_every == 0:
                save()
        save()

    model.eval()
    for path in args.predict:
        cands = [json.loads(line) for line in open(path, encoding="utf-8")]
        ids_p = encode(tokenizer, cands)
        out = np.full(len(cands), np.nan, dtype=np.float32)
        with torch.no_grad():
            for chunk, x, mask, _ in batches(ids_p, None, 64, False, None):
                p = torch.softmax(model(input_ids=x, attention_mask=mask).logits, dim=-1)[:, 1].numpy()
                out[chunk] = p
        target = work / (Path(path).stem + ".cross.npy")
        np.save(target, out)
        print(f"predicted {path} -> {target}", file=sys.stderr)


if __name__ == "__main__":
    main()
