import { describe, expect, it } from "vitest";
import { bits, bitsInto, key, split, threefry2x32 } from "../src/index.js";
import { legacyRandomWords } from "../src/bits.js";

const LEGACY = { partitionable: false } as const;

describe("bits reproduces JAX", () => {
  // jax-ml/jax tests/random_test.py@1b661b8 lines 261-286 (testRngRandomBits,
  // legacy mode: skipped when threefry_partitionable is on). The uint64 row is
  // the jax_enable_x64 expectation.
  it.each([
    ["uint8", [216, 115, 43]],
    ["uint16", [41682, 1300, 55017]],
    ["uint32", [56197195, 4200222568, 961309823]],
  ] as const)("legacy: bits(key(1701), (3,), %s)", (dtype, expected) => {
    const result = bits(key(1701), [3], dtype, LEGACY);
    expect(result.dtype).toBe(dtype);
    expect(result.shape).toEqual([3]);
    expect(Array.from(result.data)).toEqual(expected);
  });

  it("legacy: bits(key(1701), (3,), uint64)", () => {
    expect(Array.from(bits(key(1701), [3], "uint64", LEGACY).data)).toEqual([
      3982329540505020460n,
      16822122385914693683n,
      7882654074788531506n,
    ]);
  });

  it("partitionable: bits(key(0)) and bits(key(10), (4,))", () => {
    // ekzhang/jax-js test/random.test.ts@f6cf3d3 lines 22-33, printed with JAX.
    const scalar = bits(key(0));
    expect(scalar.shape).toEqual([]);
    expect(Array.from(scalar.data)).toEqual([4070199207]);
    expect(Array.from(bits(key(10), [4]).data)).toEqual([
      169096361, 1572511259, 2689743692, 2228103506,
    ]);
  });
});

describe("bits layouts", () => {
  it("partitionable: element i is word0 ^ word1 of the block at counter (0, i)", () => {
    const result = bits(key(77), [2, 3]);
    for (let i = 0; i < 6; i++) {
      const [y0, y1] = threefry2x32([0, 77], [0, i]);
      expect(result.data[i]).toBe((y0 ^ y1) >>> 0);
    }
  });

  it("partitionable: 8/16-bit elements are the low bits of the 32-bit elements", () => {
    const wide = bits(key(5), [33]).data;
    expect(Array.from(bits(key(5), [33], "uint8").data)).toEqual(Array.from(wide, (w) => w & 0xff));
    expect(Array.from(bits(key(5), [33], "uint16").data)).toEqual(
      Array.from(wide, (w) => w & 0xffff),
    );
  });

  it("partitionable: 64-bit element i is word0 << 32 | word1", () => {
    const result = bits(key(5), [3], "uint64").data;
    for (let i = 0; i < 3; i++) {
      const [y0, y1] = threefry2x32([0, 5], [0, i]);
      expect(result[i]).toBe((BigInt(y0) << 32n) | BigInt(y1));
    }
  });

  it("partitionable: element i depends only on (key, i), whatever the shape", () => {
    const long = bits(key(9), [4099]).data;
    expect(bits(key(9), [17]).data).toEqual(long.slice(0, 17));
    expect(bits(key(9), [3, 5]).data).toEqual(long.slice(0, 15));
  });

  it("legacy: 8/16/32-bit results view the same words little-endian (JAX's view property)", () => {
    // The property asserted by jax-ml/jax tests/random_test.py@1b661b8
    // lines 334-347 (testRngRandomBitsViewProperty) for N = 10.
    const words = bits(key(1701), [20], "uint32", LEGACY).data;
    const halves = bits(key(1701), [40], "uint16", LEGACY).data;
    const bytes = bits(key(1701), [80], "uint8", LEGACY).data;
    for (let k = 0; k < 40; k++)
      expect(halves[k]).toBe((words[k >> 1] >>> (16 * (k & 1))) & 0xffff);
    for (let k = 0; k < 80; k++) expect(bytes[k]).toBe((words[k >> 2] >>> (8 * (k & 3))) & 0xff);
  });

  it("legacy: odd lengths pad the counter halves with one 0", () => {
    // threefry_2x32(key, iota(5)): halves (0, 1, 2) and (3, 4, 0 pad).
    const result = bits(key(3), [5], "uint32", LEGACY).data;
    const blocks = [
      threefry2x32([0, 3], [0, 3]),
      threefry2x32([0, 3], [1, 4]),
      threefry2x32([0, 3], [2, 0]),
    ];
    expect(Array.from(result)).toEqual([
      blocks[0][0],
      blocks[1][0],
      blocks[2][0],
      blocks[0][1],
      blocks[1][1],
    ]);
  });

  it("legacy: the length changes every element (no prefix stability)", () => {
    expect(bits(key(3), [6], "uint32", LEGACY).data.slice(0, 5)).not.toEqual(
      bits(key(3), [5], "uint32", LEGACY).data,
    );
  });

  it("legacy: uint64 element i is word[i] << 32 | word[size + i] of 2·size words", () => {
    const words = bits(key(8), [6], "uint32", LEGACY).data;
    const wide = bits(key(8), [3], "uint64", LEGACY).data;
    for (let i = 0; i < 3; i++)
      expect(wide[i]).toBe((BigInt(words[i]) << 32n) | BigInt(words[3 + i]));
  });

  it("legacy: past the block size, words come from split keys, block by block", () => {
    // JAX hashes at most 2^32 - 1 words per threefry_2x32 call; beyond that it
    // splits the key into blocks + 1 keys. A block size of 4 reaches that path.
    const blockWords = 4;
    const count = 11; // two full blocks and a remainder of 3
    const words = legacyRandomWords(0, 21, count, new Uint32Array(count), blockWords);
    const keys = split(key(21), 3, LEGACY).data;
    const block = (b: number, n: number) =>
      bits(keys.slice(2 * b, 2 * b + 2), [n], "uint32", LEGACY).data;
    expect(Array.from(words)).toEqual([...block(0, 4), ...block(1, 4), ...block(2, 3)]);
    // An exact multiple of the block size ends with an empty remainder.
    const exact = legacyRandomWords(0, 21, 8, new Uint32Array(8), blockWords);
    expect(Array.from(exact)).toEqual([...block(0, 4), ...block(1, 4)]);
  });

  it("legacy: below the block size, words are one threefry_2x32 call", () => {
    const words = legacyRandomWords(0, 21, 7, new Uint32Array(7));
    expect(words).toEqual(bits(key(21), [7], "uint32", LEGACY).data);
  });
});

