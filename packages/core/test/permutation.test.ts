import { describe, expect, it } from "vitest";
import chi2gof from "@stdlib/stats-chi2gof";
import { key, split, keyAt } from "../src/index.js";
import { bits } from "../src/bits.js";
import { uniform } from "../src/samplers/uniform.js";
import { gumbel } from "../src/samplers/gumbel.js";
import { randint } from "../src/samplers/randint.js";
import { permutation, shuffleRounds } from "../src/samplers/permutation.js";
import { choice, searchSortedLeft, xlaCumsum } from "../src/samplers/choice.js";
import { topKIndices } from "../src/samplers/categorical.js";

// No JAX-printed permutation/choice values exist in the sources we cite (jax-ml/jax docstrings
// and tests, jax-js); these tests check our code against JAX's recipe done by hand.

const f = Math.fround;

/** Stable argsort of uint32 keys, as XLA's stable sort. */
function stableArgsort(keys: ArrayLike<number>): number[] {
  return Array.from({ length: keys.length }, (_, i) => i).sort(
    (a, b) => keys[a] - keys[b] || a - b,
  );
}

describe("permutation", () => {
  it("number of sort rounds: ceil(3 ln(n) / ln(2^32 - 1))", () => {
    expect([0, 1, 2, 1625, 1626, 2642245, 2642246].map(shuffleRounds)).toEqual([
      0, 0, 1, 1, 2, 2, 3,
    ]);
  });

  it("one round sorts arange(n) by bits(split(key)[1], (n,)), stably (ours vs the recipe by hand)", () => {
    for (const partitionable of [true, false]) {
      const k = key(42);
      const subkey = keyAt(split(k, 2, { partitionable }), 1);
      const sortKeys = bits(subkey, [100], "uint32", { partitionable }).data;
      const result = permutation(k, 100, 0, false, { partitionable });
      expect(result.dtype).toBe("int32");
      expect(Array.from(result.data)).toEqual(stableArgsort(sortKeys));
    }
  });

  it("two rounds for n > 1625: the second round re-sorts with keys from the split key's split", () => {
    const n = 2000;
    const [k1, s1] = [0, 1].map((i) => keyAt(split(key(3), 2), i));
    const s2 = keyAt(split(k1, 2), 1);
    const first = stableArgsort(bits(s1, [n]).data);
    const keys2 = bits(s2, [n]).data;
    const second = stableArgsort(keys2).map((i) => first[i]);
    expect(Array.from(permutation(key(3), n).data)).toEqual(second);
  });

  it("large arrays, both modes: the radix rounds equal the rounds by hand, 1-D and strided independent slices", () => {
    /** JAX's _shuffle by hand on an [outer, n, inner] array along its middle axis. */
    const byHand = (k: Uint32Array, shape: [number, number, number], partitionable: boolean) => {
      const [outer, n, inner] = shape;
      const size = outer * n * inner;
      let x = Array.from({ length: size }, (_, flat) => Math.floor(flat / inner) % n);
      let current = k;
      for (let round = shuffleRounds(size); round > 0; round--) {
        const keys = split(current, 2, { partitionable });
        current = keyAt(keys, 0);
        const sortKeys = bits(keyAt(keys, 1), [size], "uint32", { partitionable }).data;
        const next = x.slice();
        for (let o = 0; o < outer; o++) {
          for (let i = 0; i < inner; i++) {
            const at = (j: number) => (o * n + j) * inner + i;
            const order = stableArgsort(Array.from({ length: n }, (_, j) => sortKeys[at(j)]));
            order.forEach((j, t) => (next[at(t)] = x[at(j)]));
          }
        }
        x = next;
      }
      return x;
    };
    for (const partitionable of [true, false]) {
      const k = key(1234);
      const n = 30000;
      expect(Array.from(permutation(k, n, 0, false, { partitionable }).data)).toEqual(
        byHand(k, [1, n, 1], partitionable),
      );
      const grid = {
        dtype: "int32" as const,
        shape: [2, 5000, 3],
        data: Int32Array.from({ length: 30000 }, (_, flat) => Math.floor(flat / 3) % 5000),
      };
      expect(Array.from(permutation(k, grid, 1, true, { partitionable }).data)).toEqual(
        byHand(k, [2, 5000, 3], partitionable),
      );
    }
  }, 60_000);

  it("arrays: 1-D arrays are shuffled like arange; 2-D along an axis shares one permutation unless independent", () => {
    const k = key(8);
    const perm = Array.from(permutation(k, 4).data);
    const x = { dtype: "float32" as const, shape: [4], data: Float32Array.of(10, 20, 30, 40) };
    expect(Array.from(permutation(k, x).data)).toEqual(perm.map((i) => x.data[i]));
    const m = [
      [1, 2, 3, 4],
      [5, 6, 7, 8],
    ];
    const cols = permutation(k, m, 1);
    expect(cols.dtype).toBe("int32");
    expect(cols.shape).toEqual([2, 4]);
    expect(Array.from(cols.data)).toEqual([
      ...perm.map((i) => m[0][i]),
      ...perm.map((i) => m[1][i]),
    ]);
    // independent: sort keys of the whole (2, 4) shape, each row by its own keys.
    const subkey = keyAt(split(k, 2), 1);
    const keys = bits(subkey, [2, 4]).data;
    const ind = permutation(k, m, 1, true);
    const row0 = stableArgsort(keys.subarray(0, 4));
    const row1 = stableArgsort(keys.subarray(4, 8));
    expect(Array.from(ind.data)).toEqual([
      ...row0.map((i) => m[0][i]),
      ...row1.map((i) => m[1][i]),
    ]);
  });

  it("edge cases: n <= 1 and empty arrays; x64 gives int64; int NdArray scalar", () => {
    expect(Array.from(permutation(key(0), 1).data)).toEqual([0]);
    expect(permutation(key(0), 0).data.length).toBe(0);
    expect(permutation(key(0), -3).data.length).toBe(0);
    expect(permutation(key(0), 5, 0, false, { x64: true }).data).toBeInstanceOf(BigInt64Array);
    expect(
      Array.from(permutation(key(0), { dtype: "int32", shape: [], data: Int32Array.of(5) }).data),
    ).toEqual(Array.from(permutation(key(0), 5).data));
  });

  it("statistics: position of element 0 over many keys is uniform (chi-square)", () => {
    const counts = new Array<number>(8).fill(0);
    const keys = split(key(2024), 4000);
    for (let i = 0; i < 4000; i++)
      counts[Array.from(permutation(keyAt(keys, i), 8).data).indexOf(0)]++;
    expect(chi2gof(counts, new Array(8).fill(500)).pValue).toBeGreaterThan(1e-3);
  });

  it("errors", () => {
    expect(() => permutation(key(0), 2.5)).toThrow(
      /x must be an integer or at least 1-dimensional/,
    );
    expect(() => permutation(key(0), 5, 1)).toThrow(RangeError);
    expect(() => permutation(key(0), [1, 2], 0, 1 as never)).toThrow(TypeError);
    expect(() =>
      permutation(key(0), { dtype: "float32", shape: [], data: Float32Array.of(3) }),
    ).toThrow(TypeError);
  });
});

