import { describe, expect, it } from "vitest";
import { bits, key } from "../src/index.js";
import { stableOrderByKeys } from "../src/stable-sort.js";

/** The reference: Array.prototype.sort, stable since ES2019, by key then index. */
function referenceOrder(keys: Uint32Array): number[] {
  return Array.from(keys.keys()).sort((a, b) => keys[a] - keys[b] || a - b);
}

describe("stableOrderByKeys", () => {
  it.each([
    ["distinct keys", 0xffffffff],
    ["many ties (keys of 4 bits)", 0xf],
    ["ties in the high byte only", 0xff000000],
  ])("%s: the order of a stable comparison sort, 100,003 keys", (_, mask) => {
    const keys = bits(key(4), [100_003]).data.map((k) => k & mask);
    const order = new Int32Array(keys.length);
    stableOrderByKeys(keys, order, new Int32Array(keys.length));
    expect(Array.from(order)).toEqual(referenceOrder(keys));
  });

  it("handles 0 and 1 keys", () => {
    const one = new Int32Array(1);
    stableOrderByKeys(Uint32Array.of(7), one, new Int32Array(1));
    expect(Array.from(one)).toEqual([0]);
    stableOrderByKeys(new Uint32Array(0), new Int32Array(0), new Int32Array(0));
  });
});
