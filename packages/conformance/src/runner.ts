/**
 * The runner: every case of the vectors against an adapter, compared under
 * each case's rule, skipped where the implementation declares it lacks what
 * the case needs.
 *
 * @module
 */
import {
  compareArray,
  describeRule,
  floatFromHex,
  isErrorCase,
  isFloatDType,
  isGeneratorCall,
  type CompareRule,
  type ErrorCase,
  type ExpectedArray,
  type FunctionCall,
  type GeneratorCall,
  type Mismatch,
  type ValueCase,
  type VectorCase,
  type VectorFile,
} from "@jrng/vectors";
import {
  AdapterFault,
  type Adapter,
  type CallOutcome,
  type Capabilities,
  type ResultArray,
  type Tier,
} from "./adapter.js";
import { DEFAULT_TIMEOUT_MS } from "./process-adapter.js";
import {
  DOMAIN_CHECK_SECTION,
  FAILED_CALL_SECTION,
  formatSection,
  functionSection,
  methodSection,
  STREAM_SECTION,
  type SpecSection,
} from "./spec-sections.js";

/** The outcome of one case. */
export interface CaseResult {
  id: string;
  area: string;
  /** The function or method the case exercises (`stream:split` for generator sequences). */
  subject: string;
  tier: Tier;
  status: "passed" | "failed" | "skipped";
  /** Why it failed or was skipped. */
  reason?: string;
  /** For failed comparisons: the first differing element. */
  mismatch?: Mismatch;
  /** Which call of a generator sequence failed (0-based). */
  callIndex?: number;
  /** Failed cases: the call, with its arguments, as the vectors state it. */
  call?: FunctionCall | GeneratorCall;
  /** Failed value cases: the comparison rule and its bound, as text (`≤ 4 ulp`). */
  rule?: string;
  /** Failed cases: the section of the specification to read (`spec/methods.md §5.4 Normal family`). */
  spec?: string;
}

/** Options of a run. */
export interface RunOptions {
  /** Run only cases whose id contains this text, matches this expression or passes this test. */
  filter?: string | RegExp | ((id: string) => boolean);
  /**
   * Fail a call that takes longer than this many milliseconds (default
   * {@link DEFAULT_TIMEOUT_MS}); adapters that time out themselves
   * ({@link Adapter.timesOutItself}) use their own setting.
   */
  timeoutMs?: number;
  /**
   * Stop the run after this many consecutive cases in a row end in a time-out
   * or a protocol error (default 3): the adapter has stopped answering.
   */
  maxConsecutiveFaults?: number;
  /** Called after each case. */
  onProgress?: (done: number, total: number, result: CaseResult) => void;
}

/** What a run found. */
export interface RunResult {
  capabilities: Capabilities;
  /** One result per case run, in file order. */
  results: CaseResult[];
  /** Set when the run stopped early: why, and how many cases were left unrun. */
  stopped?: { reason: string; notRun: number };
}

/** The tier a case belongs to. */
export function tierOf(testCase: VectorCase): Tier {
  if (isErrorCase(testCase)) return "errors";
  return testCase.compare.rule === "exact" ? "exact" : "ulp";
}

/**
 * The function or method a case exercises: for generator cases of one or
 * two calls (a warm-up draw, then the call under test) and error cases, the
 * last method; for longer sequences, the stream discipline.
 */
export function subjectOf(testCase: VectorCase): string {
  const call = testCase.call;
  if (!isGeneratorCall(call)) return call.function;
  return call.calls.length <= 2 || isErrorCase(testCase)
    ? `method:${call.calls[call.calls.length - 1].method}`
    : `stream:${call.generator.stream}`;
}

/** The section of the specification a case's verdict rests on. */
export function specSectionOf(testCase: VectorCase, callIndex?: number): SpecSection | undefined {
  const call = testCase.call;
  if (!isGeneratorCall(call)) return functionSection(call.function);
  if (isErrorCase(testCase)) {
    return callIndex !== undefined && callIndex >= call.calls.length
      ? FAILED_CALL_SECTION
      : (methodSection(call.calls[call.calls.length - 1].method) ?? DOMAIN_CHECK_SECTION);
  }
  if (call.calls.length > 2) return STREAM_SECTION;
  return methodSection(call.calls[callIndex ?? call.calls.length - 1]?.method ?? "");
}

/** Why the implementation cannot run a case, from its declared capabilities; null if it can. */
export function skipReason(testCase: VectorCase, capabilities: Capabilities): string | null {
  const tier = tierOf(testCase);
  if (!capabilities.tiers.includes(tier)) return `tier ${tier} not claimed`;
  const call = testCase.call;
  if (isGeneratorCall(call)) {
    if (!capabilities.streams.includes(call.generator.stream))
      return `stream ${call.generator.stream} not implemented`;
    if (!capabilities.modes.includes(call.generator.mode))
      return `mode ${call.generator.mode} not implemented`;
    const methods = [
      ...call.calls,
      ...(isErrorCase(testCase) && testCase.afterwards ? [testCase.afterwards.call] : []),
    ];
    const missing = methods.find((m) => !capabilities.methods.includes(m.method));
    return missing ? `method ${missing.method} not implemented` : null;
  }
  if (!capabilities.modes.includes(call.mode)) return `mode ${call.mode} not implemented`;
  return capabilities.functions.includes(call.function)
    ? null
    : `function ${call.function} not implemented`;
}

