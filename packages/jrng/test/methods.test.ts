import { describe, expect, it } from "vitest";
import * as core from "@jrng/core";
import { JRNG } from "../src/index.js";

type Mode = { stream: "split" | "fold_in"; partitionable: boolean };
const MODES: Mode[] = [
  { stream: "split", partitionable: true },
  { stream: "split", partitionable: false },
  { stream: "fold_in", partitionable: true },
  { stream: "fold_in", partitionable: false },
];

/** The subkey the first draw of JRNG(seed, mode) uses. */
function firstSubkey(seed: number, { stream, partitionable }: Mode): Uint32Array {
  return stream === "split"
    ? core.keyAt(core.split(core.key(seed), 2, { partitionable }), 1)
    : core.foldIn(core.key(seed), 0);
}

const js = (array: { js(): unknown }) => array.js();
const flat = (data: ArrayLike<number>) => Array.from(data);

describe("the original JRNG example (rng-jax README)", () => {
  it("reproduces Generator(42).standard_normal(3) twice, legacy mode", () => {
    // glass-dev/rng-jax README.md lines 12-18 (written December 2024, JAX in
    // legacy threefry mode): Array([-0.5675502 ,  0.28439185, -0.9320608 ])
    // then Array([ 0.67903334, -1.220606  ,  0.94670606]).
    const rng = new JRNG(42, { stream: "split", partitionable: false });
    const first = js(rng.standardNormal(3)) as number[];
    const second = js(rng.standardNormal(3)) as number[];
    const close = (got: number[], printed: number[]) =>
      got.forEach((x, i) =>
        expect(Math.abs(x - printed[i])).toBeLessThanOrEqual(
          5e-7 * Math.max(1, Math.abs(printed[i])),
        ),
      );
    close(first, [-0.5675502, 0.28439185, -0.9320608]);
    close(second, [0.67903334, -1.220606, 0.94670606]);
  });
});

describe("each method is one subkey and the documented JAX computation", () => {
  it.each(MODES)("$stream / partitionable $partitionable", (mode) => {
    const o = { partitionable: mode.partitionable };
    const k = firstSubkey(7, mode);
    const check = (
      draw: (rng: JRNG) => { js(): unknown; dataSync(): unknown },
      expected: ArrayLike<number>,
    ) => {
      const rng = new JRNG(7, mode);
      expect(flat(draw(rng).dataSync() as ArrayLike<number>)).toEqual(flat(expected));
    };
    check((r) => r.standardNormal([2, 3]), core.normal(k, [2, 3], "float32", o).data);
    check((r) => r.random(5), core.uniform(k, [5], "float32", 0, 1, o).data);
    check((r) => r.integers(0, 10, [2, 5]), core.randint(k, [2, 5], 0, 10, "int32", o).data);
    check(
      (r) => r.integers(5, undefined, 4, { endpoint: true }),
      core.randint(k, [4], 0, 6, "int32", o).data,
    );
    check((r) => r.standardExponential(4), core.exponential(k, [4], "float32", o).data);
    check((r) => r.standardCauchy(4), core.cauchy(k, [4], "float32", o).data);
    check((r) => r.standardGamma(0.7, 4), core.gamma(k, 0.7, [4], "float32", o).data);
    check((r) => r.beta(2, 3, 4), core.beta(k, 2, 3, [4], "float32", o).data);
    check((r) => r.chisquare(3, 4), core.chisquare(k, 3, [4], "float32", o).data);
    check((r) => r.f(2, 5, 4), core.f(k, 2, 5, [4], "float32", o).data);
    check((r) => r.standardT(3, 4), core.t(k, 3, [4], "float32", o).data);
    check((r) => r.rayleigh(2, 4), core.rayleigh(k, 2, [4], "float32", o).data);
    check((r) => r.weibull(1.5, 4), core.weibullMin(k, 1, 1.5, [4], "float32", o).data);
    check((r) => r.triangular(0, 1, 3, 4), core.triangular(k, 0, 1, 3, [4], "float32", o).data);
    check((r) => r.poisson(3, 6), core.poisson(k, 3, [6], "int32", o).data);
    check((r) => r.geometric(0.25, 6), core.geometric(k, 0.25, [6], "int32", o).data);
    check((r) => r.lognormal(0, 0.5, 4), core.lognormal(k, 0.5, [4], "float32", o).data);
    check((r) => r.permutation(7), core.permutation(k, 7, 0, false, o).data as Int32Array);
    check((r) => r.dirichlet([1, 2, 3], 2), core.dirichlet(k, [1, 2, 3], [2], "float32", o).data);
    // NumPy's parameterisations, mapped as documented.
    const f32 = Math.fround;
    const z = core.normal(k, [4], "float32", o).data;
    check(
      (r) => r.normal(1, 2, 4),
      Array.from(z, (x) => f32(1 + f32(2 * x))),
    );
    const e = core.exponential(k, [4], "float32", o).data;
    check(
      (r) => r.exponential(3, 4),
      Array.from(e, (x) => f32(3 * x)),
    );
    const g = core.gamma(k, 2, [4], "float32", o).data;
    check(
      (r) => r.gamma(2, 0.5, 4),
      Array.from(g, (x) => f32(0.5 * x)),
    );
    // A number parameter stays a number, as in the method's JAX program: XLA then multiplies
    // by the reciprocal of the broadcast b (an array of the full shape would be divided by).
    const p = core.pareto(k, 3, [4], "float32", o).data;
    check(
      (r) => r.pareto(3, 4),
      Array.from(p, (x) => f32(x - 1)),
    );
    const w = core.wald(k, 0.5, [4], "float32", o).data;
    check(
      (r) => r.wald(1, 2, 4),
      Array.from(w, (x) => f32(2 * x)),
    );
    const b = core.binomial(k, 10, 0.3, [4], "float32", o).data;
    check((r) => r.binomial(10, 0.3, 4), Array.from(b));
  });
});

