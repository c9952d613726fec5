"""Shared pieces of train.py / evaluate.py / export_onnx.py: word -> sub-token encoding,
length-bucketed batches, Viterbi decoding into valid IOB2, strict BIO span decoding and entity-level micro F1."""
import random

from corpora import LABELS, TYPES

LABEL2ID = {l: i for i, l in enumerate(LABELS)}
MAX_LEN = 128          # sub-tokens including <s> and </s>
PAD_ID, BOS_ID, EOS_ID = 1, 0, 2
IGNORE = -100


def encode(tok, sents, max_len=MAX_LEN, with_labels=True):
    """Encode word lists. Returns dicts with ids, first (index of each word's first sub-token,
    or -1 when the word was truncated away / produced no token) and labels (first sub-token of
    every word gets the word's tag, the rest -100). Sentences longer than max_len are truncated."""
    words = [s[0] for s in sents]
    out = []
    for k, enc in enumerate(tok.encode_batch(words, is_pretokenized=True, add_special_tokens=False)):
        ids, wids = enc.ids[:max_len - 2], enc.word_ids[:max_len - 2]
        first = [-1] * len(words[k])
        labels = [IGNORE] * (len(ids) + 2)
        for pos, w in enumerate(wids):
            if w is not None and first[w] < 0:
                first[w] = pos + 1  # +1 for <s>
                tag = sents[k][1][w] if with_labels else None
                if tag is not None:  # None: a word the data does not supervise (news_tags.py)
                    labels[pos + 1] = LABEL2ID[tag]
        out.append({"ids": [BOS_ID] + ids + [EOS_ID], "first": first, "labels": labels})
    return out


def chunk_words(tok, words, max_len=MAX_LEN):
    """Split a long sentence into consecutive word chunks that each fit max_len sub-tokens,
    so that inference labels every word (training simply truncates)."""
    lens = [max(1, len(e.ids)) for e in tok.encode_batch([[w] for w in words], is_pretokenized=True,
                                                          add_special_tokens=False)]
    chunks, cur, n = [], [], 0
    for w, l in zip(words, lens):
        if cur and n + l > max_len - 2:
            chunks.append(cur)
            cur, n = [], 0
        cur.append(w)
        n += l
    if cur:
        chunks.append(cur)
    return chunks


def bucketed_batches(lengths, batch_size, seed, pool=100):
    """Shuffle, sort pools of pool*batch_size by length, cut into batches, shuffle the batches.
    Deterministic for a given seed, so a resumed run can skip to its position."""
    rng = random.Random(seed)
    idx = list(range(len(lengths)))
    rng.shuffle(idx)
    batches = []
    step = pool * batch_size
    for i in range(0, len(idx), step):
        chunk = sorted(idx[i:i + step], key=lambda j: lengths[j])
        batches += [chunk[k:k + batch_size] for k in range(0, len(chunk), batch_size)]
    rng.shuffle(batches)
    return batches


def pad(items, key, value):
    n = max(len(it[key]) for it in items)
    return [it[key] + [value] * (n - len(it[key])) for it in items]


def spans(tags):
    """Strict IOB2 decoding: an entity starts at B-X and continues over I-X; an I-X that does
    not continue an open X entity is ignored (seqeval mode='strict' behaviour)."""
    out, start, typ = set(), None, None
    for i, t in enumerate(list(tags) + ["O"]):
        if start is not None and t != "I-" + typ:
            out.add((start, i, typ))
            start = typ = None
        if t.startswith("B-"):
            start, typ = i, t[2:]
    return out


def scores(gold_seqs, pred_seqs):
    """Entity-level micro P/R/F1 overall and per type (exact span and type)."""
    counts = {t: [0, 0, 0] for t in TYPES}  # tp, n_pred, n_gold
    for g, p in zip(gold_seqs, pred_seqs):
        gs, ps = spans(g), spans(p)
        for t in TYPES:
            gt = {s for s in gs if s[2] == t}
            pt = {s for s in ps if s[2] == t}
            counts[t][0] += len(gt & pt)
            counts[t][1] += len(pt)
            counts[t][2] += len(gt)

    def prf(tp, np_, ng):
        p = tp / np_ if np_ else 0.0
        r = tp / ng if ng else 0.0
        return {"p": p, "r": r, "f1": 2 * p * r / (p + r) if p + r else 0.0, "n_gold": ng}
    total = [sum(c[i] for c in counts.values()) for i in range(3)]
    res = prf(*total)
    res["per_type"] = {t: prf(*c) for t, c in counts.items()}
    return res


