/**
 * Turning case definitions into vectors files: every expectation is what
 * real JAX returned for the call (or, where JAX has no counterpart, what the
 * reference defines), each rule is `exact` where the reference reproduces
 * JAX bit for bit and otherwise the sampler's stated bound, values JAX
 * printed in public sources are checked against what JAX computes, error
 * cases are checked to be rejected, and the JSON is deterministic.
 *
 * @module
 */
import type { NdArray } from "@jrng/core";
import { bitsArea } from "./cases/bits.js";
import { errorsArea } from "./cases/errors.js";
import { keysArea } from "./cases/keys.js";
import type { AreaSpec, CaseSpec, ErrorSpec, JaxObservation } from "./cases/spec.js";
import { streamsArea } from "./cases/streams.js";
import { sweepGroups } from "./cases/sweep.js";
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
import { boundFor } from "./bounds.js";
import { mirrorRule } from "./defined-bounds.js";
import {
  compareArray,
  decodeElements,
  encodeArray,
  float32Hex,
  float64Hex,
  floatFromHex,
  isFloatDType,
  shortestDecimal,
  type Mismatch,
} from "./encode.js";
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
import { callKey, type JaxResults } from "./jax-results.js";
import { createGenerator, runFunctionCall, runMethodCall } from "./registry.js";

/** Version of this generator, written into every file. */
export const GENERATOR_VERSION = "@jrng/vectors 0.1.0";

