/**
 * The statistical tier: goodness-of-fit tests of generator methods in
 * NumPy's parameterisation, for implementations whose bit stream differs
 * from JAX's (NumPy's PCG64, for example). Each test draws a fixed number of
 * samples and applies a Kolmogorov–Smirnov test (continuous) or a chi-square
 * test (discrete) from stdlib; the threshold is Bonferroni-corrected over the
 * whole suite, so a correct implementation fails the suite with probability
 * at most {@link FAMILY_ALPHA}.
 *
 * @module
 */
import kstest from "@stdlib/stats-kstest";
import type { MethodCall } from "@jrng/vectors";
import type { Adapter } from "./adapter.js";
import { comparable } from "./runner.js";
import type { StatisticalResult } from "./report.js";

/** Probability that a correct implementation fails at least one test of the suite. */
export const FAMILY_ALPHA = 1e-3;

/** Samples per test. */
export const SAMPLE_SIZE = 20_000;

/** A goodness-of-fit test of one method at one parameter setting. */
export interface StatisticalTest {
  id: string;
  /** The method and its NumPy-parameterised arguments (`size` is added). */
  call: MethodCall;
  /** A continuous test: stdlib's distribution name for kstest and its parameters. */
  ks?: { distribution: string; parameters: number[] };
}

/** The suite. Distribution names and parameter orders are stdlib's. */
export const STATISTICAL_TESTS: StatisticalTest[] = [
  {
    id: "random",
    call: { method: "random", args: {} },
    ks: { distribution: "uniform", parameters: [0, 1] },
  },
  {
    id: "random-float64",
    call: { method: "random", args: { dtype: "float64" } },
    ks: { distribution: "uniform", parameters: [0, 1] },
  },
  {
    id: "uniform(-3, 5)",
    call: { method: "uniform", args: { low: -3, high: 5 } },
    ks: { distribution: "uniform", parameters: [-3, 5] },
  },
];

/** Run the statistical suite against an adapter's generators. */
export async function runStatisticalTier(
  adapter: Adapter,
  methods: readonly string[],
  options: { seed?: number; filter?: string } = {},
): Promise<StatisticalResult[]> {
  const tests = STATISTICAL_TESTS.filter(
    (t) => options.filter === undefined || `statistical/${t.id}`.includes(options.filter),
  );
  const threshold = FAMILY_ALPHA / Math.max(1, STATISTICAL_TESTS.length);
  const results: StatisticalResult[] = [];
  for (const [index, test] of tests.entries()) {
    const base = {
      id: `statistical/${test.id}`,
      method: test.call.method,
      parameters: JSON.stringify(test.call.args),
      test: "ks" as const,
      threshold,
    };
    if (!methods.includes(test.call.method)) {
      results.push({
        ...base,
        statistic: NaN,
        pValue: NaN,
        status: "skipped",
        reason: `method ${test.call.method} not implemented`,
      });
      continue;
    }
    const handle = await adapter.createGenerator({
      seed: (options.seed ?? 20251125) + index,
      stream: "split",
      mode: "partitionable",
    });
    try {
      const outcome = await adapter.callMethod(handle, {
        method: test.call.method,
        args: { ...test.call.args, size: SAMPLE_SIZE },
      });
      if (!outcome.ok) {
        results.push({
          ...base,
          statistic: NaN,
          pValue: NaN,
          status: "failed",
          reason: `threw ${outcome.error.kind}: ${outcome.error.message}`,
        });
        continue;
      }
      const samples = comparable(outcome.result).data.map(Number);
      const { distribution, parameters } = test.ks!;
      const outcomeOfTest = kstest(samples, distribution, ...parameters);
      results.push({
        ...base,
        statistic: outcomeOfTest.statistic,
        pValue: outcomeOfTest.pValue,
        status: outcomeOfTest.pValue < threshold ? "failed" : "passed",
      });
    } finally {
      await adapter.dropGenerator(handle);
    }
  }
  return results;
}
