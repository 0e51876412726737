/**
 * `@jrng/conformance`: check any implementation against the jrng golden
 * vectors — in process through the {@link Adapter} interface, or in another
 * language over the JSON Lines protocol — and report per area, function and
 * tier in the terminal, as JSON and as JUnit XML.
 *
 * @packageDocumentation
 */
export {
  TIERS,
  type Adapter,
  type CallOutcome,
  type Capabilities,
  type ResultArray,
  type Tier,
} from "./adapter.js";
export {
  adapterFromFunctions,
  errorOutcome,
  referenceAdapter,
  toResult,
  type SyncImplementation,
} from "./in-process.js";
export { ProcessAdapter, serveAdapter, type Request, type Response } from "./protocol.js";
export {
  buildReport,
  formatJUnitReport,
  formatTerminalReport,
  type ConformanceReport,
  type StatisticalResult,
  type Tally,
} from "./report.js";
export {
  comparable,
  runConformance,
  skipReason,
  subjectOf,
  tierOf,
  type CaseResult,
  type RunOptions,
} from "./runner.js";
export {
  FAMILY_ALPHA,
  runStatisticalTier,
  SAMPLE_SIZE,
  STATISTICAL_TESTS,
  type StatisticalOptions,
  type StatisticalTest,
  type Chi2Reference,
  type KsReference,
} from "./statistical.js";
export { jaxJsAdapter } from "./adapters/jax-js.js";
export { main } from "./cli.js";
