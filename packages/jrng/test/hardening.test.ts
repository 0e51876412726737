import { describe, expect, it } from "vitest";
import { DType, numpy as np } from "@jax-js/jax";
import * as core from "@jrng/core";
import { JRNG } from "../src/index.js";

/** Expect `call` to throw `kind` matching `message` and to leave the generator's state as it was. */
function refuses(
  rng: JRNG,
  call: () => unknown,
  kind: typeof TypeError | typeof RangeError,
  message?: RegExp,
): void {
  const before = JSON.stringify(rng.state);
  expect(call).toThrow(kind);
  if (message) expect(call).toThrow(message);
  expect(JSON.stringify(rng.state)).toBe(before);
}

describe("issue 15: malformed input is refused with a TypeError naming the parameter", () => {
  const rng = new JRNG(0);
  it("cyclic arrays, in every kind of array argument", () => {
    const a: unknown[] = [1];
    a[0] = a;
    refuses(rng, () => rng.normal(a as never), TypeError, /loc .*cyclic/);
    refuses(rng, () => rng.integers(a as never, 5), TypeError, /low .*cyclic/);
    refuses(rng, () => rng.permutation(a as never), TypeError, /x .*cyclic/);
    refuses(rng, () => rng.shuffle(a as never), TypeError, /x .*cyclic/);
    refuses(rng, () => rng.choice(a as never), TypeError, /a .*cyclic/);
  });
  it("holes, instead of shifting the values", () => {
    // eslint-disable-next-line no-sparse-arrays
    refuses(rng, () => rng.normal([1, , 3] as never, 0), TypeError, /loc .*hole at loc\[1\]/);
  });
  it("an array of holes names the hole, not a failed BigInt conversion", () => {
    refuses(rng, () => rng.integers(new Array(3), 5), TypeError, /low .*hole at low\[0\]/);
  });
  const nd = (shape: number[], n: number) => ({
    dtype: "float64" as const,
    shape,
    data: new Float64Array(n),
  });
  it("NdArrays with non-integer extents or too little data", () => {
    // Once accepted: a result of shape [0.5, 2], and elements read past the data.
    refuses(rng, () => rng.permuted(nd([0.5, 2], 1)), TypeError, /x.shape\[0\]/);
    const high = { dtype: "int32" as const, shape: [3], data: Int32Array.of(3) };
    refuses(rng, () => rng.integers(0, high), TypeError, /high.data has 1 elements/);
    // Once refused without naming what is wrong.
    refuses(rng, () => rng.normal(nd([0.5, 2], 1)), TypeError, /loc.shape\[0\]/);
    refuses(rng, () => rng.normal(nd([3], 1)), TypeError, /loc.data has 1 elements/);
  });
  it("multinomial with pvals of shape [-1, -1] is refused instead of hanging", () => {
    refuses(rng, () => rng.multinomial(10, nd([-1, -1], 1)), TypeError, /pvals.shape\[0\]/);
  });
  it("a disposed jax-js array", () => {
    const x = np.array([1, 2]);
    x.dispose();
    refuses(rng, () => rng.normal(x), TypeError, /loc is a jax-js Array that was already disposed/);
  });
  it("wrong kinds are TypeErrors, wrong values RangeErrors", () => {
    refuses(rng, () => rng.bytes("4" as never), TypeError);
    refuses(rng, () => rng.bytes(-1), RangeError);
    refuses(rng, () => rng.spawn(1.5), TypeError);
  });
});

describe("issue 15: options", () => {
  const rng = new JRNG(0);
  it("unknown keys are refused, naming the nearest known key", () => {
    refuses(
      rng,
      () => rng.random(3, { dtyp: "float64" } as never),
      TypeError,
      /unknown option "dtyp"; did you mean "dtype"/,
    );
    expect(() => new JRNG(0, { strem: "fold_in" } as never)).toThrow(/did you mean "stream"/);
    expect(() => new JRNG(0, { x64: false })).not.toThrow();
  });
  it("core.split with a misspelt partitionable is refused, not run partitionable", () => {
    expect(() => core.split(core.key(0), 2, { partitionabel: false } as never)).toThrow(
      /did you mean "partitionable"/,
    );
  });
  it("a string is NumPy's positional dtype where NumPy has one", () => {
    expect(new JRNG(0).random(3, "float64").dtype).toBe("float64");
    expect(new JRNG(0).standardNormal(3, "float64").dtype).toBe("float64");
    expect(new JRNG(0).standardExponential(3, "float64").dtype).toBe("float64");
    expect(new JRNG(0).standardGamma(2, 3, "float64").dtype).toBe("float64");
    expect(new JRNG(0).integers(0, 5, 3, "uint32").dtype).toBe("uint32");
    expect(Array.from(new JRNG(0).random(3, "float64").dataSync() as Float64Array)).toEqual(
      Array.from(new JRNG(0).random(3, { dtype: "float64" }).dataSync() as Float64Array),
    );
  });
  it("and a TypeError elsewhere", () => {
    refuses(
      rng,
      () => rng.normal(0, 1, 3, "float64" as never),
      TypeError,
      /normal: options must be an object/,
    );
    refuses(rng, () => rng.random(3, "int32" as never), TypeError);
  });
});

