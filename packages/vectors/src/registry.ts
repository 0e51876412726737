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

/** Turn JSON arguments into JavaScript values (`{ $bigint }` → bigint). */
export function fromArg(value: ArgValue | undefined): unknown {
  if (value === null || value === undefined) return undefined;
  if (Array.isArray(value)) return value.map(fromArg);
  if (typeof value === "object" && "$bigint" in value) return BigInt(value.$bigint);
  return value;
}

type CoreFunction = (key: Uint32Array, args: Record<string, unknown>, options: core.ThreefryOptions) => NdArray;

/**
 * The functional entry points by name, each mapping named arguments to the
 * `@jrng/core` call. Positional order follows JAX.
 */
export const FUNCTIONS: Record<string, CoreFunction> = {
  split: (key, a, o) => core.split(key, a.num as number, o),
  foldIn: (key, a) => ({ dtype: "uint32", shape: [2], data: core.foldIn(key, a.data as number) }),
  bits: (key, a, o) => core.bits(key, a.shape as number[], a.dtype as core.UnsignedDType, o),
  uniform: (key, a, o) =>
    core.uniform(
      key,
      a.shape as number[],
      a.dtype as core.FloatDType,
      (a.minval ?? 0) as core.ArrayParam,
      (a.maxval ?? 1) as core.ArrayParam,
      o,
    ),
};

/** Keyless entry points: seeding and the block function. */
export const KEYLESS_FUNCTIONS: Record<string, (args: Record<string, unknown>) => NdArray> = {
  key: (a) => ({ dtype: "uint32", shape: [2], data: core.key(a.seed as number | bigint) }),
  threefry2x32: (a) => ({
    dtype: "uint32",
    shape: [2],
    data: Uint32Array.from(core.threefry2x32(a.key as number[], a.counter as number[])),
  }),
};

/** Names of every function the reference implementation provides. */
export function functionNames(): string[] {
  return [...Object.keys(KEYLESS_FUNCTIONS), ...Object.keys(FUNCTIONS)].sort();
}

/** Run a functional call. Throws what the implementation throws. */
export function runFunctionCall(call: FunctionCall): NdArray {
  const args: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(call.args)) args[name] = fromArg(value);
  const keyless = KEYLESS_FUNCTIONS[call.function];
  if (keyless) return keyless(args);
  const run = FUNCTIONS[call.function];
  if (!run) throw new Error(`unknown function ${call.function}`);
  if (!call.key) throw new Error(`${call.function} needs a key`);
  return run(Uint32Array.from(call.key), args, { partitionable: call.mode === "partitionable" });
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
  const { seed, stream, mode } = call.generator;
  return new JRNG(fromArg(seed) as number | bigint, { stream, partitionable: mode === "partitionable" });
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
