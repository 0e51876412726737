/**
 * Turning case definitions into vectors files: computing every expectation
 * with the mirror, checking JAX's observations against it, checking that
 * error cases are rejected, and writing deterministic JSON.
 *
 * @module
 */
import type { NdArray } from "@jrng/core";
import { bitsArea } from "./cases/bits.js";
import { errorsArea } from "./cases/errors.js";
import { keysArea } from "./cases/keys.js";
import type { AreaSpec, CaseSpec, ErrorSpec, JaxObservation } from "./cases/spec.js";
import { streamsArea } from "./cases/streams.js";
import { uniformArea } from "./cases/uniform.js";
import {
  closedFormArea,
  countsArea,
  definedArea,
  discreteArea,
  gammaArea,
  linalgArea,
  normalArea,
} from "./cases/samplers.js";
import { compareArray, encodeArray, float32Hex, float64Hex, shortestDecimal } from "./encode.js";
import {
  FORMAT_VERSION,
  isGeneratorCall,
  SPEC_VERSION,
  type CompareRule,
  type ErrorCase,
  type ExpectedArray,
  type FunctionCall,
  type GeneratorCall,
  type MethodCall,
  type Mode,
  type ValueCase,
  type VectorCase,
  type VectorFile,
} from "./format.js";
import { createGenerator, runFunctionCall, runMethodCall } from "./registry.js";

/** Version of this generator, written into every file. */
export const GENERATOR_VERSION = "@jrng/vectors 0.1.0";

/** Every area, in file order. */
export const AREAS: AreaSpec[] = [
  keysArea,
  bitsArea,
  uniformArea,
  normalArea,
  discreteArea,
  closedFormArea,
  gammaArea,
  countsArea,
  linalgArea,
  definedArea,
  streamsArea,
  errorsArea,
];

/** Reports progress while generating. */
export type ProgressListener = (done: number, total: number, area: string) => void;

/** Run a case's call with the reference implementation. */
export function runCall(call: FunctionCall | GeneratorCall): NdArray[] {
  if (!isGeneratorCall(call)) return [runFunctionCall(call)];
  const rng = createGenerator(call);
  return call.calls.map((methodCall) => runMethodCall(rng, methodCall));
}

function isErrorSpec(spec: CaseSpec | ErrorSpec): spec is ErrorSpec {
  return "expectedError" in spec;
}

function modeOf(call: FunctionCall | GeneratorCall): Mode {
  return isGeneratorCall(call) ? call.generator.mode : call.mode;
}

/** Encode what JAX printed in the dtype and shape the mirror produced. */
function encodeObservation(observation: JaxObservation, like: NdArray[]): ExpectedArray[] {
  let offset = 0;
  return like.map((array) => {
    const count = array.data.length;
    const printed = observation.data.slice(offset, offset + count);
    offset += count;
    if (array.dtype === "float32" || array.dtype === "float64") {
      const dtype = array.dtype;
      const round = dtype === "float32" ? Math.fround : (x: number) => x;
      const hex = dtype === "float32" ? float32Hex : float64Hex;
      const values = printed.map((x) => round(Number(x)));
      return {
        dtype,
        shape: [...array.shape],
        data: values.map(hex),
        values: values.map((x) => shortestDecimal(x, dtype)),
      };
    }
    return { dtype: array.dtype, shape: [...array.shape], data: printed };
  });
}

function single(expected: ExpectedArray[], call: FunctionCall | GeneratorCall): ExpectedArray | ExpectedArray[] {
  return isGeneratorCall(call) ? expected : expected[0];
}

function checkRejected(id: string, spec: ErrorSpec): void {
  const call = spec.call;
  // Setup calls of a generator case run outside the try: they must succeed.
  const rng = isGeneratorCall(call) ? createGenerator(call) : undefined;
  if (rng && isGeneratorCall(call)) {
    call.calls.slice(0, -1).forEach((methodCall) => runMethodCall(rng, methodCall));
  }
  const before = rng ? JSON.stringify(rng.state) : undefined;
  try {
    if (rng && isGeneratorCall(call)) runMethodCall(rng, call.calls[call.calls.length - 1]);
    else runFunctionCall(call as FunctionCall);
  } catch (error) {
    const kind = (error as Error).constructor.name;
    if (kind !== spec.expectedError) {
      throw new Error(
        `${id}: expected ${spec.expectedError}, the mirror threw ${kind}: ${(error as Error).message}`,
      );
    }
    if (rng && JSON.stringify(rng.state) !== before) {
      throw new Error(`${id}: the rejected call advanced the stream`);
    }
    return;
  }
  throw new Error(`${id}: expected ${spec.expectedError}, the mirror accepted the call`);
}

