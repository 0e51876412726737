/**
 * An adapter for jax-js's own `random` module (`@jax-js/jax`), the JS port of
 * JAX. It has no stateful generator and no legacy threefry mode, so it
 * declares only partitionable functional calls; the report then shows what
 * it reproduces (bits, split, uniform) and where it departs from JAX (its
 * Box–Muller `normal`, its modulo `randint`, no `foldIn`, 32-bit dtypes only).
 *
 * @module
 */
import { numpy as np, random, type Array as JaxArray } from "@jax-js/jax";
import type { NdArray } from "@jrng/core";
import { createGenerator, fromArg, runMethodCall, type FunctionCall } from "@jrng/vectors";
import type { Adapter } from "../adapter.js";
import { adapterFromFunctions } from "../in-process.js";

function keyArray(words: [number, number]): JaxArray {
  return np.array(Uint32Array.from(words), { shape: [2], dtype: np.uint32 });
}

function read(array: JaxArray): NdArray {
  const shape = [...array.shape];
  const dtype = String(array.dtype);
  return { dtype, shape, data: array.dataSync() } as NdArray;
}

function unsupported(what: string): never {
  throw new TypeError(`jax-js random does not support ${what}`);
}

/** jax-js's random module behind the adapter interface. */
export function jaxJsAdapter(): Adapter {
  const run = (call: FunctionCall): NdArray => {
    const args = Object.fromEntries(
      Object.entries(call.args).map(([k, v]) => [k, fromArg(v)]),
    ) as Record<string, unknown>;
    const shape = (args.shape as number[] | undefined) ?? [];
    switch (call.function) {
      case "key":
        if (typeof args.seed !== "number" || args.seed < 0 || args.seed >= 2 ** 32)
          unsupported(`seed ${String(args.seed)}`);
        return read(random.key(args.seed as number));
      case "split":
        return read(random.split(keyArray(call.key!), args.num as number | number[]));
      case "bits":
        if (args.dtype !== "uint32") unsupported(`bits of dtype ${String(args.dtype)}`);
        return read(random.bits(keyArray(call.key!), shape));
      case "uniform":
        if (args.dtype !== undefined && args.dtype !== "float32")
          unsupported(`uniform of dtype ${String(args.dtype)}`);
        if (typeof (args.minval ?? 0) !== "number" || typeof (args.maxval ?? 1) !== "number")
          unsupported("array bounds");
        return read(
          random.uniform(keyArray(call.key!), shape, {
            minval: (args.minval as number | undefined) ?? 0,
            maxval: (args.maxval as number | undefined) ?? 1,
          }),
        );
      case "normal":
        if (args.dtype !== undefined && args.dtype !== "float32")
          unsupported(`normal of dtype ${String(args.dtype)}`);
        return read(random.normal(keyArray(call.key!), shape));
      default:
        return unsupported(call.function);
    }
  };
  return adapterFromFunctions({
    capabilities: {
      name: "jax-js 0.1.25 random module",
      tiers: ["exact", "ulp"],
      functions: ["key", "split", "bits", "uniform", "normal"],
      methods: [],
      modes: ["partitionable"],
      streams: [],
    },
    callFunction: run,
    createGenerator: (spec) => createGenerator({ generator: spec, calls: [] }),
    callMethod: runMethodCall,
  });
}
