/**
 * The golden-vector format (`jrng-vectors/1`), as TypeScript types. The JSON
 * Schema in `schema/vectors.schema.json` says the same for other languages.
 *
 * @module
 */

/** Version of this format. */
export const FORMAT_VERSION = "jrng-vectors/1";
/** Version of the spec the vectors follow. */
export const SPEC_VERSION = "0.1.0";

/** A 64-bit or otherwise non-`number` integer argument, as a decimal string. */
export interface BigIntArg {
  $bigint: string;
}

/** A float argument JSON numbers cannot write. */
export interface SpecialFloatArg {
  $float: "NaN" | "Infinity" | "-Infinity" | "-0";
}

/** A JSON argument value: numbers, strings, booleans, nested arrays, bigints, special floats, null. */
export type ArgValue = number | string | boolean | null | BigIntArg | SpecialFloatArg | ArgValue[];

/** Threefry mode of a call. */
export type Mode = "partitionable" | "legacy";

/** A call of a functional API entry point (`@jrng/core`, `jax.random`). */
export interface FunctionCall {
  /** The function, by its camelCase name (`uniform`, `truncatedNormal`, …). */
  function: string;
  /** The key, as two uint32 words; absent for `key` and `threefry2x32`. */
  key?: [number, number];
  /** Threefry mode. */
  mode: Mode;
  /** JAX's `jax_enable_x64` (default false): 64-bit seeds, dtypes and internals. */
  x64?: boolean;
  /** Arguments by name (JAX's parameter names in camelCase). */
  args: Record<string, ArgValue>;
}

/** One method call on a stateful generator. */
export interface MethodCall {
  /** The method, by its camelCase name (`standardNormal`, `integers`, …). */
  method: string;
  /** Arguments by name (NumPy's parameter names in camelCase). */
  args: Record<string, ArgValue>;
}

/** A sequence of method calls on one generator. */
export interface GeneratorCall {
  /** How the generator is created. */
  generator: {
    seed: number | BigIntArg;
    stream: "split" | "fold_in";
    mode: Mode;
    /** JAX's `jax_enable_x64` (default false). */
    x64?: boolean;
  };
  /** The calls, in order. */
  calls: MethodCall[];
}

/** An expected array. Floats are exact bit patterns (hex) plus readable decimals. */
export interface ExpectedArray {
  dtype: string;
  shape: number[];
  /**
   * The elements, row-major: integers as numbers (64-bit ones as decimal
   * strings), booleans as `true`/`false`, floats as bit patterns `"0x…"`.
   */
  data: (number | string | boolean)[];
  /** Floats only: the elements as shortest round-tripping decimals (for reading; `data` is normative). */
  values?: (number | string)[];
}

/**
 * How subnormal floats are treated: `"flush"` replaces subnormals in both
 * arrays by a zero of the same sign before comparing (XLA on CPU flushes
 * them), and +0 and -0 then compare equal.
 */
export type SubnormalRule = "flush";

/**
 * How a result is compared with the expectation (spec/vectors.md). Integers
 * and booleans always compare exactly; the rule says how floats compare:
 * bit for bit (`exact`, any NaN equal to any NaN), or within `maxUlp` units
 * in the last place (`ulp`). No relative or absolute tolerance: a bound
 * that hides more than its ULP cannot be stated.
 */
export type CompareRule =
  | { rule: "exact"; subnormals?: SubnormalRule }
  | { rule: "ulp"; maxUlp: number; subnormals?: SubnormalRule };

/**
 * Where an expected value comes from: computed by real JAX (`jax`; the
 * versions and host are in the file's {@link FileProvenance}), printed by
 * JAX in a public source (`jax-observed`), or computed by the reference
 * where JAX has no counterpart (`mirror`, with the reason).
 */
export type Provenance =
  | { kind: "jax" }
  | { kind: "mirror"; reason?: string }
  | { kind: "jax-observed"; citation: string; jaxMode: Mode; note?: string };

/** How a file's `jax` values were produced. */
export interface FileProvenance {
  /** The command and program that called JAX. */
  producedBy: string;
  /** `jax.__version__`. */
  jax: string;
  /** `jaxlib.__version__`. */
  jaxlib: string;
  /** JAX's backend (`cpu`). */
  platform: string;
  /** The host's architecture and the CPU features that shape XLA's code (FMA, AVX2, AVX-512). */
  machine: string;
  cpuFlags: string[];
  /**
   * The CPU's vendor, family and model, e.g. `AuthenticAMD family 25 model 1 (AMD EPYC)`: XLA:CPU's
   * float32 `rsqrt` is the processor's estimate instruction, so the gamma family's float32 values
   * hold for this processor family (spec/arithmetic.md).
   */
  cpu?: string;
}

/** A case whose call must succeed. */
export interface ValueCase {
  id: string;
  comment: string;
  flags?: string[];
  provenance: Provenance;
  call: FunctionCall | GeneratorCall;
  /** One array for a function call; one per call for a generator. */
  expected: ExpectedArray | ExpectedArray[];
  compare: CompareRule;
}

/** A case whose call must be rejected. */
export interface ErrorCase {
  id: string;
  comment: string;
  flags?: string[];
  provenance: { kind: "mirror" } | { kind: "jax" };
  call: FunctionCall | GeneratorCall;
  /** The error kind a conforming implementation raises. */
  expectedError: "TypeError" | "RangeError";
  /** Where JAX rejects the call too (provenance `jax`): the Python exception it raises. */
  jaxError?: string;
  /** Generator calls: the rejected (last) call must not advance the stream. */
  stateUnchanged?: boolean;
  /**
   * Generator calls: a call made after the rejection and what it must return —
   * the result of the same call had the rejected one never been made.
   */
  afterwards?: { call: MethodCall; expected: ExpectedArray };
}

/** A case of either kind. */
export type VectorCase = ValueCase | ErrorCase;

/** A group of cases on one function or topic. */
export interface CaseGroup {
  name: string;
  description: string;
  cases: VectorCase[];
}

/** One vectors file. */
export interface VectorFile {
  $schema: string;
  format: typeof FORMAT_VERSION;
  specVersion: string;
  generator: string;
  area: string;
  description: string;
  modes: Mode[];
  /** Where the `jax` cases' values come from. */
  provenance: FileProvenance;
  groups: CaseGroup[];
}

/** True for an error case. */
export function isErrorCase(testCase: VectorCase): testCase is ErrorCase {
  return "expectedError" in testCase;
}

/** True for a generator-stream call. */
export function isGeneratorCall(call: FunctionCall | GeneratorCall): call is GeneratorCall {
  return "generator" in call;
}
