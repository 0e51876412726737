/**
 * The adapter interface: what an implementation provides so the runner can
 * check it. In-process adapters implement it directly; other languages speak
 * the JSON Lines protocol (see `protocol.ts` and the spec) and are wrapped by
 * a {@link ProcessAdapter}.
 *
 * @module
 */
import type { FunctionCall, GeneratorCall, MethodCall } from "@jrng/vectors";

/** What a conformance check can hold an implementation to. */
export type Tier = "exact" | "ulp" | "statistical" | "errors";

/** Every tier, in report order. */
export const TIERS: Tier[] = ["exact", "ulp", "statistical", "errors"];

/** What an implementation declares it provides. */
export interface Capabilities {
  /** A name for reports, e.g. "jrng 0.1.0 (reference)". */
  name: string;
  /** The tiers it claims; cases of other tiers are skipped. */
  tiers: Tier[];
  /** Functional entry points it implements (`bits`, `uniform`, …). */
  functions: string[];
  /** Generator methods it implements (`random`, `standardNormal`, …). */
  methods: string[];
  /** Threefry modes it implements. */
  modes: ("partitionable" | "legacy")[];
  /** Stream disciplines it implements. */
  streams: ("split" | "fold_in")[];
}

/** An array a call returned. Floats may be numbers or `0x` bit patterns; 64-bit integers decimal strings. */
export interface ResultArray {
  dtype: string;
  shape: number[];
  data: (number | string | boolean)[];
}

/** The outcome of one call: a result, or an error with its kind. */
export type CallOutcome =
  { ok: true; result: ResultArray } | { ok: false; error: { kind: string; message: string } };

/** An implementation under test. */
export interface Adapter {
  /** Declare what is implemented. */
  capabilities(): Promise<Capabilities>;
  /** Run a functional call. */
  callFunction(call: FunctionCall): Promise<CallOutcome>;
  /** Create a generator; returns a handle for {@link Adapter.callMethod}. */
  createGenerator(spec: GeneratorCall["generator"]): Promise<string>;
  /** Call a method on a generator. */
  callMethod(handle: string, call: MethodCall): Promise<CallOutcome>;
  /** Release a generator. */
  dropGenerator(handle: string): Promise<void>;
  /** Release everything (end a subprocess). */
  close(): Promise<void>;
}