describe("choice without replacement from a large population (issue 15)", () => {
  it.each(MODES)(
    "$stream / partitionable $partitionable: the head of permutation's draw on the same key",
    (mode) => {
      // 300,001 positions and 4 samples take the rank walk in @jrng/core.
      const sample = new JRNG(11, mode).choice(300_001, 4, false).dataSync();
      const whole = new JRNG(11, mode).permutation(300_001).dataSync();
      expect(flat(sample)).toEqual(flat(whole.subarray(0, 4)));
    },
    60_000,
  );
});

describe("validation follows NumPy and leaves the state alone", () => {
  const bad: [string, (r: JRNG) => unknown, RegExp][] = [
    ["normal scale < 0", (r) => r.normal(0, -1), /scale < 0/],
    ["exponential scale < 0", (r) => r.exponential(-1), /scale < 0/],
    ["gamma shape < 0", (r) => r.gamma(-1), /shape < 0/],
    ["beta a <= 0", (r) => r.beta(0, 1), /a <= 0/],
    ["chisquare df <= 0", (r) => r.chisquare(0), /df <= 0/],
    ["poisson lam < 0", (r) => r.poisson(-1), /lam < 0/],
    ["binomial p > 1", (r) => r.binomial(3, 1.5), /p < 0, p > 1/],
    ["geometric p = 0", (r) => r.geometric(0), /p <= 0/],
    ["integers low >= high", (r) => r.integers(5, 5), /low >= high/],
    ["triangular left > mode", (r) => r.triangular(2, 1, 3), /left > mode/],
    ["wald mean <= 0", (r) => r.wald(0, 1), /mean <= 0/],
    ["pareto a <= 0", (r) => r.pareto(0), /a <= 0/],
    ["dirichlet alpha <= 0", (r) => r.dirichlet([1, 0]), /alpha <= 0/],
    [
      "multinomial pvals sum > 1",
      (r) => r.multinomial(5, [0.7, 0.6, 0]),
      /sum\(pvals\[:-1\]\) > 1/,
    ],
    [
      "mvn not PSD, raise",
      (r) =>
        r.multivariateNormal(
          [0, 0],
          [
            [1, 2],
            [2, 1],
          ],
          undefined,
          { checkValid: "raise" },
        ),
      /positive-semidefinite/,
    ],
    ["choice p not summing to 1", (r) => r.choice(3, 2, true, [0.5, 0.2, 0.2]), /sum to 1/],
    [
      "size that params do not fit",
      (r) => r.normal([0, 1, 2], 1, [2]),
      RangeError as unknown as RegExp,
    ],
  ];
  it.each(MODES)("$stream / partitionable $partitionable", (mode) => {
    for (const [, call, message] of bad) {
      const rng = new JRNG(3, mode);
      rng.random();
      const before = rng.state;
      expect(() => call(rng)).toThrow(message);
      expect(rng.state).toEqual(before);
    }
  });
});

