/**
 * Both Threefry kernels against the golden vectors: every value case, with
 * every hash sent to the WebAssembly SIMD kernel (even a single pair), then
 * with the JavaScript kernel only. The vectors are small; the kernels are
 * compared with each other on large arrays in @jrng/core's tests.
 */
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { setWasmKernelsEnabled, setWasmMinimumPairs } from "@jrng/core/internal";
import { allCases, compareArray, isErrorCase, loadVectorFiles, runCall, type ExpectedArray } from "../src/index.js";

const VECTORS = fileURLToPath(new URL("../../../vectors", import.meta.url));
const cases = allCases(loadVectorFiles(VECTORS).map(({ file }) => file)).flatMap(({ testCase }) =>
  isErrorCase(testCase) ? [] : [testCase],
);

const defaultMinimum = setWasmMinimumPairs(1);
afterAll(() => {
  setWasmMinimumPairs(defaultMinimum);
  setWasmKernelsEnabled(true);
});

describe.each([
  ["the WebAssembly kernel on every hash", true],
  ["the JavaScript kernel only", false],
] as const)("golden vectors with %s", (_, wasm) => {
  it(`every value case matches (${cases.length} cases)`, () => {
    setWasmKernelsEnabled(wasm);
    const failures: string[] = [];
    for (const testCase of cases) {
      const expected = ([] as ExpectedArray[]).concat(testCase.expected);
      const results = runCall(testCase.call);
      expected.forEach((want, i) => {
        const mismatch = compareArray(want, results[results.length - expected.length + i], testCase.compare);
        if (mismatch) failures.push(`${testCase.id}: ${mismatch.reason}`);
      });
    }
    expect(failures).toEqual([]);
  });
});
