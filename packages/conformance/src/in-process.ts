/**
 * Building in-process adapters from plain JavaScript functions, and the
 * reference adapter: `@jrng/core` and `jrng` through the vectors' registry.
 *
 * @module
 */
import type { NdArray } from "@jrng/core";
import {
  createGenerator as createReferenceGenerator,
  encodeArray,
  functionNames,
  METHODS,
  runFunctionCall,
  runMethodCall,
  type FunctionCall,
  type GeneratorCall,
  type MethodCall,
} from "@jrng/vectors";
import type { Adapter, CallOutcome, Capabilities, ResultArray } from "./adapter.js";

/** Turn a thrown value into an outcome, naming its kind as the constructor does. */
export function errorOutcome(error: unknown): CallOutcome {
  const kind = error instanceof Error ? error.constructor.name : "Error";
  return {
    ok: false,
    error: { kind, message: error instanceof Error ? error.message : String(error) },
  };
}

/** An `NdArray` as a protocol result (floats as bit patterns, exactly). */
export function toResult(array: NdArray): ResultArray {
  const { dtype, shape, data } = encodeArray(array);
  return { dtype, shape, data };
}

/** The pieces of an in-process adapter written as synchronous functions. */
export interface SyncImplementation<G> {
  capabilities: Capabilities;
  callFunction(call: FunctionCall): NdArray;
  createGenerator(spec: GeneratorCall["generator"]): G;
  callMethod(generator: G, call: MethodCall): NdArray;
}

/** Wrap synchronous functions as an {@link Adapter}; exceptions become error outcomes. */
export function adapterFromFunctions<G>(implementation: SyncImplementation<G>): Adapter {
  const generators = new Map<string, G>();
  let next = 0;
  const attempt = (run: () => NdArray): CallOutcome => {
    try {
      return { ok: true, result: toResult(run()) };
    } catch (error) {
      return errorOutcome(error);
    }
  };
  return {
    capabilities: async () => implementation.capabilities,
    callFunction: async (call) => attempt(() => implementation.callFunction(call)),
    createGenerator: async (spec) => {
      const handle = `g${next++}`;
      generators.set(handle, implementation.createGenerator(spec));
      return handle;
    },
    callMethod: async (handle, call) => {
      const generator = generators.get(handle);
      if (generator === undefined) return errorOutcome(new Error(`no generator ${handle}`));
      return attempt(() => implementation.callMethod(generator, call));
    },
    dropGenerator: async (handle) => {
      generators.delete(handle);
    },
    close: async () => generators.clear(),
  };
}

/** The reference implementation, which must pass every tier. */
export function referenceAdapter(): Adapter {
  return adapterFromFunctions({
    capabilities: {
      name: "jrng reference (@jrng/core + jrng)",
      tiers: ["exact", "ulp", "statistical", "errors"],
      functions: functionNames(),
      methods: Object.keys(METHODS),
      modes: ["partitionable", "legacy"],
      streams: ["split", "fold_in"],
    },
    callFunction: runFunctionCall,
    createGenerator: (spec) => createReferenceGenerator({ generator: spec, calls: [] }),
    callMethod: runMethodCall,
  });
}
