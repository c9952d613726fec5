"""Fine-tune the trimmed multilingual-e5-small as a BIO token classifier (PER/ORG/LOC).

Time-bounded and resumable: runs for at most --max-minutes, checkpoints every
--ckpt-minutes (model + optimizer + schedule + data position + RNG) into --out, and resumes
from the checkpoint when started again. The total number of steps is either given
(--total-steps) or fitted to a --deadline (UTC HH:MM): measured throughput x time left,
re-estimated at every checkpoint because the machine is shared with a Rust build.

  python train.py --deadline 13:00 --max-minutes 120

Distillation (issue 16): --teacher DIR (an HF token classifier, e.g. the shipped model rebuilt by
onnx_to_hf.py) gives soft labels; --layers keeps only those encoder layers of --base (the student starts
from the teacher's own layers when --base is the teacher). The loss is
  kd_weight * T^2 * KL(teacher_T || student_T) + (1 - kd_weight) * cross-entropy(gold)
over the labelled positions (first sub-token of each word), T = --temperature.

  python onnx_to_hf.py --out ~/.cache/newsgraph/teacher-hf
  python train.py --base ~/.cache/newsgraph/teacher-hf --teacher ~/.cache/newsgraph/teacher-hf \
      --layers 0,2,4,7,9,11 --out ~/.cache/newsgraph/ner-distill --total-steps N
Output: <out>/ckpt.pt, <out>/train.log, and <out>/final/ (HF model dir) once the schedule ends.
"""
import argparse
import datetime as dt
import json
import os
import random
import shutil
import time

# Idle OpenMP threads sleep instead of spinning, so they do not steal a core from a compiler
# that shares the machine (read by libgomp when torch is imported).
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
import torch  # noqa: E402
from tokenizers import Tokenizer
from transformers import BertForTokenClassification

import corpora
from nerutil import IGNORE, LABEL2ID, PAD_ID, bucketed_batches, encode, pad, predict_words, scores

ap = argparse.ArgumentParser()
ap.add_argument("--base", default=os.path.expanduser("~/.cache/newsgraph/base/hf-trim"))
ap.add_argument("--out", default=os.path.expanduser("~/.cache/newsgraph/ner-train"))
ap.add_argument("--max-minutes", type=float, default=120)
ap.add_argument("--deadline", help="UTC HH:MM by which the schedule should end")
ap.add_argument("--total-steps", type=int)
ap.add_argument("--ckpt-minutes", type=float, default=10)
ap.add_argument("--batch", type=int, default=32)
ap.add_argument("--lr", type=float, default=5e-5)
ap.add_argument("--head-lr", type=float, default=1e-4)
ap.add_argument("--warmup", type=float, default=0.06)
ap.add_argument("--seed", type=int, default=13)
ap.add_argument("--with-val", action="store_true",
                help="train on the news corpora's val sentences too (all but the monitored ones)")
ap.add_argument("--news-weight", type=int, default=0,
                help="add the news articles' projected gold tags (news_tags.py) this many times to the mix")
ap.add_argument("--teacher", help="HF token classifier whose soft labels the model learns (distillation)")
ap.add_argument("--layers", help="comma-separated encoder layers of --base the model keeps (a smaller student)")
ap.add_argument("--kd-weight", type=float, default=0.7, help="share of the distillation loss (with --teacher)")
ap.add_argument("--temperature", type=float, default=2.0, help="softmax temperature of the soft labels")
args = ap.parse_args()

os.makedirs(args.out, exist_ok=True)
LOG = open(os.path.join(args.out, "train.log"), "a", buffering=1)


def log(msg):
    line = f"{dt.datetime.utcnow():%H:%M:%S} {msg}"
    print(line, flush=True)
    LOG.write(line + "\n")


class ThreadGovernor:
    """Two intra-op threads when the machine is ours, one while other processes keep a core busy.

    With two threads every op ends in a barrier; when the other core is taken by a compiler, the
    barrier waits for a descheduled thread and a step got up to 8x slower (measured), far worse
    than the fair half. One thread has no barrier. The other processes' load is the machine's
    busy time minus this process's own CPU time, from /proc, every `every` steps."""

    def __init__(self, every=20):
        self.every, self.threads, self.last = every, 2, self._sample()
        self.tick = os.sysconf("SC_CLK_TCK")

    @staticmethod
    def _sample():
        cpu = open("/proc/stat").readline().split()[1:]
        busy = sum(int(x) for x in cpu) - int(cpu[3]) - int(cpu[4])  # all but idle and iowait
        own = open("/proc/self/stat").read().rsplit(")", 1)[1].split()
        return time.time(), busy, int(own[11]) + int(own[12])  # utime + stime

    def update(self, step):
        if step % self.every:
            return
        now = self._sample()
        dt_s = max(1e-3, now[0] - self.last[0])
        others = ((now[1] - self.last[1]) - (now[2] - self.last[2])) / self.tick / dt_s  # cores
        self.last = now
        want = 1 if others > 0.5 else 2
        if want != self.threads:
            torch.set_num_threads(want)
            self.threads = want
            log(f"threads -> {want} (other processes used {others:.2f} cores)")


