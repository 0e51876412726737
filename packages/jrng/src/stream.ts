/**
 * Key streams: how a stateful generator derives the key for each draw.
 *
 * - `"split"` — the original JRNG (rng-jax's `Generator`): before every draw,
 *   `state, sub = split(state)`; the draw uses `sub`.
 * - `"fold_in"` — JAX's `jax.experimental.random.stateful_rng` (JEP 28845):
 *   the draw uses `fold_in(base, counter)`, then `counter += 1`.
 *
 * A stream is immutable: `next()` returns the subkey and the stream that
 * follows, so a generator commits the new stream only after a draw succeeded.
 *
 * @module
 */
import { foldIn, key as makeKey, split, type FloatDType, type Key } from "@jrng/core";
import { describe } from "@jrng/core/internal";

/** The stream disciplines. */
export type StreamKind = "split" | "fold_in";

/**
 * The state of a key stream: its discipline, mode, key and counter.
 *
 * For `"split"`, `key` is the current key and `counter` is absent. For
 * `"fold_in"`, `key` is the base key and `counter` the number of draws so far.
 */
export interface StreamState {
  /** The stream discipline. */
  readonly stream: StreamKind;
  /** The threefry mode: `true` for partitionable (JAX ≥ 0.5), `false` for legacy. */
  readonly partitionable: boolean;
  /** The two uint32 words of the key. */
  readonly key: readonly [number, number];
  /** `"fold_in"` only: the counter folded into the base key for the next draw. */
  readonly counter?: number;
  /** Present and `true` for a generator that mirrors JAX with `jax_enable_x64`. */
  readonly x64?: boolean;
}

/**
 * The complete, JSON-serialisable state of a generator (format version 2):
 * its stream, and the generator's default float `dtype` and `x64` setting,
 * so that a restored generator continues with the same results.
 */
export interface JRNGState extends StreamState {
  /** Format version of this object: 2. */
  readonly version: 2;
  /** The generator's default float dtype. */
  readonly dtype: FloatDType;
  /** The generator's `x64` option (JAX's `jax_enable_x64`). */
  readonly x64: boolean;
}

/**
 * A state of format version 1 (jrng 0.1.0): the stream only. It still reads;
 * the dtype then comes from the options of `fromState` (default float32).
 */
export interface JRNGStateV1 extends StreamState {
  /** Format version of this object: 1. */
  readonly version: 1;
}

/** The largest counter a `"fold_in"` stream uses: fold_in takes 32-bit data. */
export const MAX_COUNTER = 2 ** 32 - 1;

/** One step of a stream: the subkey for this draw and the stream after it. */
export interface StreamStep {
  readonly subkey: Key;
  readonly next: KeyStream;
}

/** An immutable key stream. */
export interface KeyStream {
  readonly kind: StreamKind;
  readonly partitionable: boolean;
  /** The key for the next draw, and the stream after it. */
  next(): StreamStep;
  /** `n` fresh keys as one batch, as `StatefulPRNG.key(shape)` / rng-jax's `split(size)`. */
  keys(count: number): { keys: Uint32Array; next: KeyStream };
  /** `n` independent child streams, as `StatefulPRNG.spawn` / rng-jax's `spawn`. */
  spawn(count: number): { children: KeyStream[]; next: KeyStream };
  /** The serialisable state of the stream. */
  state(): StreamState;
}

/** The `"split"` discipline of rng-jax's `Generator`. */
export class SplitStream implements KeyStream {
  readonly kind = "split";
  constructor(
    readonly key: Key,
    readonly partitionable: boolean,
  ) {}

  next(): StreamStep {
    // rng-jax: `self.key, key = split(self.key)`.
    const [state, subkey] = this.#split(2);
    return { subkey, next: new SplitStream(state, this.partitionable) };
  }

  keys(count: number): { keys: Uint32Array; next: KeyStream } {
    // rng-jax `split(size)`: `keys = split(key, 1 + n)`; state = keys[0].
    const all = split(this.key, 1 + count, { partitionable: this.partitionable }).data;
    return { keys: all.slice(2), next: new SplitStream(all.slice(0, 2), this.partitionable) };
  }

  spawn(count: number): { children: KeyStream[]; next: KeyStream } {
    // rng-jax `spawn(n)`: `self.key, *keys = split(self.key, n + 1)`.
    const [state, ...childKeys] = this.#split(count + 1);
    return {
      children: childKeys.map((childKey) => new SplitStream(childKey, this.partitionable)),
      next: new SplitStream(state, this.partitionable),
    };
  }

  state(): StreamState {
    return {
      stream: "split",
      partitionable: this.partitionable,
      key: [this.key[0], this.key[1]],
    };
  }

  #split(count: number): Key[] {
    const words = split(this.key, count, { partitionable: this.partitionable }).data;
    return Array.from({ length: count }, (_, i) => words.slice(2 * i, 2 * i + 2));
  }
}

/** The `"fold_in"` discipline of JAX's `StatefulPRNG`. */
export class FoldInStream implements KeyStream {
  readonly kind = "fold_in";
  constructor(
    readonly baseKey: Key,
    readonly counter: number,
    readonly partitionable: boolean,
  ) {}

