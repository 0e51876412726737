#!/usr/bin/env python3
"""Real JAX behind the jrng-conformance JSON Lines protocol.

    python3 -m pip install jax
    jrng-conformance --command "python3 packages/conformance/adapters/jax_adapter.py"

Every call goes through `jrng_jax.py`, the module of `@jrng/vectors` that
turns a vectors call into a JAX program: what checks JAX here is what writes
the vectors from JAX. That module fixes the conventions (argument types,
floats as bit patterns, the `split` stream as rng-jax runs it, the `fold_in`
stream through `jax.experimental.random.stateful_rng` itself); this adapter
adds the protocol:

- **x64 per process.** `jax_enable_x64` cannot be switched once JAX has
  computed anything, so calls run in two worker processes, one with x64 off
  and one with x64 on (started at the first call that needs it), each
  `jrng_jax.py serve`. A call or generator goes to the worker of its `x64`
  flag.
- **Generators** are replayed: a handle keeps the generator's creation and
  the calls that succeeded, and each method call runs the whole sequence in
  JAX and returns its last result. A call JAX rejects is not kept, so the
  stream continues as if it had not been made.
- **Errors** keep their kind: `TypeError` stays `TypeError`, `ValueError`,
  `OverflowError` and `IndexError` become `RangeError`, a call JAX has no
  counterpart for is `Inexpressible`, anything else is named by its type.
- **Capabilities**: the functions and methods `jrng_jax.py` expresses, both
  threefry modes and both streams, and the tiers `exact` and `ulp`. The
  `errors` tier is the generator contract of the spec (a rejected call leaves
  the state unchanged), which JAX does not claim, and the statistical tier
  is for other bit streams.

`jrng_jax.py` is found through `JRNG_JAX_MODULE` (its path), else beside
`@jrng/vectors` in this repository or in `node_modules`. With
`--compilation-cache=DIR` (or `JRNG_JAX_COMPILATION_CACHE=DIR`) the workers keep
XLA's compiled programs in DIR between runs: JAX compiles every new function,
shape, dtype and mode, about a second each.
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
CANDIDATES = [
    HERE.parent.parent / "vectors" / "python" / "jrng_jax.py",
    HERE.parent / "node_modules" / "@jrng" / "vectors" / "python" / "jrng_jax.py",
    HERE.parent.parent.parent / "node_modules" / "@jrng" / "vectors" / "python" / "jrng_jax.py",
]

#: Python exception types and the protocol's error kinds.
ERROR_KINDS = {
    "TypeError": "TypeError",
    "ValueError": "RangeError",
    "OverflowError": "RangeError",
    "IndexError": "RangeError",
}


def module_path() -> Path:
    """Where `jrng_jax.py` is."""
    configured = os.environ.get("JRNG_JAX_MODULE")
    if configured:
        return Path(configured)
    for candidate in CANDIDATES:
        if candidate.is_file():
            return candidate
    raise SystemExit(
        "jax_adapter: cannot find jrng_jax.py (set JRNG_JAX_MODULE to its path); looked in "
        + ", ".join(str(c) for c in CANDIDATES)
    )


def load_module(path: Path) -> Any:
    """Import `jrng_jax.py` for its tables of names (it imports JAX only when configured)."""
    spec = importlib.util.spec_from_file_location("jrng_jax", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"jax_adapter: cannot load {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class WorkerDied(Exception):
    """A worker process ended (its stderr, shared with the adapter's, says why)."""


class Worker:
    """`jrng_jax.py serve [--x64]` in a process of its own: JAX with one x64 setting."""

    def __init__(self, path: Path, x64: bool, compilation_cache: str | None):
        arguments = [sys.executable, str(path), "serve"] + (["--x64"] if x64 else [])
        if compilation_cache:
            arguments.append(f"--compilation-cache={compilation_cache}")
        self.x64 = x64
        self.process = subprocess.Popen(
            arguments,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            # JAX's warnings go where the adapter's go: the kit shows them when something fails.
            stderr=None,
            text=True,
            bufsize=1,
        )
        self.next_id = 0
        self.hello = self._read()["hello"]

    def _read(self) -> dict:
        line = self.process.stdout.readline()
        if not line:
            self.process.wait()
            raise WorkerDied(f"the JAX worker (x64 {'on' if self.x64 else 'off'}) exited with status {self.process.returncode}")
        return json.loads(line)

    def run(self, call: dict) -> dict:
        """The worker's reply to one call: `{"result": ...}` or `{"error": {"type", "message"}}`."""
        self.next_id += 1
        self.process.stdin.write(json.dumps({"id": self.next_id, "call": call}) + "\n")
        self.process.stdin.flush()
        return self._read()

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.stdin.close()
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.process.kill()


class Adapter:
    """The protocol's operations over two JAX workers."""

    def __init__(self, path: Path, compilation_cache: str | None):
        self.path = path
        self.compilation_cache = compilation_cache
        self.module = load_module(path)
        self.workers: dict[bool, Worker] = {}
        self.generators: dict[str, dict] = {}
        self.count = 0

    def worker(self, x64: bool) -> Worker:
        worker = self.workers.get(x64)
        if worker is None or worker.process.poll() is not None:
            worker = self.workers[x64] = Worker(self.path, x64, self.compilation_cache)
        return worker

    def capabilities(self) -> dict:
        hello = self.worker(False).hello
        functions = sorted(set(self.module.FUNCTIONS) | set(self.module.KEYLESS))
        return {
            "name": f"JAX {hello['jax']} (jaxlib {hello['jaxlib']}, {hello['platform']}) through jrng_jax.py",
            "tiers": ["exact", "ulp"],
            "functions": functions,
            "methods": sorted(self.module.METHODS),
            "modes": ["partitionable", "legacy"],
            "streams": ["split", "fold_in"],
        }

    def call(self, call: dict) -> dict:
        return self.outcome(self.worker(bool(call.get("x64", False))).run(call))

    def create(self, generator: dict) -> dict:
        handle = f"g{self.count}"
        self.count += 1
        self.generators[handle] = {"generator": generator, "calls": []}
        return {"ok": True, "handle": handle}

    def method(self, handle: str, call: dict) -> dict:
        state = self.generators.get(handle)
        if state is None:
            return {"ok": False, "error": {"kind": "RangeError", "message": f"no generator {handle}"}}
        sequence = {"generator": state["generator"], "calls": state["calls"] + [call]}
        outcome = self.outcome(self.worker(bool(state["generator"].get("x64", False))).run(sequence))
        if outcome["ok"]:
            outcome["result"] = outcome["result"][-1]
            state["calls"].append(call)
        return outcome

    @staticmethod
    def outcome(reply: dict) -> dict:
        if "error" in reply:
            error = reply["error"]
            kind = ERROR_KINDS.get(error.get("type", ""), error.get("type", "Error"))
            return {"ok": False, "error": {"kind": kind, "message": error.get("message", "")}}
        return {"ok": True, "result": reply["result"]}

    def close(self) -> None:
        for worker in self.workers.values():
            worker.close()


def answer(adapter: Adapter, request: dict) -> dict:
    op = request.get("op")
    if op == "hello":
        return {"ok": True, "capabilities": adapter.capabilities()}
    if op == "call":
        return adapter.call(request["call"])
    if op == "create":
        return adapter.create(request["generator"])
    if op == "method":
        return adapter.method(request["handle"], request["call"])
    if op == "drop":
        adapter.generators.pop(request["handle"], None)
        return {"ok": True}
    return {"ok": False, "error": {"kind": "ProtocolError", "message": f"unknown op {op!r}"}}


def main() -> None:
    arguments = sys.argv[1:]
    cache = os.environ.get("JRNG_JAX_COMPILATION_CACHE")
    for argument in arguments:
        if argument.startswith("--compilation-cache="):
            cache = argument.split("=", 1)[1]
        else:
            raise SystemExit(f"jax_adapter: unknown argument {argument!r} (usage: jax_adapter.py [--compilation-cache=DIR])")
    adapter = Adapter(module_path(), cache)
    try:
        for line in sys.stdin:
            if not line.strip():
                continue
            try:
                request = json.loads(line)
            except json.JSONDecodeError:
                reply = {"id": -1, "ok": False, "error": {"kind": "ProtocolError", "message": f"not a JSON request: {line[:200]}"}}
                print(json.dumps(reply), flush=True)
                continue
            if request.get("op") == "close":
                print(json.dumps({"id": request.get("id"), "ok": True}), flush=True)
                return
            try:
                reply = answer(adapter, request)
            except WorkerDied as died:
                reply = {"ok": False, "error": {"kind": "AdapterError", "message": str(died)}}
            print(json.dumps({"id": request.get("id"), **reply}), flush=True)
    finally:
        adapter.close()


if __name__ == "__main__":
    main()
