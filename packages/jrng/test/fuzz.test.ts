// A seeded fuzz test of every JRNG method with the kinds of bad input of issue 15: each call
// either returns or throws a clean TypeError/RangeError, and a call that throws leaves the
// generator's state exactly as it was. The same seed gives the same calls on every run.
import { describe, expect, it } from "vitest";
import { numpy as np } from "@jax-js/jax";
import { JRNG } from "../src/index.js";

/** mulberry32: a small seeded generator for choosing the calls (not under test). */
function chooser(seed: number): (n: number) => number {
  let state = seed >>> 0;
  return (n) => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 2 ** 32) * n);
  };
}

/** Each method with valid, small arguments; the fuzzer replaces one argument at a time. */
const METHODS: [string, unknown[]][] = [
  ["random", [3, {}]],
  ["uniform", [0, 1, 3, {}]],
  ["bytes", [4]],
  ["normal", [0, 1, 3, {}]],
  ["standardNormal", [3, {}]],
  ["integers", [0, 10, 3, {}]],
  ["integers64", [0, 10, 3, {}]],
  ["standardExponential", [3, {}]],
  ["exponential", [1, 3, {}]],
  ["standardCauchy", [3, {}]],
  ["standardGamma", [2, 3, {}]],
  ["gamma", [2, 1, 3, {}]],
  ["beta", [2, 3, 3, {}]],
  ["chisquare", [2, 3, {}]],
  ["f", [2, 3, 3, {}]],
  ["standardT", [3, 3, {}]],
  ["gumbel", [0, 1, 3, {}]],
  ["laplace", [0, 1, 3, {}]],
  ["logistic", [0, 1, 3, {}]],
  ["lognormal", [0, 1, 3, {}]],
  ["pareto", [2, 3, {}]],
  ["rayleigh", [1, 3, {}]],
  ["weibull", [1.5, 3, {}]],
  ["triangular", [0, 1, 2, 3, {}]],
  ["wald", [1, 2, 3, {}]],
  ["poisson", [3, 3]],
  ["binomial", [10, 0.3, 3]],
  ["geometric", [0.3, 3]],
  ["choice", [5, 3, false, [0.2, 0.2, 0.2, 0.2, 0.2], 0, true]],
  ["permutation", [[1, 2, 3], 0]],
  ["shuffle", [[1, 2, 3], 0]],
  [
    "permuted",
    [
      [
        [1, 2],
        [3, 4],
      ],
      1,
    ],
  ],
  ["dirichlet", [[1, 2], 2, {}]],
  ["multinomial", [10, [0.5, 0.5], 2]],
  [
    "multivariateNormal",
    [
      [0, 0],
      [
        [1, 0],
        [0, 1],
      ],
      2,
      { checkValid: "ignore" },
    ],
  ],
  ["negativeBinomial", [3, 0.5, 3]],
  ["noncentralChisquare", [2, 1, 3, {}]],
  ["noncentralF", [2, 3, 1, 3, {}]],
  ["power", [2, 3, {}]],
  ["vonmises", [0, 1, 3, {}]],
  ["zipf", [2, 3]],
  ["logseries", [0.5, 3]],
  ["hypergeometric", [5, 5, 3, 3]],
  ["multivariateHypergeometric", [[3, 4], 3, 2, {}]],
  ["key", [2]],
  ["spawn", [2]],
  ["split", [2]],
];

/**
 * Malformed input of issue 15, built fresh for every call: wherever it goes (a parameter, a size,
 * an options object, a flag), the call must refuse it with a TypeError.
 */
const MALFORMED: (() => unknown)[] = [
  () => {
    const cyclic: unknown[] = [1];
    cyclic[0] = cyclic;
    return cyclic;
  },
  () => {
    const row: unknown[] = [1, 2];
    const cyclic = [row, row];
    row[1] = cyclic;
    return cyclic;
  },
  // eslint-disable-next-line no-sparse-arrays
  () => [1, , 3],
  () => new Array(3),
  () => {
    let deep: unknown = 1;
    for (let i = 0; i < 80; i++) deep = [deep];
    return deep;
  },
  () => [[1], [1, 2]],
  () => ({ dtype: "float64", shape: [0.5, 2], data: new Float64Array(1) }),
  () => ({ dtype: "float64", shape: [-1, -1], data: Float64Array.of(1) }),
  () => ({ dtype: "float64", shape: [3], data: new Float64Array(1) }),
  () => ({ dtype: "constructor", shape: [1], data: new Float64Array(1) }),
  () => ({ dtype: "float64", shape: [1], data: Int32Array.of(1) }),
  () => {
    const disposed = np.array([1, 2]);
    disposed.dispose();
    return disposed;
  },
];

/** Other bad or extreme input: refused with a TypeError or RangeError, or (where valid there) accepted. */
const SUSPECT: (() => unknown)[] = [
  () => "4",
  () => "float64",
  () => true,
  () => null,
  () => ({}),
  () => ({ dtyp: "float64" }),
  () => ({ partitionabel: false }),
  () => [],
  () => 10n,
  () => NaN,
  () => -1,
  () => -0,
  () => 2.5,
  () => 1e10,
  () => Infinity,
  () => [NaN, -1],
  () => Object.freeze([1, 2, 3]),
];

const BAD_VALUES = [
  ...MALFORMED.map((make) => ({ make, malformed: true })),
  ...SUSPECT.map((make) => ({ make, malformed: false })),
];

/** Calls per method: about two seconds in all. */
const TRIALS = 40;

/** The state as a string (JSON cannot hold the bigint a bad call must not have put there). */
const stateOf = (rng: JRNG) => JSON.stringify(rng.state);

describe("fuzz: every method, bad inputs of every kind (seeded)", () => {
  it("either returns or throws a TypeError/RangeError, and a throw leaves the state unchanged", () => {
    const pick = chooser(15);
    const rng = new JRNG(2024, { stream: "fold_in" });
    const refusedKinds = new Set<string>();
    let calls = 0;
    for (const [method, valid] of METHODS) {
      for (let trial = 0; trial < TRIALS; trial++) {
        const args = [...valid];
        const position = pick(args.length);
        const badIndex = pick(BAD_VALUES.length);
        const bad = BAD_VALUES[badIndex];
        args[position] = bad.make();
        const before = stateOf(rng);
        const call = () =>
          (rng as unknown as Record<string, (...a: unknown[]) => unknown>)[method](...args);
        let thrown: unknown;
        try {
          const result = call();
          (result as { dispose?: () => void } | undefined)?.dispose?.();
        } catch (error) {
          thrown = error;
        }
        calls++;
        const where = `${method} with argument ${position} = bad value #${badIndex}`;
        if (bad.malformed) expect(thrown, `${where} was accepted`).toBeInstanceOf(TypeError);
        if (thrown === undefined) continue;
        expect(
          thrown instanceof TypeError || thrown instanceof RangeError,
          `${where}: ${String(thrown)}`,
        ).toBe(true);
        expect((thrown as Error).message.length, where).toBeGreaterThan(0);
        expect(stateOf(rng), `${where} changed the state`).toBe(before);
        refusedKinds.add((thrown as Error).constructor.name);
      }
    }
    expect(calls).toBe(METHODS.length * TRIALS);
    expect([...refusedKinds].sort()).toEqual(["RangeError", "TypeError"]);
  });
});