  next(): StreamStep {
    // StatefulPRNG.key(): `key = fold_in(base_key, counter); counter += 1`.
    if (this.counter > MAX_COUNTER) {
      throw new RangeError(
        `this fold_in stream is exhausted: all ${MAX_COUNTER + 1} counters of its base key were used; spawn() children earlier`,
      );
    }
    return {
      subkey: foldIn(this.baseKey, this.counter),
      next: new FoldInStream(this.baseKey, this.counter + 1, this.partitionable),
    };
  }

  keys(count: number): { keys: Uint32Array; next: KeyStream } {
    // StatefulPRNG.key(shape): `split(fold_in(base, counter++), shape)`.
    const { subkey, next } = this.next();
    return { keys: split(subkey, count, { partitionable: this.partitionable }).data, next };
  }

  spawn(count: number): { children: KeyStream[]; next: KeyStream } {
    // StatefulPRNG.spawn(n): children on the keys of `self.key(n)`, counters 0.
    const { keys, next } = this.keys(count);
    const children = Array.from(
      { length: count },
      (_, i) => new FoldInStream(keys.slice(2 * i, 2 * i + 2), 0, this.partitionable),
    );
    return { children, next };
  }

  state(): StreamState {
    return {
      stream: "fold_in",
      partitionable: this.partitionable,
      key: [this.baseKey[0], this.baseKey[1]],
      counter: this.counter,
    };
  }
}

/** A new stream of the given kind from a key (counter 0 for `"fold_in"`). */
export function streamFromKey(kind: StreamKind, key: Key, partitionable: boolean): KeyStream {
  return kind === "split"
    ? new SplitStream(key, partitionable)
    : new FoldInStream(key, 0, partitionable);
}

/** A new stream from a seed, as `key(seed)`. */
export function streamFromSeed(
  kind: StreamKind,
  seed: number | bigint,
  partitionable: boolean,
): KeyStream {
  return streamFromKey(kind, makeKey(seed), partitionable);
}

/** What a state restores: the stream and, from version 2, the generator's dtype and x64. */
export interface RestoredState {
  readonly stream: KeyStream;
  readonly dtype: FloatDType | undefined;
  readonly x64: boolean;
}

/**
 * Read a {@link JRNGState} (version 2) or a {@link JRNGStateV1}.
 *
 * @throws TypeError if the state is malformed, naming what is wrong; a JSON
 * string is refused with a hint to parse it first.
 */
export function readState(state: unknown): RestoredState {
  const bad = (why: string) => new TypeError(`state is not a JRNG state: ${why}`);
  if (typeof state === "string") {
    throw bad("it is a string; parse it first: JRNG.fromState(JSON.parse(text))");
  }
  if (typeof state !== "object" || state === null || Array.isArray(state)) {
    throw bad(`expected an object from JRNG.state, got ${describe(state)}`);
  }
  const fields = state as Record<string, unknown>;
  const { version } = fields;
  if (version !== 1 && version !== 2) throw bad(`version must be 1 or 2, got ${describe(version)}`);
  const known = ["version", "stream", "partitionable", "key", "counter"];
  if (version === 2) known.push("dtype", "x64");
  for (const name of Object.keys(fields)) {
    if (!known.includes(name))
      throw bad(`unknown field ${describe(name)} in a version ${version} state`);
  }
  let dtype: FloatDType | undefined;
  let x64 = false;
  if (version === 2) {
    if (fields.dtype !== "float32" && fields.dtype !== "float64") {
      throw bad(`dtype must be "float32" or "float64", got ${describe(fields.dtype)}`);
    }
    if (typeof fields.x64 !== "boolean")
      throw bad(`x64 must be a boolean, got ${describe(fields.x64)}`);
    dtype = fields.dtype;
    x64 = fields.x64;
  }
  return { stream: streamFromState(fields), dtype, x64 };
}

/**
 * The stream a state describes.
 *
 * @throws TypeError if the stream part of the state is malformed.
 */
function streamFromState(state: Record<string, unknown>): KeyStream {
  const bad = (why: string) => new TypeError(`state is not a JRNG state: ${why}`);
  if (typeof state.partitionable !== "boolean") throw bad("partitionable must be a boolean");
  const words = state.key;
  if (
    !Array.isArray(words) ||
    words.length !== 2 ||
    !words.every((w) => Number.isInteger(w) && w >= 0 && w < 2 ** 32)
  ) {
    throw bad(`key must be two uint32 words, got ${describe(words)}`);
  }
  const key = Uint32Array.of(words[0], words[1]);
  if (state.stream === "split") {
    if (state.counter !== undefined) throw bad('a "split" stream has no counter');
    return new SplitStream(key, state.partitionable);
  }
  if (state.stream === "fold_in") {
    // A bigint counter (from code that counts in bigints) reads as its number.
    const counter = typeof state.counter === "bigint" ? Number(state.counter) : state.counter;
    if (
      typeof counter !== "number" ||
      !Number.isInteger(counter) ||
      counter < 0 ||
      counter > MAX_COUNTER + 1
    ) {
      throw bad(`counter must be an integer in [0, 2^32], got ${describe(state.counter)}`);
    }
    return new FoldInStream(key, counter, state.partitionable);
  }
  throw bad(`stream must be "split" or "fold_in", got ${describe(state.stream)}`);
}
