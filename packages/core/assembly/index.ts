// The WebAssembly SIMD kernels, one module: Threefry-2x32 hashing with the
// float32 uniform step (threefry.ts), int32 randint fused with its hashes
// (randint.ts), and the float32 normal recipe (normal.ts).
// scripts/build-wasm.mjs compiles this file.

export * from "./threefry";
export { integersPointer, randint32Progression, randint32Words } from "./randint";
export { normalFloat32 } from "./normal";
