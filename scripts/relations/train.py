#!/usr/bin/env python3
"""Trains the relation model from labelled candidates (`newsgraph candidates`) and writes it as ONNX.

Three linear scorers over the candidates' features (logistic regression, L2):
- fact: is the candidate a fact of the gold (per kind threshold);
- organization: which of a fact's organisation options the gold names (a conditional logit: the options of
  a fact compete in a softmax; scored one option at a time, the extractor takes the best);
- modality: asserted / future / hedged / negated of an event fact.

Train on the train splits; the regularisation and the per-kind thresholds are chosen on the dev splits by a
simulation of `newsgraph eval` (facts deduplicated by kind, people and organisation; a gold relation found
once); the model is then written from the train fit alone. Dev figures of the chosen setting are printed and
saved in scores.json; the README and the card take the figures of `newsgraph eval`, which is the measure.

    train.py --train CANDS:GOLD [...] --dev CANDS:GOLD [...] --out DIR [--version V]
"""
import argparse
import collections
import json
import sys
from pathlib import Path

import numpy as np
import onnx
import onnxruntime
from onnx import TensorProto, helper, numpy_helper
from scipy.optimize import minimize
from scipy.sparse import csr_matrix
from sklearn.linear_model import LogisticRegression

KINDS = ["left", "replaces", "joins", "holds_role"]
# A role held that names no title ("said Jan Kemper" at the focus company) is a weaker reading than one
# that does: it gets a threshold of its own, above the kind's.
UNTITLED = "holds_role_untitled"
UNTITLED_FEATURE = "holds_role|no_role=1"
MODALITIES = ["asserted", "future", "hedged", "negated"]
C_GRID = [0.003, 0.01, 0.03, 0.1, 0.3, 1.0]
# The fact scorer's C is chosen among these: below 0.1 it underfits, and corpus/dev (45 articles) cannot
# tell. On the fifteenth session's candidates C = 0.003 tied C = 0.3 in the simulation (0.615 / 0.614) and
# in `newsgraph eval` on corpus/dev (0.644 / 0.648) but scored 0.555 against 0.638 on corpus/train, the
# split it was fitted on, and 0.574 against 0.613 on the own dev articles.
FACT_C_GRID = [0.1, 0.3, 1.0]
DEFAULT_FACT_C = 0.3
ONE_FACT_F1 = 0.002
THRESHOLDS = [round(t, 2) for t in np.arange(0.15, 0.91, 0.05)]
MIN_FEATURE_COUNT = 2
# The bar: at most one departure extracted per 20 articles that report no personnel change.
NO_CHANGE_DEPARTURES_PER_ARTICLE = 1 / 20
# Articles (by id) that report no personnel change, from the meta.jsonl beside each gold file.
NO_CHANGE = set()


def read_split(spec):
    candidates_path, gold_path = spec.split(":")
    candidates = [json.loads(line) for line in open(candidates_path, encoding="utf-8")]
    gold = {}
    for line in open(gold_path, encoding="utf-8"):
        if line.strip():
            g = json.loads(line)
            gold[g["id"]] = [r for r in g["relations"] if not r.get("background")]
    # Keep indices as the candidates file gives them (over all relations, background included).
    full = {}
    for line in open(gold_path, encoding="utf-8"):
        if line.strip():
            g = json.loads(line)
            full[g["id"]] = g["relations"]
    meta = Path(gold_path).with_name("meta.jsonl")
    if meta.exists():
        for line in open(meta, encoding="utf-8"):
            if line.strip():
                m = json.loads(line)
                if m.get("kind") == "other":
                    NO_CHANGE.add(m["id"])
    return candidates, full


def vocabulary(rows):
    counts = collections.Counter(f for row in rows for f in set(row))
    return sorted(f for f, n in counts.items() if n >= MIN_FEATURE_COUNT)


def matrix(rows, index):
    data, cols, ptr = [], [], [0]
    for row in rows:
        known = sorted({index[f] for f in row if f in index})
        cols.extend(known)
        data.extend([1.0] * len(known))
        ptr.append(len(cols))
    return csr_matrix((data, cols, ptr), shape=(len(rows), len(index)), dtype=np.float64)


