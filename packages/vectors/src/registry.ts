/**
 * The reference implementation behind the vectors: calls named in the
 * vectors' language-neutral form, carried out by `@jrng/core` and `jrng`.
 * The generator computes expected values with it, and the conformance kit's
 * reference adapter runs cases through it.
 *
 * @module
 */
import type { Array as JaxArray } from "@jax-js/jax";
import * as core from "@jrng/core";
import type { NdArray } from "@jrng/core";
import { JRNG } from "jrng";
import type { ArgValue, FunctionCall, GeneratorCall, MethodCall } from "./format.js";

const SPECIAL_FLOATS = { NaN: NaN, Infinity: Infinity, "-Infinity": -Infinity, "-0": -0 } as const;

/** Turn JSON arguments into JavaScript values (`{ $bigint }` → bigint, `{ $float }` → the float). */
export function fromArg(value: ArgValue | undefined): unknown {
  if (value === null || value === undefined) return undefined;
  if (Array.isArray(value)) return value.map(fromArg);
  if (typeof value === "object" && "$bigint" in value) return BigInt(value.$bigint);
  if (typeof value === "object" && "$float" in value) return SPECIAL_FLOATS[value.$float];
  return value;
}

/** A functional entry point: key, named arguments and the threefry mode to a result. */
export type CoreFunction = (key: Uint32Array, args: Record<string, unknown>, options: core.ThreefryOptions) => NdArray;

/**
 * The functional entry points by name, each mapping named arguments to the
 * `@jrng/core` call. Positional order follows JAX.
 */