describe("choice", () => {
  it("uniform with replacement is randint(key, shape, 0, n), taken along axis", () => {
    const k = key(1);
    expect(Array.from(choice(k, 10, [6]).data)).toEqual(Array.from(randint(k, [6], 0, 10).data));
    const a = [
      [1, 2, 3],
      [4, 5, 6],
    ];
    const ind = Array.from(randint(k, [2, 2], 0, 3).data);
    const r = choice(k, a, [2, 2], true, undefined, 1);
    expect(r.shape).toEqual([2, 2, 2]);
    expect(Array.from(r.data)).toEqual([...ind.map((i) => a[0][i]), ...ind.map((i) => a[1][i])]);
    // x64: int64 indices from a 64-bit randint.
    expect(
      Array.from(choice(k, 10, [6], true, undefined, 0, undefined, { x64: true }).data),
    ).toEqual(Array.from(randint(k, [6], 0, 10, "int64").data));
  });

  it("uniform without replacement is the head of permutation(key, n)", () => {
    const perm = Array.from(permutation(key(4), 20).data);
    expect(Array.from(choice(key(4), 20, [2, 3], false).data)).toEqual(perm.slice(0, 6));
    expect(new Set(choice(key(4), 20, [20], false).data).size).toBe(20);
  });

  it("weighted with replacement: searchsorted(cumsum(p), total·(1 - u)) (ours vs the recipe by hand)", () => {
    const p = [0.1, 0.2, 0.3, 0.4];
    const u = uniform(key(6), [50]).data;
    const c = [f(0.1), f(f(0.1) + f(0.2))];
    c.push(f(c[1] + f(0.3)), f(f(c[1] + f(0.3)) + f(0.4)));
    const expected = Array.from(u, (x) => {
      const r = f(c[3] * f(1 - x));
      return c.findIndex((ci) => r <= ci);
    });
    expect(Array.from(choice(key(6), 4, [50], true, p).data)).toEqual(expected);
  });

  it("weighted without replacement: top-k of gumbel(key, (n,)) + log(p)", () => {
    const p = [0.1, 0.2, 0.3, 0.4];
    const g = gumbel(key(6), [4]).data;
    const expected = topKIndices(
      p.map((pi, i) => f(g[i] + f(Math.log(f(pi))))),
      3,
    );
    expect(Array.from(choice(key(6), 4, [3], false, p).data)).toEqual(expected);
  });

  it("XLA cumsum order: blocks of 16, recursive block scan; searchsorted scan halvings", () => {
    const values = Array.from({ length: 300 }, (_, i) => f(0.1 + i * 1e-3));
    const round = f;
    const ours = xlaCumsum(values, round);
    // Hand-computed tree: in-block prefix + exclusive prefix of block totals (17 of them > 16: recursive).
    const blockPrefix: number[] = [];
    const totals: number[] = [];
    for (let b = 0; b < 19; b++) {
      let acc = 0;
      for (let j = 0; j < 16; j++) {
        acc = f(acc + (b * 16 + j < 300 ? values[b * 16 + j] : 0));
        if (b * 16 + j < 300) blockPrefix.push(acc);
      }
      totals.push(acc);
    }
    const totalScan = xlaCumsum(totals, round);
    expect(Array.from(ours)).toEqual(
      blockPrefix.map((x, i) => (i < 16 ? x : f(x + totalScan[Math.floor(i / 16) - 1]))),
    );
    expect(Array.from(xlaCumsum([1, 2, 3], round))).toEqual([1, 3, 6]);
    expect(searchSortedLeft([1, 2, 2, 3], 2)).toBe(1);
    expect(searchSortedLeft([1, 2, 2, 3], 0)).toBe(0);
    expect(searchSortedLeft([1, 2, 2, 3], 3)).toBe(3);
    expect(searchSortedLeft([1, NaN], 5)).toBe(1);
  });

  it("statistics: weighted frequencies match p (chi-square), both threefry modes", () => {
    const p = [0.1, 0.2, 0.3, 0.4];
    for (const partitionable of [true, false]) {
      const draws = choice(key(31), 4, [40000], true, p, 0, undefined, { partitionable }).data;
      const counts = [0, 0, 0, 0];
      for (const d of draws) counts[Number(d)]++;
      expect(
        chi2gof(
          counts,
          p.map((q) => q * 40000),
        ).pValue,
      ).toBeGreaterThan(1e-3);
    }
  });

  it("zero draws return zeros of shape; p = 0 entries are never drawn", () => {
    const empty = choice(key(0), [1.5, 2.5], [0, 2]);
    expect(empty.shape).toEqual([0, 2]);
    expect(empty.dtype).toBe("float32");
    const r = choice(key(0), 3, [200], true, [0, 1, 0]).data;
    expect(Array.from(r).every((x) => x === 1)).toBe(true);
  });

  it("errors", () => {
    expect(() => choice(key(0), 5, 3 as never)).toThrow(
      /shape argument of choice must be an array/,
    );
    expect(() => choice(key(0), 0, [1])).toThrow(/a must be greater than 0/);
    expect(() => choice(key(0), 3, [4], false)).toThrow(/Cannot take a larger sample/);
    expect(() => choice(key(0), 3, [2], true, [0.5, 0.5])).toThrow(
      /p must be undefined or a 1D vector/,
    );
    expect(() => choice(key(0), 2.5, [2])).toThrow(TypeError);
    expect(() => choice(key(0), [1, 2], [2], true, undefined, 1)).toThrow(RangeError);
    expect(() => choice(key(0), 3, [2], 1 as never)).toThrow(TypeError);
  });
});