class Scorer:
    """A logistic regression over string features; `classes` in output order."""

    def __init__(self, rows, labels, classes, c):
        self.features = vocabulary(rows)
        self.index = {f: i for i, f in enumerate(self.features)}
        self.classes = classes
        y = np.array([classes.index(label) for label in labels])
        self.model = LogisticRegression(C=c, max_iter=2000, solver="lbfgs")
        self.model.fit(matrix(rows, self.index), y)

    def probabilities(self, rows):
        out = np.zeros((len(rows), len(self.classes)))
        if not rows:
            return out
        p = self.model.predict_proba(matrix(rows, self.index))
        for j, cls in enumerate(self.model.classes_):
            out[:, cls] = p[:, j]
        return out

    def weights(self):
        """(W, b): one row per feature (row 0 padding), one column per class, as softmax logits."""
        coef, intercept = self.model.coef_, self.model.intercept_
        k = len(self.classes)
        w = np.zeros((len(self.features) + 1, k), dtype=np.float32)
        b = np.zeros(k, dtype=np.float32)
        if coef.shape[0] == 1:  # binary: class 1 against class 0
            w[1:, self.model.classes_[1]] = coef[0]
            b[self.model.classes_[1]] = intercept[0]
        else:
            for j, cls in enumerate(self.model.classes_):
                w[1:, cls] = coef[j]
                b[cls] = intercept[j]
        return w, b


def write_onnx(scorer, path):
    w, b = scorer.weights()
    graph = helper.make_graph(
        [
            helper.make_node("Gather", ["weights", "features"], ["gathered"], axis=0),
            helper.make_node("ReduceSum", ["gathered", "axis"], ["summed"], keepdims=0),
            helper.make_node("Add", ["summed", "bias"], ["logits"]),
            helper.make_node("Softmax", ["logits"], ["probabilities"], axis=-1),
        ],
        "linear_scorer",
        [helper.make_tensor_value_info("features", TensorProto.INT64, ["rows", "width"])],
        [helper.make_tensor_value_info("probabilities", TensorProto.FLOAT, ["rows", len(scorer.classes)])],
        [
            numpy_helper.from_array(w, "weights"),
            numpy_helper.from_array(b, "bias"),
            numpy_helper.from_array(np.array([1], dtype=np.int64), "axis"),
        ],
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)], producer_name="newsgraph-relations")
    onnx.checker.check_model(model)
    onnx.save(model, path)
    path.with_name(path.stem + ".features.txt").write_text("".join(f + "\n" for f in scorer.features), encoding="utf-8")


def check_onnx(scorer, path, rows):
    """The ONNX graph gives the probabilities sklearn gives (float32 sums aside)."""
    session = onnxruntime.InferenceSession(str(path))
    index = {f: i + 1 for i, f in enumerate(scorer.features)}
    width = max(1, max(len(r) for r in rows))
    x = np.zeros((len(rows), width), dtype=np.int64)
    for i, row in enumerate(rows):
        known = [index[f] for f in row if f in index]
        x[i, : len(known)] = known
    got = session.run(["probabilities"], {"features": x})[0]
    want = scorer.probabilities(rows)
    assert np.abs(got - want).max() < 1e-4, f"{path}: ONNX and sklearn disagree by {np.abs(got - want).max()}"


class OptionScorer:
    """A conditional logit over a fact's organisation options: one weight per feature, the options of a
    fact compete in a softmax, and the loss is the probability mass the gold options get. Scored one option
    at a time, as the pointwise scorer was, but trained on which option wins over the others: an option
    scored alone learns how often options like it are right anywhere (the focus company of a round-up is
    right for most facts of the article), not whether it beats the title's own organisation in this sentence.
    Written as a two-class scorer (class 1 the option's logit, class 0 zero), so the extractor's argmax is
    the model's choice."""

    def __init__(self, groups, c):
        rows = [row for options, _ in groups for row in options]
        self.features = vocabulary(rows)
        self.index = {f: i for i, f in enumerate(self.features)}
        self.classes = [0, 1]
        x = matrix(rows, self.index)
        gold = np.array([g for _, golds in groups for g in golds], dtype=bool)
        group = np.repeat(np.arange(len(groups)), [len(options) for options, _ in groups])
        n = len(groups)

        def loss(w):
            s = x @ w
            # Per-group log-sum-exp over all options and over the gold ones.
            top = np.full(n, -np.inf)
            np.maximum.at(top, group, s)
            e = np.exp(s - top[group])
            every = np.bincount(group, e, n)
            right = np.bincount(group, e * gold, n)
            value = np.sum(np.log(every) - np.log(right)) + 0.5 / c * w @ w
            grad = x.T @ (e / every[group] - e * gold / right[group]) + w / c
            return value, grad

        self.w = minimize(loss, np.zeros(len(self.features)), jac=True, method="L-BFGS-B", options={"maxiter": 2000}).x

    def probabilities(self, rows):
        out = np.zeros((len(rows), 2))
        if rows:
            out[:, 1] = 1 / (1 + np.exp(-(matrix(rows, self.index) @ self.w)))
            out[:, 0] = 1 - out[:, 1]
        return out

    def weights(self):
        w = np.zeros((len(self.features) + 1, 2), dtype=np.float32)
        w[1:, 1] = self.w
        return w, np.zeros(2, dtype=np.float32)


