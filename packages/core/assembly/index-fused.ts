// The same kernels as index.ts, built with WebAssembly relaxed SIMD: the
// float32 normal recipe takes its fused multiply-adds from `relaxed_madd`
// (normal-fused.ts). scripts/build-wasm.mjs compiles this file too;
// src/wasm-kernels.ts loads it where the engine validates it and fuses.

export * from "./threefry";
export { integersPointer, randint32Progression, randint32Words } from "./randint";
export { fusedMultiplyAddProbe, normalFloat32 } from "./normal-fused";
