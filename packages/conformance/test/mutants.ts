/**
 * Deliberately broken implementations, each the reference with one defect,
 * and small vectors files written from the reference under the rules the
 * tests choose: what the mutant tests run the kit against.
 */
import type { NdArray } from "@jrng/core";
import {
  createGenerator,
  encodeArray,
  functionNames,
  METHODS,
  runFunctionCall,
  runMethodCall,
  type CompareRule,
  type FunctionCall,
  type MethodCall,
  type Mode,
  type ValueCase,
  type VectorFile,
} from "@jrng/vectors";
import { adapterFromFunctions, type Adapter, type Capabilities } from "../src/index.js";

export const FULL: Capabilities = {
  name: "test",
  tiers: ["exact", "ulp", "statistical", "errors"],
  functions: functionNames(),
  methods: Object.keys(METHODS),
  modes: ["partitionable", "legacy"],
  streams: ["split", "fold_in"],
};

/** The reference with one deliberate defect in its functions or its methods. */
export function mutant(
  name: string,
  defect: {
    callFunction?: (call: FunctionCall) => NdArray;
    callMethod?: (rng: ReturnType<typeof createGenerator>, call: MethodCall) => NdArray;
    createGenerator?: typeof createGenerator;
  },
): Adapter {
  return adapterFromFunctions({
    capabilities: { ...FULL, name },
    callFunction: defect.callFunction ?? runFunctionCall,
    createGenerator: (spec) =>
      (defect.createGenerator ?? createGenerator)({ generator: spec, calls: [] }),
    callMethod: defect.callMethod ?? runMethodCall,
  });
}

/**
 * Every float of an array moved `k` units in the last place away from zero
 * (zeros, infinities and NaNs left alone).
 */
export function movedByUlp(array: NdArray, k: number): NdArray {
  if (array.dtype === "float32") {
    const data = Float32Array.from(array.data as Float32Array);
    const bits = new Uint32Array(data.buffer);
    for (let i = 0; i < data.length; i++)
      if (Number.isFinite(data[i]) && data[i] !== 0) bits[i] += k;
    return { ...array, data } as NdArray;
  }
  if (array.dtype === "float64") {
    const data = Float64Array.from(array.data as Float64Array);
    const bits = new BigUint64Array(data.buffer);
    for (let i = 0; i < data.length; i++)
      if (Number.isFinite(data[i]) && data[i] !== 0) bits[i] += BigInt(k);
    return { ...array, data } as NdArray;
  }
  return array;
}

/** A vectors file of `normal` calls, expected values from the reference, compared under `rule`. */
export function normalFile(rule: CompareRule): VectorFile {
  const cases: ValueCase[] = [];
  const modes: Mode[] = ["partitionable", "legacy"];
  for (const mode of modes) {
    for (const dtype of ["float32", "float64"]) {
      for (const [seed, shape] of [
        [0, [5]],
        [42, [2, 3]],
        [7, [17]],
      ] as const) {
        const call: FunctionCall = {
          function: "normal",
          key: [0, seed],
          mode,
          args: { shape: [...shape], dtype },
        };
        cases.push({
          id: `normal/${mode}/${String(cases.length).padStart(3, "0")}`,
          comment: `normal ${dtype} ${shape.join("×")} in ${mode} mode`,
          provenance: { kind: "mirror" },
          call,
          expected: encodeArray(runFunctionCall(call)),
          compare: rule,
        });
      }
    }
  }
  return {
    $schema: "./schema.json",
    format: "jrng-vectors/1",
    specVersion: "0.1.0",
    generator: "conformance mutant tests",
    area: "normal",
    description: "normal under a chosen rule",
    modes,
    groups: [{ name: "normal", description: "", cases }],
  } as VectorFile;
}
