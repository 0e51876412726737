/**
 * How case definitions are written: a call and a comment, the rule, and —
 * where real JAX printed a value — that value with its citation.
 *
 * @module
 */
import type { ArgValue, CompareRule, FunctionCall, GeneratorCall, Mode } from "../format.js";

/** A value JAX printed for a call, with where it was printed. */
export interface JaxObservation {
  /** The printed elements (floats as printed decimals; 64-bit integers as strings). */
  data: (number | string | boolean)[];
  /** Repository, path, commit and lines, or a URL. */
  citation: string;
  /** The threefry mode JAX ran in when it printed this. */
  jaxMode: Mode;
  /**
   * How the printed value is compared with what JAX computes, where the printed decimals do not
   * read back as the computed value (default: the rule of the JAX-computed case).
   */
  compare?: CompareRule;
  note?: string;
}

/** A case to compute with the mirror. */
export interface CaseSpec {
  comment: string;
  call: FunctionCall | GeneratorCall;
  /**
   * The rule of a mirror case, where its spec chapter's bound (defined-bounds.ts) does not say it.
   * JAX-computed cases earn theirs: `exact`, or the sampler's stated bound.
   */
  compare?: CompareRule;
  flags?: string[];
  jax?: JaxObservation;
}

/** A call that must be rejected. */
export interface ErrorSpec {
  comment: string;
  call: FunctionCall | GeneratorCall;
  expectedError: "TypeError" | "RangeError";
  flags?: string[];
  /** JAX rejects the call too: the generator asks JAX and records the exception JAX raises. */
  rejectedByJax?: true;
}

/** A group of cases. */
export interface GroupSpec {
  name: string;
  description: string;
  cases: (CaseSpec | ErrorSpec)[];
}

/** One vectors file's worth of cases. */
export interface AreaSpec {
  area: string;
  description: string;
  groups: GroupSpec[];
}

const WIDE_DTYPES = new Set(["float64", "int64", "uint64"]);

/** True for a dtype JAX computes only with `jax_enable_x64`. */
export function needsX64(dtype: ArgValue | undefined): boolean {
  return typeof dtype === "string" && WIDE_DTYPES.has(dtype);
}

/**
 * Shorthand for a functional call. `x64` defaults to what the dtype needs:
 * JAX computes float64, int64 and uint64 only with `jax_enable_x64`.
 */
export function fn(
  name: string,
  key: [number, number] | undefined,
  mode: Mode,
  args: Record<string, ArgValue>,
  x64: boolean = needsX64(args.dtype),
): FunctionCall {
  const call: FunctionCall = key === undefined ? { function: name, mode, args } : { function: name, key, mode, args };
  return x64 ? { ...call, x64: true } : call;
}

/** Both threefry modes, for loops over them. */
export const MODES: Mode[] = ["partitionable", "legacy"];
