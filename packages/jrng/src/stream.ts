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
import { foldIn, key as makeKey, split, type Key } from "@jrng/core";

/** The stream disciplines. */
export type StreamKind = "split" | "fold_in";

/**
 * The complete, JSON-serialisable state of a generator.
 *
 * For `"split"`, `key` is the current key and `counter` is absent. For
 * `"fold_in"`, `key` is the base key and `counter` the number of draws so far.
 */
export interface JRNGState {
  /** Format version of this object; 1. */
  readonly version: 1;
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
  /** The serialisable state. */
  state(): JRNGState;
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

  state(): JRNGState {
    return {
      version: 1,
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

  state(): JRNGState {
    return {
      version: 1,
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

/**
 * The stream a {@link JRNGState} describes.
 *
 * @throws TypeError if the state is malformed.
 */
export function streamFromState(state: JRNGState): KeyStream {
  const bad = (why: string) => new TypeError(`state is not a JRNG state: ${why}`);
  if (typeof state !== "object" || state === null) throw bad("not an object");
  if (state.version !== 1) throw bad(`version must be 1, got ${JSON.stringify(state.version)}`);
  if (typeof state.partitionable !== "boolean") throw bad("partitionable must be a boolean");
  const words = state.key;
  if (
    !Array.isArray(words) ||
    words.length !== 2 ||
    !words.every((w) => Number.isInteger(w) && w >= 0 && w < 2 ** 32)
  ) {
    throw bad("key must be two uint32 words");
  }
  const key = Uint32Array.of(words[0], words[1]);
  if (state.stream === "split") {
    if (state.counter !== undefined) throw bad('a "split" stream has no counter');
    return new SplitStream(key, state.partitionable);
  }
  if (state.stream === "fold_in") {
    const counter = state.counter;
    if (
      typeof counter !== "number" ||
      !Number.isInteger(counter) ||
      counter < 0 ||
      counter > MAX_COUNTER + 1
    ) {
      throw bad(`counter must be an integer in [0, 2^32], got ${JSON.stringify(counter)}`);
    }
    return new FoldInStream(key, counter, state.partitionable);
  }
  throw bad(`stream must be "split" or "fold_in", got ${JSON.stringify(state.stream)}`);
}
