/**
 * The runner: every case of the vectors against an adapter, compared under
 * each case's rule, skipped where the implementation declares it lacks what
 * the case needs.
 *
 * @module
 */
import {
  compareArray,
  floatFromHex,
  isErrorCase,
  isFloatDType,
  isGeneratorCall,
  type ErrorCase,
  type ExpectedArray,
  type Mismatch,
  type ValueCase,
  type VectorCase,
  type VectorFile,
} from "@jrng/vectors";
import type { Adapter, CallOutcome, Capabilities, ResultArray, Tier } from "./adapter.js";

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
}

/** Options of a run. */
export interface RunOptions {
  /** Run only cases whose id contains this text or matches this expression. */
  filter?: string | RegExp;
  /** Fail a call that takes longer than this many milliseconds (default 30 000). */
  timeoutMs?: number;
  /** Called after each case. */
  onProgress?: (done: number, total: number, result: CaseResult) => void;
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

/** Reject when `promise` takes longer than `ms` milliseconds. */
export async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

type Verdict = Omit<CaseResult, "id" | "area" | "subject" | "tier">;

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

async function runValueCase(
  adapter: Adapter,
  testCase: ValueCase,
  timeoutMs: number,
): Promise<Verdict> {
  const call = testCase.call;
  if (!isGeneratorCall(call)) {
    const outcome = await withTimeout(adapter.callFunction(call), timeoutMs);
    return (
      checkValue(outcome, testCase.expected as ExpectedArray, testCase) ?? { status: "passed" }
    );
  }
  const handle = await withTimeout(adapter.createGenerator(call.generator), timeoutMs);
  try {
    const expected = testCase.expected as ExpectedArray[];
    for (let i = 0; i < call.calls.length; i++) {
      const outcome = await withTimeout(adapter.callMethod(handle, call.calls[i]), timeoutMs);
      const verdict = checkValue(outcome, expected[i], testCase, i);
      if (verdict) return verdict;
    }
    return { status: "passed" };
  } finally {
    await adapter.dropGenerator(handle);
  }
}

async function runErrorCase(
  adapter: Adapter,
  testCase: ErrorCase,
  timeoutMs: number,
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
    return (
      rejected(await withTimeout(adapter.callFunction(call), timeoutMs)) ?? { status: "passed" }
    );
  }
  const handle = await withTimeout(adapter.createGenerator(call.generator), timeoutMs);
  try {
    const last = call.calls.length - 1;
    for (let i = 0; i < last; i++) {
      const outcome = await withTimeout(adapter.callMethod(handle, call.calls[i]), timeoutMs);
      if (!outcome.ok)
        return {
          status: "failed",
          reason: `setup call ${i} threw ${outcome.error.kind}: ${outcome.error.message}`,
          callIndex: i,
        };
    }
    const verdict = rejected(
      await withTimeout(adapter.callMethod(handle, call.calls[last]), timeoutMs),
    );
    if (verdict) return { ...verdict, callIndex: last };
    if (testCase.afterwards) {
      const outcome = await withTimeout(
        adapter.callMethod(handle, testCase.afterwards.call),
        timeoutMs,
      );
      if (!outcome.ok)
        return {
          status: "failed",
          reason: `the call after the rejection threw ${outcome.error.kind}: ${outcome.error.message}`,
          callIndex: last + 1,
        };
      const mismatch = compareArray(testCase.afterwards.expected, comparable(outcome.result), {
        rule: "exact",
      });
      if (mismatch) {
        return {
          status: "failed",
          reason: "state advanced on error: the next draw differs",
          mismatch,
          callIndex: last + 1,
        };
      }
    }
    return { status: "passed" };
  } finally {
    await adapter.dropGenerator(handle);
  }
}

/** Run every (filtered) case of the files against the adapter. */
export async function runConformance(
  adapter: Adapter,
  files: readonly VectorFile[],
  options: RunOptions = {},
): Promise<{ capabilities: Capabilities; results: CaseResult[] }> {
  const capabilities = await adapter.capabilities();
  const timeoutMs = options.timeoutMs ?? 30_000;
  const matches = (id: string) =>
    options.filter === undefined ||
    (typeof options.filter === "string" ? id.includes(options.filter) : options.filter.test(id));
  const cases = files.flatMap((file) =>
    file.groups.flatMap((group) =>
      group.cases.filter((c) => matches(c.id)).map((testCase) => ({ area: file.area, testCase })),
    ),
  );
  const results: CaseResult[] = [];
  for (const { area, testCase } of cases) {
    const base = { id: testCase.id, area, subject: subjectOf(testCase), tier: tierOf(testCase) };
    const skip = skipReason(testCase, capabilities);
    let verdict: Verdict;
    if (skip) {
      verdict = { status: "skipped", reason: skip };
    } else {
      try {
        verdict = isErrorCase(testCase)
          ? await runErrorCase(adapter, testCase, timeoutMs)
          : await runValueCase(adapter, testCase, timeoutMs);
      } catch (error) {
        verdict = { status: "failed", reason: (error as Error).message };
      }
    }
    const result = { ...base, ...verdict };
    results.push(result);
    options.onProgress?.(results.length, cases.length, result);
  }
  return { capabilities, results };
}