describe("bits shapes, buffers and errors", () => {
  it.each([true, false])(
    "zero-size shapes give empty results (partitionable: %s)",
    (partitionable) => {
      for (const dtype of ["uint8", "uint16", "uint32", "uint64"] as const) {
        const result = bits(key(1), [3, 0], dtype, { partitionable });
        expect(result.shape).toEqual([3, 0]);
        expect(result.data.length).toBe(0);
      }
    },
  );

  it.each([true, false])(
    "bitsInto fills a caller's buffer exactly as bits (partitionable: %s)",
    (partitionable) => {
      const options = { partitionable };
      expect(bitsInto(key(4), new Uint32Array(1001), options)).toEqual(
        bits(key(4), [1001], "uint32", options).data,
      );
      expect(bitsInto(key(4), new Uint16Array(33), options)).toEqual(
        bits(key(4), [33], "uint16", options).data,
      );
      expect(bitsInto(key(4), new Uint8Array(33), options)).toEqual(
        bits(key(4), [33], "uint8", options).data,
      );
      expect(bitsInto(key(4), new BigUint64Array(5), options)).toEqual(
        bits(key(4), [5], "uint64", options).data,
      );
    },
  );

  it("bitsInto writes through subarray views without touching the rest", () => {
    const backing = new Uint32Array(10);
    bitsInto(key(4), backing.subarray(3, 8));
    expect(Array.from(backing.subarray(3, 8))).toEqual(Array.from(bits(key(4), [5]).data));
    expect([backing[2], backing[8]]).toEqual([0, 0]);
    const wide = new BigUint64Array(6);
    bitsInto(key(4), wide.subarray(1, 4));
    expect(Array.from(wide.subarray(1, 4))).toEqual(Array.from(bits(key(4), [3], "uint64").data));
  });

  it("rejects bad dtypes, shapes and buffers", () => {
    expect(() => bits(key(0), [3], "int8" as "uint8")).toThrow(
      /dtype must be one of "uint8", "uint16", "uint32", "uint64", got "int8"/,
    );
    expect(() => bits(key(0), [-1])).toThrow(/shape\[0\] must be an integer in \[0, /);
    expect(() => bits(key(0), [2 ** 20, 2 ** 20])).toThrow(RangeError);
    expect(() => bits(key(0), "3" as unknown as number)).toThrow(TypeError);
    expect(() => bitsInto(key(0), new Int32Array(3) as unknown as Uint32Array)).toThrow(
      /out must be/,
    );
    expect(() => bits(split(key(0), 2))).toThrow(/bits accepts a single key/);
  });
});
