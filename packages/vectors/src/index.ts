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
  runCall,
  type ProgressListener,
} from "./generate.js";
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
export { main, renderAll, type Output } from "./cli.js";
