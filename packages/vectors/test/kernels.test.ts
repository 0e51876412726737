/**
 * Both Threefry kernels on the golden vectors' calls: every value case gives
 * the same result, bit for bit, with every hash sent to the WebAssembly SIMD
 * kernel (even a single pair) as with the JavaScript kernel only (and a call
 * that throws throws with both). The vectors are small; the kernels are
 * compared with each other on large arrays in @jrng/core's tests, and the
 * results with the vectors' expected arrays in vectors.test.ts and the
 * conformance kit.
 */
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { setWasmKernelsEnabled, setWasmMinimumPairs } from "@jrng/core/internal";
import { allCases, isErrorCase, loadVectorFiles, runCall } from "../src/index.js";

const VECTORS = fileURLToPath(new URL("../../../vectors", import.meta.url));
const cases = allCases(loadVectorFiles(VECTORS).map(({ file }) => file)).flatMap(({ testCase }) =>
  isErrorCase(testCase) ? [] : [testCase],
);

const defaultMinimum = setWasmMinimumPairs(1);
afterAll(() => {
  setWasmMinimumPairs(defaultMinimum);
  setWasmKernelsEnabled(true);
});

/** Each result's dtype, shape and bytes (bit patterns), or the error a call threw. */
function run(call: Parameters<typeof runCall>[0], wasm: boolean): unknown {
  setWasmKernelsEnabled(wasm);
  try {
    return runCall(call).map((result) => {
      if (!ArrayBuffer.isView(result.data)) return result;
      const { buffer, byteOffset, byteLength } = result.data;
      return { dtype: result.dtype, shape: result.shape, bytes: new Uint8Array(buffer, byteOffset, byteLength) };
    });
  } catch (error) {
    return { threw: String(error) };
  }
}

describe("golden vector calls", () => {
  it(`give the same bits with the WebAssembly kernel on every hash as with the JavaScript kernel (${cases.length} cases)`, () => {
    const differing: string[] = [];
    let computed = 0;
    for (const testCase of cases) {
      const [wasm, javascript] = [run(testCase.call, true), run(testCase.call, false)];
      if (!(wasm as { threw?: string }).threw) computed++;
      try {
        expect(wasm).toEqual(javascript);
      } catch {
        differing.push(testCase.id);
      }
    }
    expect(differing).toEqual([]);
    // Almost every case computes (a handful may throw where the committed vectors are older than the reference).
    expect(computed).toBeGreaterThan(cases.length * 0.9);
  }, 120_000);
});
