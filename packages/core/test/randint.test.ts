import { describe, expect, it } from "vitest";
import chi2gof from "@stdlib/stats-chi2gof";
import { foldIn, key, keyAt, split } from "../src/index.js";
import { randint, randintKernel } from "../src/samplers/randint.js";
import { bits } from "../src/bits.js";
import { adler32 } from "./support/jax-seeds.js";

const LEGACY = { partitionable: false } as const;

/** Exact integer matrix product of row-major int arrays. */
function matmul(a: ArrayLike<number>, b: ArrayLike<number>, n: number, k: number, m: number) {
  const out = new Array<number>(n * m).fill(0);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < k; j++)
      for (let l = 0; l < m; l++) out[i * m + l] += a[i * k + j] * b[j * m + l];
  return out;
}

describe("randint reproduces JAX", () => {
  it("legacy: testPRNGValues randint(key(0), (3, 3), 0, 8) int32 and int64 (x64)", () => {
    // jax-ml/jax tests/random_test.py@1b661b8949b424c083c345609dc2ee023416f1ea lines 388-398
    // (testPRNGValues, @skipIf(threefry_partitionable) at line 381: legacy mode).
    const int32 = randint(key(0), [3, 3], 0, 8, "int32", LEGACY);
    expect(int32.dtype).toBe("int32");
    expect(int32.shape).toEqual([3, 3]);
    expect(Array.from(int32.data)).toEqual([2, 1, 3, 6, 1, 5, 6, 3, 4]);
    const int64 = randint(key(0), [3, 3], 0, 8, "int64", LEGACY);
    expect(int64.data).toBeInstanceOf(BigInt64Array);
    expect(Array.from(int64.data, Number)).toEqual([7, 2, 6, 2, 1, 0, 6, 7, 7]);
  });

  it("legacy: _RANDOM_VALUES_CASES randint, minval 0, maxval 10, shape (5,), int32", () => {
    // jax-ml/jax tests/random_test.py@1b661b8949b424c083c345609dc2ee023416f1ea lines 168-169;
    // seed zlib.adler32(b"randintthreefry2x32") (RandomValuesCase._seed, lines 83-85). The int32
    // path of _randint is unchanged since (the 2025 change, 7a48ceee, only touches 8/16-bit dtypes).
    const result = randint(key(adler32("randintthreefry2x32")), [5], 0, 10, "int32", LEGACY);
    expect(Array.from(result.data)).toEqual([0, 5, 7, 7, 5]);
  });

  it("both modes: jnp.einsum docstring over three randint draws from split(key(0), 3)", () => {
    // Partitionable: jax-ml/jax jax/_src/numpy/einsum.py@d6c717d9f84b1e89365cbbba021ce1e6de4639db
    // lines 394-419 (doctested). Legacy: jax/_src/numpy/lax_numpy.py@9ba1fd2801c2f231bee548fa7430919546d1c69a
    // lines 9827-9852 (the parent of the commit that made partitionable the default).
    const expected = {
      true: [-754, 324, -142, 82, 50, 408, -50, 87, -29, 7],
      false: [-539, 216, 95, 592, 209, 527, 76, 285, -436, -529],
    };
    for (const partitionable of [true, false]) {
      const keys = split(key(0), 3, { partitionable });
      const draw = (i: number, shape: number[]) =>
        randint(keyAt(keys, i), shape, -5, 5, "int32", { partitionable }).data;
      const x = draw(0, [2, 3]);
      const y = draw(1, [3, 100]);
      const z = draw(2, [100, 5]);
      const result = matmul(matmul(x, y, 2, 3, 100), z, 2, 100, 5);
      expect(result).toEqual(expected[`${partitionable}`]);
    }
  });

  it("both modes: 1 + randint(key(72), (), 0, 10) from jax-ml/jax issue #21061", () => {
    // https://github.com/jax-ml/jax/issues/21061 (froystig, 2024-05-03): `f` (legacy default then)
    // printed 4 and `g` (under jax.threefry_partitionable(True)) printed 8.
    expect(randint(key(72), [], 0, 10, "int32", LEGACY).data[0] + 1).toBe(4);
    expect(randint(key(72), [], 0, 10).data[0] + 1).toBe(8);
  });

  it("partitionable: stateful_rng(123).spawn(2) children's integers(0, 10, 2)", () => {
    // jax-ml/jax jax/_src/random/stateful_rng.py@e6848a3eba0ab77530ef93a9c9b1b54fe7c390e3 lines 203-207
    // (doctested): [Array([4, 5]), Array([2, 1])]. spawn(2) = split(fold_in(key(123), 0), 2)
    // (rng.key(2), counter 0); each child's first draw uses fold_in(child, 0) (lines 103-110, 158-161).
    const children = split(foldIn(key(123), 0), 2);
    const draws = [0, 1].map((i) =>
      Array.from(randint(foldIn(keyAt(children, i), 0), [2], 0, 10).data),
    );
    expect(draws).toEqual([
      [4, 5],
      [2, 1],
    ]);
  });
});

