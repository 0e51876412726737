/**
 * `--explain ID`: one case in full — its call, what is expected and under
 * which rule, where the expectation came from, the spec section, and, when
 * an implementation is given, what it returned and where it first differs.
 *
 * @module
 */
import {
  compareArray,
  decodeElements,
  describeRule,
  float32Hex,
  float64Hex,
  isErrorCase,
  isFloatDType,
  isGeneratorCall,
  shortestDecimal,
  type CompareRule,
  type ExpectedArray,
  type VectorCase,
  type VectorFile,
} from "@jrng/vectors";
import type { Adapter, CallOutcome } from "./adapter.js";
import { formatCall, formatMethodCall, formatProvenance, summarizeProvenance } from "./describe.js";
import { comparable, runCase, skipReason, specSectionOf, tierOf } from "./runner.js";
import { formatSection } from "./spec-sections.js";

/** Elements shown per array; the rest are counted. */
const SHOWN_ELEMENTS = 24;

/** The case with this id, and the file it is in. */
export function findCase(
  files: readonly VectorFile[],
  id: string,
): { file: VectorFile; testCase: VectorCase } | undefined {
  for (const file of files) {
    for (const group of file.groups) {
      const testCase = group.cases.find((c) => c.id === id);
      if (testCase) return { file, testCase };
    }
  }
  return undefined;
}

function elementText(value: number | bigint | boolean, dtype: string): string {
  if (!isFloatDType(dtype)) return String(value);
  const hex = dtype === "float32" ? float32Hex : float64Hex;
  const decimal = Object.is(value, -0) ? "-0" : String(shortestDecimal(value as number, dtype));
  return `${decimal} (${hex(value as number)})`;
}

function arrayLines(label: string, array: ExpectedArray): string[] {
  const elements = decodeElements(array);
  const lines = [`${label}: ${array.dtype}[${array.shape.join(", ")}]`];
  elements.slice(0, SHOWN_ELEMENTS).forEach((value, i) => {
    lines.push(`    [${i}] ${elementText(value, array.dtype)}`);
  });
  if (elements.length > SHOWN_ELEMENTS)
    lines.push(`    … ${elements.length - SHOWN_ELEMENTS} more elements`);
  return lines;
}

/** What an implementation returned, element by element against the expectation, `✗` where the rule breaks. */
function resultLines(
  outcome: CallOutcome,
  expected: ExpectedArray | undefined,
  rule: CompareRule,
): string[] {
  if (!outcome.ok) return [`  got: threw ${outcome.error.kind}: ${outcome.error.message}`];
  const got = comparable(outcome.result);
  const lines = [`  got: ${got.dtype}[${got.shape.join(", ")}]`];
  const expectedElements = expected ? decodeElements(expected) : [];
  got.data.slice(0, SHOWN_ELEMENTS).forEach((value, i) => {
    let mark = "";
    if (expected && expected.dtype === got.dtype && i < expectedElements.length) {
      const one = compareArray(
        { dtype: expected.dtype, shape: [1], data: [expected.data[i]] },
        { dtype: got.dtype, shape: [1], data: [value] },
        rule,
      );
      mark = one ? `  ✗${one.ulp !== undefined ? ` ${one.ulp} ulp` : ""}` : "";
    }
    lines.push(`    [${i}] ${elementText(value, got.dtype)}${mark}`);
  });
  if (got.data.length > SHOWN_ELEMENTS)
    lines.push(`    … ${got.data.length - SHOWN_ELEMENTS} more elements`);
  if (expected) {
    const mismatch = compareArray(expected, got, rule);
    lines.push(
      mismatch === null
        ? "  conforms to the rule"
        : mismatch.index < 0
          ? `  first difference: ${mismatch.reason}`
          : `  first difference: element ${mismatch.index}: expected ${mismatch.expected}, got ${mismatch.got}${mismatch.expectedBits ? ` (bits ${mismatch.expectedBits} vs ${mismatch.gotBits}, ${mismatch.ulp} ulp)` : ""}; ${mismatch.count} element${mismatch.count === 1 ? "" : "s"} break ${describeRule(rule)}`,
    );
  }
  return lines;
}

/**
 * One case in full, as text. With an adapter, the case is also run (unless
 * the adapter's capabilities exclude it) and each call's result is shown
 * against its expectation.
 */
export async function explainCase(
  files: readonly VectorFile[],
  id: string,
  adapter?: Adapter,
  options: { timeoutMs?: number } = {},
): Promise<string> {
  const found = findCase(files, id);
  if (!found) throw new RangeError(`no case with id ${JSON.stringify(id)} in the vectors`);
  const { file, testCase } = found;
  const lines = [
    `case ${testCase.id}  (area ${file.area}, tier ${tierOf(testCase)})`,
    `comment: ${testCase.comment}`,
  ];
  if (testCase.flags?.length) lines.push(`flags: ${testCase.flags.join(", ")}`);
  const provenance = testCase.provenance as { kind: string; citation?: string; reason?: string };
  lines.push(
    `provenance: ${provenance.kind}${provenance.citation ? `, ${provenance.citation}` : ""}${provenance.reason ? `, ${provenance.reason}` : ""}`,
  );
  if (provenance.kind === "jax") {
    const single = { ...file, groups: [{ name: "", description: "", cases: [testCase] }] };
    lines.push(...formatProvenance(summarizeProvenance([single])).slice(0, 1));
  }
  const section = specSectionOf(testCase);
  if (section) lines.push(`spec: ${formatSection(section)}`);
  lines.push(`call: ${formatCall(testCase.call)}`);
  lines.push(`call (JSON): ${JSON.stringify(testCase.call)}`);
  const calls = isGeneratorCall(testCase.call)
    ? testCase.call.calls.map((c) => c.method)
    : [testCase.call.function];
  const rule: CompareRule = isErrorCase(testCase) ? { rule: "exact" } : testCase.compare;
  let expectations: (ExpectedArray | undefined)[];
  if (isErrorCase(testCase)) {
    lines.push(
      `expected: the ${isGeneratorCall(testCase.call) ? "last call" : "call"} raises ${testCase.expectedError}`,
    );
    expectations = calls.map(() => undefined);
    if (testCase.afterwards) {
      lines.push(
        `then ${formatMethodCall(testCase.afterwards.call)} returns what it would have had the rejected call never been made (rule exact):`,
      );
      lines.push(...arrayLines("  expected", testCase.afterwards.expected));
      expectations.push(testCase.afterwards.expected);
    }
  } else {
    lines.push(`rule: ${describeRule(testCase.compare)}`);
    expectations = Array.isArray(testCase.expected) ? testCase.expected : [testCase.expected];
    expectations.forEach((expected, i) => {
      lines.push(
        ...arrayLines(
          expectations.length > 1 ? `expected, call ${i} (${calls[i]})` : "expected",
          expected!,
        ),
      );
    });
  }
  if (!adapter) return lines.join("\n");
  const capabilities = await adapter.capabilities();
  lines.push("", `implementation: ${capabilities.name}`);
  const skip = skipReason(testCase, capabilities);
  if (skip) {
    lines.push(`  not run: ${skip}`);
    return lines.join("\n");
  }
  const { verdict, calls: made } = await runCase(adapter, testCase, options);
  made.forEach((record, i) => {
    lines.push(`call ${i} (${record.call}):`);
    lines.push(
      ...resultLines(record.outcome, expectations[i], i < calls.length ? rule : { rule: "exact" }),
    );
  });
  lines.push(`verdict: ${verdict.status}${verdict.reason ? ` — ${verdict.reason}` : ""}`);
  return lines.join("\n");
}