describe("issue 15: NumPy's answers at the extremes", () => {
  const values = (array: { dataSync(): unknown }) =>
    Array.from(array.dataSync() as ArrayLike<number>);

  it("binomial counts int32 cannot hold are refused, never wrapped", () => {
    const rng = new JRNG(0);
    refuses(
      rng,
      () => rng.binomial(1e10, 0.5, 3),
      RangeError,
      /binomial: a count of \d+ does not fit the int32 result.*binomial with dtype "float64"/,
    );
    // Large parameters whose counts fit are fine.
    expect(values(new JRNG(0).binomial(1e10, 1e-10, 3)).every((x) => x >= 0 && x < 100)).toBe(true);
  });

  it("multinomial counts int32 cannot hold are refused, never wrapped", () => {
    const rng = new JRNG(0);
    refuses(rng, () => rng.multinomial(1e10, [0.5, 0.5]), RangeError, /multinomial: a count of/);
  });

  it("poisson rates beyond int32 are refused as NumPy does, never saturated", () => {
    const rng = new JRNG(0);
    refuses(rng, () => rng.poisson(1e10), RangeError, /poisson: lam value too large/);
    refuses(rng, () => rng.poisson(Infinity), RangeError, /poisson: lam value too large/);
    expect(values(new JRNG(0).poisson(1e9, 2)).every((x) => Math.abs(x - 1e9) < 1e6)).toBe(true);
  });

  it("geometric counts int32 cannot hold are refused (the same rule)", () => {
    const rng = new JRNG(0);
    refuses(
      rng,
      () => rng.geometric(1e-30, 3),
      RangeError,
      /geometric: a count of 2147483647 or more/,
    );
  });

  it("float64 wald(1e-300, 1e300) is finite, as NumPy's", () => {
    const wald = values(new JRNG(0).wald(1e-300, 1e300, 3, { dtype: "float64" }));
    expect(wald.every(Number.isFinite)).toBe(true);
    // NumPy's formula there: mean, or mean² / mean underflowing to 0.
    expect(wald.every((x) => x === 1e-300 || x === 0)).toBe(true);
    // Ordinary wald calls keep JAX's composition exactly.
    const k = core.keyAt(core.split(core.key(5)), 1);
    expect(values(new JRNG(5).wald(2, 4, 3))).toEqual(
      Array.from(core.wald(k, 0.5, 3).data, (w) => Math.fround(4 * w)),
    );
  });

  it("float64 multivariateNormal with cov 1e300 is finite, as NumPy's", () => {
    const mvn = values(
      new JRNG(0).multivariateNormal(
        [0, 0],
        [
          [1e300, 0],
          [0, 1e300],
        ],
        2,
        { dtype: "float64" },
      ),
    );
    expect(mvn.every((x) => Number.isFinite(x) && Math.abs(x) > 1e140 && Math.abs(x) < 1e152)).toBe(
      true,
    );
  });

  it("uniform with high < low is refused as NumPy does", () => {
    const rng = new JRNG(0);
    refuses(
      rng,
      () => rng.uniform(0, -1, 5),
      RangeError,
      /uniform: high - low < 0 \(got low = 0, high = -1\)/,
    );
    expect(values(new JRNG(0).uniform(1, 1, 2))).toEqual([1, 1]);
  });

  it("-0 is refused where NumPy tests signbit (scale < 0), and accepted by poisson", () => {
    const rng = new JRNG(0);
    refuses(rng, () => rng.normal(0, -0, 2), RangeError, /normal: scale < 0 \(got scale = -0\)/);
    refuses(rng, () => rng.exponential(-0), RangeError, /scale < 0/);
    refuses(rng, () => rng.gamma(-0, 1), RangeError, /shape < 0/);
    refuses(rng, () => rng.weibull(-0), RangeError, /a < 0/);
    refuses(rng, () => rng.lognormal(0, -0), RangeError, /sigma < 0/);
    expect(values(new JRNG(0).poisson(-0, 2))).toEqual([0, 0]);
  });

  it("weibull(0) is zeros, as NumPy", () => {
    expect(values(new JRNG(0).weibull(0, 6, { dtype: "float64" }))).toEqual([0, 0, 0, 0, 0, 0]);
    expect(values(new JRNG(0).weibull([0, 1.5], 2)).map((x) => x === 0)).toEqual([true, false]);
  });
});