describe("randint: structure, edge cases and statistics", () => {
  it("kernel equals JAX's two-draw modulus recipe done by hand (uint32 wraparound)", () => {
    for (const partitionable of [true, false]) {
      const [k1, k2] = [0, 1].map((i) => keyAt(split(key(5), 2, { partitionable }), i));
      const hi = bits(k1, [64], "uint32", { partitionable }).data;
      const lo = bits(k2, [64], "uint32", { partitionable }).data;
      const span = 1000003;
      const m0 = 65536 % span;
      const multiplier = Number((BigInt(m0) * BigInt(m0)) % 2n ** 32n) % span;
      const expected = Array.from(hi, (h, i) => {
        const offset =
          Number((BigInt(h % span) * BigInt(multiplier) + BigInt(lo[i] % span)) % 2n ** 32n) % span;
        return -7 + offset;
      });
      expect(
        Array.from(randint(key(5), [64], -7, span - 7, "int32", { partitionable }).data),
      ).toEqual(expected);
    }
  });

  it("8/16-bit dtypes are sampled as int32 and cast (JAX >= 0.7.2, 7a48ceee / a9dac116)", () => {
    const narrow = randint(key(3), [50], 0, 256, "uint8");
    const wide = randint(key(3), [50], 0, 256, "int32");
    expect(narrow.data).toBeInstanceOf(Uint8Array);
    expect(Array.from(narrow.data)).toEqual(Array.from(wide.data));
    expect(Array.from(randint(key(3), [50], -200, 200, "int8").data)).toEqual(
      Array.from(randint(key(3), [50], -128, 128, "int32").data),
    );
    // The native 8-bit kernel (JAX's _randint with an int8 dtype) stays available.
    expect(randintKernel(key(3), [4], "int8", [-5n], [5n], true)).toBeInstanceOf(Int8Array);
  });

  it("maxval above the dtype maximum widens the span; maxval <= minval gives minval; full 32-bit range", () => {
    const full = randint(key(9), [1000], 0, 2n ** 32n, "uint32").data;
    expect(Math.max(...full)).toBeGreaterThan(2 ** 31);
    expect(Array.from(randint(key(9), [5], 4, 4).data)).toEqual([4, 4, 4, 4, 4]);
    expect(Array.from(randint(key(9), [5], 4, -10).data)).toEqual([4, 4, 4, 4, 4]);
    const top = randint(key(9), [2000], 2 ** 31 - 4, 2 ** 40, "int32").data;
    expect(new Set(top)).toEqual(new Set([2 ** 31 - 4, 2 ** 31 - 3, 2 ** 31 - 2, 2 ** 31 - 1]));
    const unsignedAll = randint(key(9), [3], 0n, 2n ** 64n, "uint64");
    expect(unsignedAll.data).toBeInstanceOf(BigUint64Array);
    const int64 = randint(key(9), [200], -(2n ** 62n), 2n ** 62n, "int64").data;
    expect(int64.some((x) => x < -(2n ** 60n))).toBe(true);
    expect(int64.every((x) => x >= -(2n ** 62n) && x < 2n ** 62n)).toBe(true);
  });

  it("float bounds are truncated like astype(int); array bounds broadcast; zero size", () => {
    expect(Array.from(randint(key(2), [8], 0.9, 3.7).data)).toEqual(
      Array.from(randint(key(2), [8], 0, 3).data),
    );
    const r = randint(key(2), [2, 3], [[0], [100]], [10, 20, 30]);
    expect(
      Array.from(r.data).every((x, i) => (i < 3 ? x >= 0 && x < (i + 1) * 10 : x === 100)),
    ).toBe(true);
    expect(randint(key(2), [0, 5], 0, 10).data.length).toBe(0);
    expect(Array.from(randint(key(2), [4], NaN, 3).data).every((x) => x >= 0 && x < 3)).toBe(true);
  });

  it("statistics: chi-square uniformity for spans 10 and 37, both modes", () => {
    for (const partitionable of [true, false]) {
      for (const span of [10, 37]) {
        const draws = randint(key(2718), [37000], 0, span, "int32", { partitionable }).data;
        const counts = new Array<number>(span).fill(0);
        for (const d of draws) counts[d]++;
        expect(chi2gof(counts, new Array(span).fill(draws.length / span)).pValue).toBeGreaterThan(
          1e-3,
        );
      }
    }
  });

  it("errors", () => {
    expect(() => randint(key(0), [2], 0, 5, "float32" as never)).toThrow(
      /randint only accepts integer dtypes/,
    );
    expect(() => randint(key(0), [2], [0, 1, 2], 5)).toThrow(RangeError);
    expect(() => randint(key(0), [2], "0" as never, 5)).toThrow(TypeError);
    expect(() => randint(key(0), [2], 0, [[1], [2, 3]] as never)).toThrow(TypeError);
    expect(() =>
      randint(key(0), [2, 2], 0, [
        [1, 2],
        [[3], 4],
      ] as never),
    ).toThrow(/rectangular/);
    expect(() => randint(key(0), [-1], 0, 5)).toThrow(RangeError);
    expect(() => randint([0] as never, [1], 0, 5)).toThrow(TypeError);
  });
});
