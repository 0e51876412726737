/**
 * `@jrng/conformance`: check any implementation against the jrng golden
 * vectors — in process through the {@link Adapter} interface, or in another
 * language over the JSON Lines protocol — and report per area, function and
 * tier in the terminal, as JSON and as JUnit XML.
 *
 * @packageDocumentation
 */
export {
  AdapterFault,
  TIERS,
  type Adapter,
  type FaultKind,
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
export { serveAdapter, type Request, type Response } from "./protocol.js";
export {
  CLOSE_GRACE_MS,
  DEFAULT_START_TIMEOUT_MS,
  DEFAULT_TIMEOUT_MS,
  parseCommand,
  ProcessAdapter,
  TERMINATE_GRACE_MS,
  type ProcessAdapterOptions,
} from "./process-adapter.js";
export {
  formatCall,
  formatMethodCall,
  formatProvenance,
  summarizeProvenance,
  type ProvenanceSummary,
} from "./describe.js";
export { explainCase, findCase } from "./explain.js";
export {
  allSections,
  formatSection,
  functionSection,
  methodSection,
  type SpecSection,
} from "./spec-sections.js";
export {
  buildReport,
  formatFailure,
  formatJUnitReport,
  formatTerminalReport,
  TERMINAL_FAILURE_LIMIT,
  type ConformanceReport,
  type ReportDetails,
  type StatisticalResult,
  type Tally,
} from "./report.js";
export {
  comparable,
  runCase,
  runConformance,
  skipReason,
  specSectionOf,
  subjectOf,
  tierOf,
  withTimeout,
  type CallRecord,
  type CaseResult,
  type RunOptions,
  type RunResult,
  type Verdict,
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
