// The WebAssembly SIMD kernels, one module: Threefry-2x32 hashing with the
// float32 uniform and int32 randint steps (threefry.ts), and the float32
// normal recipe (normal.ts). scripts/build-wasm.mjs compiles this file.

export * from "./threefry";
export { normalFloat32 } from "./normal";
