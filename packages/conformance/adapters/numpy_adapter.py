#!/usr/bin/env python3
"""NumPy's Generator (PCG64) behind the jrng-conformance JSON Lines protocol.

NumPy's bit stream is not JAX's, so this adapter claims only the statistical
tier: the runner checks each method's distribution, not its bits.

    jrng-conformance --command "python3 packages/conformance/adapters/numpy_adapter.py"
"""
import json
import re
import sys

import numpy as np

# Generator methods by their camelCase protocol names.
METHODS = [
    "beta", "binomial", "bytes", "chisquare", "choice", "dirichlet", "exponential", "f", "gamma",
    "geometric", "gumbel", "hypergeometric", "integers", "laplace", "logistic", "lognormal",
    "logseries", "multinomial", "multivariateHypergeometric", "multivariateNormal",
    "negativeBinomial", "noncentralChisquare", "noncentralF", "normal", "pareto", "permutation",
    "permuted", "poisson", "power", "random", "rayleigh", "shuffle", "standardCauchy",
    "standardExponential", "standardGamma", "standardNormal", "standardT", "triangular", "uniform",
    "vonmises", "wald", "weibull", "zipf",
]


def snake(name):
    return re.sub(r"([A-Z])", lambda m: "_" + m.group(1).lower(), name)


def arg(value):
    if isinstance(value, dict) and "$bigint" in value:
        return int(value["$bigint"])
    if isinstance(value, list):
        return [arg(v) for v in value]
    return value


def encode(result):
    if isinstance(result, bytes):
        result = np.frombuffer(result, dtype=np.uint8)
    array = np.asarray(result)
    dtype = array.dtype.name
    flat = array.ravel().tolist()
    if dtype in ("int64", "uint64"):
        flat = [str(x) for x in flat]
    elif dtype.startswith("float"):
        flat = [float(x) for x in flat]  # Python floats print to round-trip
    return {"dtype": dtype, "shape": list(array.shape), "data": flat}


def error_kind(exc):
    if isinstance(exc, TypeError):
        return "TypeError"
    if isinstance(exc, (ValueError, OverflowError)):
        return "RangeError"
    return type(exc).__name__


def main():
    generators = {}
    count = 0
    for line in sys.stdin:
        if not line.strip():
            continue
        request = json.loads(line)
        rid, op = request["id"], request["op"]
        try:
            if op == "hello":
                reply = {"ok": True, "capabilities": {
                    "name": f"NumPy {np.__version__} Generator (PCG64)",
                    "tiers": ["statistical"],
                    "functions": [],
                    "methods": METHODS,
                    "modes": ["partitionable", "legacy"],
                    "streams": ["split", "fold_in"],
                }}
            elif op == "create":
                seed = arg(request["generator"]["seed"])
                handle = f"g{count}"
                count += 1
                generators[handle] = np.random.default_rng(abs(seed))
                reply = {"ok": True, "handle": handle}
            elif op == "method":
                call = request["call"]
                kwargs = {snake(k): arg(v) for k, v in call["args"].items()}
                rng = generators[request["handle"]]
                reply = {"ok": True, "result": encode(getattr(rng, snake(call["method"]))(**kwargs))}
            elif op == "call":
                reply = {"ok": False, "error": {"kind": "TypeError", "message": "NumPy has no functional API"}}
            elif op == "drop":
                generators.pop(request["handle"], None)
                reply = {"ok": True}
            elif op == "close":
                print(json.dumps({"id": rid, "ok": True}), flush=True)
                return
            else:
                reply = {"ok": False, "error": {"kind": "TypeError", "message": f"unknown op {op}"}}
        except Exception as exc:  # every failure goes back to the runner
            reply = {"ok": False, "error": {"kind": error_kind(exc), "message": str(exc)}}
        print(json.dumps({"id": rid, **reply}), flush=True)


if __name__ == "__main__":
    main()
