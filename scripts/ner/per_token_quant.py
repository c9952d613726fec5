"""Rewrites a dynamically quantised ONNX model (onnxruntime.quantization.quantize_dynamic) so that each
token's activations get their own int8 scale instead of one scale for the whole batch.

Why: DynamicQuantizeLinear scales a MatMul's input by the largest value in the whole [batch, tokens,
hidden] tensor, so a sentence's labels depend on which other sentences share its batch. With one
symmetric scale per token (max |x| / 127 over the hidden axis) a token's int8 values depend on that
token alone; with equal-length batches (the Rust side never pads) a sentence's logits are then the same
bits whatever it is batched with, which is what lets sharded runs merge into exactly the graph of one
run. Per-token scales are also finer than per-tensor ones, so accuracy moves towards fp32.

The weights, their scales and the graph around each MatMulInteger are kept; only each
DynamicQuantizeLinear is replaced by a per-row QuantizeLinear over a [tokens, hidden] view, scale
max |x| / 127 (Abs -> ReduceMax), zero point 128 (ONNX opset 17, where ReduceMax takes `axes` as an
attribute).

    python per_token_quant.py IN.onnx OUT.onnx
"""
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper


def hidden_size(graph, quantized_activation: str) -> int:
    """The width of the activation a quantiser feeds: the row count of its MatMulInteger's weight."""
    weights = {i.name: i for i in graph.initializer}
    for node in graph.node:
        if node.op_type == "MatMulInteger" and node.input[0] == quantized_activation:
            return weights[node.input[1]].dims[0]
    raise ValueError(f"{quantized_activation} feeds no MatMulInteger with a constant weight")


def rewrite(model: onnx.ModelProto) -> int:
    graph = model.graph
    new_nodes = []
    count = 0
    # A scale of 0 (an all-zero row: padding never happens, but be safe) would divide by zero.
    eps = numpy_helper.from_array(np.array(1e-12 / 127.0, dtype=np.float32), "per_token_quant_eps")
    q_max = numpy_helper.from_array(np.array(127.0, dtype=np.float32), "per_token_quant_qmax")
    # Symmetric values in [-127, 127] stored as uint8 around 128: ONNX Runtime's fast kernels take uint8
    # activations (int8 ones fall back to a far slower path) and a scalar zero point.
    zero = numpy_helper.from_array(np.array(128, dtype=np.uint8), "per_token_quant_zero_point")
    flat = numpy_helper.from_array(np.array([-1], dtype=np.int64), "per_token_quant_flat")
    graph.initializer.extend([eps, q_max, zero, flat])
    renamed_zero_points = {}
    for node in graph.node:
        if node.op_type != "DynamicQuantizeLinear":
            new_nodes.append(node)
            continue
        count += 1
        x = node.input[0]
        quantized, scale, zero_point = node.output
        base = f"{node.name or quantized}_per_token"
        hidden = hidden_size(graph, quantized)
        shape = numpy_helper.from_array(np.array([-1, hidden], dtype=np.int64), f"{base}_rows_shape")
        graph.initializer.append(shape)
        # QuantizeLinear with one scale per row of a [tokens, hidden] view: one fused pass, per token.
        new_nodes += [
            helper.make_node("Abs", [x], [f"{base}_abs"], name=f"{base}_Abs"),
            helper.make_node("ReduceMax", [f"{base}_abs"], [f"{base}_max"], name=f"{base}_ReduceMax", axes=[-1], keepdims=1),
            helper.make_node("Div", [f"{base}_max", q_max.name], [f"{base}_raw_scale"], name=f"{base}_Scale"),
            helper.make_node("Max", [f"{base}_raw_scale", eps.name], [scale], name=f"{base}_NonZero"),
            helper.make_node("Reshape", [scale, flat.name], [f"{base}_row_scales"], name=f"{base}_RowScales"),
            helper.make_node("Shape", [f"{base}_row_scales"], [f"{base}_rows"], name=f"{base}_Rows"),
            helper.make_node("Expand", [zero.name, f"{base}_rows"], [f"{base}_row_zero_points"], name=f"{base}_RowZeroPoints"),
            helper.make_node("Reshape", [x, shape.name], [f"{base}_as_rows"], name=f"{base}_AsRows"),
            helper.make_node("QuantizeLinear", [f"{base}_as_rows", f"{base}_row_scales", f"{base}_row_zero_points"],
                             [f"{base}_quantized_rows"], name=f"{base}_Quantize", axis=0),
            helper.make_node("Shape", [x], [f"{base}_shape"], name=f"{base}_Shape"),
            helper.make_node("Reshape", [f"{base}_quantized_rows", f"{base}_shape"], [quantized], name=f"{base}_Cast"),
        ]
        renamed_zero_points[zero_point] = zero.name
    for node in new_nodes:
        for i, name in enumerate(node.input):
            if name in renamed_zero_points:
                node.input[i] = renamed_zero_points[name]
    del graph.node[:]
    graph.node.extend(new_nodes)
    # Shape information recorded for the old uint8 outputs would now be wrong.
    stale = set(renamed_zero_points) | {n.output[0] for n in new_nodes if n.name.endswith("_per_token_Cast")}
    kept = [v for v in graph.value_info if v.name not in stale]
    del graph.value_info[:]
    graph.value_info.extend(kept)
    return count


def main():
    source, target = sys.argv[1:3]
    model = onnx.load(source)
    count = rewrite(model)
    if count == 0:
        sys.exit(f"{source}: no DynamicQuantizeLinear node: not a dynamically quantised model")
    onnx.checker.check_model(model)
    onnx.save(model, target)
    print(f"{target}: {count} activation quantisers now per token", file=sys.stderr)


if __name__ == "__main__":
    main()
