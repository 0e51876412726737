/**
 * Reports of a run: a summary table for the terminal, a JSON document, and
 * JUnit XML for CI systems.
 *
 * @module
 */
import { TIERS, type Capabilities, type Tier } from "./adapter.js";
import { formatCall, formatProvenance, type ProvenanceSummary } from "./describe.js";
import type { CaseResult, RunResult } from "./runner.js";

/** How many failures the terminal report shows; the JSON and JUnit reports list all. */
export const TERMINAL_FAILURE_LIMIT = 50;

/** Counts of one row of the summary. */
export interface Tally {
  passed: number;
  failed: number;
  skipped: number;
}

/** A machine-readable report. */
export interface ConformanceReport {
  format: "jrng-conformance-report/1";
  implementation: string;
  capabilities: Capabilities;
  vectors: string;
  totals: Tally;
  byTier: Record<Tier, Tally>;
  byArea: Record<string, Tally>;
  bySubject: Record<string, Tally & { area: string; tier: Tier }>;
  results: CaseResult[];
  /** Extra sections, e.g. the statistical tier's tests. */
  statistical?: StatisticalResult[];
  /** Where the expected values came from (the JAX version, when real JAX computed them). */
  provenance?: ProvenanceSummary;
  /** Set when the run stopped early (the adapter died or stopped answering). */
  stopped?: RunResult["stopped"];
}

/** What a report adds to the results: provenance, and why the run stopped early. */
export interface ReportDetails {
  provenance?: ProvenanceSummary;
  stopped?: RunResult["stopped"];
}

/** One goodness-of-fit test of the statistical tier. */
export interface StatisticalResult {
  id: string;
  method: string;
  parameters: string;
  test: "ks" | "chi2";
  statistic: number;
  pValue: number;
  threshold: number;
  status: "passed" | "failed" | "skipped";
  reason?: string;
}

/** What each tier checks (spec/README.md, "Conformance levels"), for the report's legend. */
const TIER_LEGEND: Record<Tier, string> = {
  exact:
    "cases under the exact rule (keys, bits, integers, floats JAX's computation is reproduced for) equal the vectors bit for bit",
  ulp: "float results lie within each case's maxUlp bound, with no other tolerance",
  statistical: "goodness-of-fit tests of each method's distribution at fixed sample sizes",
  errors: "invalid calls are rejected with the stated error kind and leave the state unchanged",
};

function emptyTally(): Tally {
  return { passed: 0, failed: 0, skipped: 0 };
}

/** Summarise case results (and statistical results) into a report. */
export function buildReport(
  capabilities: Capabilities,
  vectors: string,
  results: CaseResult[],
  statistical?: StatisticalResult[],
  details: ReportDetails = {},
): ConformanceReport {
  const totals = emptyTally();
  const byTier = Object.fromEntries(TIERS.map((tier) => [tier, emptyTally()])) as Record<
    Tier,
    Tally
  >;
  const byArea: Record<string, Tally> = {};
  const bySubject: Record<string, Tally & { area: string; tier: Tier }> = {};
  for (const result of results) {
    totals[result.status]++;
    byTier[result.tier][result.status]++;
    (byArea[result.area] ??= emptyTally())[result.status]++;
    const key = `${result.area} ${result.subject} ${result.tier}`;
    (bySubject[key] ??= { ...emptyTally(), area: result.area, tier: result.tier })[result.status]++;
  }
  for (const result of statistical ?? []) {
    totals[result.status]++;
    byTier.statistical[result.status]++;
    (byArea.statistical ??= emptyTally())[result.status]++;
  }
  return {
    format: "jrng-conformance-report/1",
    implementation: capabilities.name,
    capabilities,
    vectors,
    totals,
    byTier,
    byArea,
    bySubject,
    results,
    ...(statistical ? { statistical } : {}),
    ...(details.provenance ? { provenance: details.provenance } : {}),
    ...(details.stopped ? { stopped: details.stopped } : {}),
  };
}