describe("issue 15: atomic shuffle", () => {
  it("a frozen row is refused before anything is written or consumed", () => {
    // Seed 1 moves [5, 6] into the first row: writing row by row loses [1, 2] before the frozen row throws.
    const rng = new JRNG(1);
    const x = [[1, 2], Object.freeze([3, 4]), [5, 6]];
    const before = JSON.stringify(rng.state);
    expect(() => rng.shuffle(x as never)).toThrow(TypeError);
    expect(x).toEqual([
      [1, 2],
      [3, 4],
      [5, 6],
    ]);
    expect(JSON.stringify(rng.state)).toBe(before);
    refuses(rng, () => rng.shuffle(x as never), TypeError, /x\[1\]\[0\] cannot be written/);
    const frozen = Object.freeze([1, 2, 3]);
    refuses(rng, () => rng.shuffle(frozen as never), TypeError, /x\[0\] cannot be written/);
  });
  it("a writable nested array is overwritten with the returned values", () => {
    const x = [
      [1, 2],
      [3, 4],
      [5, 6],
    ];
    const returned = new JRNG(0).shuffle(x).js() as number[][];
    expect(x).toEqual(returned);
    expect(returned.map((row) => row[0]).sort()).toEqual([1, 3, 5]);
  });
});

describe("issue 15: state format version 2", () => {
  const values = (array: { dataSync(): unknown }) =>
    Array.from(array.dataSync() as ArrayLike<number>);

  it("carries the dtype (and x64), so a float64 generator restores as float64", () => {
    const g = new JRNG(3, { dtype: "float64", stream: "fold_in" });
    g.random(2);
    const saved = JSON.parse(JSON.stringify(g.state));
    const restored = JRNG.fromState(saved);
    expect(restored.dtype).toBe("float64");
    expect(saved).toMatchObject({ version: 2, dtype: "float64", x64: false, counter: 1 });
    expect(values(restored.random(3))).toEqual(values(g.random(3)));
    expect(new JRNG(0, { x64: true }).state.x64).toBe(true);
    expect(JRNG.fromState(new JRNG(0, { x64: true }).state).state.x64).toBe(true);
    expect(JRNG.fromState(saved, { dtype: "float32" }).dtype).toBe("float32");
  });

  it("still reads version 1 states (float32 unless the options say otherwise)", () => {
    const v1 = { version: 1, stream: "split", partitionable: true, key: [0, 5] } as const;
    expect(JRNG.fromState(v1).dtype).toBe("float32");
    expect(JRNG.fromState(v1, { dtype: "float64" }).dtype).toBe("float64");
    expect(values(JRNG.fromState(v1).random(2))).toEqual(values(new JRNG(5).random(2)));
  });

  it("a bigint counter works; a JSON string gets a clear error", () => {
    const state = { ...new JRNG(1, { stream: "fold_in" }).state, counter: 4n };
    expect(JRNG.fromState(state as never).state.counter).toBe(4);
    expect(() => JRNG.fromState(JSON.stringify(new JRNG(1).state) as never)).toThrow(
      /it is a string; parse it first: JRNG.fromState\(JSON.parse\(text\)\)/,
    );
    expect(() => JRNG.fromState({ ...new JRNG(1).state, dtype: "int32" } as never)).toThrow(
      /dtype must be "float32" or "float64"/,
    );
    expect(() => JRNG.fromState({ ...new JRNG(1).state, colour: 1 } as never)).toThrow(
      /unknown field "colour"/,
    );
  });
});

describe("issue 15: a disposed jax-js key", () => {
  it("is a TypeError naming it", () => {
    const k = np.array([0, 5], { dtype: DType.Uint32 });
    k.dispose();
    expect(() => JRNG.fromKey(k)).toThrow(/key is a jax-js Array that was already disposed/);
  });
});