/** A protocol result in the form {@link compareArray} reads. */
export function comparable(result: ResultArray): {
  dtype: string;
  shape: number[];
  data: (number | bigint | boolean)[];
} {
  const data = result.data.map((x) => {
    if (isFloatDType(result.dtype))
      return typeof x === "string" ? (x.startsWith("0x") ? floatFromHex(x) : Number(x)) : Number(x);
    if (result.dtype === "int64" || result.dtype === "uint64") return BigInt(x as string | number);
    if (result.dtype === "bool") return Boolean(x);
    return Number(x);
  });
  return { dtype: result.dtype, shape: result.shape, data };
}

/** Reject with an {@link AdapterFault} of kind `timeout` when `promise` takes longer than `ms` milliseconds. */
export async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new AdapterFault("timeout", `no answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** A case's outcome without its names: what running it decides. */
export type Verdict = Omit<CaseResult, "id" | "area" | "subject" | "tier">;

/** What each call of a case returned, in order: what `--explain` shows. */
export type CallRecord = { call: string; outcome: CallOutcome };

/** One adapter call under the run's timeout (unless the adapter times out itself), recorded. */
type Ask = <T>(promise: Promise<T>) => Promise<T>;

function checkValue(
  outcome: CallOutcome,
  expected: ExpectedArray,
  testCase: ValueCase,
  callIndex?: number,
): Verdict | null {
  if (!outcome.ok) {
    return {
      status: "failed",
      reason: `threw ${outcome.error.kind}: ${outcome.error.message}`,
      callIndex,
    };
  }
  const mismatch = compareArray(expected, comparable(outcome.result), testCase.compare);
  return mismatch ? { status: "failed", reason: mismatch.reason, mismatch, callIndex } : null;
}

/** Run `body` on a new generator and drop it afterwards, unless the adapter faulted. */
async function withGenerator<T>(
  adapter: Adapter,
  ask: Ask,
  spec: GeneratorCall["generator"],
  body: (handle: string) => Promise<T>,
): Promise<T> {
  const handle = await ask(adapter.createGenerator(spec));
  let faulted = false;
  try {
    return await body(handle);
  } catch (error) {
    faulted = error instanceof AdapterFault;
    throw error;
  } finally {
    if (!faulted) await ask(adapter.dropGenerator(handle));
  }
}

async function runValueCase(
  adapter: Adapter,
  testCase: ValueCase,
  ask: Ask,
  record: CallRecord[],
): Promise<Verdict> {
  const call = testCase.call;
  if (!isGeneratorCall(call)) {
    const outcome = await ask(adapter.callFunction(call));
    record.push({ call: call.function, outcome });
    return (
      checkValue(outcome, testCase.expected as ExpectedArray, testCase) ?? { status: "passed" }
    );
  }
  return withGenerator(adapter, ask, call.generator, async (handle) => {
    const expected = testCase.expected as ExpectedArray[];
    for (let i = 0; i < call.calls.length; i++) {
      const outcome = await ask(adapter.callMethod(handle, call.calls[i]));
      record.push({ call: call.calls[i].method, outcome });
      const verdict = checkValue(outcome, expected[i], testCase, i);
      if (verdict) return verdict;
    }
    return { status: "passed" };
  });
}

async function runErrorCase(
  adapter: Adapter,
  testCase: ErrorCase,
  ask: Ask,
  record: CallRecord[],
): Promise<Verdict> {
  const call = testCase.call;
  const rejected = (outcome: CallOutcome): Verdict | null => {
    if (outcome.ok)
      return {
        status: "failed",
        reason: `accepted a call that must raise ${testCase.expectedError}`,
      };
    if (outcome.error.kind !== testCase.expectedError) {
      return {
        status: "failed",
        reason: `raised ${outcome.error.kind} instead of ${testCase.expectedError}: ${outcome.error.message}`,
      };
    }
    return null;
  };
  if (!isGeneratorCall(call)) {
    const outcome = await ask(adapter.callFunction(call));
    record.push({ call: call.function, outcome });
    return rejected(outcome) ?? { status: "passed" };
  }
  return withGenerator(adapter, ask, call.generator, async (handle) => {
    const last = call.calls.length - 1;
    for (let i = 0; i < last; i++) {
      const outcome = await ask(adapter.callMethod(handle, call.calls[i]));
      record.push({ call: call.calls[i].method, outcome });
      if (!outcome.ok)
        return {
          status: "failed",
          reason: `setup call ${i} threw ${outcome.error.kind}: ${outcome.error.message}`,
          callIndex: i,
        };
    }
    const outcome = await ask(adapter.callMethod(handle, call.calls[last]));
    record.push({ call: call.calls[last].method, outcome });
    const verdict = rejected(outcome);
    if (verdict) return { ...verdict, callIndex: last };
    if (testCase.afterwards) {
      const after = await ask(adapter.callMethod(handle, testCase.afterwards.call));
      record.push({ call: testCase.afterwards.call.method, outcome: after });
      if (!after.ok)
        return {
          status: "failed",
          reason: `the call after the rejection threw ${after.error.kind}: ${after.error.message}`,
          callIndex: last + 1,
        };
      const mismatch = compareArray(testCase.afterwards.expected, comparable(after.result), {
        rule: "exact",
      });
      if (mismatch) {
        return {
          status: "failed",
          reason: "state advanced on error: the draw after the rejected call differs",
          mismatch,
          callIndex: last + 1,
        };
      }
    }
    return { status: "passed" };
  });
}

/**
 * Run one case against an adapter: its verdict and what each call returned.
 * Adapter faults ({@link AdapterFault}) are thrown, not turned into verdicts.
 */
export async function runCase(
  adapter: Adapter,
  testCase: VectorCase,
  options: { timeoutMs?: number } = {},
): Promise<{ verdict: Verdict; calls: CallRecord[] }> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const ask: Ask = (promise) =>
    adapter.timesOutItself ? promise : withTimeout(promise, timeoutMs);
  const calls: CallRecord[] = [];
  let verdict: Verdict;
  try {
    verdict = isErrorCase(testCase)
      ? await runErrorCase(adapter, testCase, ask, calls)
      : await runValueCase(adapter, testCase, ask, calls);
  } catch (error) {
    if (error instanceof AdapterFault) throw error;
    verdict = { status: "failed", reason: (error as Error).message };
  }
  return { verdict, calls };
}

/** A failed verdict with what a reader needs to act on it: the call, the rule and the spec section. */
function explained(testCase: VectorCase, verdict: Verdict): Verdict {
  if (verdict.status !== "failed") return verdict;
  const section = specSectionOf(testCase, verdict.callIndex);
  return {
    ...verdict,
    call: testCase.call,
    ...(isErrorCase(testCase) ? {} : { rule: describeRule(testCase.compare as CompareRule) }),
    ...(section ? { spec: formatSection(section) } : {}),
  };
}

/** Why the run stops after a fault, or null to go on. */
function stopReason(fault: AdapterFault, consecutive: number, limit: number): string | null {
  if (fault.fault === "start" || fault.fault === "exited") return fault.message;
  if (consecutive < limit) return null;
  return fault.fault === "timeout"
    ? `adapter stopped answering: ${consecutive} cases in a row timed out (last: ${fault.message})`
    : `adapter does not speak the protocol: ${consecutive} cases in a row ended in protocol errors (last: ${fault.message})`;
}

/** Run every (filtered) case of the files against the adapter. */
export async function runConformance(
  adapter: Adapter,
  files: readonly VectorFile[],
  options: RunOptions = {},
): Promise<RunResult> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const limit = options.maxConsecutiveFaults ?? 3;
  const capabilities = await (adapter.timesOutItself
    ? adapter.capabilities()
    : withTimeout(adapter.capabilities(), timeoutMs));
  const filter = options.filter;
  const matches = (id: string) =>
    filter === undefined ||
    (typeof filter === "string"
      ? id.includes(filter)
      : typeof filter === "function"
        ? filter(id)
        : filter.test(id));
  const cases = files.flatMap((file) =>
    file.groups.flatMap((group) =>
      group.cases.filter((c) => matches(c.id)).map((testCase) => ({ area: file.area, testCase })),
    ),
  );
  const results: CaseResult[] = [];
  let consecutiveFaults = 0;
  let stopped: RunResult["stopped"];
  for (const { area, testCase } of cases) {
    const base = { id: testCase.id, area, subject: subjectOf(testCase), tier: tierOf(testCase) };
    const skip = skipReason(testCase, capabilities);
    let verdict: Verdict;
    if (skip) {
      verdict = { status: "skipped", reason: skip };
    } else {
      try {
        verdict = explained(testCase, (await runCase(adapter, testCase, { timeoutMs })).verdict);
        consecutiveFaults = 0;
      } catch (error) {
        if (!(error instanceof AdapterFault)) throw error;
        consecutiveFaults++;
        verdict = explained(testCase, { status: "failed", reason: error.message });
        const reason = stopReason(error, consecutiveFaults, limit);
        if (reason) stopped = { reason, notRun: cases.length - results.length - 1 };
      }
    }
    const result = { ...base, ...verdict };
    results.push(result);
    options.onProgress?.(results.length, cases.length, result);
    if (stopped) break;
  }
  return { capabilities, results, ...(stopped ? { stopped } : {}) };
}