/** A failed case as indented lines: the reason, the call, the rule and the first difference, the spec section. */
export function formatFailure(failure: CaseResult): string[] {
  const lines = [`✗ ${failure.id}  ${failure.subject}  [${failure.tier}]  ${failure.reason ?? ""}`];
  if (failure.call) lines.push(`    call: ${formatCall(failure.call, failure.callIndex)}`);
  const m = failure.mismatch;
  const rule = failure.rule ? `rule ${failure.rule}` : "";
  if (m && m.index >= 0) {
    const where = failure.callIndex !== undefined ? `call ${failure.callIndex}, ` : "";
    const bits = m.expectedBits ? ` (bits ${m.expectedBits} vs ${m.gotBits}, ${m.ulp} ulp)` : "";
    const extent =
      m.count !== undefined
        ? `; ${m.count} element${m.count === 1 ? "" : "s"} off${m.maxUlp !== undefined && m.expectedBits ? `, worst ${m.maxUlp} ulp` : ""}`
        : "";
    lines.push(
      `    ${rule ? `${rule}: ` : ""}${where}element ${m.index}: expected ${m.expected}, got ${m.got}${bits}${extent}`,
    );
  } else if (rule) {
    lines.push(`    ${rule}`);
  }
  if (failure.spec) lines.push(`    spec: ${failure.spec}`);
  return lines;
}

/** The report as a readable terminal summary. */
export function formatTerminalReport(report: ConformanceReport, color = false): string {
  const paint = (code: number, text: string) => (color ? `\u001b[${code}m${text}\u001b[0m` : text);
  const lines: string[] = [];
  lines.push(`jrng conformance: ${report.implementation}`);
  lines.push(`vectors: ${report.vectors}`);
  if (report.provenance) lines.push(...formatProvenance(report.provenance));
  lines.push(`tiers claimed: ${report.capabilities.tiers.join(", ")}`);
  lines.push("");
  const header = ["area", "function / method", "tier", "passed", "failed", "skipped"];
  const rows = Object.entries(report.bySubject).map(([key, tally]) => {
    const subject = key.split(" ")[1];
    return [
      tally.area,
      subject,
      tally.tier,
      String(tally.passed),
      String(tally.failed),
      String(tally.skipped),
    ];
  });
  for (const result of report.statistical ?? []) {
    rows.push([
      "statistical",
      result.method,
      "statistical",
      ...["passed", "failed", "skipped"].map((s) => (result.status === s ? "1" : "0")),
    ]);
  }
  const merged = new Map<string, string[]>();
  for (const row of rows) {
    const key = row.slice(0, 3).join("|");
    const existing = merged.get(key);
    if (existing)
      for (let i = 3; i < 6; i++) existing[i] = String(Number(existing[i]) + Number(row[i]));
    else merged.set(key, [...row]);
  }
  const table = [header, ...merged.values()];
  const widths = header.map((_, i) => Math.max(...table.map((row) => row[i].length)));
  const render = (row: string[]) =>
    row.map((cell, i) => (i >= 3 ? cell.padStart(widths[i]) : cell.padEnd(widths[i]))).join("  ");
  lines.push(render(header));
  lines.push(widths.map((w) => "─".repeat(w)).join("  "));
  for (const row of merged.values()) {
    const text = render(row);
    lines.push(Number(row[4]) > 0 ? paint(31, text) : text);
  }
  lines.push(widths.map((w) => "─".repeat(w)).join("  "));
  const t = report.totals;
  lines.push(render(["total", "", "", String(t.passed), String(t.failed), String(t.skipped)]));
  const vectorCases = report.results.length;
  const statisticalTests = report.statistical?.length ?? 0;
  lines.push(
    `total = ${vectorCases} vector cases` +
      (report.statistical ? ` + ${statisticalTests} statistical tests` : "") +
      ` = ${t.passed + t.failed + t.skipped}`,
  );
  lines.push("");
  lines.push("tiers:");
  for (const tier of TIERS) lines.push(`  ${tier.padEnd(11)} ${TIER_LEGEND[tier]}`);
  lines.push("");
  lines.push(
    "by tier: " +
      TIERS.map((tier) => {
        const tally = report.byTier[tier];
        return `${tier} ${tally.passed}/${tally.passed + tally.failed}${tally.skipped ? ` (${tally.skipped} skipped)` : ""}`;
      }).join(" · "),
  );
  const failures = report.results.filter((r) => r.status === "failed");
  const statFailures = (report.statistical ?? []).filter((r) => r.status === "failed");
  if (failures.length + statFailures.length > 0) {
    lines.push("");
    lines.push(paint(31, `Failures (${failures.length + statFailures.length}):`));
    for (const failure of failures.slice(0, TERMINAL_FAILURE_LIMIT)) {
      lines.push(...formatFailure(failure).map((line) => `  ${line}`));
    }
    if (failures.length > TERMINAL_FAILURE_LIMIT)
      lines.push(
        `  … and ${failures.length - TERMINAL_FAILURE_LIMIT} more failures (the JSON and JUnit reports list every one)`,
      );
    for (const failure of statFailures) {
      lines.push(
        `  ✗ ${failure.id}  ${failure.method}(${failure.parameters})  [statistical]  ${statisticalDetail(failure)}`,
      );
    }
  }
  if (report.stopped) {
    lines.push("");
    lines.push(
      paint(
        31,
        `Run stopped: ${report.stopped.reason}; ${report.stopped.notRun} case${report.stopped.notRun === 1 ? "" : "s"} not run`,
      ),
    );
  }
  lines.push("");
  lines.push(
    t.failed === 0 && !report.stopped
      ? paint(32, `${t.passed} passed, 0 failed, ${t.skipped} skipped`)
      : paint(31, `${t.passed} passed, ${t.failed} failed, ${t.skipped} skipped`),
  );
  return lines.join("\n");
}

