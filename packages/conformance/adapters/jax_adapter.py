#!/usr/bin/env python3
"""Real JAX behind the jrng-conformance JSON Lines protocol: run the golden
vectors against JAX itself where JAX is installed.

    pip install jax
    jrng-conformance --command "python3 packages/conformance/adapters/jax_adapter.py"

Each call switches `jax_threefry_partitionable` to the call's mode and
`jax_enable_x64` on (so float64/uint64 cases run; float32 cases request
float32 explicitly). Generators follow the stream disciplines of the spec:
"split" is rng-jax's Generator (`key, sub = split(key)` per draw) and
"fold_in" is `jax.experimental.random.stateful_rng`. Only the methods listed
in METHODS are wired; extend the table to cover more.

This adapter is an example for implementers and is not run by jrng's CI
(JAX is not installable there).
"""
import json
import re
import sys

import jax
import jax.numpy as jnp
import numpy as np

jax.config.update("jax_enable_x64", True)

FUNCTIONS = {
    "key": lambda key, a: jax.random.key_data(jax.random.key(a["seed"])),
    "split": lambda key, a: jax.random.key_data(jax.random.split(key, a.get("num", 2))),
    "foldIn": lambda key, a: jax.random.key_data(jax.random.fold_in(key, a["data"])),
    "bits": lambda key, a: jax.random.bits(key, tuple(a.get("shape", ())), a.get("dtype", "uint32")),
    "uniform": lambda key, a: jax.random.uniform(
        key, tuple(a.get("shape", ())), a.get("dtype", "float32"), a.get("minval", 0.0), a.get("maxval", 1.0)),
    "normal": lambda key, a: jax.random.normal(key, tuple(a.get("shape", ())), a.get("dtype", "float32")),
}

METHODS = {
    "random": lambda key, a: jax.random.uniform(key, size(a), a.get("dtype", "float32")),
    "uniform": lambda key, a: jax.random.uniform(
        key, size(a, a.get("low", 0.0), a.get("high", 1.0)), a.get("dtype", "float32"),
        a.get("low", 0.0), a.get("high", 1.0)),
    "standardNormal": lambda key, a: jax.random.normal(key, size(a), a.get("dtype", "float32")),
    "bytes": lambda key, a: jax.random.bits(key, (a["length"],), jnp.uint8),
}


def size(args, *params):
    s = args.get("size")
    if s is None:
        return np.broadcast_shapes(*(np.shape(p) for p in params)) if params else ()
    return (s,) if isinstance(s, int) else tuple(s)


def arg(value):
    if isinstance(value, dict) and "$bigint" in value:
        return int(value["$bigint"])
    if isinstance(value, list):
        return [arg(v) for v in value]
    return value


def encode(array):
    array = np.asarray(array)
    dtype = array.dtype.name
    flat = array.ravel().tolist()
    if dtype in ("int64", "uint64"):
        flat = [str(x) for x in flat]
    return {"dtype": dtype, "shape": list(array.shape), "data": flat}


class Generator:
    def __init__(self, seed, stream):
        self.stream = stream
        self.key = jax.random.key(seed)
        self.counter = 0

    def next_key(self):
        if self.stream == "split":
            self.key, sub = jax.random.split(self.key)
            return sub
        sub = jax.random.fold_in(self.key, self.counter)
        self.counter += 1
        return sub


def main():
    generators, modes, count = {}, {}, 0
    for line in sys.stdin:
        if not line.strip():
            continue
        request = json.loads(line)
        rid, op = request["id"], request["op"]
        try:
            if op == "hello":
                reply = {"ok": True, "capabilities": {
                    "name": f"JAX {jax.__version__}", "tiers": ["exact", "ulp", "statistical", "errors"],
                    "functions": sorted(FUNCTIONS), "methods": sorted(METHODS),
                    "modes": ["partitionable", "legacy"], "streams": ["split", "fold_in"]}}
            elif op == "call":
                call = request["call"]
                jax.config.update("jax_threefry_partitionable", call["mode"] == "partitionable")
                key = jax.random.wrap_key_data(jnp.asarray(call["key"], jnp.uint32)) if "key" in call else None
                a = {k: arg(v) for k, v in call["args"].items()}
                reply = {"ok": True, "result": encode(FUNCTIONS[call["function"]](key, a))}
            elif op == "create":
                g = request["generator"]
                jax.config.update("jax_threefry_partitionable", g["mode"] == "partitionable")
                handle = f"g{count}"
                count += 1
                generators[handle] = Generator(arg(g["seed"]), g["stream"])
                modes[handle] = g["mode"] == "partitionable"
                reply = {"ok": True, "handle": handle}
            elif op == "method":
                jax.config.update("jax_threefry_partitionable", modes[request["handle"]])
                call = request["call"]
                a = {re.sub(r"([A-Z])", lambda m: "_" + m.group(1).lower(), k): arg(v) for k, v in call["args"].items()}
                rng = generators[request["handle"]]
                fn = METHODS[call["method"]]
                reply = {"ok": True, "result": encode(fn(rng.next_key(), a))}
            elif op == "drop":
                generators.pop(request["handle"], None)
                reply = {"ok": True}
            else:
                print(json.dumps({"id": rid, "ok": True}), flush=True)
                return
        except Exception as exc:
            kind = "TypeError" if isinstance(exc, TypeError) else "RangeError" if isinstance(exc, ValueError) else type(exc).__name__
            reply = {"ok": False, "error": {"kind": kind, "message": str(exc)}}
        print(json.dumps({"id": rid, **reply}), flush=True)


if __name__ == "__main__":
    main()
