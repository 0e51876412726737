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

/**
 * How an adapter can fail as a whole rather than in one call: it did not
 * answer in time (`timeout`), answered with something that is not the
 * protocol (`protocol`), died (`exited`) or never started (`start`).
 */
export type FaultKind = "timeout" | "protocol" | "exited" | "start";

/**
 * An adapter's own failure, as opposed to an implementation's error outcome:
 * the runner stops at once after `exited` and `start`, and after a few
 * consecutive `timeout` or `protocol` faults.
 */
export class AdapterFault extends Error {
  /** What went wrong. */
  readonly fault: FaultKind;

  constructor(fault: FaultKind, message: string) {
    super(message);
    this.name = "AdapterFault";
    this.fault = fault;
  }
}

/** An implementation under test. */
export interface Adapter {
  /**
   * True when the adapter fails a call that takes too long by itself, with
   * an {@link AdapterFault} of kind `timeout` (a {@link ProcessAdapter}
   * does); the runner then sets no timer of its own.
   */
  readonly timesOutItself?: boolean;
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
