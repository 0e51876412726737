/**
 * The seeded sweep: for every `jax.random` function, calls drawn at random
 * over keys, both threefry modes, x64 off and on, every dtype the function
 * takes, a few shapes and its parameter domain, plus hand-picked edges
 * where JAX defines the output (tiny and huge parameters, NaN and
 * infinities, boundary probabilities). Shapes are drawn from a short list
 * per function because JAX compiles every new shape; keys and parameter
 * values vary freely.
 *
 * The sweep is a pure function of its seed: regenerating it gives the same
 * calls, and adding a function does not reshuffle the others (each function
 * draws from its own stream).
 *
 * @module
 */
import type { ArgValue, Mode } from "../format.js";
import { fn, MODES, type CaseSpec, type GroupSpec } from "./spec.js";

/** Seed of the sweep. Changing it changes every sweep case. */
const SWEEP_SEED = 20261207;

/** A small deterministic generator for drawing cases (mulberry32); not part of any spec. */
export class CaseRandom {
  #state: number;

  constructor(seed: number) {
    this.#state = seed >>> 0;
  }

  /** A uniform float in [0, 1). */
  next(): number {
    this.#state = (this.#state + 0x6d2b79f5) >>> 0;
    let t = this.#state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** A uniform uint32. */
  word(): number {
    return Math.floor(this.next() * 4294967296) >>> 0;
  }

  /** An integer in [low, high]. */
  int(low: number, high: number): number {
    return low + Math.floor(this.next() * (high - low + 1));
  }

  /** One of the items. */
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** A float in [low, high), rounded to `digits` significant digits so the JSON stays short. */
  real(low: number, high: number, digits = 4): number {
    return Number((low + this.next() * (high - low)).toPrecision(digits));
  }

  /** A float whose logarithm is uniform in [log low, log high). */
  logReal(low: number, high: number, digits = 4): number {
    return Number(Math.exp(Math.log(low) + this.next() * (Math.log(high) - Math.log(low))).toPrecision(digits));
  }
}

function seedOf(name: string): number {
  let hash = SWEEP_SEED;
  for (const char of name) hash = Math.imul(hash ^ char.charCodeAt(0), 0x9e3779b1) >>> 0;
  return hash;
}

/** A float dtype with its x64 setting: float32 without and with x64, float64 (x64 only). */
interface FloatConfig {
  dtype: "float32" | "float64";
  x64: boolean;
}

const FLOAT_CONFIGS: FloatConfig[] = [
  { dtype: "float32", x64: false },
  { dtype: "float32", x64: true },
  { dtype: "float64", x64: true },
];

/** How one float sampler's sweep is drawn. */
interface FloatSweep {
  name: string;
  /** Shapes to draw from (few: each is a compilation in JAX). */
  shapes: number[][];
  /** Parameters for one case, given the output shape. */
  params?: (random: CaseRandom, shape: number[]) => Record<string, ArgValue>;
  /** Cases per (mode, float config). */
  perConfig: number;
}

/** A parameter that is a scalar, or (sometimes) one value per element of the last axis. */
function scalarOrRow(
  random: CaseRandom,
  shape: number[],
  draw: () => number,
): ArgValue {
  const last = shape.length > 0 ? shape[shape.length - 1] : 0;
  if (last > 0 && last <= 8 && random.next() < 0.25) return Array.from({ length: last }, draw);
  return draw();
}

const FLOAT_SWEEPS: FloatSweep[] = [
  { name: "uniform", shapes: [[], [7], [3, 5]], perConfig: 10, params: (r) => {
    const low = r.real(-100, 100);
    return { minval: low, maxval: Number((low + r.logReal(1e-3, 1e3)).toPrecision(6)) };
  } },
  { name: "normal", shapes: [[], [7], [3, 5], [64]], perConfig: 10 },
  { name: "truncatedNormal", shapes: [[7], [3, 5]], perConfig: 8, params: (r) => {
    const lower = r.real(-5, 3);
    return { lower, upper: Number((lower + r.logReal(0.01, 6)).toPrecision(4)) };
  } },
  { name: "lognormal", shapes: [[7], [3, 5]], perConfig: 8, params: (r, s) => ({ sigma: scalarOrRow(r, s, () => r.logReal(0.01, 5)) }) },
  { name: "maxwell", shapes: [[], [7], [3, 5]], perConfig: 8 },
  { name: "doubleSidedMaxwell", shapes: [[7], [3, 5]], perConfig: 8, params: (r) => ({ loc: r.real(-10, 10), scale: r.logReal(0.01, 100) }) },
  { name: "wald", shapes: [[7], [3, 5]], perConfig: 8, params: (r, s) => ({ mean: scalarOrRow(r, s, () => r.logReal(0.01, 100)) }) },
  { name: "gumbel", shapes: [[], [7], [3, 5]], perConfig: 8, params: (r) => ({ mode: r.pick(["low", "high"]) }) },
  { name: "cauchy", shapes: [[], [7], [3, 5]], perConfig: 8 },
  { name: "exponential", shapes: [[], [7], [3, 5]], perConfig: 8 },
  { name: "laplace", shapes: [[], [7], [3, 5]], perConfig: 8 },
  { name: "logistic", shapes: [[], [7], [3, 5]], perConfig: 8 },
  { name: "pareto", shapes: [[7], [3, 5]], perConfig: 8, params: (r, s) => ({ b: scalarOrRow(r, s, () => r.logReal(0.1, 20)) }) },
  { name: "rayleigh", shapes: [[7], [3, 5]], perConfig: 8, params: (r, s) => ({ scale: scalarOrRow(r, s, () => r.logReal(0.01, 100)) }) },
  { name: "weibullMin", shapes: [[7], [3, 5]], perConfig: 8, params: (r) => ({ scale: r.logReal(0.1, 10), concentration: r.logReal(0.2, 10) }) },
  { name: "triangular", shapes: [[7], [3, 5]], perConfig: 8, params: (r) => {
    const left = r.real(-10, 10);
    const width = r.logReal(0.1, 20);
    return { left, mode: Number((left + r.next() * width).toPrecision(4)), right: Number((left + width).toPrecision(5)) };
  } },
  { name: "gamma", shapes: [[7], [3, 5]], perConfig: 10, params: (r, s) => ({ a: scalarOrRow(r, s, () => r.logReal(0.01, 100)) }) },
  { name: "loggamma", shapes: [[7], [3, 5]], perConfig: 8, params: (r, s) => ({ a: scalarOrRow(r, s, () => r.logReal(0.001, 50)) }) },
  { name: "beta", shapes: [[7], [3, 5]], perConfig: 8, params: (r) => ({ a: r.logReal(0.05, 50), b: r.logReal(0.05, 50) }) },
  { name: "dirichlet", shapes: [[4], [2, 3]], perConfig: 6, params: (r) => ({ alpha: Array.from({ length: 3 }, () => r.logReal(0.1, 20)) }) },
  { name: "chisquare", shapes: [[7], [3, 5]], perConfig: 8, params: (r, s) => ({ df: scalarOrRow(r, s, () => r.logReal(0.1, 100)) }) },
  { name: "f", shapes: [[7], [3, 5]], perConfig: 8, params: (r) => ({ dfnum: r.logReal(0.5, 50), dfden: r.logReal(0.5, 50) }) },
  { name: "t", shapes: [[7], [3, 5]], perConfig: 8, params: (r, s) => ({ df: scalarOrRow(r, s, () => r.logReal(0.5, 100)) }) },
  { name: "generalizedNormal", shapes: [[7], [3, 5]], perConfig: 6, params: (r) => ({ p: r.logReal(0.3, 8) }) },
  { name: "ball", shapes: [[], [4]], perConfig: 6, params: (r) => ({ d: r.int(1, 5), p: r.pick([1, 2, 3.5]) }) },
  { name: "binomial", shapes: [[7], [3, 5]], perConfig: 8, params: (r, s) => ({
    n: scalarOrRow(r, s, () => r.pick([0, 1, r.int(2, 30), r.int(31, 5000)])),
    p: r.real(0, 1, 3),
  }) },
  { name: "multinomial", shapes: [[3], [2, 3]], perConfig: 6, params: (r) => {
    const weights = [r.next(), r.next(), r.next()];
    const total = weights.reduce((a, b) => a + b);
    return { n: r.pick([1, r.int(2, 50), r.int(51, 2000)]), p: weights.map((w) => Number((w / total).toPrecision(3))) };
  } },
];

function floatSweep(sweep: FloatSweep): CaseSpec[] {
  const random = new CaseRandom(seedOf(sweep.name));
  const cases: CaseSpec[] = [];
  for (const mode of MODES) {
    for (const config of FLOAT_CONFIGS) {
      for (let i = 0; i < sweep.perConfig; i++) {
        const shape = random.pick(sweep.shapes);
        const params = sweep.params?.(random, shape) ?? {};
        const key: [number, number] = [random.word(), random.word()];
        const what = describeParams(params);
        cases.push({
          comment: `${sweep.name}, ${mode}, ${config.dtype}${config.x64 ? ", x64" : ""}, shape [${shape.join(", ")}]${what}`,
          call: fn(sweep.name, key, mode, { ...params, shape, dtype: config.dtype }, config.x64),
        });
      }
    }
  }
  return cases;
}

function describeParams(params: Record<string, ArgValue>): string {
  const entries = Object.entries(params);
  if (entries.length === 0) return "";
  return ": " + entries.map(([name, value]) => `${name} ${JSON.stringify(value)}`).join(", ");
}

/** Integer-valued and index-valued functions: each draws its own arguments. */
interface IntegerSweep {
  name: string;
  /** Cases per (mode, x64 setting). */
  perConfig: number;
  args: (random: CaseRandom, x64: boolean) => Record<string, ArgValue>;
}

const INT_DTYPES_32 = ["int8", "uint8", "int16", "uint16", "int32", "uint32"] as const;
const INT_RANGES: Record<string, [number, number]> = {
  int8: [-128, 127],
  uint8: [0, 255],
  int16: [-32768, 32767],
  uint16: [0, 65535],
  int32: [-2147483648, 2147483647],
  uint32: [0, 4294967295],
};

function randintArgs(random: CaseRandom, x64: boolean): Record<string, ArgValue> {
  const dtype = x64 && random.next() < 0.5 ? random.pick(["int64", "uint64"] as const) : random.pick(INT_DTYPES_32);
  const shape = random.pick([[], [7], [3, 5], [64]]);
  if (dtype === "int64" || dtype === "uint64") {
    const low = dtype === "int64" ? BigInt(random.int(-1e6, 1e6)) * 4294967296n : BigInt(random.int(0, 1e6));
    const span = BigInt(random.int(1, 2 ** 31)) * BigInt(random.pick([1, 65536, 4294967296]));
    return { shape, minval: { $bigint: String(low) }, maxval: { $bigint: String(low + span) }, dtype };
  }
  const [lowest, highest] = INT_RANGES[dtype];
  const kind = random.pick(["small", "wide", "full", "clipped"]);
  if (kind === "full") return { shape, minval: lowest, maxval: highest, dtype };
  // Clipped bounds beyond int32 are Python ints JAX cannot read without x64.
  const clippable = x64 || (dtype !== "int32" && dtype !== "uint32");
  if (kind === "clipped" && clippable) return { shape, minval: lowest - 1000, maxval: highest + 1000, dtype };
  const low = random.int(lowest, Math.max(lowest, highest - 1));
  const span = kind === "small" ? random.int(1, 100) : random.int(1, highest - low);
  return { shape, minval: low, maxval: Math.min(highest, low + span), dtype };
}

const INTEGER_SWEEPS: IntegerSweep[] = [
  { name: "randint", perConfig: 30, args: randintArgs },
  { name: "bernoulli", perConfig: 10, args: (r) => ({ p: r.pick([r.real(0, 1, 3), r.logReal(1e-6, 0.5)]), shape: r.pick([[], [7], [3, 5]]), mode: r.pick(["low", "high"]) }) },
  { name: "rademacher", perConfig: 8, args: (r, x64) => ({ shape: r.pick([[], [7], [3, 5]]), dtype: r.pick(x64 ? ["int32", "int64", "float32"] : ["int32", "int8", "float32"]) }) },
  { name: "categorical", perConfig: 10, args: (r) => ({
    logits: Array.from({ length: 5 }, () => r.real(-3, 3, 3)),
    shape: r.pick([[4], [2, 3]]),
    ...(r.next() < 0.3 ? { replace: false, shape: [3] } : {}),
  }) },
  { name: "permutation", perConfig: 8, args: (r): Record<string, ArgValue> => r.next() < 0.5
    ? { x: r.pick([1, 2, 17, 100]) }
    : { x: [[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12]], axis: r.pick([0, 1]), independent: r.next() < 0.5 } },
  { name: "choice", perConfig: 10, args: (r) => {
    const replace = r.next() < 0.5;
    const args: Record<string, ArgValue> = { a: r.pick([10, 37]), shape: r.pick([[4], [2, 3]]), replace };
    if (r.next() < 0.4) {
      args.a = 10;
      args.p = [0.05, 0.05, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.2];
    }
    return args;
  } },
  { name: "geometric", perConfig: 8, args: (r) => ({ p: r.pick([r.real(0.01, 1, 3), r.logReal(1e-6, 0.01)]), shape: r.pick([[7], [3, 5]]) }) },
  { name: "poisson", perConfig: 12, args: (r) => ({ lam: r.pick([r.real(0, 10, 3), r.logReal(10, 1e4)]), shape: r.pick([[7], [3, 5]]) }) },
];

function integerSweep(sweep: IntegerSweep): CaseSpec[] {
  const random = new CaseRandom(seedOf(sweep.name));
  const cases: CaseSpec[] = [];
  for (const mode of MODES) {
    for (const x64 of [false, true]) {
      for (let i = 0; i < sweep.perConfig; i++) {
        const args = sweep.args(random, x64);
        const key: [number, number] = [random.word(), random.word()];
        cases.push({
          comment: `${sweep.name}, ${mode}${x64 ? ", x64" : ""}${describeParams(args)}`,
          call: fn(sweep.name, key, mode, args, x64),
        });
      }
    }
  }
  return cases;
}

/** Keys, split, fold_in and bits: many keys, both modes, every width. */
function keySweep(): CaseSpec[] {
  const random = new CaseRandom(seedOf("keys"));
  const cases: CaseSpec[] = [];
  for (let i = 0; i < 80; i++) {
    const x64 = i % 2 === 1;
    const seed = random.pick([
      random.int(0, 2 ** 31 - 1),
      -random.int(1, 2 ** 31),
      random.int(2 ** 32, 2 ** 53 - 1),
      -random.int(2 ** 32, 2 ** 53 - 1),
    ]);
    cases.push({ comment: `key(${seed})${x64 ? ", x64" : ""}`, call: fn("key", undefined, "partitionable", { seed }, x64) });
  }
  for (const mode of MODES) {
    for (let i = 0; i < 40; i++) {
      const num = random.pick<ArgValue>([1, 2, 3, 8, [2, 2]]);
      cases.push({ comment: `split, ${mode}, num ${JSON.stringify(num)}`, call: fn("split", [random.word(), random.word()], mode, { num }) });
    }
    for (let i = 0; i < 40; i++) {
      const data = random.pick([random.int(0, 100), random.word()]);
      cases.push({ comment: `foldIn, ${mode}, data ${data}`, call: fn("foldIn", [random.word(), random.word()], mode, { data }) });
    }
    for (const dtype of ["uint8", "uint16", "uint32", "uint64"] as const) {
      for (let i = 0; i < 16; i++) {
        const shape = random.pick([[], [7], [3, 5], [64]]);
        cases.push({
          comment: `bits, ${mode}, ${dtype}, shape [${shape.join(", ")}]`,
          call: fn("bits", [random.word(), random.word()], mode, { shape, dtype }),
        });
      }
    }
  }
  return cases;
}

/** Arrays beyond 2^16 elements, where 16-bit counter arithmetic would wrap. */
function largeCases(): CaseSpec[] {
  return MODES.flatMap((mode: Mode): CaseSpec[] => [
    { comment: `bits, ${mode}, 65,537 uint32`, call: fn("bits", [7, 11], mode, { shape: [65537], dtype: "uint32" }) },
    { comment: `uniform, ${mode}, 65,537 float32`, call: fn("uniform", [7, 11], mode, { shape: [65537], dtype: "float32" }) },
  ]);
}

const nan: ArgValue = { $float: "NaN" };
const inf: ArgValue = { $float: "Infinity" };
const negInf: ArgValue = { $float: "-Infinity" };

/** Parameters at the edges of their domains, where JAX still defines the output. */
function edgeCases(): CaseSpec[] {
  const key: [number, number] = [0x13198a2e, 0x03707344];
  const edges: [string, Record<string, ArgValue>, string][] = [
    ["gamma", { a: [1e-30, 1e-10, 1e-3, 1e3, 1e10, 1e30], shape: [6] }, "tiny and huge a"],
    ["gamma", { a: [0, nan, inf, -1], shape: [4] }, "a of 0, NaN, infinity and -1"],
    ["loggamma", { a: [1e-30, 1e-10, 1e10], shape: [3] }, "tiny and huge a"],
    ["beta", { a: [1e-5, 1e5, 1], b: [1e-5, 1e-5, 1e5], shape: [3] }, "extreme a and b"],
    ["bernoulli", { p: [0, 1, nan, -0.5, 1.5], shape: [5] }, "p at 0 and 1, NaN and outside [0, 1]"],
    ["poisson", { lam: [0, 1e-10, 9.999, 10, 1e5, 1e8], shape: [6] }, "lam of 0, tiny, either side of 10 and large"],
    ["poisson", { lam: [nan, inf, -1], shape: [3] }, "lam NaN, infinite and negative"],
    ["binomial", { n: [0, 10, 10, 1e6, 1e9], p: [0.5, 0, 1, 0.5, 1e-9], shape: [5] }, "n 0, p 0 and 1, large n, tiny p"],
    ["binomial", { n: [nan, 10, -1], p: [0.5, nan, 0.5], shape: [3] }, "NaN and negative parameters"],
    ["geometric", { p: [1, 1e-30, nan], shape: [3] }, "p 1, tiny, NaN"],
    ["uniform", { minval: [0, -1e30, nan], maxval: [0, 1e30, 1], shape: [3] }, "empty interval, huge interval, NaN bound"],
    ["uniform", { minval: negInf, maxval: inf, shape: [3] }, "infinite bounds"],
    ["truncatedNormal", { lower: [negInf, 5, 30], upper: [inf, inf, 40], shape: [3] }, "infinite and far-tail bounds"],
    ["pareto", { b: [1e-3, 1e3, inf], shape: [3] }, "tiny, huge and infinite b"],
    ["rayleigh", { scale: [0, 1e-30, 1e30], shape: [3] }, "zero, tiny and huge scale"],
    ["weibullMin", { scale: 1, concentration: 0.01, shape: [5] }, "tiny concentration (huge values)"],
    ["lognormal", { sigma: [0, 20, 100], shape: [3] }, "sigma 0 and huge"],
    ["wald", { mean: [1e-10, 1e10], shape: [2] }, "tiny and huge mean"],
    ["chisquare", { df: [1e-10, 1e10], shape: [2] }, "tiny and huge df"],
    ["t", { df: [1e-3, inf], shape: [2] }, "tiny and infinite df"],
    ["dirichlet", { alpha: [1e-3, 1e-3, 1e-3], shape: [2] }, "tiny alphas"],
    ["multinomial", { n: 0, p: [0.5, 0.5], shape: [2] }, "n 0"],
    ["multinomial", { n: 10, p: [0, 1, 0], shape: [3] }, "a certain category"],
    ["randint", { minval: 5, maxval: 5, shape: [3], dtype: "int32" }, "empty range gives minval"],
    ["randint", { minval: 10, maxval: -10, shape: [3], dtype: "int8" }, "inverted range"],
    ["randint", { minval: -2147483648, maxval: 2147483647, shape: [5], dtype: "int32" }, "full int32 range"],
    ["categorical", { logits: [negInf, 0, negInf], shape: [5] }, "one possible category"],
    ["choice", { a: 1, shape: [4] }, "population of one"],
  ];
  return MODES.flatMap((mode: Mode) =>
    edges.flatMap(([name, args, what]) => {
      const float = !["bernoulli", "randint", "categorical", "choice", "geometric", "poisson"].includes(name);
      const configs: FloatConfig[] = float ? [FLOAT_CONFIGS[0], FLOAT_CONFIGS[2]] : [FLOAT_CONFIGS[0]];
      return configs.map((config) => ({
        comment: `${name}, ${mode}${float ? `, ${config.dtype}` : ""}: ${what}`,
        call: fn(name, key, mode, float ? { ...args, dtype: config.dtype } : args, config.x64),
      }));
    }),
  );
}

/** One method call of a generator with arguments drawn for it. */
const METHOD_DRAWS: Record<string, (random: CaseRandom) => Record<string, ArgValue>> = {
  random: () => ({}),
  uniform: (r) => ({ low: r.real(-5, 0), high: r.real(1, 5) }),
  normal: (r) => ({ loc: r.real(-5, 5), scale: r.logReal(0.1, 10) }),
  standardNormal: () => ({}),
  integers: (r) => ({ low: r.int(-50, 0), high: r.int(1, 1000) }),
  standardExponential: () => ({}),
  exponential: (r) => ({ scale: r.logReal(0.1, 10) }),
  standardCauchy: () => ({}),
  standardGamma: (r) => ({ shape: r.logReal(0.1, 20) }),
  gamma: (r) => ({ shape: r.logReal(0.1, 20), scale: r.logReal(0.1, 10) }),
  beta: (r) => ({ a: r.logReal(0.2, 10), b: r.logReal(0.2, 10) }),
  chisquare: (r) => ({ df: r.logReal(0.5, 30) }),
  f: (r) => ({ dfnum: r.logReal(1, 30), dfden: r.logReal(1, 30) }),
  standardT: (r) => ({ df: r.logReal(1, 30) }),
  gumbel: (r) => ({ loc: r.real(-2, 2), scale: r.logReal(0.5, 3) }),
  laplace: (r) => ({ loc: r.real(-2, 2), scale: r.logReal(0.5, 3) }),
  logistic: (r) => ({ loc: r.real(-2, 2), scale: r.logReal(0.5, 3) }),
  lognormal: (r) => ({ mean: r.pick([0, r.real(-1, 1)]), sigma: r.logReal(0.1, 2) }),
  pareto: (r) => ({ a: r.logReal(0.5, 10) }),
  rayleigh: (r) => ({ scale: r.logReal(0.5, 5) }),
  weibull: (r) => ({ a: r.logReal(0.5, 5) }),
  wald: (r) => ({ mean: r.logReal(0.5, 5), scale: r.logReal(0.5, 5) }),
  poisson: (r) => ({ lam: r.pick([r.real(0.1, 9), r.real(11, 200)]) }),
  binomial: (r) => ({ n: r.int(1, 200), p: r.real(0, 1, 3) }),
  geometric: (r) => ({ p: r.real(0.05, 1, 3) }),
  bytes: (r) => ({ length: r.int(1, 9) }),
  key: () => ({}),
};

/** Generator streams: random sequences of three methods, both disciplines, both modes, x64 off and on. */
function streamSweep(): CaseSpec[] {
  const random = new CaseRandom(seedOf("streams"));
  const methods = Object.keys(METHOD_DRAWS);
  const cases: CaseSpec[] = [];
  for (const stream of ["split", "fold_in"] as const) {
    for (const mode of MODES) {
      for (let i = 0; i < 60; i++) {
        const x64 = i % 3 === 2;
        const seed = random.int(0, 2 ** 31 - 1);
        const calls = Array.from({ length: 3 }, () => {
          const method = random.pick(methods);
          const args = METHOD_DRAWS[method](random);
          const sized = method === "bytes" || method === "key" ? args : { ...args, size: random.pick<ArgValue>([3, [2, 3]]) };
          return { method, args: sized };
        });
        cases.push({
          comment: `${stream} stream, ${mode}${x64 ? ", x64" : ""}, seed ${seed}: ${calls.map((c) => c.method).join(", ")}`,
          call: { generator: { seed, stream, mode, ...(x64 ? { x64: true } : {}) }, calls },
        });
      }
    }
  }
  return cases;
}

/** The sweep's groups, for the `sweep` area. */
export function sweepGroups(): GroupSpec[] {
  return [
    { name: "keys", description: "key, split, foldIn and bits over many keys and seeds.", cases: keySweep() },
    { name: "large", description: "Arrays beyond 2^16 elements.", cases: largeCases() },
    ...FLOAT_SWEEPS.map((sweep) => ({
      name: sweep.name,
      description: `${sweep.name} over keys, modes, x64, dtypes, shapes and parameters.`,
      cases: floatSweep(sweep),
    })),
    ...INTEGER_SWEEPS.map((sweep) => ({
      name: sweep.name,
      description: `${sweep.name} over keys, modes, x64, dtypes, shapes and parameters.`,
      cases: integerSweep(sweep),
    })),
    { name: "edges", description: "Parameters at the edges of their domains.", cases: edgeCases() },
    { name: "streams", description: "Generator call sequences in both disciplines, modes and x64 settings.", cases: streamSweep() },
  ];
}