describe("the remaining methods are their JAX computation too", () => {
  it.each(MODES)("$stream / partitionable $partitionable", (mode) => {
    const o = { partitionable: mode.partitionable };
    const k = firstSubkey(13, mode);
    const check = (draw: (rng: JRNG) => { dataSync(): unknown }, expected: ArrayLike<number>) => {
      expect(flat(draw(new JRNG(13, mode)).dataSync() as ArrayLike<number>)).toEqual(
        flat(expected),
      );
    };
    check(
      (r) => r.choice(10, [3], false),
      core.choice(k, 10, [3], false, undefined, 0, "low", o).data as Int32Array,
    );
    check(
      (r) => r.choice([5, 6, 7], [4], true, [0.2, 0.3, 0.5]),
      core.choice(
        k,
        [5, 6, 7],
        [4],
        true,
        { dtype: "float32", shape: [3], data: Float32Array.of(0.2, 0.3, 0.5) },
        0,
        "low",
        o,
      ).data as Int32Array,
    );
    check(
      (r) =>
        r.permuted(
          [
            [1, 2, 3],
            [4, 5, 6],
          ],
          1,
        ),
      core.permutation(
        k,
        [
          [1, 2, 3],
          [4, 5, 6],
        ],
        1,
        true,
        o,
      ).data as Float64Array,
    );
    check(
      (r) => r.shuffle([1, 2, 3, 4]),
      core.permutation(k, [1, 2, 3, 4], 0, false, o).data as Float64Array,
    );
    check(
      (r) => r.multinomial(10, [0.2, 0.8], 2),
      core.multinomial(k, [10, 10], [0.2, 0.8], [2, 2], "float32", 1, o).data,
    );
    check(
      (r) =>
        r.multivariateNormal(
          [0, 1],
          [
            [1, 0.5],
            [0.5, 2],
          ],
          3,
          { method: "cholesky" },
        ),
      core.multivariateNormal(
        k,
        [0, 1],
        [
          [1, 0.5],
          [0.5, 2],
        ],
        [3],
        "float32",
        "cholesky",
        o,
      ).data,
    );
    check((r) => r.gumbel(0, 1, 4), core.gumbel(k, [4], "float32", "low", o).data);
    check((r) => r.laplace(0, 1, 4), core.laplace(k, [4], "float32", o).data);
    check((r) => r.logistic(0, 1, 4), core.logistic(k, [4], "float32", o).data);
  });
});

describe("NaN parameters pass where NumPy lets them through", () => {
  it("scale < 0 does not reject NaN; p outside [0, 1] does", () => {
    const rng = new JRNG(8);
    expect(Number.isNaN(rng.normal(0, NaN).js() as number)).toBe(true);
    expect(() => rng.binomial(3, NaN)).toThrow(/p is NaN/);
    expect(() => rng.poisson(NaN)).toThrow(/lam is NaN/);
  });

  it("integers64 defaults to int64", () => {
    const wide = new JRNG(8).integers64(0, 10n, 2, { endpoint: true });
    expect(wide.dtype).toBe("int64");
  });
});

describe("spawn", () => {
  it("gives children whose streams differ from each other and from the parent", () => {
    for (const stream of ["split", "fold_in"] as const) {
      const parent = new JRNG(21, { stream });
      const children = parent.spawn(3);
      const draws = [parent, ...children].map((rng) => (rng.random(200).js() as number[]).join());
      expect(new Set(draws).size).toBe(4);
      // Independent streams: the correlation of two children's draws is small.
      const [a, b] = children.slice(0, 2).map((rng) => rng.standardNormal(20000).js() as number[]);
      const r = a.reduce((sum, x, i) => sum + x * b[i], 0) / a.length;
      expect(Math.abs(r)).toBeLessThan(0.03);
    }
  });
});

describe("dtypes and shapes", () => {
  it("returns float64 on request, int32 integers, 64-bit integers as NdArrays", () => {
    const rng = new JRNG(1);
    expect(rng.standardNormal(2, { dtype: "float64" }).dtype).toBe("float64");
    expect(rng.integers(0, 5, 3).dtype).toBe("int32");
    const wide = rng.integers64(0, 2n ** 40n, 3, { dtype: "int64" });
    expect(wide.dtype).toBe("int64");
    expect(wide.data).toBeInstanceOf(BigInt64Array);
    const before = rng.state;
    expect(() => rng.integers(0, 5, 3, { dtype: "int64" })).toThrow(/integers64/);
    expect(() => rng.integers(0, 5, 3, { dtype: "uint64" })).toThrow(/integers64/);
    expect(() => rng.integers64(0, 5, 3, { dtype: "int32" as "int64" })).toThrow(
      /integers64: dtype must be "int64" or "uint64", got "int32"/,
    );
    expect(rng.state).toEqual(before);
    expect(rng.multinomial(10, [0.2, 0.8], 3).shape).toEqual([3, 2]);
    expect(rng.dirichlet([1, 1, 1], [2, 2]).shape).toEqual([2, 2, 3]);
    expect(
      rng.multivariateNormal(
        [0, 0, 0],
        [
          [1, 0, 0],
          [0, 1, 0],
          [0, 0, 1],
        ],
        4,
      ).shape,
    ).toEqual([4, 3]);
    expect(rng.normal([0, 10], 1).shape).toEqual([2]);
    expect(rng.standardNormal([0, 3]).shape).toEqual([0, 3]);
  });

  it("shuffle writes back into JavaScript arrays, as NumPy's in-place shuffle", () => {
    const rng = new JRNG(2);
    const values = [1, 2, 3, 4, 5, 6];
    const result = rng.shuffle(values).js();
    expect(values).toEqual(result);
    expect([...values].sort()).toEqual([1, 2, 3, 4, 5, 6]);
  });
});