export const FUNCTIONS: Record<string, CoreFunction> = {
  split: (key, a, o) => core.split(key, a.num as number, o),
  foldIn: (key, a) => ({ dtype: "uint32", shape: [2], data: core.foldIn(key, a.data as number) }),
  bits: (key, a, o) => core.bits(key, a.shape as number[], a.dtype as core.UnsignedDType, o),
  uniform: (key, a, o) =>
    core.uniform(key, a.shape as number[], float(a), param(a.minval, 0), param(a.maxval, 1), o),
  normal: (key, a, o) => core.normal(key, a.shape as number[], float(a), o),
  truncatedNormal: (key, a, o) =>
    core.truncatedNormal(key, param(a.lower), param(a.upper), shape(a), float(a), o),
  lognormal: (key, a, o) => core.lognormal(key, param(a.sigma, 1), shape(a), float(a), o),
  maxwell: (key, a, o) => core.maxwell(key, a.shape as number[], float(a), o),
  doubleSidedMaxwell: (key, a, o) =>
    core.doubleSidedMaxwell(key, param(a.loc), param(a.scale), a.shape as number[], float(a), o),
  wald: (key, a, o) => core.wald(key, param(a.mean), shape(a), float(a), o),
  randint: (key, a, o) =>
    core.randint(
      key,
      a.shape as number[],
      a.minval as core.IntegerParam,
      a.maxval as core.IntegerParam,
      (a.dtype ?? "int32") as core.IntegerDType,
      o,
    ),
  bernoulli: (key, a, o) =>
    core.bernoulli(key, param(a.p, 0.5), shape(a), (a.mode ?? "low") as core.BernoulliMode, o),
  rademacher: (key, a, o) =>
    core.rademacher(key, a.shape as number[], (a.dtype ?? "int32") as core.IntegerDType, o),
  gumbel: (key, a, o) =>
    core.gumbel(key, a.shape as number[], float(a), (a.mode ?? "low") as core.GumbelMode, o),
  categorical: (key, a, o) =>
    core.categorical(
      key,
      param(a.logits),
      (a.axis ?? -1) as number,
      shape(a),
      (a.replace ?? true) as boolean,
      a.mode as core.GumbelMode | undefined,
      o,
    ),
  permutation: (key, a, o) =>
    core.permutation(
      key,
      a.x as number,
      (a.axis ?? 0) as number,
      (a.independent ?? false) as boolean,
      o,
    ),
  choice: (key, a, o) =>
    core.choice(
      key,
      a.a as number,
      (a.shape ?? []) as number[],
      (a.replace ?? true) as boolean,
      a.p as core.ArrayParam | undefined,
      (a.axis ?? 0) as number,
      a.mode as core.GumbelMode | undefined,
      o,
    ),
  geometric: (key, a, o) =>
    core.geometric(key, param(a.p), shape(a), (a.dtype ?? "int32") as core.IntegerDType, o),
  cauchy: (key, a, o) => core.cauchy(key, a.shape as number[], float(a), o),
  exponential: (key, a, o) => core.exponential(key, a.shape as number[], float(a), o),
  laplace: (key, a, o) => core.laplace(key, a.shape as number[], float(a), o),
  logistic: (key, a, o) => core.logistic(key, a.shape as number[], float(a), o),
  pareto: (key, a, o) => core.pareto(key, param(a.b), shape(a), float(a), o),
  rayleigh: (key, a, o) => core.rayleigh(key, param(a.scale, 1), shape(a), float(a), o),
  weibullMin: (key, a, o) =>
    core.weibullMin(key, param(a.scale), param(a.concentration), a.shape as number[], float(a), o),
  triangular: (key, a, o) =>
    core.triangular(key, param(a.left), param(a.mode), param(a.right), shape(a), float(a), o),
  gamma: (key, a, o) => core.gamma(key, param(a.a), shape(a), float(a), o),
  loggamma: (key, a, o) => core.loggamma(key, param(a.a), shape(a), float(a), o),
  beta: (key, a, o) => core.beta(key, param(a.a), param(a.b), shape(a), float(a), o),
  dirichlet: (key, a, o) => core.dirichlet(key, param(a.alpha), shape(a), float(a), o),
  chisquare: (key, a, o) => core.chisquare(key, param(a.df), shape(a), float(a), o),
  f: (key, a, o) => core.f(key, param(a.dfnum), param(a.dfden), shape(a), float(a), o),
  t: (key, a, o) => core.t(key, param(a.df), shape(a), float(a), o),
  generalizedNormal: (key, a, o) =>
    core.generalizedNormal(key, a.p as number, a.shape as number[], float(a), o),
  ball: (key, a, o) =>
    core.ball(key, a.d as number, (a.p ?? 2) as number, a.shape as number[], float(a), o),
  poisson: (key, a, o) =>
    core.poisson(key, param(a.lam), shape(a), (a.dtype ?? "int32") as core.PoissonDType, o),
  binomial: (key, a, o) => core.binomial(key, param(a.n), param(a.p), shape(a), float(a), o),
  multinomial: (key, a, o) =>
    core.multinomial(key, param(a.n), param(a.p), shape(a), float(a), 1, o),
  multivariateNormal: (key, a, o) =>
    core.multivariateNormal(
      key,
      param(a.mean),
      param(a.cov),
      shape(a),
      float(a),
      (a.method ?? "cholesky") as core.MultivariateNormalMethod,
      o,
    ),
  negativeBinomial: (key, a, o) =>
    core.negativeBinomial(key, param(a.n), param(a.p), shape(a), integer(a), o),
  noncentralChisquare: (key, a, o) =>
    core.noncentralChisquare(key, param(a.df), param(a.nonc), shape(a), float(a), o),
  noncentralF: (key, a, o) =>
    core.noncentralF(key, param(a.dfnum), param(a.dfden), param(a.nonc), shape(a), float(a), o),
  power: (key, a, o) => core.power(key, param(a.a), shape(a), float(a), o),
  vonmises: (key, a, o) => core.vonmises(key, param(a.mu), param(a.kappa), shape(a), float(a), o),
  zipf: (key, a, o) => core.zipf(key, param(a.a), shape(a), integer(a), o),
  logseries: (key, a, o) => core.logseries(key, param(a.p), shape(a), integer(a), o),
  hypergeometric: (key, a, o) =>
    core.hypergeometric(key, param(a.ngood), param(a.nbad), param(a.nsample), shape(a), integer(a), o),
  multivariateHypergeometric: (key, a, o) =>
    core.multivariateHypergeometric(
      key,
      param(a.colors),
      a.nsample as number,
      shape(a),
      (a.method ?? "marginals") as core.MultivariateHypergeometricMethod,
      integer(a),
      o,
    ),
  orthogonal: (key, a, o) =>
    core.orthogonal(key, a.n as number, (a.shape ?? []) as number[], float(a), a.m as number | undefined, o),
};