def seconds_to_deadline():
    if not args.deadline:
        return None
    now = dt.datetime.utcnow()
    h, m = map(int, args.deadline.split(":"))
    return (now.replace(hour=h, minute=m, second=0, microsecond=0) - now).total_seconds()


torch.set_num_threads(2)
device = "cuda" if torch.cuda.is_available() else "cpu"
torch.manual_seed(args.seed)
random.seed(args.seed)

tok = Tokenizer.from_file(os.path.join(args.base, "tokenizer.json"))
train_s, dev_s = corpora.train_dev(args.seed, args.with_val)
if args.news_weight:
    import news_tags
    news = news_tags.news_sentences()
    train_s += news * args.news_weight
    log(f"news: {len(news)} sentences of annotated articles, {args.news_weight}x in the mix")
train = encode(tok, train_s)
lengths = [len(x["ids"]) for x in train]
log(f"train {len(train)} sentences, {sum(lengths)} sub-tokens; dev {len(dev_s)}; device {device}")

model = BertForTokenClassification.from_pretrained(
    args.base, num_labels=len(LABEL2ID), id2label={i: l for l, i in LABEL2ID.items()}, label2id=LABEL2ID
).to(device)
if args.layers:
    keep = [int(x) for x in args.layers.split(",")]
    model.bert.encoder.layer = torch.nn.ModuleList(model.bert.encoder.layer[i] for i in keep)
    model.config.num_hidden_layers = len(keep)
    log(f"student: encoder layers {keep} of {args.base}")
teacher = None
if args.teacher:
    teacher = BertForTokenClassification.from_pretrained(args.teacher).to(device).eval()
    for p in teacher.parameters():
        p.requires_grad_(False)
    log(f"teacher: {args.teacher} ({teacher.config.num_hidden_layers} layers), kd weight {args.kd_weight}, T {args.temperature}")


def loss_of(ids, mask, labels):
    """Cross-entropy on the gold tags, mixed with the teacher's soft labels when distilling."""
    out = model(input_ids=ids, attention_mask=mask, labels=labels)
    if teacher is None:
        return out.loss
    with torch.no_grad():
        soft = teacher(input_ids=ids, attention_mask=mask).logits
    at = labels != IGNORE
    t = args.temperature
    kd = torch.nn.functional.kl_div(torch.log_softmax(out.logits[at] / t, -1), torch.log_softmax(soft[at] / t, -1),
                                    log_target=True, reduction="batchmean") * t * t
    return args.kd_weight * kd + (1 - args.kd_weight) * out.loss
# No weight decay on biases and LayerNorm; a higher lr for the freshly initialised head.
groups = {"decay": [], "no_decay": [], "head": []}
for n, p in model.named_parameters():
    key = "head" if n.startswith("classifier") else ("no_decay" if n.endswith("bias") or "LayerNorm" in n else "decay")
    groups[key].append(p)
opt = torch.optim.AdamW([
    {"params": groups["decay"], "weight_decay": 0.01, "base_lr": args.lr},
    {"params": groups["no_decay"], "weight_decay": 0.0, "base_lr": args.lr},
    {"params": groups["head"], "weight_decay": 0.0, "base_lr": args.head_lr},
], lr=args.lr, fused=True)  # fused: the per-parameter Python loop dominated the step on CPU

# Schedule and data position; overwritten by a checkpoint.
st = {"step": 0, "total": args.total_steps, "warmup": None, "epoch": 0, "pos": 0, "train_seconds": 0.0,
      "sentences": 0}
ckpt_path = os.path.join(args.out, "ckpt.pt")
if os.path.exists(ckpt_path):
    ck = torch.load(ckpt_path, map_location=device, weights_only=False)
    model.load_state_dict(ck["model"])
    opt.load_state_dict(ck["opt"])
    st = ck["state"]
    torch.set_rng_state(ck["torch_rng"])
    random.setstate(ck["py_rng"])
    log(f"resumed from step {st['step']} of {st['total']} (epoch {st['epoch']} batch {st['pos']})")


def lr_factor(step):
    if not st["total"]:
        return min(1.0, step / 1000)  # still calibrating: tiny ramp
    w = st["warmup"]
    return step / w if step < w else max(0.0, (st["total"] - step) / max(1, st["total"] - w))


def dev_f1():
    model.eval()

    def logits_fn(ids, mask):
        with torch.no_grad():
            return model(input_ids=torch.tensor(ids, device=device),
                         attention_mask=torch.tensor(mask, device=device)).logits.float().cpu().numpy()
    preds = predict_words(tok, dev_s, logits_fn, batch_size=64)
    model.train()
    per = {}
    for src in sorted({s[2] for s in dev_s}):
        idx = [i for i, s in enumerate(dev_s) if s[2] == src]
        per[src] = round(scores([dev_s[i][1] for i in idx], [preds[i] for i in idx])["f1"], 4)
    return scores([s[1] for s in dev_s], preds)["f1"], per


