import { describe, expect, it } from "vitest";
import { bits, key } from "../src/index.js";
import { stableSortByKeys } from "../src/stable-sort.js";

/** The reference: Array.prototype.sort, stable since ES2019, by key. */
function referenceSort(keys: Uint32Array, values: Int32Array): [number[], number[]] {
  const order = Array.from(keys.keys()).sort((a, b) => keys[a] - keys[b]);
  return [order.map((i) => keys[i]), order.map((i) => values[i])];
}

describe("stableSortByKeys", () => {
  it.each([
    ["distinct keys", 0xffffffff],
    ["many ties (keys of 4 bits)", 0xf],
    ["ties in the high byte only", 0xff000000],
  ])("%s: the order of a stable comparison sort, 100,003 keys", (_, mask) => {
    const keys = bits(key(4), [100_003]).data.map((k) => k & mask);
    const values = Int32Array.from(bits(key(5), [100_003]).data);
    const [expectedKeys, expectedValues] = referenceSort(keys, values);
    stableSortByKeys(keys, values, new Uint32Array(keys.length), new Int32Array(keys.length));
    expect(Array.from(keys)).toEqual(expectedKeys);
    expect(Array.from(values)).toEqual(expectedValues);
  });

  it("handles 0 and 1 keys", () => {
    const one = Int32Array.of(9);
    stableSortByKeys(Uint32Array.of(7), one, new Uint32Array(1), new Int32Array(1));
    expect(Array.from(one)).toEqual([9]);
    stableSortByKeys(new Uint32Array(0), new Int32Array(0), new Uint32Array(0), new Int32Array(0));
  });
});
