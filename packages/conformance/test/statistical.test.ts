import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { NdArray } from "@jrng/core";
import { createGenerator, METHODS, runMethodCall, type MethodCall } from "@jrng/vectors";
import fCdf from "@stdlib/stats-base-dists-f-cdf";
import kstest from "@stdlib/stats-kstest";
import normalCdf from "@stdlib/stats-base-dists-normal-cdf";
import {
  adapterFromFunctions,
  buildReport,
  formatTerminalReport,
  ProcessAdapter,
  referenceAdapter,
  runStatisticalTier,
  FAMILY_ALPHA,
  STATISTICAL_TESTS,
  type Capabilities,
} from "../src/index.js";
import {
  logseriesPmf,
  noncentralChisquareCdf,
  noncentralFCdf,
  vonMisesCdf,
  waldCdf,
  zipfPmf,
} from "../src/cdfs.js";
import { ksTest, poolCells } from "../src/statistical.js";

const NUMPY_ADAPTER = fileURLToPath(new URL("../adapters/numpy_adapter.py", import.meta.url));
const hasNumpy = (() => {
  try {
    execFileSync("python3", ["-c", "import numpy"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
})();

const METHOD_NAMES = Object.keys(METHODS);

const FULL: Capabilities = {
  name: "test",
  tiers: ["statistical"],
  functions: [],
  methods: METHOD_NAMES,
  modes: ["partitionable", "legacy"],
  streams: ["split", "fold_in"],
};

type Rng = ReturnType<typeof createGenerator>;

/** The reference generator with one method replaced by a deliberately wrong one. */
function broken(name: string, callMethod: (rng: Rng, call: MethodCall) => NdArray | undefined) {
  return adapterFromFunctions({
    capabilities: { ...FULL, name },
    callFunction: () => {
      throw new TypeError("no functions");
    },
    createGenerator: (spec) => createGenerator({ generator: spec, calls: [] }),
    callMethod: (rng, call) => callMethod(rng, call) ?? runMethodCall(rng, call),
  });
}

/** Map an integer or float result elementwise. */
function mapped(result: NdArray, f: (x: number) => number): NdArray {
  const data = Array.from(result.data as ArrayLike<number>, f);
  return result.dtype === "int32"
    ? { dtype: "int32", shape: result.shape, data: Int32Array.from(data) }
    : ({ dtype: "float64", shape: result.shape, data: Float64Array.from(data) } as NdArray);
}

/** Run the tests whose id contains `filter`; return them by status. */
async function run(adapter: ReturnType<typeof broken>, filter: string) {
  const results = await runStatisticalTier(adapter, METHOD_NAMES, { filter });
  expect(results.length).toBeGreaterThan(0);
  return {
    results,
    failed: results.filter((r) => r.status === "failed").map((r) => r.id),
    passed: results.filter((r) => r.status === "passed").map((r) => r.id),
  };
}

/** Composite Simpson's rule with `panels` (even) panels. */
function simpson(f: (t: number) => number, a: number, b: number, panels = 20_000): number {
  const h = (b - a) / panels;
  let sum = f(a) + f(b);
  for (let i = 1; i < panels; i++) sum += (i % 2 === 1 ? 4 : 2) * f(a + i * h);
  return (sum * h) / 3;
}

describe("the suite", () => {
  it("covers every distribution method of NumPy's Generator", () => {
    const tested = new Set(STATISTICAL_TESTS.map((t) => t.call.method));
    for (const method of [
      "random",
      "uniform",
      "integers",
      "normal",
      "standardNormal",
      "exponential",
      "standardExponential",
      "standardCauchy",
      "gamma",
      "standardGamma",
      "beta",
      "chisquare",
      "f",
      "standardT",
      "gumbel",
      "laplace",
      "logistic",
      "lognormal",
      "pareto",
      "rayleigh",
      "weibull",
      "triangular",
      "wald",
      "poisson",
      "binomial",
      "geometric",
      "choice",
      "dirichlet",
      "multinomial",
      "multivariateNormal",
      "permutation",
      "hypergeometric",
      "logseries",
      "multivariateHypergeometric",
      "negativeBinomial",
      "noncentralChisquare",
      "noncentralF",
      "power",
      "vonmises",
      "zipf",
    ])
      expect(tested.has(method), method).toBe(true);
    const ids = STATISTICAL_TESTS.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(STATISTICAL_TESTS.every((t) => (t.ks === undefined) !== (t.chi2 === undefined))).toBe(
      true,
    );
  });

  it("uses one Bonferroni threshold for the whole suite, whatever the filter", async () => {
    const results = await runStatisticalTier(referenceAdapter(), ["random"], {
      filter: "random(",
    });
    expect(results.map((r) => r.threshold)).toEqual(
      results.map(() => FAMILY_ALPHA / STATISTICAL_TESTS.length),
    );
  });
});

describe("correct implementations pass", () => {
  it("the reference implementation passes every test it implements", async () => {
    const adapter = referenceAdapter();
    const { methods } = await adapter.capabilities();
    const results = await runStatisticalTier(adapter, methods);
    expect(results.length).toBe(STATISTICAL_TESTS.length);
    expect(results.filter((r) => r.status === "failed")).toEqual([]);
    for (const r of results.filter((r) => r.status === "skipped"))
      expect(methods).not.toContain(r.method);
    expect(results.filter((r) => r.status === "passed").length).toBeGreaterThan(50);
  }, 60_000);

  it.skipIf(!hasNumpy)(
    hasNumpy
      ? "NumPy's Generator passes every test over the protocol"
      : "NumPy's Generator passes every test over the protocol (skipped: python3 with numpy not found)",
    async () => {
      const adapter = new ProcessAdapter(`python3 ${NUMPY_ADAPTER}`);
      try {
        const capabilities = await adapter.capabilities();
        const results = await runStatisticalTier(adapter, capabilities.methods);
        expect(results.filter((r) => r.status !== "passed")).toEqual([]);
        expect(results.length).toBe(STATISTICAL_TESTS.length);
      } finally {
        await adapter.close();
      }
    },
    60_000,
  );
});

describe("wrong implementations fail the specific tests", () => {
  it("exponential with scale and rate confused", async () => {
    const adapter = broken("exponential(rate)", (rng, call) =>
      call.method === "exponential"
        ? runMethodCall(rng, {
            ...call,
            args: { ...call.args, scale: 1 / (call.args.scale as number) },
          })
        : undefined,
    );
    const { failed, passed, results } = await run(adapter, "xponential(");
    expect(failed).toEqual([
      "statistical/exponential(scale=2)",
      "statistical/exponential(scale=0.25)",
    ]);
    expect(passed).toEqual(["statistical/standardExponential()"]);
    const report = formatTerminalReport(buildReport(FULL, "vectors", [], results));
    expect(report).toMatch(
      /exponential\(\{"scale":2\}\)\s+\[statistical\]\s+ks p = \d\.\d\de[+-]\d+ </,
    );
  });

  it("poisson off by one", async () => {
    const adapter = broken("poisson + 1", (rng, call) =>
      call.method === "poisson" ? mapped(runMethodCall(rng, call), (k) => k + 1) : undefined,
    );
    const { failed } = await run(adapter, "poisson(");
    // At lam = 1000 a shift by one is 0.03 standard deviations: past the power of 20 000 samples.
    expect(failed).toEqual([
      "statistical/poisson(lam=0.5)",
      "statistical/poisson(lam=4)",
      "statistical/poisson(lam=30)",
    ]);
  });

  it("gamma with shape and scale swapped", async () => {
    const adapter = broken("gamma(scale, shape)", (rng, call) =>
      call.method === "gamma"
        ? runMethodCall(rng, {
            ...call,
            args: { ...call.args, shape: call.args.scale, scale: call.args.shape },
          })
        : undefined,
    );
    const { failed, passed } = await run(adapter, "amma(");
    expect(failed).toEqual([
      "statistical/gamma(shape=0.5, scale=2)",
      "statistical/gamma(shape=3, scale=0.5)",
      "statistical/gamma(shape=1, scale=3)",
    ]);
    expect(passed).toEqual([
      "statistical/standardGamma(shape=0.3)",
      "statistical/standardGamma(shape=5)",
    ]);
  });

  it("geometric counting failures instead of trials: samples outside the support", async () => {
    const adapter = broken("geometric − 1", (rng, call) =>
      call.method === "geometric" ? mapped(runMethodCall(rng, call), (k) => k - 1) : undefined,
    );
    const { results } = await run(adapter, "statistical/geometric(");
    for (const r of results) {
      expect(r.status).toBe("failed");
      expect(r.reason).toMatch(/outside the support \{1…∞\}/);
    }
  });

  it("pareto as Pareto I instead of NumPy's Lomax", async () => {
    const adapter = broken("pareto + 1", (rng, call) =>
      call.method === "pareto" ? mapped(runMethodCall(rng, call), (x) => x + 1) : undefined,
    );
    const { failed, results } = await run(adapter, "pareto(");
    expect(failed.length).toBe(results.length);
  });

  it("binomial with p and 1 − p confused", async () => {
    const adapter = broken("binomial(1 − p)", (rng, call) =>
      call.method === "binomial"
        ? runMethodCall(rng, { ...call, args: { ...call.args, p: 1 - (call.args.p as number) } })
        : undefined,
    );
    const { failed, results } = await run(adapter, "statistical/binomial(");
    expect(failed.length).toBe(results.length);
  });

  it("triangular reading (left, right, mode) as stdlib orders them", async () => {
    const adapter = broken("triangular(left, right, mode)", (rng, call) => {
      if (call.method !== "triangular") return undefined;
      const { left, mode, right } = call.args as Record<string, number>;
      // A sorted (left, mode, right) that puts the peak where NumPy puts `right`.
      return runMethodCall(rng, {
        ...call,
        args: { ...call.args, left, mode: Math.min(mode, right) + (right - mode) / 2, right },
      });
    });
    const { failed } = await run(adapter, "triangular(left=-1");
    expect(failed).toEqual(["statistical/triangular(left=-1, mode=0.5, right=3)"]);
  });

  it("permutation by Sattolo's algorithm (cyclic permutations only)", async () => {
    const adapter = broken("sattolo", (rng, call) => {
      if (call.method !== "permutation") return undefined;
      const n = call.args.x as number;
      const u = runMethodCall(rng, { method: "random", args: { size: n, dtype: "float64" } });
      const perm = Array.from({ length: n }, (_, i) => i);
      for (let i = n - 1; i > 0; i--) {
        const j = Math.floor((u.data[i] as number) * i); // j < i: never leaves an element in place
        [perm[i], perm[j]] = [perm[j], perm[i]];
      }
      return { dtype: "int32", shape: [n], data: Int32Array.from(perm) };
    });
    const { failed, results } = await run(adapter, "permutation(");
    expect(failed.length).toBe(results.length);
  });

  it.skipIf(!METHOD_NAMES.includes("noncentralChisquare"))(
    "noncentral chi-square ignoring the noncentrality",
    async () => {
      const adapter = broken("noncentralChisquare = chisquare", (rng, call) =>
        call.method === "noncentralChisquare"
          ? runMethodCall(rng, {
              method: "chisquare",
              args: { df: call.args.df, size: call.args.size },
            })
          : undefined,
      );
      const { failed, results } = await run(adapter, "noncentralChisquare(");
      expect(failed.length).toBe(results.length);
    },
  );

  it("a result of the wrong size", async () => {
    const adapter = broken("ignores size", (rng, call) =>
      call.method === "rayleigh"
        ? runMethodCall(rng, { ...call, args: { ...call.args, size: 10 } })
        : undefined,
    );
    const { results } = await run(adapter, "rayleigh(");
    expect(results[0]).toMatchObject({
      status: "failed",
      reason: "got 10 values to test, expected 20000",
    });
  });

  it("a method that throws is a failure that says why", async () => {
    const adapter = broken("no zipf", (_rng, call) => {
      if (call.method === "zipf") throw new RangeError("zipf: not today");
      return undefined;
    });
    const { results } = await run(adapter, "zipf(a=2)");
    expect(results[0]).toMatchObject({
      status: "failed",
      reason: "threw RangeError: zipf: not today",
    });
  });
});

describe("hand-written distribution functions", () => {
  // Values printed by SciPy 1.17.1 (scipy.stats), computed by us for these tests.
  it("waldCdf matches SciPy's invgauss and integrates the density", () => {
    const scipy: [number, number, number, number][] = [
      [0.5, 1, 3, 0.15845736417505443],
      [1.0, 1, 3, 0.6073131695349101],
      [2.5, 1, 3, 0.9752512604169956],
      [0.2, 3, 0.5, 0.13399029969359705],
      [3, 3, 0.5, 0.7890426225134713],
      [20, 3, 0.5, 0.9721767273280328],
    ];
    for (const [x, mean, scale, expected] of scipy)
      expect(waldCdf(x, mean, scale)).toBeCloseTo(expected, 12);
    const density = (t: number) =>
      t <= 0 ? 0 : Math.sqrt(3 / (2 * Math.PI * t ** 3)) * Math.exp((-3 * (t - 1) ** 2) / (2 * t));
    expect(waldCdf(1.7, 1, 3)).toBeCloseTo(simpson(density, 0, 1.7), 9);
    // exp(2λ/μ) would overflow here; the log form does not.
    expect(waldCdf(1, 1, 400)).toBeCloseTo(0.5, 1);
    expect(Number.isFinite(waldCdf(1e-3, 1, 400))).toBe(true);
    expect(waldCdf(0, 1, 1)).toBe(0);
    expect(waldCdf(Infinity, 1, 1)).toBe(1);
  });

  it("noncentralChisquareCdf matches SciPy's ncx2 and the df = 1 closed form", () => {
    const scipy: [number, number, number, number][] = [
      [0.3, 0.5, 1, 0.4278386071794131],
      [2, 3, 2, 0.22073308707412123],
      [8, 3, 2, 0.8175972901341961],
      [25, 5, 20, 0.5407136081145829],
      [60, 5, 20, 0.9983436378107078],
    ];
    for (const [x, df, nonc, expected] of scipy)
      expect(noncentralChisquareCdf(df, nonc)(x)).toBeCloseTo(expected, 12);
    // df = 1: (Z + δ)² ≤ x  ⇔  −√x − δ ≤ Z ≤ √x − δ, δ = √nonc.
    const delta = Math.sqrt(3);
    const cdf = noncentralChisquareCdf(1, 3);
    for (const x of [0.01, 0.5, 2, 7, 30]) {
      const expected =
        normalCdf(Math.sqrt(x) - delta, 0, 1) - normalCdf(-Math.sqrt(x) - delta, 0, 1);
      expect(cdf(x)).toBeCloseTo(expected, 13);
    }
    expect(cdf(0)).toBe(0);
    expect(cdf(Infinity)).toBe(1);
  });

  it("noncentralFCdf matches SciPy's ncf, and the central F at nonc = 0", () => {
    const scipy: [number, number, number, number, number][] = [
      [0.5, 3, 10, 2, 0.1551432967123954],
      [2, 3, 10, 2, 0.631360852827701],
      [1, 0.8, 6, 5, 0.10224029937508253],
      [6, 0.8, 6, 5, 0.46809909984405895],
    ];
    for (const [x, d1, d2, nonc, expected] of scipy)
      expect(noncentralFCdf(d1, d2, nonc)(x)).toBeCloseTo(expected, 12);
    for (const x of [0.1, 1, 4]) expect(noncentralFCdf(3, 7, 0)(x)).toBeCloseTo(fCdf(x, 3, 7), 14);
  });

  it("vonMisesCdf matches SciPy's vonmises at mu = 0, and integrates the wrapped density", () => {
    const scipy: [number, number, number][] = [
      [-2, 0.5, 0.11517688991310815],
      [0.3, 0.5, 0.5734725265508168],
      [1, 4, 0.9667741790985465],
      [-0.2, 4, 0.3502247997316866],
    ];
    for (const [x, kappa, expected] of scipy)
      expect(vonMisesCdf(0, kappa)(x)).toBeCloseTo(expected, 11);
    // Centred near −π, the density wraps round: integrate it directly.
    const [mu, kappa] = [-2.5, 3];
    const density = (t: number) => Math.exp(kappa * Math.cos(t - mu));
    const total = simpson(density, -Math.PI, Math.PI);
    const cdf = vonMisesCdf(mu, kappa);
    for (const x of [-3, -2.5, 0, 2, 3.1])
      expect(cdf(x)).toBeCloseTo(simpson(density, -Math.PI, x) / total, 9);
    // Sharply peaked (SciPy approximates this case, so integrate instead).
    const peaked = vonMisesCdf(0, 50);
    const peak = (t: number) => Math.exp(50 * (Math.cos(t) - 1));
    const peakTotal = simpson(peak, -Math.PI, Math.PI);
    for (const x of [-0.3, 0.05, 0.2])
      expect(peaked(x)).toBeCloseTo(simpson(peak, -Math.PI, x) / peakTotal, 9);
    expect(cdf(-Math.PI)).toBe(0);
    expect(cdf(Math.PI)).toBe(1);
  });

  it("zipfPmf matches SciPy's zipf, ζ(2) = π²/6, and sums to 1", () => {
    expect(zipfPmf(1, 2)).toBeCloseTo(6 / Math.PI ** 2, 14);
    const scipy: [number, number, number][] = [
      [1, 2, 0.6079271018540265],
      [3, 2, 0.0675474557615585],
      [10, 3.5, 0.0002806587919202514],
      [1, 1.3, 0.2543267845364118],
    ];
    for (const [k, a, expected] of scipy) expect(zipfPmf(k, a)).toBeCloseTo(expected, 14);
    let sum = 0;
    for (let k = 1; k <= 100_000; k++) sum += zipfPmf(k, 3.5);
    expect(sum).toBeCloseTo(1, 11);
    expect(zipfPmf(0, 2)).toBe(0);
    expect(zipfPmf(1.5, 2)).toBe(0);
  });

  it("logseriesPmf matches SciPy's logser and sums to 1", () => {
    const scipy: [number, number, number][] = [
      [1, 0.3, 0.8411019756171385],
      [4, 0.3, 0.005677438335415684],
      [1, 0.95, 0.31711779066056744],
      [30, 0.95, 0.0023882726530420817],
    ];
    for (const [k, p, expected] of scipy) expect(logseriesPmf(k, p)).toBeCloseTo(expected, 14);
    let sum = 0;
    for (let k = 1; k <= 2_000; k++) sum += logseriesPmf(k, 0.95);
    expect(sum).toBeCloseTo(1, 12);
    expect(logseriesPmf(0, 0.5)).toBe(0);
  });
});

describe("the tests themselves", () => {
  it("pool cells to expected counts of at least 5 that cover the support and add up to n", () => {
    for (const [pmf, support] of [
      [(k: number) => zipfPmf(k, 2), [1, Infinity]],
      [(k: number) => (k >= 0 && k <= 3 ? 0.25 : 0), [0, 3]],
      [(k: number) => logseriesPmf(k, 0.95), [1, Infinity]],
    ] as const) {
      const cells = poolCells(pmf, [support[0], support[1]], 20_000);
      expect(cells.low[0]).toBe(support[0]);
      expect(cells.high[cells.high.length - 1]).toBe(support[1]);
      for (let i = 1; i < cells.low.length; i++) expect(cells.low[i]).toBe(cells.high[i - 1] + 1);
      expect(Math.min(...cells.expected)).toBeGreaterThanOrEqual(5);
      expect(cells.expected.reduce((s, e) => s + e, 0)).toBeCloseTo(20_000, 6);
    }
  });

  it("ksTest's two-sided p-value agrees with stdlib's exact one in the tail", () => {
    // A shifted sample, small enough for stdlib's exact two-sided p-value to be quick.
    const samples = Array.from({ length: 400 }, (_, i) => ((i + 0.5) / 400) ** 1.4);
    const exact = kstest(samples, "uniform", 0, 1);
    const ours = ksTest(samples, { distribution: "uniform", parameters: [0, 1] });
    expect(ours.statistic).toBeCloseTo(exact.statistic, 14);
    expect(exact.pValue).toBeLessThan(1e-4);
    // stdlib's two-sided value is itself Marsaglia et al.'s asymptotic formula here (d²n > 3.76).
    expect(Math.abs(ours.pValue / exact.pValue - 1)).toBeLessThan(0.01);
    const viaCdf = ksTest(samples, { distribution: "uniform(0, 1)", cdf: (x) => x });
    expect(viaCdf.pValue).toBeCloseTo(ours.pValue, 14);
  });
});
