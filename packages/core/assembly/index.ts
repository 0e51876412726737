// The WebAssembly SIMD kernels, one module: Threefry-2x32 hashing with the
// float32 uniform step (threefry.ts), int32 randint fused with its hashes
// (randint.ts), the float32 normal recipe on float64 lanes (normal.ts), and
// float32 gamma for one shape parameter (gamma.ts).
// scripts/build-wasm.mjs compiles this file.

export * from "./threefry";
export { integersPointer, randint32Progression, randint32Words } from "./randint";
export { normalFloat32 } from "./normal";
export { fusedMultiplyAddProbe } from "./xla-float32x4";
export {
  GAMMA_CHUNK,
  gammaFloat32,
  gammaFlagsPointer,
  gammaKeysPointer,
  gammaSamplesPointer,
} from "./gamma";
