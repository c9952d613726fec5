"""Rebuilds a Hugging Face `BertForTokenClassification` (safetensors) from the shipped int8 ONNX model.

The fine-tuned fp32 weights are a training output that git does not keep; the shipped model holds the
same weights rounded to int8. Dequantised, they give a PyTorch model with the shipped model's weights,
for what needs the model outside ONNX Runtime: the Python transformers baseline of the benchmark, the
rust-bert backend (`model.safetensors`), and an fp32 ONNX export (`--fp32-onnx`) to compare against.

    python onnx_to_hf.py [--onnx models/ner/model.onnx] --out DIR [--fp32-onnx FILE]

Weights: every MatMulInteger's constant weight (int8, with its `_scale` / `_zero_point`) becomes the
Linear weight of the module its output is named after (`/model/bert/encoder/layer.0/attention/self/
query/MatMul...` -> `bert.encoder.layer.0.attention.self.query.weight`, transposed); the quantised
embedding tables are dequantised; biases and LayerNorm parameters are copied as they are.
"""
import argparse
import json
import os
import shutil

import numpy as np
import onnx
from onnx import numpy_helper

HERE = os.path.dirname(os.path.abspath(__file__))
MODEL_DIR = os.path.join(HERE, "../../models/ner")


def dequantized(inits, name):
    q = numpy_helper.to_array(inits[name + "_quantized"]).astype(np.float32)
    zero = numpy_helper.to_array(inits[name + "_zero_point"]).astype(np.float32)
    return (q - zero) * numpy_helper.to_array(inits[name + "_scale"]).astype(np.float32)


def state_dict(model):
    inits = {i.name: i for i in model.graph.initializer}
    weights = {}
    for name in inits:
        if name.startswith("model.") and name.endswith("_quantized"):
            weights[name[len("model."):-len("_quantized")]] = dequantized(inits, name[:-len("_quantized")])
        elif name.startswith("model.") and not name.endswith(("_scale", "_zero_point")):
            weights[name[len("model."):]] = numpy_helper.to_array(inits[name]).astype(np.float32)
    for node in model.graph.node:
        if node.op_type != "MatMulInteger" or not node.input[1].endswith("_quantized"):
            continue
        module = node.output[0].split("/MatMul")[0].strip("/")
        assert module.startswith("model/"), node.output[0]
        key = module[len("model/"):].replace("/", ".") + ".weight"
        weights[key] = np.ascontiguousarray(dequantized(inits, node.input[1][:-len("_quantized")]).T)
    return weights


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--onnx", default=os.path.join(MODEL_DIR, "model.onnx"))
    ap.add_argument("--out", required=True)
    ap.add_argument("--fp32-onnx", help="also export the rebuilt model to this fp32 ONNX file")
    a = ap.parse_args()
    import torch
    from safetensors.torch import save_file
    from transformers import BertConfig, BertForTokenClassification

    weights = state_dict(onnx.load(a.onnx))
    vocab, hidden = weights["bert.embeddings.word_embeddings.weight"].shape
    labels = json.load(open(os.path.join(os.path.dirname(a.onnx), "labels.json")))
    id2label = {int(k): v for k, v in labels.items()} if isinstance(labels, dict) else dict(enumerate(labels))
    # As many layers as the file has (12 for v1.x, 6 for the distilled student).
    layers = len({k.split(".")[3] for k in weights if k.startswith("bert.encoder.layer.")})
    config = BertConfig(vocab_size=vocab, hidden_size=hidden, num_hidden_layers=layers, num_attention_heads=12,
                        intermediate_size=weights["bert.encoder.layer.0.intermediate.dense.weight"].shape[0],
                        max_position_embeddings=weights["bert.embeddings.position_embeddings.weight"].shape[0],
                        type_vocab_size=2, layer_norm_eps=1e-12, hidden_act="gelu",
                        num_labels=len(id2label), id2label=id2label, label2id={v: k for k, v in id2label.items()})
    model = BertForTokenClassification(config).eval()
    tensors = {k: torch.from_numpy(v) for k, v in weights.items()}
    missing, unexpected = model.load_state_dict(tensors, strict=False)
    missing = [k for k in missing if not k.endswith("position_ids")]
    if missing or unexpected:
        raise SystemExit(f"weights do not fit BERT: missing {missing}, unexpected {unexpected}")
    os.makedirs(a.out, exist_ok=True)
    config.save_pretrained(a.out)
    save_file({k: v.contiguous() for k, v in model.state_dict().items()}, os.path.join(a.out, "model.safetensors"), metadata={"format": "pt"})
    for name in ("tokenizer.json", "labels.json"):
        shutil.copy(os.path.join(os.path.dirname(a.onnx), name), a.out)
    print(f"{a.out}: BertForTokenClassification, {sum(v.size for v in weights.values()) / 1e6:.1f} M parameters")
    if a.fp32_onnx:
        import export_onnx
        import onnxruntime as ort
        ids, mask, ref = export_onnx.export_fp32(a.out, a.fp32_onnx)
        shipped = ort.InferenceSession(a.onnx, providers=["CPUExecutionProvider"])
        out = shipped.run(["logits"], {"input_ids": ids, "attention_mask": mask})[0]
        agree = float((out.argmax(-1) == ref.argmax(-1))[mask.astype(bool)].mean())
        print(f"{a.fp32_onnx}: fp32 ONNX export; against the shipped int8 model: max |logit diff| "
              f"{np.abs(out - ref)[mask.astype(bool)].max():.3f}, argmax agreement {agree:.3f}")


if __name__ == "__main__":
    main()
