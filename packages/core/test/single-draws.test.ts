import { describe, expect, it } from "vitest";
import { bits, split } from "../src/index.js";
import { normal } from "../src/samplers/normal.js";
import { uniform } from "../src/samplers/uniform.js";
import { bits32Of, normalOf, splitKeyInto, unitFloatOf } from "../src/single-draws.js";

/** Keys from a spread of seeds, including words with the top bit set. */
const KEYS: [number, number][] = [
  [0, 0],
  [0, 42],
  [0xffffffff, 0xffffffff],
  [0x80000000, 1],
  [123456789, 0xdeadbeef],
  ...Array.from({ length: 40 }, (_, i): [number, number] => [
    Math.imul(i + 1, 0x9e3779b9) >>> 0,
    Math.imul(i + 7, 0x85ebca6b) >>> 0,
  ]),
];

describe("single draws equal the array draws of the same call", () => {
  for (const partitionable of [true, false]) {
    const mode = partitionable ? "partitionable" : "legacy";
    const options = { partitionable };

    it(`${mode}: splitKeyInto is split(key, n) for n = 1 … 5`, () => {
      const out = new Uint32Array(10);
      for (const words of KEYS) {
        for (let n = 1; n <= 5; n++) {
          splitKeyInto(words[0], words[1], n, partitionable, out);
          expect(Array.from(out.subarray(0, 2 * n))).toEqual(
            Array.from(split(Uint32Array.from(words), n, options).data),
          );
        }
      }
    });

    it(`${mode}: bits32Of is bits(key, [])`, () => {
      for (const words of KEYS) {
        expect(bits32Of(words[0], words[1], partitionable)).toBe(
          bits(Uint32Array.from(words), [], "uint32", options).data[0],
        );
      }
    });

    it(`${mode}: unitFloatOf and normalOf are uniform and normal of shape [], both dtypes`, () => {
      for (const dtype of ["float32", "float64"] as const) {
        for (const words of KEYS) {
          const k = Uint32Array.from(words);
          expect(unitFloatOf(words[0], words[1], dtype, partitionable)).toBe(
            uniform(k, [], dtype, 0, 1, options).data[0],
          );
          expect(normalOf(words[0], words[1], dtype, partitionable)).toBe(
            normal(k, [], dtype, options).data[0],
          );
        }
      }
    });
  }
});
