/**
 * Comparing @jrng/core's WebAssembly kernels with its JavaScript routines.
 *
 * @module
 */
import { setWasmKernelsEnabled } from "../../src/wasm-kernels.js";

/** The same computation with the WebAssembly kernels off and on: `[javascript, wasm]`. */
export function bothPaths<T>(compute: () => T): [T, T] {
  setWasmKernelsEnabled(false);
  const javascript = compute();
  setWasmKernelsEnabled(true);
  return [javascript, compute()];
}

/** Whether two typed arrays hold the same bytes (NaN payloads and signed zeros included). */
export function sameBits(a: ArrayBufferView, b: ArrayBufferView): boolean {
  return (
    a.constructor === b.constructor &&
    Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(
      Buffer.from(b.buffer, b.byteOffset, b.byteLength),
    )
  );
}