class PriorScorer:
    """A fact scorer whose L2 pulls the weights toward those of a prior fact scorer (`--fact-prior`, the
    shipped one) instead of toward zero: what the prior learnt stays unless the data say otherwise, and a
    new feature is learnt on top. Plain refits on later candidates lose to the shipped scorer on the dev
    sets (twenty-eighth session: own dev 0.656-0.662 against 0.679, all in events); refits toward it keep
    its figures (C 0.03 and 0.1: corpus/dev 0.715, own dev 0.680 and 0.678)."""

    def __init__(self, rows, labels, c, prior_dir, new_c=None):
        self.features = vocabulary(rows)
        self.index = {f: i for i, f in enumerate(self.features)}
        self.classes = [0, 1]
        m = onnx.load(str(prior_dir / "fact.onnx"))
        inits = {i.name: numpy_helper.to_array(i) for i in m.graph.initializer}
        pw, pb = inits["weights"], inits["bias"]
        pindex = {line.rstrip("\n"): i + 1 for i, line in enumerate(open(prior_dir / "fact.features.txt", encoding="utf-8"))}
        w0 = np.array([float(pw[pindex[f], 1] - pw[pindex[f], 0]) if f in pindex else 0.0 for f in self.features])
        b0 = float(pb[1] - pb[0])
        # A feature the prior does not know starts at zero and may be held there less tightly (`--fact-new-c`):
        # at the prior's C (0.03) a new feature learns next to nothing.
        cs = np.array([c if f in pindex else (new_c or c) for f in self.features])
        x = matrix(rows, self.index)
        y = np.array(labels, dtype=float) * 2 - 1

        def loss(theta):
            w, b = theta[:-1], theta[-1]
            z = y * (x @ w + b)
            value = np.sum(np.logaddexp(0, -z)) + 0.5 * ((w - w0) / cs) @ (w - w0)
            g = -y * (1 / (1 + np.exp(z)))
            return value, np.append(x.T @ g + (w - w0) / cs, np.sum(g))

        theta = minimize(loss, np.append(w0, b0), jac=True, method="L-BFGS-B", options={"maxiter": 2000}).x
        self.w, self.b = theta[:-1], theta[-1]

    def probabilities(self, rows):
        out = np.zeros((len(rows), 2))
        if rows:
            out[:, 1] = 1 / (1 + np.exp(-(matrix(rows, self.index) @ self.w + self.b)))
            out[:, 0] = 1 - out[:, 1]
        return out

    def weights(self):
        w = np.zeros((len(self.features) + 1, 2), dtype=np.float32)
        w[1:, 1] = self.w
        b = np.zeros(2, dtype=np.float32)
        b[1] = self.b
        return w, b


def organization_groups(candidates):
    """The options of each fact whose gold organisation is among them: (features per option, gold per option)."""
    return [
        ([o["features"] for o in c["organizations"]], [bool(o["gold"]) for o in c["organizations"]])
        for c in candidates
        if c["label"] == 1 and any(o["gold"] for o in c["organizations"])
    ]


def organization_accuracy(scorer, candidates):
    """How often the option the scorer takes is one the gold names, over true facts with a gold option."""
    groups = organization_groups(candidates)
    if not groups:
        return 0.0
    scores = iter(scorer.probabilities([row for options, _ in groups for row in options])[:, 1])
    right = [golds[int(np.argmax([next(scores) for _ in options]))] for options, golds in groups]
    return float(np.mean(right))


def fit_organization(train, dev):
    """The option scorer whose regularisation takes the gold organisation most often on the dev facts."""
    best = None
    for c in C_GRID:
        scorer = OptionScorer(organization_groups(train), c)
        accuracy = organization_accuracy(scorer, dev)
        print(f"organization C={c}: dev accuracy {accuracy:.3f}", file=sys.stderr)
        if best is None or accuracy > best[0]:
            best = (accuracy, c, scorer)
    return best