function float(args: Record<string, unknown>): core.FloatDType {
  return (args.dtype ?? "float32") as core.FloatDType;
}

function integer(args: Record<string, unknown>): core.IntegerDType {
  return (args.dtype ?? "int32") as core.IntegerDType;
}

function shape(args: Record<string, unknown>): number[] | undefined {
  return args.shape as number[] | undefined;
}

function param(value: unknown, fallback?: number): core.ArrayParam {
  return (value ?? fallback) as core.ArrayParam;
}

/** Keyless entry points: seeding and the block function. */
export const KEYLESS_FUNCTIONS: Record<
  string,
  (args: Record<string, unknown>, options: core.ThreefryOptions) => NdArray
> = {
  key: (a, o) => ({ dtype: "uint32", shape: [2], data: keyWithOptions(a.seed as number | bigint, o) }),
  threefry2x32: (a) => ({
    dtype: "uint32",
    shape: [2],
    data: Uint32Array.from(core.threefry2x32(a.key as number[], a.counter as number[])),
  }),
};

const keyWithOptions = core.key as (seed: number | bigint, options?: core.ThreefryOptions) => core.Key;

/** Names of every function the reference implementation provides. */
export function functionNames(): string[] {
  return [...Object.keys(KEYLESS_FUNCTIONS), ...Object.keys(FUNCTIONS)].sort();
}

/** Run a functional call. Throws what the implementation throws. */
export function runFunctionCall(call: FunctionCall): NdArray {
  const args: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(call.args)) args[name] = fromArg(value);
  const options = { partitionable: call.mode === "partitionable", x64: call.x64 ?? false } as core.ThreefryOptions;
  const keyless = KEYLESS_FUNCTIONS[call.function];
  if (keyless) return keyless(args, options);
  const run = FUNCTIONS[call.function];
  if (!run) throw new Error(`unknown function ${call.function}`);
  if (!call.key) throw new Error(`${call.function} needs a key`);
  return run(Uint32Array.from(call.key), args, options);
}

/**
 * Generator methods: the NumPy-order positional parameters, then the names
 * that go in the trailing options object.
 */
