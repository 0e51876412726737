import { describe, expect, it } from "vitest";
import { threefry2x32 } from "../src/index.js";
import { threefry2x32Progression } from "../src/threefry.js";

// Known answers for Threefry-2x32 with 20 rounds from Random123's kat_vectors
// (Salmon et al., SC'11), also asserted by JAX:
// jax-ml/jax tests/random_test.py@1b661b8 lines 210-231 (testThreefry2x32).
const KNOWN_ANSWERS = [
  {
    key: [0x00000000, 0x00000000],
    counter: [0x00000000, 0x00000000],
    out: [0x6b200159, 0x99ba4efe],
  },
  {
    key: [0xffffffff, 0xffffffff],
    counter: [0xffffffff, 0xffffffff],
    out: [0x1cb996fc, 0xbb002be7],
  },
  {
    key: [0x13198a2e, 0x03707344],
    counter: [0x243f6a88, 0x85a308d3],
    out: [0xc4923a9c, 0x483df7a0],
  },
];

describe("threefry2x32 (Random123 known answers)", () => {
  it.each(KNOWN_ANSWERS)("key $key, counter $counter", ({ key, counter, out }) => {
    expect(threefry2x32(key, counter)).toEqual(out);
  });

  it("accepts typed arrays for key and counter", () => {
    expect(
      threefry2x32(Uint32Array.of(0x13198a2e, 0x03707344), Uint32Array.of(0x243f6a88, 0x85a308d3)),
    ).toEqual([0xc4923a9c, 0x483df7a0]);
  });

  it("rejects a key or counter that is not two uint32 words", () => {
    expect(() => threefry2x32([1], [0, 0])).toThrow(TypeError);
    expect(() => threefry2x32([0, 0], [0, -1])).toThrow(/counter/);
    expect(() => threefry2x32([0, 2 ** 32], [0, 0])).toThrow(/key/);
  });
});

describe("threefry2x32Progression", () => {
  // jax-ml/jax tests/random_test.py@1b661b8 lines 233-242 (testThreefry2x32Large)
  // hashes many copies of the third known-answer counter; we do the same with
  // a zero step, for even and odd counts (the kernel hashes blocks in pairs).
  it.each([1, 2, 7, 1000, 4097])("hashes %i copies of one counter to the known answer", (count) => {
    const out0 = new Uint32Array(count);
    const out1 = new Uint32Array(count);
    threefry2x32Progression(
      0x13198a2e,
      0x03707344,
      0x243f6a88,
      0,
      0x85a308d3,
      0,
      count,
      out0,
      0,
      1,
      out1,
      0,
      1,
    );
    expect(out0.every((word) => word === 0xc4923a9c)).toBe(true);
    expect(out1.every((word) => word === 0x483df7a0)).toBe(true);
  });

  it("equals the one-block function at every position, with offsets, strides and wrap-around", () => {
    const count = 9;
    const out = new Uint32Array(40).fill(7);
    // Counters start near 2^32 so the low word wraps mid-run.
    threefry2x32Progression(5, 6, 2 ** 32 - 3, 1, 11, 3, count, out, 1, 4, out, 2, 4);
    for (let j = 0; j < count; j++) {
      const expected = threefry2x32([5, 6], [(2 ** 32 - 3 + j) % 2 ** 32, 11 + 3 * j]);
      expect([out[1 + 4 * j], out[2 + 4 * j]]).toEqual(expected);
      expect(out[4 * j]).toBe(7); // untouched between strides
    }
  });

  it("writes word0 ^ word1 when asked to xor", () => {
    const out = new Uint32Array(5);
    threefry2x32Progression(1, 2, 0, 0, 0, 1, 5, out, 0, 1, out, 0, 1, true);
    for (let j = 0; j < 5; j++) {
      const [y0, y1] = threefry2x32([1, 2], [0, j]);
      expect(out[j]).toBe((y0 ^ y1) >>> 0);
    }
  });
});