describe("choice without replacement from a large population (issue 15)", () => {
  it("the rank walk equals the full shuffle's head over many (n, count, key, mode), rounds 1 to 3", async () => {
    const { shuffledPrefix, prefixIsCheaper } = await import("../src/samplers/shuffled-prefix.js");
    const { shuffleIndices } = await import("../src/samplers/permutation.js");
    const cases: [number, number, number][] = [
      // [n, count, seed]: odd and even n (legacy pads odd ones), 1 to 3 rounds.
      [1, 1, 0],
      [17, 5, 1],
      [1000, 40, 2],
      [300000, 1, 3],
      [300001, 7, 4],
      [300001, 14, 5],
      [1000000, 25, 6],
      [1000001, 3, 7],
      [2642246, 3, 8],
      // Many ranks: their windows would keep too many pairs, so each round takes two passes.
      [1000000, 300, 9],
      [300001, 500, 10],
    ];
    for (const partitionable of [true, false]) {
      for (const [n, count, seed] of cases) {
        const full = shuffleIndices(key(seed), [n], 0, partitionable);
        expect(Array.from(shuffledPrefix(key(seed), n, count, partitionable))).toEqual(
          Array.from(full.subarray(0, count)),
        );
      }
    }
    // The cases above from n = 300,000 on take the rank walk, not the full shuffle.
    expect(cases.filter(([n, count]) => prefixIsCheaper(n, count)).length).toBe(8);
  }, 120_000);

  it("positionsOfRanks inverts a stable sort for any keys: ties, few distinct values, ranks far from where uniform keys put them", async () => {
    const { positionsOfRanks } = await import("../src/samplers/shuffled-prefix.js");
    const n = 300000;
    let state = 99;
    const next = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0);
    const keySets: [string, Uint32Array][] = [
      ["uniform", Uint32Array.from({ length: n }, next)],
      [
        "four values",
        Uint32Array.from({ length: n }, () => [0, 7, 2 ** 31, 2 ** 32 - 1][next() % 4]),
      ],
      ["skewed", Uint32Array.from({ length: n }, () => (next() >>> 9) * (next() % 3))],
      ["equal", new Uint32Array(n).fill(123456789)],
    ];
    for (const [, keys] of keySets) {
      const inverse = stableArgsort(keys);
      const few = Float64Array.of(0, 1, 2, 1000, 150000, 299998, 299999);
      // 2,000 ranks: too many windows, so the second pass keeps only the ranks' buckets.
      const many = Float64Array.from({ length: 2000 }, (_, i) => (i * 149) % n);
      const visitKeys = (visit: (words: Int32Array, length: number, first: number) => void) => {
        const words = new Int32Array(keys.buffer);
        // Out of order chunks, as legacy mode visits them.
        visit(words.subarray(n / 2), n / 2, n / 2);
        visit(words.subarray(0, n / 2), n / 2, 0);
      };
      for (const ranks of [few, many]) {
        expect(Array.from(positionsOfRanks(visitKeys, n, ranks))).toEqual(
          Array.from(ranks, (r) => inverse[r]),
        );
      }
    }
  }, 60_000);

  it("choice(n, size, false) is permutation(n)[:size] on the same key, both paths", () => {
    for (const [n, size] of [
      [300000, 5],
      [64, 20],
    ]) {
      expect(Array.from(choice(key(9), n, [size], false).data)).toEqual(
        Array.from(permutation(key(9), n).data.subarray(0, size)),
      );
    }
  });

  it("refuses a population int32 cannot index (JAX's indices are int32 without x64)", () => {
    expect(() => choice(key(0), 1e10, [3], false)).toThrow(
      /choice: without replacement, a population of 10000000000 cannot be indexed/,
    );
  });
});

