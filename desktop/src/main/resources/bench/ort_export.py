#!/usr/bin/env python3
"""Exports the Improv transformer to ONNX for the ONNX Runtime peers of `improv bench model`.

Two forms of the same weights (the safetensors file Java wrote):
  plain.onnx  torch.onnx.export of a KV-cached step: inputs input_ids (B,1), position (1,), past
              (layers, 2, B, heads, P, head) ; outputs logits (B, vocab), present (..., P+1, ...):
              the cache is copied into a new tensor every step, as a plain export does.
  gqa.onnx    the graph onnxruntime-genai builds: com.microsoft GroupQueryAttention with one
              preallocated key and value buffer per layer that is both past and present (the
              caller binds the same tensor to past_key_i and present_key_i), fused LayerNormalization,
              com.microsoft Gelu, weights pre-transposed for MatMul.
Usage: ort_export.py WEIGHTS CONFIG_JSON OUT_DIR
Needs Debian's python3-torch and python3-onnx.
"""
import json
import math
import os
import sys

import numpy as np
import onnx
import torch
import torch.nn.functional as F
from onnx import TensorProto, helper, numpy_helper

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from torch_peer import load  # noqa: E402  (same safetensors reader as the PyTorch peer)


def block_names(cfg, i):
    """Block i's tensor names, from the layout Java declares once (TransformerLayout) and passes in cfg."""
    return {key: name.replace("{i}", str(i)) for key, name in cfg["names"]["block"].items()}


class Step(torch.nn.Module):
    """One decoding step over a batch with a concatenated KV cache (the plain export's form)."""

    def __init__(self, w, cfg):
        super().__init__()
        self.w, self.cfg = w, cfg
        self.h = cfg["heads"]
        self.hs = cfg["width"] // cfg["heads"]

    def forward(self, input_ids, position, past):
        w, d, h, hs = self.w, self.cfg["width"], self.h, self.hs
        b = input_ids.shape[0]
        names = self.cfg["names"]
        x = w[names["tok_emb"]][input_ids[:, 0]] + w[names["pos_emb"]].index_select(0, position)  # (B, d)
        presents = []
        for i in range(self.cfg["layers"]):
            n = block_names(self.cfg, i)
            a = F.layer_norm(x, (d,), w[n["ln1W"]], w[n["ln1B"]])
            q, k, v = F.linear(a, w[n["qkvW"]], w[n["qkvB"]]).split(d, dim=1)
            q = q.reshape(b, h, 1, hs)
            keys = torch.cat([past[i, 0], k.reshape(b, h, 1, hs)], dim=2)    # (B, H, P+1, hs)
            values = torch.cat([past[i, 1], v.reshape(b, h, 1, hs)], dim=2)
            presents.append(torch.stack([keys, values]))
            att = torch.softmax(q @ keys.transpose(2, 3) / math.sqrt(hs), dim=-1)  # (B, H, 1, P+1)
            y = (att @ values).reshape(b, d)
            x = x + F.linear(y, w[n["projW"]], w[n["projB"]])
            a = F.layer_norm(x, (d,), w[n["ln2W"]], w[n["ln2B"]])
            a = F.gelu(F.linear(a, w[n["fcW"]], w[n["fcB"]]))
            x = x + F.linear(a, w[n["fc2W"]], w[n["fc2B"]])
        x = F.layer_norm(x, (d,), w[names["lnfW"]], w[names["lnfB"]])
        return F.linear(x, w[names["head"]]), torch.stack(presents)


def export_plain(w, cfg, path):
    L, h, hs = cfg["layers"], cfg["heads"], cfg["width"] // cfg["heads"]
    ids = torch.zeros(2, 1, dtype=torch.long)
    pos = torch.tensor([3], dtype=torch.long)
    past = torch.zeros(L, 2, 2, h, 3, hs)
    torch.onnx.export(Step(w, cfg), (ids, pos, past), path, opset_version=14,
                      input_names=["input_ids", "position", "past"], output_names=["logits", "present"],
                      dynamic_axes={"input_ids": {0: "batch"}, "past": {2: "batch", 4: "past"},
                                    "logits": {0: "batch"}, "present": {2: "batch", 4: "total"}})


