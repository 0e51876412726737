import { describe, expect, it } from "vitest";
import { numpy as np } from "@jax-js/jax";
import { bits, foldIn, key, keyAt, split, uniform, type NdArray } from "@jrng/core";
import { JRNG } from "../src/index.js";

const read = (array: { js(): unknown }) => array.js();

describe("the fold_in stream reproduces JAX's stateful_rng", () => {
  it("key() gives fold_in(base, 0), fold_in(base, 1), …", () => {
    // jax-ml/jax jax/_src/random/stateful_rng.py@e6848a3 lines 94-102
    // (StatefulPRNG.key docstring: rng = stateful_rng(0); rng.key(); rng.key()).
    const rng = new JRNG(0, { stream: "fold_in" });
    expect(Array.from(rng.key())).toEqual([1797259609, 2579123966]);
    expect(Array.from(rng.key())).toEqual([928981903, 3453687069]);
    expect(rng.state).toEqual({
      version: 2,
      stream: "fold_in",
      partitionable: true,
      key: [0, 0],
      counter: 2,
      dtype: "float32",
      x64: false,
    });
  });

  it("split(3) children each draw uniform() as the docstring printed", () => {
    // jax-ml/jax jax/_src/random/stateful_rng.py@e6848a3 lines 171-181
    // (StatefulPRNG.split docstring: stateful_rng(123), vmap of x + rng.uniform()
    // over rng.split(3) printed [0.35525954, 0.21937883, 0.5336956]).
    const children = new JRNG(123, { stream: "fold_in" }).split(3);
    const values = children.map((child) => read(child.uniform()) as number);
    expect(values.map((v) => Math.fround(v))).toEqual(
      [0.35525954, 0.21937883, 0.5336956].map((v) => expect.closeTo(v, 7)),
    );
  });
});

describe("the split stream follows rng-jax", () => {
  it("each draw uses the second key of split(state), the first becomes the state", () => {
    const rng = new JRNG(7, { stream: "split" });
    const first = read(rng.random(4));
    const keys = split(key(7));
    expect(first).toEqual(Array.from(uniform(keyAt(keys, 1), [4]).data));
    expect(rng.state.key).toEqual(Array.from(keyAt(keys, 0)));
  });

  it("key(n) is rng-jax's split(n): keys 1…n of split(state, n + 1)", () => {
    const rng = new JRNG(7);
    const keys = rng.key(3);
    const all = split(key(7), 4).data;
    expect(keys.shape).toEqual([3, 2]);
    expect(keys.data).toEqual(all.slice(2));
    expect(rng.state.key).toEqual(Array.from(all.slice(0, 2)));
  });

  it("spawn(n) is rng-jax's spawn: children on keys 1…n of split(state, n + 1)", () => {
    const rng = new JRNG(11, { partitionable: false });
    const children = rng.spawn(2);
    const all = split(key(11), 3, { partitionable: false }).data;
    expect(children.map((c) => c.state.key)).toEqual([
      Array.from(all.slice(2, 4)),
      Array.from(all.slice(4, 6)),
    ]);
    expect(children.every((c) => c.stream === "split" && !c.partitionable)).toBe(true);
    expect(rng.state.key).toEqual(Array.from(all.slice(0, 2)));
  });

  it("spawn and split name their own count parameter when rejecting it", () => {
    const rng = new JRNG(11);
    expect(() => rng.spawn(-1)).toThrow(/^nChildren must be a non-negative integer, got -1$/);
    expect(() => rng.split(2.5)).toThrow(/^num must be a non-negative integer, got 2.5$/);
  });
});

describe("fold_in stream bookkeeping", () => {
  it("spawn(n) children sit on split(fold_in(base, counter), n) with counter 0", () => {
    const rng = new JRNG(5, { stream: "fold_in" });
    rng.random();
    const children = rng.spawn(2);
    const keys = split(foldIn(key(5), 1), 2);
    expect(children.map((c) => c.state)).toEqual(
      [0, 1].map((i) => ({
        version: 2,
        stream: "fold_in",
        partitionable: true,
        key: Array.from(keyAt(keys, i)),
        counter: 0,
        dtype: "float32",
        x64: false,
      })),
    );
    expect(rng.state.counter).toBe(2);
  });

  it("key(shape) splits one fold_in key into that shape", () => {
    const rng = new JRNG(5, { stream: "fold_in" });
    const keys = rng.key([2, 2]);
    expect(keys.shape).toEqual([2, 2, 2]);
    expect(keys.data).toEqual(split(foldIn(key(5), 0), [2, 2]).data);
  });
});

