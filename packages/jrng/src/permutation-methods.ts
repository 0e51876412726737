/**
 * `JRNG`'s sampling from arrays: `choice`, `permutation`, `shuffle` and `permuted`, on JAX's
 * rounds of sorting by random keys.
 *
 * @module
 */
import type { Array as JaxArray } from "@jax-js/jax";
import { choice, permutation, type NdArray } from "@jrng/core";
import { describe } from "@jrng/core/internal";
import { checkWritable, toNdArray, writeBack, type ArrayInput } from "./arrays.js";
import { asParam, checkDomain } from "./sampling.js";
import { outputShape, param, type ParamLike, type Size } from "./size.js";
import { CountMethods } from "./count-methods.js";

/** Sampling from arrays and permuting them. */
export abstract class PermutationMethods extends CountMethods {
  /**
   * A random sample from `a`, as NumPy's `choice` and JAX's
   * `choice(key, a, shape, replace, p, axis)`.
   *
   * @param a - an array to sample from along `axis`, or an integer `n` for `arange(n)`.
   * @param size - output shape (default one value).
   * @param replace - with replacement (default true).
   * @param p - probabilities of each entry (default uniform); must sum to 1.
   * @param axis - the axis of `a` to sample along (default 0).
   * @param shuffle - accepted for NumPy compatibility; the sample is always in JAX's order.
   * @throws RangeError for `p` that is negative, does not sum to 1, or has the wrong length.
   */
  choice(
    a: ArrayInput | number,
    size?: Size,
    replace = true,
    p?: ParamLike | null,
    axis = 0,
    shuffle = true,
  ): JaxArray {
    if (typeof shuffle !== "boolean")
      throw new TypeError(`shuffle must be true or false, got ${describe(shuffle)}`);
    // Checked here too: with an integer `a` the sampler never reads it.
    if (typeof axis !== "number" || !Number.isInteger(axis))
      throw new TypeError(`axis must be an integer, got ${describe(axis)}`);
    const source = typeof a === "number" ? a : toNdArray("a", a);
    const shape = size === undefined || size === null ? [] : outputShape("choice", size);
    let probabilities: NdArray | undefined;
    if (p !== undefined && p !== null) {
      const read = param("p", p);
      checkDomain("choice", "p", read.data, (x) => x < 0, "probabilities are not non-negative");
      const total = read.data.reduce((s, x) => s + x, 0);
      if (Math.abs(total - 1) > 1e-8)
        throw new RangeError(`choice: probabilities do not sum to 1 (got ${total})`);
      probabilities = asParam(read.data, read.shape, this.pythonFloat);
    }
    return this.draw((key, partitionable) =>
      choice(key, source, shape, replace, probabilities, axis, "low", {
        partitionable,
        x64: this.x64,
      }),
    );
  }

  /**
   * A randomly permuted copy of `x` along `axis`, or a permuted `arange(x)`
   * for an integer, as NumPy's `permutation` and JAX's
   * `permutation(key, x, axis, independent=False)`.
   *
   * @param x - an integer `n`, or an array.
   * @param axis - the axis to permute (default 0).
   */
  permutation(x: ArrayInput | number, axis = 0): JaxArray {
    const source = typeof x === "number" ? x : toNdArray("x", x);
    return this.draw((key, partitionable) =>
      permutation(key, source, axis, false, { partitionable, x64: this.x64 }),
    );
  }

  /**
   * NumPy's `shuffle`, for immutable arrays: returns `x` shuffled along
   * `axis` (the same values {@link JRNG.permutation} gives). jax-js arrays
   * cannot be changed in place; a JavaScript array or typed array given as
   * `x` is also overwritten with the result, as NumPy does.
   *
   * @param x - the array to shuffle.
   * @param axis - the axis to shuffle along (default 0).
   * @throws TypeError if `x` holds a frozen or read-only array (checked before anything is written or consumed).
   */
  shuffle(x: ArrayInput, axis = 0): JaxArray {
    const source = toNdArray("x", x);
    checkWritable("x", x);
    const { subkey, next } = this.keyStream.next();
    const result = permutation(subkey, source, axis, false, {
      partitionable: this.partitionable,
      x64: this.x64,
    });
    const array = this.backend.toArray(result);
    writeBack(x, result);
    this.keyStream = next;
    return array;
  }

  /**
   * `x` with every slice along `axis` permuted independently, as NumPy's
   * `permuted` and JAX's `permutation(key, x, axis, independent=True)`;
   * with `axis` omitted, the flattened array is permuted.
   *
   * @param x - the array.
   * @param axis - the axis (default: the flattened array).
   */
  permuted(x: ArrayInput, axis?: number | null): JaxArray {
    const source = toNdArray("x", x);
    const flat = axis === undefined || axis === null;
    const input = flat ? { ...source, shape: [source.data.length] } : source;
    return this.draw((key, partitionable) => {
      const result = permutation(key, input, flat ? 0 : axis, true, {
        partitionable,
        x64: this.x64,
      });
      return flat ? { ...result, shape: source.shape } : result;
    });
  }
}