describe("the stable radix sort of the shuffle rounds", () => {
  it("orders positions exactly as a comparison sort by (key, position), ties included", async () => {
    const { StableKeySorter } = await import("../src/radix-sort.js");
    for (const [n, range] of [
      [10, 2 ** 32],
      [5000, 2 ** 32],
      [20000, 7],
      [70000, 2 ** 20],
    ]) {
      const keys = new Uint32Array(n);
      let state = 12345;
      for (let i = 0; i < n; i++) {
        state = (Math.imul(state, 1103515245) + 12345) >>> 0;
        keys[i] = Math.floor((state / 2 ** 32) * range);
      }
      const order = new Int32Array(n);
      new StableKeySorter(n).sort(keys, order);
      const expected = Int32Array.from({ length: n }, (_, i) => i).sort(
        (a, b) => keys[a] - keys[b] || a - b,
      );
      expect(Array.from(order)).toEqual(Array.from(expected));
    }
  });
});

describe("the stable radix sort of values by keys", () => {
  it("sortValues moves each value with its key, ties in input order, in place or not", async () => {
    const { StableKeySorter } = await import("../src/radix-sort.js");
    for (const [n, range] of [
      [100, 5],
      [6000, 2 ** 32],
      [50000, 3],
      [50000, 2 ** 32],
    ]) {
      const keys = new Uint32Array(n);
      const values = new Int32Array(n);
      let state = 777;
      for (let i = 0; i < n; i++) {
        state = (Math.imul(state, 1103515245) + 12345) >>> 0;
        keys[i] = Math.floor((state / 2 ** 32) * range);
        values[i] = (state ^ 0x5bd1e995) | 0;
      }
      const expected = Int32Array.from({ length: n }, (_, i) => i)
        .sort((a, b) => keys[a] - keys[b] || a - b)
        .map((i) => values[i]);
      const sorter = new StableKeySorter(n);
      const out = new Int32Array(n);
      const keysBefore = keys.slice();
      sorter.sortValues(keys, values, out);
      expect(Array.from(out)).toEqual(Array.from(expected));
      expect(keys).toEqual(keysBefore);
      sorter.sortValues(keys, values, values);
      expect(Array.from(values)).toEqual(Array.from(expected));
    }
  }, 60_000);
});

describe("nested JavaScript arrays", () => {
  it("are read as JAX reads a Python list: integers int32, else float32; int64 and float64 with x64", () => {
    const k = key(0);
    expect(permutation(k, [3, 1, 2]).dtype).toBe("int32");
    expect(permutation(k, [3, 1, 2], 0, false, { x64: true }).dtype).toBe("int64");
    expect(permutation(k, [0.5, 1, 2]).dtype).toBe("float32");
    expect(permutation(k, [0.1, 1, 2]).data).toContain(Math.fround(0.1));
    expect(permutation(k, [0.5, 1, 2], 0, false, { x64: true }).dtype).toBe("float64");
    expect(() => permutation(k, [2 ** 31, 1])).toThrow(RangeError);
    expect(choice(k, [1, 2, 3], [2]).dtype).toBe("int32");
  });
});