describe("methods JAX has no sampler for follow the spec's algorithms in @jrng/core", () => {
  it.each(MODES)("$stream / partitionable $partitionable", (mode) => {
    const o = { partitionable: mode.partitionable };
    const k = firstSubkey(11, mode);
    const check = (draw: (rng: JRNG) => { dataSync(): unknown }, expected: ArrayLike<number>) => {
      expect(flat(draw(new JRNG(11, mode)).dataSync() as ArrayLike<number>)).toEqual(
        flat(expected),
      );
    };
    check(
      (r) => r.negativeBinomial(3, 0.4, 5),
      core.negativeBinomial(k, 3, 0.4, [5], "int32", o).data,
    );
    check(
      (r) => r.noncentralChisquare(3, 2, 4),
      core.noncentralChisquare(k, 3, 2, [4], "float32", o).data,
    );
    check((r) => r.noncentralF(3, 5, 2, 4), core.noncentralF(k, 3, 5, 2, [4], "float32", o).data);
    check((r) => r.power(2.5, 4), core.power(k, 2.5, [4], "float32", o).data);
    check((r) => r.vonmises(0.5, 2, 4), core.vonmises(k, 0.5, 2, [4], "float32", o).data);
    check((r) => r.zipf(2, 5), core.zipf(k, 2, [5], "int32", o).data);
    check((r) => r.logseries(0.6, 5), core.logseries(k, 0.6, [5], "int32", o).data);
    check(
      (r) => r.hypergeometric(10, 5, 7, 5),
      core.hypergeometric(k, 10, 5, 7, [5], "int32", o).data,
    );
    check(
      (r) => r.multivariateHypergeometric([3, 4, 5], 6, 2),
      core.multivariateHypergeometric(k, [3, 4, 5], 6, [2], "marginals", "int32", o).data,
    );
  });

  it("reject NumPy's invalid parameters without advancing the state", () => {
    const bad: ((r: JRNG) => unknown)[] = [
      (r) => r.negativeBinomial(0, 0.5),
      (r) => r.noncentralChisquare(0, 1),
      (r) => r.noncentralF(1, 1, -1),
      (r) => r.power(0),
      (r) => r.vonmises(0, -1),
      (r) => r.zipf(1),
      (r) => r.logseries(1),
      (r) => r.hypergeometric(2, 2, 5),
      (r) => r.multivariateHypergeometric([1, 2], 4),
    ];
    for (const call of bad) {
      const rng = new JRNG(5);
      const before = rng.state;
      expect(() => call(rng)).toThrow(RangeError);
      expect(rng.state).toEqual(before);
    }
  });
});

describe("integers checks its bounds against the dtype, as NumPy", () => {
  it("rejects bounds outside the dtype and accepts the full range", () => {
    const rng = new JRNG(4);
    const before = rng.state;
    expect(() => rng.integers(0, 300, 3, { dtype: "uint8" })).toThrow(
      /high is out of bounds for uint8/,
    );
    expect(() => rng.integers(-1, 3, 3, { dtype: "uint16" })).toThrow(
      /low is out of bounds for uint16/,
    );
    expect(() => rng.integers64(0, 2n ** 70n, 2)).toThrow(/high is out of bounds for int64/);
    expect(rng.state).toEqual(before);
    expect(rng.integers(0, 256, 4, { dtype: "uint8" }).dtype).toBe("uint32");
    expect(rng.integers(0, 255, 4, { dtype: "uint8", endpoint: true }).shape).toEqual([4]);
    const full = rng.integers64(0n, 2n ** 64n - 2n, 3, { dtype: "uint64", endpoint: true });
    expect(() =>
      rng.integers64(0n, 2n ** 64n - 1n, 3, { dtype: "uint64", endpoint: true }),
    ).toThrow(/full uint64 range/);
    expect(full.data).toBeInstanceOf(BigUint64Array);
  });
});

describe("ragged bounds", () => {
  it("integers rejects a ragged nested array of bounds", () => {
    const rng = new JRNG(1);
    expect(() =>
      rng.integers(
        [
          [0, 1],
          [[2], 3],
        ] as never,
        10,
      ),
    ).toThrow(/rectangular/);
  });
});