def export_gqa(w, cfg, path):
    d, L, h = cfg["width"], cfg["layers"], cfg["heads"]
    hs, T, V = d // h, cfg["context"], cfg["vocabSize"]
    inits, nodes = [], []

    def init(name, array):
        inits.append(numpy_helper.from_array(np.ascontiguousarray(array, dtype=np.float32), name))
        return name

    def weight(name):
        return w[name].numpy()

    def linear(x, wname, bname, out):
        mm = nodes_out(out + "_mm")
        nodes.append(helper.make_node("MatMul", [x, init(wname + "_t", weight(wname).T)], [mm]))
        if bname is None:
            return mm
        nodes.append(helper.make_node("Add", [mm, init(bname, weight(bname))], [out]))
        return out

    def nodes_out(name):
        return name

    def norm(x, wname, bname, out):
        nodes.append(helper.make_node("LayerNormalization", [x, init(wname, weight(wname)), init(bname, weight(bname))],
                                      [out], axis=-1, epsilon=1e-5))
        return out

    names = cfg["names"]
    init("tok_emb", weight(names["tok_emb"]))
    init("pos_emb", weight(names["pos_emb"]))
    nodes.append(helper.make_node("Gather", ["tok_emb", "input_ids"], ["tok"]))       # (B, 1, d)
    nodes.append(helper.make_node("Gather", ["pos_emb", "position_ids"], ["pos"]))    # (B, 1, d)
    nodes.append(helper.make_node("Add", ["tok", "pos"], ["x0"]))
    inputs = [helper.make_tensor_value_info("input_ids", TensorProto.INT64, ["batch", 1]),
              helper.make_tensor_value_info("position_ids", TensorProto.INT64, ["batch", 1])]
    outputs = [helper.make_tensor_value_info("logits", TensorProto.FLOAT, ["batch", 1, V])]
    split = numpy_helper.from_array(np.array([d, d, d], dtype=np.int64), "qkv_split")
    inits.append(split)
    x = "x0"
    for i in range(L):
        n = block_names(cfg, i)
        a = norm(x, n["ln1W"], n["ln1B"], "ln1_%d" % i)
        qkv = linear(a, n["qkvW"], n["qkvB"], "qkv_%d" % i)
        nodes.append(helper.make_node("Split", [qkv, "qkv_split"], ["q_%d" % i, "k_%d" % i, "v_%d" % i], axis=-1))
        for kind in ("key", "value"):
            inputs.append(helper.make_tensor_value_info("past_%s_%d" % (kind, i), TensorProto.FLOAT, ["batch", h, T, hs]))
            outputs.append(helper.make_tensor_value_info("present_%s_%d" % (kind, i), TensorProto.FLOAT, ["batch", h, T, hs]))
        nodes.append(helper.make_node(
            "GroupQueryAttention",
            ["q_%d" % i, "k_%d" % i, "v_%d" % i, "past_key_%d" % i, "past_value_%d" % i, "seqlens_k",
             "total_sequence_length"],
            ["att_%d" % i, "present_key_%d" % i, "present_value_%d" % i],
            domain="com.microsoft", num_heads=h, kv_num_heads=h, scale=1.0 / math.sqrt(hs)))
        y = linear("att_%d" % i, n["projW"], n["projB"], "proj_%d" % i)
        nodes.append(helper.make_node("Add", [x, y], ["xa_%d" % i]))
        a = norm("xa_%d" % i, n["ln2W"], n["ln2B"], "ln2_%d" % i)
        f = linear(a, n["fcW"], n["fcB"], "fc_%d" % i)
        nodes.append(helper.make_node("Gelu", [f], ["gelu_%d" % i], domain="com.microsoft"))
        f2 = linear("gelu_%d" % i, n["fc2W"], n["fc2B"], "fc2_%d" % i)
        nodes.append(helper.make_node("Add", ["xa_%d" % i, f2], ["x%d" % (i + 1)]))
        x = "x%d" % (i + 1)
    a = norm(x, names["lnfW"], names["lnfB"], "lnf")
    linear(a, names["head"], None, "logits")
    nodes[-1].output[0] = "logits"
    inputs += [helper.make_tensor_value_info("seqlens_k", TensorProto.INT32, ["batch"]),
               helper.make_tensor_value_info("total_sequence_length", TensorProto.INT32, [])]
    graph = helper.make_graph(nodes, "improv_gqa", inputs, outputs, inits)
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17), helper.make_opsetid("com.microsoft", 1)])
    model.ir_version = 8
    onnx.save(model, path)


def main():
    weights, config, out = sys.argv[1], json.loads(sys.argv[2]), sys.argv[3]
    w = load(weights)
    with torch.no_grad():
        export_plain(w, config, os.path.join(out, "plain.onnx"))
    export_gqa(w, config, os.path.join(out, "gqa.onnx"))
    print(json.dumps({"torch": torch.__version__, "onnx": onnx.__version__}))


if __name__ == "__main__":
    main()