def events(candidates):
    """True event facts read at a trigger word: what the modality scorer learns from and is scored on
    (the extractor takes the rules' reading where a sentence has no trigger)."""
    return [
        x
        for x in candidates
        if x["label"] == 1 and x["modality"] in MODALITIES and x["kind"] != "holds_role" and "no_trigger=1" not in x["modality_features"]
    ]


def fit(train, c, organization, modality=None, prior=None, new_c=None):
    facts = [x for x in train if x["label"] is not None]
    rows, labels = [x["features"] for x in facts], [x["label"] for x in facts]
    fact = PriorScorer(rows, labels, c, prior, new_c) if prior else Scorer(rows, labels, [0, 1], c)
    return fact, organization, modality


def fit_modality(train, dev):
    """The modality scorer whose regularisation gives the best dev accuracy on the dev's true facts."""
    best = None
    for c in C_GRID:
        scorer = Scorer([x["modality_features"] for x in events(train)], [x["modality"] for x in events(train)], MODALITIES, c)
        accuracy = modality_accuracy(scorer, dev)
        print(f"modality C={c}: dev accuracy {accuracy:.3f}", file=sys.stderr)
        if best is None or accuracy > best[0]:
            best = (accuracy, c, scorer)
    return best


def modality_accuracy(scorer, candidates):
    chosen = events(candidates)
    if not chosen:
        return 0.0
    predicted = scorer.probabilities([x["modality_features"] for x in chosen]).argmax(axis=1)
    return float(np.mean([MODALITIES[p] == x["modality"] for p, x in zip(predicted, chosen)]))


def scored(models, candidates):
    """Each candidate with its fact probability and the organisation option the model takes."""
    fact, organization, _ = models
    p = fact.probabilities([x["features"] for x in candidates])[:, 1]
    rows = [o["features"] for x in candidates for o in x["organizations"]]
    option_scores = iter(organization.probabilities(rows)[:, 1])
    out = []
    for x, prob in zip(candidates, p):
        scores = [next(option_scores) for _ in x["organizations"]]
        out.append((x, prob, x["organizations"][int(np.argmax(scores))]))
    return out


def simulate(scored_candidates, gold, thresholds):
    """Counts per kind as `newsgraph eval` would give them for the candidates' facts (implications aside)."""
    counts = {k: [0, 0, 0] for k in KINDS}  # tp, fp, fn
    counts["no_change_departures"] = 0
    found = set()
    # One fact per statement, the most confident (as the extractor keeps them).
    strongest = {}
    for x, prob, best in scored_candidates:
        if x["kind"] not in thresholds or prob < thresholds[x["kind"]]:
            continue
        if UNTITLED in thresholds and UNTITLED_FEATURE in x["features"] and prob < thresholds[UNTITLED]:
            continue
        key = (x["doc"], x["kind"], x["person"], x["predecessor"], best["entity"] if x["kind"] == "holds_role" else None)
        if key not in strongest or strongest[key][1] < prob:
            strongest[key] = (x, prob, best)
    # A succession says the predecessor left and the successor joined, at its organisation.
    options = {}
    for x, _, _ in scored_candidates:
        for o in x["organizations"]:
            options.setdefault((x["doc"], x["kind"], x["person"], x["predecessor"], o["entity"]), (x, o))
    for (doc, kind, person, predecessor, org), (x, prob, best) in list(strongest.items()):
        if kind != "replaces" or x["predecessor"] is None:
            continue
        for implied_kind, who in (("left", x["predecessor"]), ("joins", x["person"])):
            key = (doc, implied_kind, who, None, None)
            if key in strongest or implied_kind not in thresholds:
                continue
            y, option = options.get((doc, implied_kind, who, None, best["entity"]), (None, None))
            if y is None:
                y = {"doc": doc, "kind": implied_kind, "label": 0}
                option = {"entity": best["entity"], "gold": []}
            strongest[key] = (y, prob, option)
    for x, prob, best in strongest.values():
        if x["kind"] == "left" and x["doc"] in NO_CHANGE:
            counts["no_change_departures"] += 1
        fresh = [i for i in best["gold"] if (x["doc"], i) not in found]
        if fresh:
            found.add((x["doc"], fresh[0]))
            counts[x["kind"]][0] += 1
        elif not best["gold"] and x["label"] is not None:
            counts[x["kind"]][1] += 1
    for doc, relations in gold.items():
        for i, r in enumerate(relations):
            if not r.get("background") and r["type"] in thresholds and (doc, i) not in found:
                counts[r["type"]][2] += 1
    return counts