const sweepArea: AreaSpec = {
  area: "sweep",
  description:
    "A seeded sweep over every jax.random function: keys, both modes, x64 off and on, every dtype, shapes and parameter domains, plus edge parameters.",
  groups: sweepGroups(),
};

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
  sweepArea,
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
function encodeObservation(
  observation: JaxObservation,
  like: { dtype: string; shape: readonly number[]; data: ArrayLike<unknown> }[],
): ExpectedArray[] {
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

/** Float results the reference does not yet reproduce bit for bit: the bound a case gets. */
export function notExactRule(call: FunctionCall | GeneratorCall, dtype: "float32" | "float64"): CompareRule {
  const names = isGeneratorCall(call) ? call.calls.map((c) => c.method) : [call.function];
  return { rule: "ulp", maxUlp: Math.max(...names.map((name) => boundFor(name, dtype))) };
}

/** What a case's rule says about the reference, for the caller to report. */
export interface ReferenceGap {
  id: string;
  /** Why the reference does not reproduce JAX: its first mismatch, or the error it threw. */
  reason: string;
}

/** Everything {@link buildArea} needs besides the case definitions. */
export interface BuildContext {
  /** JAX's answers to every call. */
  jax: JaxResults;
  /** Cases where the reference breaks the rule it was given (collected, not thrown). */
  gaps: ReferenceGap[];
  /** Case definitions JAX cannot turn into a vector (collected, thrown at the end). */
  problems: string[];
}

/** Where JAX answered with a value: the expectation and the rule the reference earns. */
function jaxCase(id: string, spec: CaseSpec, jaxResult: ExpectedArray[], gaps: ReferenceGap[]): ValueCase {
  const expected = jaxResult.map(withDecimals);
  let results: NdArray[] | undefined;
  try {
    results = runCall(spec.call);
  } catch (error) {
    gaps.push({ id, reason: `the reference threw ${(error as Error).constructor.name}: ${(error as Error).message}` });
  }
  const flags = new Set(spec.flags ?? []);
  let compare: CompareRule = { rule: "exact" };
  if (results) {
    const floats = expected.filter((array) => isFloatDType(array.dtype));
    const meets = (rule: CompareRule) => expected.every((array, i) => compareArray(array, results![i], rule) === null);
    const flush = expected.some((array, i) => flushesSubnormals(array, results![i]));
    if (!meets(compare) && flush && meets({ rule: "exact", subnormals: "flush" })) {
      compare = { rule: "exact", subnormals: "flush" };
    } else if (!meets(compare) && floats.length > 0) {
      const dtype = floats.some((array) => array.dtype === "float64") ? "float64" : "float32";
      compare = { ...notExactRule(spec.call, dtype), ...(flush ? { subnormals: "flush" as const } : {}) };
      flags.add("not-exact");
    }
    const mismatch = expected.map((array, i) => compareArray(array, results![i], compare)).find((m) => m !== null);
    if (mismatch) gaps.push({ id, reason: describeMismatch(mismatch) });
  }
  return {
    id,
    comment: spec.comment,
    ...(flags.size > 0 ? { flags: [...flags].sort() } : {}),
    provenance: { kind: "jax" },
    call: spec.call,
    expected: single(expected, spec.call),
    compare,
  };
}

/** Where JAX has no counterpart: the reference defines the value, its spec chapter the rule. */
function mirrorCase(id: string, spec: CaseSpec, reason: string): ValueCase {
  const results = runCall(spec.call);
  return {
    id,
    comment: spec.comment,
    ...(spec.flags ? { flags: spec.flags } : {}),
    provenance: { kind: "mirror", reason },
    call: spec.call,
    expected: single(results.map(encodeArray), spec.call),
    compare: spec.compare ?? mirrorRule(spec.call, results),
  };
}

/** A case printed by JAX in a public source, checked against what JAX computes now. */
function observedCase(
  id: string,
  spec: CaseSpec,
  computed: ExpectedArray[],
  base: ValueCase,
  problems: string[],
): ValueCase {
  const observation = spec.jax!;
  const observedCompare = observation.compare ?? base.compare;
  const observed = encodeObservation(observation, computed);
  observed.forEach((expected, i) => {
    const mismatch = compareArray(expected, decodeArray(computed[i]), observedCompare);
    if (mismatch) {
      problems.push(`${id}: JAX's printed value disagrees with what JAX computes: ${describeMismatch(mismatch, "printed", "computed")}`);
    }
  });
  return {
    id: `${id}-jax`,
    comment: `${spec.comment} (as JAX printed it)`,
    provenance: {
      kind: "jax-observed",
      citation: observation.citation,
      jaxMode: observation.jaxMode,
      ...(observation.note ? { note: observation.note } : {}),
    },
    call: spec.call,
    expected: single(observed, spec.call),
    compare: observedCompare,
  };
}

/** Build the cases of one area. */
export function buildArea(area: AreaSpec, context: BuildContext): VectorFile {
  const groups = area.groups.map((group) => {
    const cases: VectorCase[] = [];
    group.cases.forEach((spec, index) => {
      const id = `${area.area}/${group.name}/${String(index + 1).padStart(3, "0")}`;
      if (isErrorSpec(spec)) {
        checkRejected(id, spec);
        const jaxError = spec.rejectedByJax ? jaxRejection(id, spec, context) : undefined;
        const errorCase: ErrorCase = {
          id,
          comment: spec.comment,
          ...(spec.flags ? { flags: spec.flags } : {}),
          provenance: { kind: jaxError ? "jax" : "mirror" },
          call: spec.call,
          expectedError: spec.expectedError,
          ...(jaxError ? { jaxError } : {}),
          ...(isGeneratorCall(spec.call)
            ? { stateUnchanged: true, afterwards: probeAfterRejection(spec.call) }
            : {}),
        };
        cases.push(errorCase);
        return;
      }
      const reply = context.jax.replies.get(callKey(spec.call));
      if (!reply) {
        context.problems.push(`${id}: ${context.jax.source} has no JAX result for this call; generate with --jax`);
        return;
      }
      if ("error" in reply && reply.error.type === "Inexpressible") {
        cases.push(mirrorCase(id, spec, reply.error.message));
        if (spec.jax) context.problems.push(`${id}: JAX printed a value for a call it cannot express`);
        return;
      }
      if ("error" in reply) {
        context.problems.push(`${id}: JAX rejected the call (${reply.error.type}: ${reply.error.message})`);
        return;
      }
      const computed = Array.isArray(reply.result) ? reply.result : [reply.result];
      const valueCase = jaxCase(id, spec, computed, context.gaps);
      cases.push(valueCase);
      if (spec.jax) cases.push(observedCase(id, spec, computed, valueCase, context.problems));
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
    provenance: context.jax.provenance,
    groups,
  };
}

/** The exception JAX raised for a call it must reject, or a problem when it accepted the call. */
function jaxRejection(id: string, spec: ErrorSpec, context: BuildContext): string | undefined {
  const reply = context.jax.replies.get(callKey(spec.call));
  if (!reply) {
    context.problems.push(`${id}: ${context.jax.source} has no JAX result for this call; generate with --jax`);
    return undefined;
  }
  if (!("error" in reply) || reply.error.type === "Inexpressible") {
    context.problems.push(`${id}: marked rejectedByJax, but JAX ${"error" in reply ? "cannot express" : "accepts"} the call`);
    return undefined;
  }
  return reply.error.type;
}

/** Every call JAX is asked about: value cases, and error cases JAX rejects too. */
export function jaxCalls(areas: AreaSpec[] = AREAS): (FunctionCall | GeneratorCall)[] {
  return areas.flatMap((area) =>
    area.groups.flatMap((group) =>
      group.cases.filter((spec) => !isErrorSpec(spec) || spec.rejectedByJax).map((spec) => spec.call),
    ),
  );
}

/** Build every area from JAX's answers, reporting progress. */
export function buildAll(
  jax: JaxResults,
  onProgress?: ProgressListener,
): { files: VectorFile[]; gaps: ReferenceGap[] } {
  const context: BuildContext = { jax, gaps: [], problems: [] };
  const files = AREAS.map((area, i) => {
    onProgress?.(i + 1, AREAS.length, area.area);
    return buildArea(area, context);
  });
  if (context.problems.length > 0) {
    throw new Error(`${context.problems.length} case(s) cannot be written:\n  ${context.problems.join("\n  ")}`);
  }
  return { files, gaps: context.gaps };
}

function withDecimals(array: ExpectedArray): ExpectedArray {
  if (!isFloatDType(array.dtype)) return array;
  const dtype = array.dtype;
  return { ...array, values: array.data.map((hex) => shortestDecimal(floatFromHex(hex as string), dtype)) };
}

function decodeArray(array: ExpectedArray): NdArray {
  return { dtype: array.dtype, shape: array.shape, data: decodeElements(array) } as unknown as NdArray;
}

/** True where JAX returned zero and the reference a subnormal of the same sign. */
function flushesSubnormals(expected: ExpectedArray, result: NdArray): boolean {
  if (!isFloatDType(expected.dtype)) return false;
  const smallest = expected.dtype === "float32" ? 2 ** -126 : 2 ** -1022;
  const want = decodeElements(expected) as number[];
  return want.some((x, i) => {
    const got = Number(result.data[i]);
    return x === 0 && got !== 0 && Math.abs(got) < smallest;
  });
}

function describeMismatch(mismatch: Mismatch, expected = "JAX", got = "reference"): string {
  const where = mismatch.index >= 0 ? ` at element ${mismatch.index}` : "";
  const values = mismatch.expected !== undefined ? ` (${expected} ${mismatch.expected}, ${got} ${mismatch.got})` : "";
  const ulp = mismatch.ulp !== undefined ? `, ${mismatch.ulp} ulp` : "";
  return `${mismatch.reason}${where}${values}${ulp}`;
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