def save_ckpt():
    tmp = ckpt_path + ".tmp"
    torch.save({"model": model.state_dict(), "opt": opt.state_dict(), "state": st,
                "torch_rng": torch.get_rng_state(), "py_rng": random.getstate(), "args": vars(args)}, tmp)
    os.replace(tmp, ckpt_path)  # atomic: a kill during saving leaves the previous checkpoint


def refit_total(rate_steps_per_s):
    """Fit the schedule to the deadline with the measured step rate (never below the current step)."""
    left = seconds_to_deadline()
    if left is None or args.total_steps:
        return
    new_total = st["step"] + max(50, int(rate_steps_per_s * left))
    if st["total"] is None:
        st["warmup"] = max(st["step"] + 1, int(args.warmup * new_total))
    st["total"] = new_total
    log(f"schedule: total {st['total']} steps, warm-up {st['warmup']} (rate {rate_steps_per_s:.3f} steps/s, {left/60:.0f} min left)")


if st["total"] and st["warmup"] is None:
    st["warmup"] = int(args.warmup * st["total"])

model.train()
governor = ThreadGovernor()
start = time.time()
last_ckpt = start
win_t, win_steps, win_sents, win_loss = time.time(), 0, 0, 0.0
calib_t0 = None
ckpt_step0 = st["step"]
resume_step = st["step"]
done = False
while not done:
    batches = bucketed_batches(lengths, args.batch, seed=args.seed * 1000 + st["epoch"])
    while st["pos"] < len(batches):
        b = [train[i] for i in batches[st["pos"]]]
        ids = torch.tensor(pad(b, "ids", PAD_ID), device=device)
        labels = torch.tensor(pad(b, "labels", IGNORE), device=device)
        mask = (ids != PAD_ID).long()
        f = lr_factor(st["step"])
        for g in opt.param_groups:
            g["lr"] = g["base_lr"] * f
        loss = loss_of(ids, mask, labels)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        opt.zero_grad(set_to_none=True)
        st["step"] += 1
        st["pos"] += 1
        governor.update(st["step"])
        st["sentences"] += len(b)
        win_steps += 1
        win_sents += len(b)
        win_loss += loss.item()
        now = time.time()
        # Calibrate the schedule on steps 10..60 (the first steps include warm-up effects).
        # After a resume the machine may be busier or freer: re-fit the same way.
        if st["total"] is None or (args.deadline and not args.total_steps):
            if st["step"] == resume_step + 10:
                calib_t0 = now
            elif st["step"] == resume_step + 60 and calib_t0 is not None:
                refit_total(50 / (now - calib_t0))
        if st["step"] % 50 == 0:
            el = now - win_t
            log(f"step {st['step']}/{st['total']} epoch {st['epoch']} loss {win_loss / win_steps:.4f} threads {governor.threads} "
                f"lr {opt.param_groups[0]['lr']:.2e} {win_sents / el:.1f} sent/s {win_steps / el:.3f} steps/s")
            win_t, win_steps, win_sents, win_loss = now, 0, 0, 0.0
        finished = st["total"] is not None and st["step"] >= st["total"]
        out_of_time = (now - start) / 60 >= args.max_minutes
        if finished or out_of_time or now - last_ckpt >= args.ckpt_minutes * 60:
            st["train_seconds"] += now - last_ckpt
            t0 = time.time()
            f1, per = dev_f1()
            log(f"checkpoint step {st['step']}: dev F1 {f1:.4f} {json.dumps(per)} (eval {time.time() - t0:.0f}s)")
            # Re-fit the schedule to the deadline with the rate of the last interval (the Rust
            # build on the same cores makes it vary); eval time counts as lost time.
            interval_steps = st["step"] - ckpt_step0
            if not finished and st["total"] is not None and interval_steps >= 100:
                refit_total(interval_steps / (time.time() - last_ckpt))
            save_ckpt()
            last_ckpt, ckpt_step0 = time.time(), st["step"]
            if finished or out_of_time:
                done = True
                break
    else:
        st["epoch"] += 1
        st["pos"] = 0

if st["total"] is not None and st["step"] >= st["total"]:
    final = os.path.join(args.out, "final")
    model.save_pretrained(final)
    shutil.copy(os.path.join(args.base, "tokenizer.json"), final)
    if os.path.exists(os.path.join(args.base, "old_ids.json")):  # absent when --base is a fine-tuned model
        shutil.copy(os.path.join(args.base, "old_ids.json"), final)
    log(f"schedule finished: {st['step']} steps, {st['sentences']} sentences, "
        f"{st['train_seconds'] / 60:.1f} min of training; model in {final}")
else:
    log(f"stopped at step {st['step']} (time budget); run again to resume")