def allowed_transitions():
    """allowed[a, b]: may label b follow label a? An I-X continues only a B-X or an I-X; every other
    label may follow anything. Row len(LABELS) is the sentence start, where no I-X may stand."""
    import numpy as np
    n = len(LABELS)
    allowed = np.ones((n + 1, n), dtype=bool)
    for b, lb in enumerate(LABELS):
        if lb.startswith("I-"):
            allowed[:, b] = [la in ("B-" + lb[2:], lb) for la in LABELS] + [False]
    return allowed


def viterbi(log_probs, allowed):
    """The most probable label sequence (words x labels log-probabilities) that is valid IOB2.
    Argmax per word can emit an I-X after O or after another type, which strict decoding throws
    away; here such a word becomes whatever valid sequence has the highest total probability."""
    import numpy as np
    n_words, n_labels = log_probs.shape
    if n_words == 0:
        return []
    forbid = np.where(allowed, 0.0, -np.inf)
    score = log_probs[0] + forbid[n_labels]
    back = np.zeros((n_words, n_labels), dtype=np.int64)
    for w in range(1, n_words):
        cand = score[:, None] + forbid[:n_labels]          # previous label x next label
        back[w] = cand.argmax(0)
        score = cand.max(0) + log_probs[w]
    best = [int(score.argmax())]
    for w in range(n_words - 1, 0, -1):
        best.append(int(back[w, best[-1]]))
    return best[::-1]


def log_softmax(x):
    import numpy as np
    x = x - x.max(-1, keepdims=True)
    return x - np.log(np.exp(x).sum(-1, keepdims=True))


def predict_words(tok, sents, logits_fn, batch_size=32, decode="viterbi"):
    """Word-level tag predictions for (tokens, tags) sentences with any backend.
    logits_fn(ids, mask) takes padded int lists and returns an array (batch, seq, labels)."""
    return decode_words(word_log_probs(tok, sents, logits_fn, batch_size), decode)


def decode_words(word_lp, decode="viterbi"):
    """Tags from per-word log-probabilities. decode: "viterbi" (the valid IOB2 sequence of highest
    probability, as the Rust pipeline decodes) or "argmax" (each word on its own)."""
    import numpy as np
    if decode == "argmax":
        return [[LABELS[k] for k in np.asarray(lp).argmax(-1)] for lp in word_lp]
    allowed = allowed_transitions()
    return [[LABELS[k] for k in viterbi(lp, allowed)] for lp in word_lp]


def word_log_probs(tok, sents, logits_fn, batch_size=32):
    """Per sentence, a (words x labels) array of log-probabilities taken at each word's first
    sub-token; sentences over 40 words are run in chunks that fit the window."""
    import numpy as np
    # Flatten long sentences into chunks, predict, then stitch back.
    pieces = []  # (sentence index, word offset, words)
    for si, s in enumerate(sents):
        off = 0
        for ch in chunk_words(tok, s[0]) if len(s[0]) > 40 else [s[0]]:
            pieces.append((si, off, ch))
            off += len(ch)
    enc = encode(tok, [(p[2], None) for p in pieces], with_labels=False)
    order = sorted(range(len(enc)), key=lambda i: len(enc[i]["ids"]))
    # A word without a sub-token (truncated away) is O for certain.
    certain_o = np.where(np.arange(len(LABELS)) == LABEL2ID["O"], 0.0, -np.inf)
    word_lp = [np.tile(certain_o, (len(s[0]), 1)) for s in sents]
    for b in range(0, len(order), batch_size):
        batch = [enc[i] for i in order[b:b + batch_size]]
        ids = pad(batch, "ids", PAD_ID)
        mask = [[1] * len(it["ids"]) + [0] * (len(ids[0]) - len(it["ids"])) for it in batch]
        lp = log_softmax(np.asarray(logits_fn(ids, mask), dtype=np.float64))
        for row, i in enumerate(order[b:b + batch_size]):
            si, off, _ = pieces[i]
            for w, pos in enumerate(enc[i]["first"]):
                if pos >= 0:
                    word_lp[si][off + w] = lp[row, pos]
    return word_lp