describe("state", () => {
  it.each(["split", "fold_in"] as const)(
    "round-trips through JSON and continues the sequence (%s)",
    (stream) => {
      for (const partitionable of [true, false]) {
        const rng = new JRNG(99, { stream, partitionable });
        rng.random(2);
        const saved = JSON.parse(JSON.stringify(rng.state));
        const expected = read(rng.random(5));
        expect(read(JRNG.fromState(saved).random(5))).toEqual(expected);
      }
    },
  );

  it("rejects malformed states", () => {
    expect(() => JRNG.fromState({ version: 3 } as never)).toThrow(/version must be 1 or 2/);
    expect(() =>
      JRNG.fromState({ version: 1, stream: "split", partitionable: true, key: [1] } as never),
    ).toThrow(/key must be two uint32 words/);
    expect(() =>
      JRNG.fromState({
        version: 1,
        stream: "fold_in",
        partitionable: true,
        key: [1, 2],
        counter: -1,
      } as never),
    ).toThrow(/counter/);
    expect(() =>
      JRNG.fromState({ version: 1, stream: "other", partitionable: true, key: [1, 2] } as never),
    ).toThrow(/stream must be/);
  });

  it("a call that throws leaves the state untouched", () => {
    for (const stream of ["split", "fold_in"] as const) {
      const rng = new JRNG(3, { stream });
      const before = rng.state;
      expect(() => rng.uniform([0, 1], [1, 2, 3])).toThrow(RangeError);
      expect(() => rng.uniform(0, Infinity)).toThrow(/high - low must be finite/);
      expect(() => rng.random(-1)).toThrow(RangeError);
      expect(() => rng.random(1.5)).toThrow(TypeError);
      expect(() => rng.random(2, { dtype: "int32" as never })).toThrow(
        /dtype must be "float32" or "float64"/,
      );
      expect(() => rng.spawn(-1)).toThrow(RangeError);
      expect(rng.state).toEqual(before);
    }
  });

  it("a fold_in stream refuses to reuse counters", () => {
    const rng = JRNG.fromState({
      version: 1,
      stream: "fold_in",
      partitionable: true,
      key: [0, 1],
      counter: 2 ** 32 - 1,
    });
    rng.random();
    expect(() => rng.random()).toThrow(/exhausted/);
    expect(rng.state.counter).toBe(2 ** 32);
  });
});

describe("construction", () => {
  it("fromKey accepts a Uint32Array or a jax-js uint32 array without consuming it", () => {
    const fromWords = JRNG.fromKey(Uint32Array.of(1, 2));
    const jaxKey = np.array(Uint32Array.of(1, 2), { shape: [2], dtype: np.uint32 });
    const fromJax = JRNG.fromKey(jaxKey);
    expect(fromJax.state).toEqual(fromWords.state);
    expect(jaxKey.js()).toEqual([1, 2]);
  });

  it("rejects bad seeds and options with clear errors", () => {
    expect(() => new JRNG(1.5)).toThrow(/seed must be an integer/);
    expect(() => new JRNG(1, { stream: "fold" as never })).toThrow(
      /options.stream must be "split" or "fold_in"/,
    );
    expect(() => new JRNG(1, { partitionable: 1 as never })).toThrow(/options.partitionable/);
    expect(() => new JRNG(1, { dtype: "float16" as never })).toThrow(/options.dtype/);
    expect(() => JRNG.fromKey(Uint32Array.of(1))).toThrow(TypeError);
  });

  it("returns float32 by default and float64 on request", () => {
    const rng = new JRNG(1);
    expect(rng.random(2).dtype).toBe("float32");
    expect(rng.random(2, { dtype: "float64" }).dtype).toBe("float64");
    expect(new JRNG(1, { dtype: "float64" }).random([2, 3]).shape).toEqual([2, 3]);
    expect(rng.random([0, 3]).shape).toEqual([0, 3]);
  });

  it("bytes(n) are rng-jax's bits(key, (n,), uint8)", () => {
    for (const partitionable of [true, false]) {
      const subkey = keyAt(split(key(4), 2, { partitionable }), 1);
      expect(new JRNG(4, { partitionable }).bytes(5)).toEqual(
        bits(subkey, [5], "uint8", { partitionable }).data,
      );
    }
    expect(() => new JRNG(4).bytes(-1)).toThrow(/length must be a non-negative integer/);
  });
});

