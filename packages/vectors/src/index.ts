/**
 * `@jrng/vectors`: the golden-vector format, its JSON Schema, the reference
 * implementation's call registry, the generator and the `jrng-vectors` CLI.
 *
 * @packageDocumentation
 */
export * from "./format.js";
export {
  compareArray,
  decodeElements,
  describeRule,
  encodeArray,
  float32Hex,
  float64Hex,
  floatFromHex,
  flushSubnormal,
  isFloatDType,
  shortestDecimal,
  ulpDistance,
  type Mismatch,
} from "./encode.js";
export { allCases, loadVectorFiles, SCHEMA_PATH } from "./files.js";
export {
  AREAS,
  buildAll,
  buildArea,
  formatJson,
  GENERATOR_VERSION,
  jaxCalls,
  notExactRule,
  runCall,
  type BuildContext,
  type ProgressListener,
  type ReferenceGap,
} from "./generate.js";
export { NOT_EXACT_BOUNDS, boundFor } from "./bounds.js";
export {
  JAX_MODULE_PATH,
  runInJax,
  x64Of,
  type JaxHello,
  type JaxProgress,
  type JaxReply,
  type RunOptions,
} from "./jax-driver.js";
export { callKey, committedResults, liveResults, PRODUCED_BY, type JaxResults, type LiveOptions } from "./jax-results.js";
export { distance, notExactTable, renderNotExact, type NotExactRow } from "./not-exact.js";
export type { AreaSpec, CaseSpec, ErrorSpec, GroupSpec, JaxObservation } from "./cases/spec.js";
export {
  createGenerator,
  fromArg,
  FUNCTIONS,
  functionNames,
  KEYLESS_FUNCTIONS,
  METHODS,
  runFunctionCall,
  runMethodCall,
  toNdArray,
  type CoreFunction,
} from "./registry.js";
export { findJaxPython, main, renderAll, type Output } from "./cli.js";