def all_f1(counts, no_change_articles):
    """All-relation F1, or -1 where more departures come out of no-change articles than the bar allows."""
    if counts["no_change_departures"] > NO_CHANGE_DEPARTURES_PER_ARTICLE * no_change_articles:
        return -1.0
    return f1(*[sum(counts[k][i] for k in KINDS) for i in range(3)])


def f1(tp, fp, fn):
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def refit_organization(train, dev, out):
    """Replaces the organisation scorer of the model in `out`, and records it in its scores.json."""
    missing = [name for name in ("fact.onnx", "config.json", "scores.json") if not (out / name).exists()]
    if missing:
        sys.exit(f"train.py --organization-only: {out} has no model to keep (missing {', '.join(missing)}); build one without it first")
    accuracy, c, organization = fit_organization(train, dev)
    path = out / "organization.onnx"
    write_onnx(organization, path)
    check_onnx(organization, path, [o["features"] for x in dev[:100] for o in x["organizations"]])
    report_path = out / "scores.json"
    report = json.loads(report_path.read_text(encoding="utf-8"))
    report.update({"organization_C": c, "dev_organization_accuracy_on_true_facts": round(accuracy, 3)})
    report["features"]["organization"] = len(organization.features)
    report_path.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(f"organization scorer refitted: C={c}, dev accuracy {accuracy:.3f}", file=sys.stderr)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--train", nargs="+", required=True)
    ap.add_argument("--dev", nargs="+", required=True)
    ap.add_argument("--out", required=True, type=Path)
    ap.add_argument("--version", default="newsgraph-relations-linear-v1")
    ap.add_argument("--modality-from", choices=["model", "rules"], default="model",
                    help="who reads modality at inference: chosen by `newsgraph eval` on the dev split (build_model.sh)")
    ap.add_argument("--organization-only", action="store_true",
                    help="refit only the organisation scorer of the model in --out (its regularisation chosen on the "
                         "dev split), keeping the fact and modality scorers and the thresholds")
    ap.add_argument("--fact-prior", type=Path, metavar="DIR",
                    help="regularise the fact scorer toward the one in DIR (fact.onnx, fact.features.txt) instead of zero")
    ap.add_argument("--fact-c", type=float, nargs="+", metavar="C",
                    help=f"the fact scorer's C grid (default {FACT_C_GRID}); a single value is the one used")
    ap.add_argument("--fact-new-c", type=float, metavar="C",
                    help="with --fact-prior: the C of the features the prior does not know (default: --fact-c's)")
    ap.add_argument("--choose-on-train-folds", type=int, default=0, metavar="K",
                    help="also choose on the first --train split, each of its articles scored by a fit without its "
                         "fold (K folds by article): more articles to choose thresholds on than the dev split alone")
    args = ap.parse_args()
    if args.fact_prior and args.choose_on_train_folds:
        # The prior was fitted on every train article, the held folds included: their scores would not be
        # out of fold.
        ap.error("--fact-prior and --choose-on-train-folds do not go together")

    train_sets = [read_split(spec) for spec in args.train]
    train = [x for cands, _ in train_sets for x in cands]
    dev_sets = [read_split(spec) for spec in args.dev]
    dev = [x for cands, _ in dev_sets for x in cands]
    dev_gold = {}
    for _, gold in dev_sets:
        dev_gold.update(gold)
    print(f"train: {len(train)} candidates; dev: {len(dev)} candidates, {len(dev_gold)} documents", file=sys.stderr)
    if args.organization_only:
        refit_organization(train, dev, args.out)
        return

    choose_gold = dict(dev_gold)
    folds = []
    if args.choose_on_train_folds:
        first_cands, first_gold = train_sets[0]
        first = {id(x) for x in first_cands}
        docs = sorted(first_gold)
        for k in range(args.choose_on_train_folds):
            held = set(docs[k :: args.choose_on_train_folds])
            folds.append(([x for x in train if id(x) not in first or x["doc"] not in held], [x for x in first_cands if x["doc"] in held]))
        choose_gold.update(first_gold)
    no_change_articles = len(NO_CHANGE & set(choose_gold))
    organization_accuracy_dev, organization_c, organization = fit_organization(train, dev)
    fold_organizations = [OptionScorer(organization_groups(fold_train), organization_c) for fold_train, _ in folds]
    fits = []
    grid = args.fact_c or FACT_C_GRID
    default_c = grid[0] if len(grid) == 1 else DEFAULT_FACT_C
    for c in grid:
        models = fit(train, c, organization, prior=args.fact_prior, new_c=args.fact_new_c)
        dev_scored = scored(models, dev)
        for (fold_train, fold_held), fold_organization in zip(folds, fold_organizations):
            dev_scored += scored(fit(fold_train, c, fold_organization, prior=args.fact_prior), fold_held)
        # Coordinate ascent over the per-kind thresholds on the all-relation F1 (a succession's threshold
        # moves the departures and appointments it implies).
        thresholds = {k: 0.5 for k in KINDS + [UNTITLED]}
        for _ in range(3):
            for kind in KINDS + [UNTITLED]:
                sweep = []
                for t in THRESHOLDS:
                    counts = simulate(dev_scored, choose_gold, {**thresholds, kind: t})
                    sweep.append((t, all_f1(counts, no_change_articles)))
                thresholds[kind] = max(sweep, key=lambda s: (s[1], -abs(s[0] - 0.5)))[0]
        counts = simulate(dev_scored, choose_gold, thresholds)
        score = all_f1(counts, no_change_articles)
        print(f"C={c}: dev F1 {score:.3f} thresholds {thresholds}, departures from no-change articles {counts['no_change_departures']}", file=sys.stderr)
        fits.append((score, c, thresholds, models))
    # The default C stands unless another wins by more than one fact: corpus/dev's all-relation F1 moves by
    # about 0.002 per fact, and a smaller margin is noise (the sixteenth session's candidates: C = 1.0 won
    # by 0.001 in the simulation and lost 0.008 on corpus/dev and 0.014 on the own dev articles).
    best = max(fits, key=lambda fit: fit[0])
    default = next((fit for fit in fits if fit[1] == default_c), None)
    if default is not None and default[0] >= best[0] - ONE_FACT_F1:
        best = default
    score, c, thresholds, models = best
    fact, organization, _ = models
    accuracy, modality_c, modality = fit_modality(train, dev)
    rule_rows = [x for x in events(dev)]
    rule_accuracy = float(np.mean([f"rules={x['modality']}" in x["modality_features"] for x in rule_rows])) if rule_rows else 0.0
    counts = simulate(scored(models, dev), dev_gold, thresholds)
    report = {
        "version": args.version,
        "C": c,
        "fact_prior": str(args.fact_prior) if args.fact_prior else None,
        "thresholds": thresholds,
        "dev_simulated": {k: {"tp": v[0], "fp": v[1], "fn": v[2], "f1": round(f1(*v), 3)} for k, v in counts.items() if k in KINDS},
        "dev_no_change_articles": no_change_articles,
        "dev_departures_from_no_change_articles": counts["no_change_departures"],
        "dev_simulated_f1": round(all_f1(counts, len(NO_CHANGE & set(dev_gold))), 3),
        "chosen_on": "dev" + (f" and the first train split's {args.choose_on_train_folds} folds" if folds else ""),
        "chosen_on_simulated_f1": round(score, 3),
        "organization_C": organization_c,
        "dev_organization_accuracy_on_true_facts": round(organization_accuracy_dev, 3),
        "modality_C": modality_c,
        "dev_modality_accuracy_on_true_facts": round(accuracy, 3),
        "dev_rule_modality_accuracy_on_true_facts": round(rule_accuracy, 3),
        "train_candidates": len(train),
        "features": {"fact": len(fact.features), "organization": len(organization.features), "modality": len(modality.features)},
    }
    if args.fact_new_c:
        report["fact_new_c"] = args.fact_new_c
    print(json.dumps(report, indent=1), file=sys.stderr)

    args.out.mkdir(parents=True, exist_ok=True)
    checks = {
        "fact": (fact, [x["features"] for x in dev[:200]]),
        "organization": (organization, [o["features"] for x in dev[:100] for o in x["organizations"]]),
        "modality": (modality, [x["modality_features"] for x in dev[:200] if x["modality_features"]]),
    }
    for name, (scorer, rows) in checks.items():
        path = args.out / f"{name}.onnx"
        write_onnx(scorer, path)
        check_onnx(scorer, path, rows)
    config = {"version": args.version, "thresholds": thresholds, "modality_classes": MODALITIES, "modality_from": args.modality_from}
    (args.out / "config.json").write_text(json.dumps(config, indent=2) + "\n", encoding="utf-8")
    (args.out / "scores.json").write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