/** The call that shows a rejected call left the stream alone. */
const PROBE: MethodCall = { method: "random", args: { size: 3 } };

/** What {@link PROBE} returns after the calls before the rejected one. */
function probeAfterRejection(call: GeneratorCall): { call: MethodCall; expected: ExpectedArray } {
  const rng = createGenerator(call);
  call.calls.slice(0, -1).forEach((methodCall) => runMethodCall(rng, methodCall));
  return { call: PROBE, expected: encodeArray(runMethodCall(rng, PROBE)) };
}

/** Build the cases of one area. */
export function buildArea(area: AreaSpec): VectorFile {
  const groups = area.groups.map((group) => {
    const cases: VectorCase[] = [];
    group.cases.forEach((spec, index) => {
      const id = `${area.area}/${group.name}/${String(index + 1).padStart(3, "0")}`;
      if (isErrorSpec(spec)) {
        checkRejected(id, spec);
        const errorCase: ErrorCase = {
          id,
          comment: spec.comment,
          ...(spec.flags ? { flags: spec.flags } : {}),
          provenance: { kind: "mirror" },
          call: spec.call,
          expectedError: spec.expectedError,
          ...(isGeneratorCall(spec.call)
            ? { stateUnchanged: true, afterwards: probeAfterRejection(spec.call) }
            : {}),
        };
        cases.push(errorCase);
        return;
      }
      const results = runCall(spec.call);
      const compare: CompareRule = spec.compare ?? { rule: "exact" };
      const mirror: ValueCase = {
        id,
        comment: spec.comment,
        ...(spec.flags ? { flags: spec.flags } : {}),
        provenance: { kind: "mirror" },
        call: spec.call,
        expected: single(results.map(encodeArray), spec.call),
        compare,
      };
      cases.push(mirror);
      if (spec.jax) {
        const observedCompare = spec.jax.compare ?? compare;
        const observed = encodeObservation(spec.jax, results);
        observed.forEach((expected, i) => {
          const mismatch = compareArray(expected, results[i], observedCompare);
          if (mismatch) {
            throw new Error(`${id}: the mirror disagrees with JAX's printed value: ${JSON.stringify(mismatch)}`);
          }
        });
        cases.push({
          id: `${id}-jax`,
          comment: `${spec.comment} (as JAX printed it)`,
          provenance: {
            kind: "jax-observed",
            citation: spec.jax.citation,
            jaxMode: spec.jax.jaxMode,
            ...(spec.jax.note ? { note: spec.jax.note } : {}),
          },
          call: spec.call,
          expected: single(observed, spec.call),
          compare: observedCompare,
        });
      }
    });
    return { name: group.name, description: group.description, cases };
  });
  const modes = new Set<Mode>();
  for (const group of area.groups) for (const spec of group.cases) modes.add(modeOf(spec.call));
  return {
    $schema: "./schema.json",
    format: FORMAT_VERSION,
    specVersion: SPEC_VERSION,
    generator: GENERATOR_VERSION,
    area: area.area,
    description: area.description,
    modes: (["partitionable", "legacy"] as const).filter((mode) => modes.has(mode)),
    groups,
  };
}

/** Build every area, reporting progress. */
export function buildAll(onProgress?: ProgressListener): VectorFile[] {
  return AREAS.map((area, i) => {
    onProgress?.(i + 1, AREAS.length, area.area);
    return buildArea(area);
  });
}

/**
 * Deterministic JSON: two-space indentation, arrays of numbers, strings and
 * booleans on one line, a final newline.
 */
export function formatJson(value: unknown): string {
  const render = (node: unknown, indent: string): string => {
    if (Array.isArray(node)) {
      if (node.every((x) => x === null || typeof x !== "object")) {
        return `[${node.map((x) => JSON.stringify(x)).join(", ")}]`;
      }
      const inner = indent + "  ";
      return `[\n${node.map((x) => inner + render(x, inner)).join(",\n")}\n${indent}]`;
    }
    if (node !== null && typeof node === "object") {
      const entries = Object.entries(node).filter(([, v]) => v !== undefined);
      if (entries.length === 0) return "{}";
      const inner = indent + "  ";
      return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${render(v, inner)}`).join(",\n")}\n${indent}}`;
    }
    return JSON.stringify(node);
  };
  return render(value, "") + "\n";
}
