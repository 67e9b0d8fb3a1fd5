#!/usr/bin/env python3
"""Benchmark peer for `improv bench model`: the same transformer in PyTorch eager with a KV cache.

Reads the weights Java exported (safetensors layout, float32), decodes greedily at batch 1 with a
preallocated key/value cache, and prints one JSON line: tokens/s, step p50/p99 in ms, and the logits
of the probe sequence so Java can check both compute the same function.
Usage: torch_peer.py WEIGHTS CONFIG_JSON --tokens N --probe 1,2,3 [--threads T]
"""
import argparse
import json
import math
import struct
import time

import torch
import torch.nn.functional as F


def load(path):
    with open(path, "rb") as f:
        data = f.read()
    (n,) = struct.unpack("<Q", data[:8])
    header = json.loads(data[8:8 + n])
    base = 8 + n
    out = {}
    for name, e in header.items():
        if name == "__metadata__":
            continue
        b, end = e["data_offsets"]
        t = torch.frombuffer(bytearray(data[base + b:base + end]), dtype=torch.float32)
        out[name] = t.reshape(e["shape"])
    return out


class Peer:
    def __init__(self, w, cfg):
        self.w, self.cfg = w, cfg
        d, L, T = cfg["width"], cfg["layers"], cfg["context"]
        self.h, self.hs = cfg["heads"], d // cfg["heads"]
        self.k = torch.zeros(L, self.h, T, self.hs)
        self.v = torch.zeros(L, self.h, T, self.hs)
        self.pos = 0

    def step(self, token):
        w, d, pos = self.w, self.cfg["width"], self.pos
        names = self.cfg["names"]  # declared once, in Java's TransformerLayout
        x = w[names["tok_emb"]][token] + w[names["pos_emb"]][pos]
        for i in range(self.cfg["layers"]):
            n = {key: name.replace("{i}", str(i)) for key, name in names["block"].items()}
            h = F.layer_norm(x, (d,), w[n["ln1W"]], w[n["ln1B"]])
            q, k, v = F.linear(h, w[n["qkvW"]], w[n["qkvB"]]).split(d)
            self.k[i, :, pos] = k.view(self.h, self.hs)
            self.v[i, :, pos] = v.view(self.h, self.hs)
            keys = self.k[i, :, :pos + 1]                     # (H, t, hs)
            att = torch.softmax(keys @ q.view(self.h, self.hs, 1) / math.sqrt(self.hs), dim=1)  # (H, t, 1)
            y = (att.transpose(1, 2) @ self.v[i, :, :pos + 1]).reshape(d)
            x = x + F.linear(y, w[n["projW"]], w[n["projB"]])
            h = F.layer_norm(x, (d,), w[n["ln2W"]], w[n["ln2B"]])
            h = F.gelu(F.linear(h, w[n["fcW"]], w[n["fcB"]]))
            x = x + F.linear(h, w[n["fc2W"]], w[n["fc2B"]])
        x = F.layer_norm(x, (d,), w[names["lnfW"]], w[names["lnfB"]])
        self.pos += 1
        return F.linear(x, w[names["head"]])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("weights")
    ap.add_argument("config")
    ap.add_argument("--tokens", type=int, default=512)
    ap.add_argument("--probe", default="1,2,3")
    ap.add_argument("--threads", type=int, default=1)
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    cfg = json.loads(args.config)
    w = load(args.weights)
    with torch.inference_mode():
        peer = Peer(w, cfg)
        for t in [int(s) for s in args.probe.split(",")]:
            logits = peer.step(t)
        probe_logits = logits.tolist()
        for _ in range(2):  # warm-up runs, then the measured one
            peer = Peer(w, cfg)
            token, times = 1, []
            for _ in range(args.tokens):
                t0 = time.perf_counter()
                token = int(torch.argmax(peer.step(token)))
                times.append(time.perf_counter() - t0)
    times.sort()
    print(json.dumps({
        "tokens_per_s": len(times) / sum(times),
        "step_ms_p50": 1000 * times[len(times) // 2],
        "step_ms_p99": 1000 * times[int(len(times) * 0.99)],
        "torch": torch.__version__,
        "threads": args.threads,
        "probe_logits": probe_logits,
    }))


if __name__ == "__main__":
    main()
