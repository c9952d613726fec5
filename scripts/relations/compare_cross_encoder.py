#!/usr/bin/env python3
"""Compares the cross-encoder (cross_encoder.py) with the linear fact scorer (train.py) on annotated splits.

The linear scorers are fitted on the --train splits as train.py fits them (C fixed); each --eval split's fact
probabilities are then the linear model's, the cross-encoder's, or a mix of the two (alpha x linear +
(1 - alpha) x cross-encoder). Thresholds are chosen on the first --eval split (corpus/dev) for each mix and
kept for the others; F1 is train.py's simulation of `newsgraph eval` (implications aside).

    compare_cross_encoder.py --train CANDS:GOLD [...] --eval CANDS:GOLD:PREDICTIONS.npy [...] [--c 0.3]
"""
import argparse

import numpy as np

import train as T


def choose_thresholds(scored, gold):
    no_change = len(T.NO_CHANGE & set(gold))
    thresholds = {k: 0.5 for k in T.KINDS + [T.UNTITLED]}
    for _ in range(2):
        for kind in T.KINDS + [T.UNTITLED]:
            sweep = [(t, T.all_f1(T.simulate(scored, gold, {**thresholds, kind: t}), no_change)) for t in T.THRESHOLDS]
            thresholds[kind] = max(sweep, key=lambda s: (s[1], -abs(s[0] - 0.5)))[0]
    return thresholds


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--train", nargs="+", required=True)
    ap.add_argument("--eval", nargs="+", required=True)
    ap.add_argument("--c", type=float, default=0.3)
    args = ap.parse_args()
    train = [x for spec in args.train for x in T.read_split(spec)[0]]
    models = T.fit(train, args.c)
    splits = []
    for spec in args.eval:
        cands, gold, predictions = spec.rsplit(":", 2)
        candidates, gold = T.read_split(f"{cands}:{gold}")
        splits.append((cands, gold, T.scored(models, candidates), np.load(predictions)))
    for alpha in [1.0, 0.75, 0.5, 0.25, 0.0]:
        mixed = [[(x, alpha * p + (1 - alpha) * q, o) for (x, p, o), q in zip(scored, cross)] for _, _, scored, cross in splits]
        thresholds = choose_thresholds(mixed[0], splits[0][1])
        figures = []
        for (name, gold, _, _), scored in zip(splits, mixed):
            counts = T.simulate(scored, gold, thresholds)
            figures.append(f"{name.rsplit('/', 1)[-1]} {T.all_f1(counts, len(T.NO_CHANGE & set(gold))):.3f}")
        print(f"alpha {alpha}: " + ", ".join(figures), flush=True)


if __name__ == "__main__":
    main()
