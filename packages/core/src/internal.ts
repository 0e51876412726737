/**
 * `@jrng/core/internal`: the building blocks under the public API — checked
 * kernels, parameter broadcasting, float helpers — for the other jrng
 * packages (`jrng`, `@jrng/vectors`, `@jrng/conformance`). Not covered by
 * semver: it changes with the packages that use it.
 *
 * @packageDocumentation
 */
export * from "./params.js";
export * from "./float.js";
export * from "./random-words.js";
export * from "./validate.js";
export { checkKey } from "./keys.js";
export { isPartitionable } from "./options.js";
export { allocate, shapeSize } from "./ndarray.js";
export { fillBits, legacyRandomWords, LEGACY_BLOCK_WORDS } from "./bits.js";
export { splitWords } from "./split.js";
export { threefry2x32Progression } from "./threefry.js";
export { uniformKernel, unitFloats } from "./samplers/uniform.js";
export { eigh } from "./linalg.js";
export { mathIn, type XlaCpuMath } from "./xla-math/by-dtype.js";
export { eagerExp } from "./xla-math/eager-exp.js";
export { checkIntegerDType, INTEGER_INFO } from "./samplers/randint.js";
export { unitFloat32Into, randint32Into } from "./bulk.js";
export { normalFloat32Into } from "./samplers/normal.js";
export {
  setRelaxedSimdEnabled,
  setWasmKernelsEnabled,
  setWasmMinimumPairs,
  wasmKernelBuild,
  type WasmKernelBuild,
} from "./wasm-kernels.js";
export * from "./input.js";
export { SLICE_OPTION_KEYS, THREEFRY_OPTION_KEYS } from "./options.js";
export { shuffleIndices } from "./samplers/permutation.js";
export { shuffledPrefix } from "./samplers/shuffled-prefix.js";