/** Why a statistical test failed: its reason, or its p-value against the threshold. */
function statisticalDetail(result: StatisticalResult): string {
  return (
    result.reason ??
    `${result.test} p = ${result.pValue.toExponential(2)} < ${result.threshold.toExponential(2)} (statistic ${result.statistic.toPrecision(4)})`
  );
}

function xmlEscape(text: string): string {
  return text.replace(
    /[<>&"']/g,
    (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[c]!,
  );
}

/** One JUnit test case: its classname, name, status and, on failure, message and detail. */
interface JUnitCase {
  classname: string;
  name: string;
  status: "passed" | "failed" | "skipped";
  message?: string;
  detail?: string;
}

/**
 * The report as JUnit XML: one test suite per area, one test case per vector
 * case, and a `statistical` suite with one test case per statistical test.
 */
export function formatJUnitReport(report: ConformanceReport): string {
  const byArea = new Map<string, JUnitCase[]>();
  const add = (area: string, junitCase: JUnitCase) => {
    if (!byArea.has(area)) byArea.set(area, []);
    byArea.get(area)!.push(junitCase);
  };
  for (const r of report.results) {
    add(r.area, {
      classname: `${r.area}.${r.subject}`,
      name: r.id,
      status: r.status,
      message: r.reason,
      detail:
        r.status === "failed"
          ? formatFailure(r).slice(1).join("\n").trim() || undefined
          : undefined,
    });
  }
  for (const r of report.statistical ?? []) {
    add("statistical", {
      classname: `statistical.${r.method}`,
      name: r.id,
      status: r.status,
      message: r.status === "failed" ? statisticalDetail(r) : r.reason,
    });
  }
  if (report.stopped) {
    add("run", {
      classname: "run",
      name: "the adapter answered every case",
      status: "failed",
      message: `run stopped: ${report.stopped.reason}`,
      detail: `${report.stopped.notRun} cases not run`,
    });
  }
  const suites = [...byArea].map(([area, results]) => {
    const failures = results.filter((r) => r.status === "failed").length;
    const skipped = results.filter((r) => r.status === "skipped").length;
    const cases = results.map((r) => {
      const open = `    <testcase classname="${xmlEscape(r.classname)}" name="${xmlEscape(r.name)}">`;
      if (r.status === "passed") return `${open}</testcase>`;
      if (r.status === "skipped")
        return `${open}<skipped message="${xmlEscape(r.message ?? "")}"/></testcase>`;
      return `${open}<failure message="${xmlEscape(r.message ?? "failed")}">${xmlEscape(r.detail ?? "")}</failure></testcase>`;
    });
    return [
      `  <testsuite name="${xmlEscape(area)}" tests="${results.length}" failures="${failures}" skipped="${skipped}">`,
      ...cases,
      "  </testsuite>",
    ].join("\n");
  });
  const all = [...byArea.values()].flat();
  const count = (status: JUnitCase["status"]) => all.filter((r) => r.status === status).length;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${xmlEscape(`jrng conformance: ${report.implementation}`)}" tests="${all.length}" failures="${count("failed")}" skipped="${count("skipped")}">`,
    ...suites,
    "</testsuites>",
    "",
  ].join("\n");
}
