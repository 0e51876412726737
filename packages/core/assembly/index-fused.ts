// The same kernels as index.ts, built with WebAssembly relaxed SIMD, whose
// fused multiply-adds are `relaxed_madd`: the float32 normal recipe on four
// float32 lanes (normal-fused.ts), and a kernel of its own, float32 gamma for
// one shape parameter (gamma.ts). scripts/build-wasm.mjs compiles this file
// too; src/wasm-kernels.ts loads it where the engine validates it and fuses.

export * from "./threefry";
export { integersPointer, randint32Progression, randint32Words } from "./randint";
export { fusedMultiplyAddProbe, normalFloat32 } from "./normal-fused";
export {
  GAMMA_CHUNK,
  gammaFloat32,
  gammaFlagsPointer,
  gammaKeysPointer,
  gammaSamplesPointer,
} from "./gamma";