export const METHODS: Record<string, { positional: string[]; options: string[] }> = {
  random: { positional: ["size"], options: ["dtype"] },
  uniform: { positional: ["low", "high", "size"], options: ["dtype"] },
  bytes: { positional: ["length"], options: [] },
  key: { positional: ["size"], options: [] },
  integers: { positional: ["low", "high", "size"], options: ["dtype", "endpoint"] },
  integers64: { positional: ["low", "high", "size"], options: ["dtype", "endpoint"] },
  normal: { positional: ["loc", "scale", "size"], options: ["dtype"] },
  standardNormal: { positional: ["size"], options: ["dtype"] },
  standardExponential: { positional: ["size"], options: ["dtype"] },
  exponential: { positional: ["scale", "size"], options: ["dtype"] },
  standardCauchy: { positional: ["size"], options: ["dtype"] },
  standardGamma: { positional: ["shape", "size"], options: ["dtype"] },
  gamma: { positional: ["shape", "scale", "size"], options: ["dtype"] },
  beta: { positional: ["a", "b", "size"], options: ["dtype"] },
  chisquare: { positional: ["df", "size"], options: ["dtype"] },
  f: { positional: ["dfnum", "dfden", "size"], options: ["dtype"] },
  standardT: { positional: ["df", "size"], options: ["dtype"] },
  gumbel: { positional: ["loc", "scale", "size"], options: ["dtype"] },
  laplace: { positional: ["loc", "scale", "size"], options: ["dtype"] },
  logistic: { positional: ["loc", "scale", "size"], options: ["dtype"] },
  lognormal: { positional: ["mean", "sigma", "size"], options: ["dtype"] },
  pareto: { positional: ["a", "size"], options: ["dtype"] },
  rayleigh: { positional: ["scale", "size"], options: ["dtype"] },
  weibull: { positional: ["a", "size"], options: ["dtype"] },
  triangular: { positional: ["left", "mode", "right", "size"], options: ["dtype"] },
  wald: { positional: ["mean", "scale", "size"], options: ["dtype"] },
  poisson: { positional: ["lam", "size"], options: [] },
  binomial: { positional: ["n", "p", "size"], options: [] },
  geometric: { positional: ["p", "size"], options: [] },
  choice: { positional: ["a", "size", "replace", "p", "axis", "shuffle"], options: [] },
  permutation: { positional: ["x", "axis"], options: [] },
  shuffle: { positional: ["x", "axis"], options: [] },
  permuted: { positional: ["x", "axis"], options: [] },
  dirichlet: { positional: ["alpha", "size"], options: ["dtype"] },
  multinomial: { positional: ["n", "pvals", "size"], options: [] },
  negativeBinomial: { positional: ["n", "p", "size"], options: [] },
  noncentralChisquare: { positional: ["df", "nonc", "size"], options: ["dtype"] },
  noncentralF: { positional: ["dfnum", "dfden", "nonc", "size"], options: ["dtype"] },
  power: { positional: ["a", "size"], options: ["dtype"] },
  vonmises: { positional: ["mu", "kappa", "size"], options: ["dtype"] },
  zipf: { positional: ["a", "size"], options: [] },
  logseries: { positional: ["p", "size"], options: [] },
  hypergeometric: { positional: ["ngood", "nbad", "nsample", "size"], options: [] },
  multivariateHypergeometric: { positional: ["colors", "nsample", "size"], options: ["method"] },
  multivariateNormal: { positional: ["mean", "cov", "size"], options: ["method", "checkValid", "tol", "dtype"] },
};

/** A method result as an `NdArray`, whatever form the method returns. */
export function toNdArray(result: unknown): NdArray {
  if (result instanceof Uint8Array) return { dtype: "uint8", shape: [result.length], data: result };
  if (result instanceof Uint32Array) return { dtype: "uint32", shape: [result.length], data: result };
  const candidate = result as Partial<NdArray> & Partial<JaxArray>;
  if (typeof candidate.dataSync === "function") {
    const array = result as JaxArray;
    const shape = [...array.shape];
    const dtype = String(array.dtype);
    const data = array.dataSync();
    if (dtype === "bool") return { dtype: "bool", shape, data: Uint8Array.from(data as Int32Array) };
    return { dtype, shape, data } as NdArray;
  }
  if (candidate.data !== undefined && candidate.shape !== undefined) return result as NdArray;
  throw new Error(`cannot read a method result of type ${typeof result}`);
}

/** Create the generator a call describes. */
export function createGenerator(call: GeneratorCall): JRNG {
  const { seed, stream, mode, x64 } = call.generator;
  return new JRNG(fromArg(seed) as number | bigint, {
    stream,
    partitionable: mode === "partitionable",
    ...(x64 ? { x64 } : {}),
  });
}

/** Run one method call on a generator. Throws what the implementation throws. */
export function runMethodCall(rng: JRNG, call: MethodCall): NdArray {
  const signature = METHODS[call.method];
  if (!signature) throw new Error(`unknown method ${call.method}`);
  const positional = signature.positional.map((name) => fromArg(call.args[name]));
  while (positional.length > 0 && positional[positional.length - 1] === undefined) positional.pop();
  const options: Record<string, unknown> = {};
  for (const name of signature.options) {
    if (call.args[name] !== undefined) options[name] = fromArg(call.args[name]);
  }
  const method = (rng as unknown as Record<string, (...args: unknown[]) => unknown>)[call.method];
  const args = signature.options.length > 0 ? [...padTo(positional, signature.positional.length), options] : positional;
  return toNdArray(method.apply(rng, args));
}

function padTo(values: unknown[], length: number): unknown[] {
  return [...values, ...new Array(Math.max(0, length - values.length)).fill(undefined)];
}