describe("JEP 28845 and the stateful_rng docstrings (partitionable, fold_in stream)", () => {
  const STATEFUL = "jax-ml/jax jax/_src/random/stateful_rng.py@e6848a3";
  const near = (got: number[], printed: number[]) =>
    got.forEach((x, i) => expect(Math.abs(x - printed[i])).toBeLessThanOrEqual(1e-7)); // printed to 8 digits

  it(`stateful_rng(42): uniform() ×4, then key() ×2 (${STATEFUL} L262-288)`, () => {
    const rng = new JRNG(42, { stream: "fold_in" });
    near(
      [0, 1, 2, 3].map(() => rng.uniform().js() as number),
      [0.5302608, 0.72766423, 0.6672406, 0.3890121],
    );
    expect(Array.from(rng.key())).toEqual([2954079971, 3276725750]);
    expect(Array.from(rng.key())).toEqual([2765691542, 824333390]);
  });

  it(`stateful_rng(123).spawn(2) children draw integers(0, 10, 2) (${STATEFUL} L203-207)`, () => {
    const children = new JRNG(123, { stream: "fold_in" }).spawn(2);
    expect(children.map((child) => child.integers(0, 10, 2).js())).toEqual([
      [4, 5],
      [2, 1],
    ]);
  });

  it("stateful_rng(1701).random((5,)) twice (jax-ml/jax docs/jep/28845-stateful-rng.md@f9a8d31 L51-56)", () => {
    const rng = new JRNG(1701, { stream: "fold_in" });
    near(
      rng.random(5).js() as number[],
      [0.09609699, 0.26730824, 0.5619041, 0.24421775, 0.7715055],
    );
    near(
      rng.random(5).js() as number[],
      [0.8131045, 0.33873856, 0.88808906, 0.96005905, 0.7616446],
    );
  });

  it("stateful_rng(0).split(5) children: x + uniform() (JEP 28845 L103-110, a comment never run by JAX's CI)", () => {
    const children = new JRNG(0, { stream: "fold_in" }).split(5);
    const result = children.map((child, x) => Math.fround(x + (child.uniform().js() as number)));
    near(result, [0.07174575, 1.0163325, 2.0435536, 3.4391735, 4.534091]);
  });
});

// jax 0.10.2 / jaxlib 0.10.2 CPU with jax_enable_x64, computed through
// jax.random.key(-2147483748) and rng-jax's split stream (`key, sub =
// split(key)` before every draw), partitionable: the first three draws are
// uniform(sub, (8,), float64), normal(sub, (8,), float64) · 2 + 1.5 and
// randint(sub, (8,), 0, 1000, int64).
describe("JRNG with x64", () => {
  it("reads the seed as int64 and defaults to float64 and int64, as JAX with x64", () => {
    const rng = new JRNG(-2147483748, { x64: true });
    expect(rng.x64).toBe(true);
    expect(rng.dtype).toBe("float64");
    const hex = (x: number) => {
      const view = new DataView(new ArrayBuffer(8));
      view.setFloat64(0, x);
      return "0x" + view.getBigUint64(0).toString(16).padStart(16, "0");
    };
    expect(Array.from(rng.random(8).dataSync() as Float64Array, hex).slice(0, 4)).toEqual([
      "0x3fc6f2a7ee1ed190",
      "0x3fe2eced263fba2a",
      "0x3fee78b2fcceca92",
      "0x3fdff3b7f69aeb34",
    ]);
    expect(Array.from(rng.normal(1.5, 2, 8).dataSync() as Float64Array, hex).slice(0, 4)).toEqual([
      "0x3ffd5b4bfea55696",
      "0x3fd39842c6283980",
      "0x400f1755e32770e4",
      "0x4005f90176ffeea8",
    ]);
    const integers = rng.integers(0, 1000, 8) as NdArray;
    expect(integers.dtype).toBe("int64");
    expect(Array.from(integers.data as BigInt64Array).slice(0, 4)).toEqual([687n, 206n, 48n, 106n]);
  });

  it("keeps x64 through its state and children", () => {
    const rng = new JRNG(2 ** 40 + 5, { x64: true, stream: "fold_in" });
    expect(rng.state).toMatchObject({ key: [256, 5], x64: true });
    const restored = JRNG.fromState(JSON.parse(JSON.stringify(rng.state)));
    expect(restored.x64).toBe(true);
    expect(restored.dtype).toBe("float64");
    expect(rng.spawn(1)[0].x64).toBe(true);
    expect(new JRNG(2 ** 40 + 5).state.key).toEqual([0, 5]);
  });

  it("rejects an x64 option that is not a boolean", () => {
    expect(() => new JRNG(1, { x64: 1 as unknown as boolean })).toThrow(
      /options.x64 must be true or false, got 1/,
    );
  });
});
