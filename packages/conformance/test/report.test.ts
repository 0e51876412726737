import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { functionNames, METHODS, runFunctionCall, type VectorFile } from "@jrng/vectors";
import {
  allSections,
  buildReport,
  explainCase,
  formatJUnitReport,
  formatTerminalReport,
  functionSection,
  methodSection,
  referenceAdapter,
  runConformance,
  summarizeProvenance,
} from "../src/index.js";
import { FULL, movedByUlp, mutant, normalFile } from "./mutants.js";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));

/** normalFile's twelve cases, repeated `copies` times under distinct ids. */
function manyCases(copies: number): VectorFile {
  const file = normalFile({ rule: "ulp", maxUlp: 2 });
  const cases = Array.from({ length: copies }, (_, copy) =>
    file.groups[0].cases.map((c, i) => ({
      ...c,
      id: `normal/copy${copy}/${String(i).padStart(3, "0")}`,
    })),
  ).flat();
  return { ...file, groups: [{ ...file.groups[0], cases }] };
}

const eightUlpOff = mutant("normal 8 ulp off", {
  callFunction: (call) => movedByUlp(runFunctionCall(call), 8),
});

describe("a failure in the reports", () => {
  it("shows the call with its arguments, the rule and its bound, the first difference and the spec section", async () => {
    const { capabilities, results } = await runConformance(eightUlpOff, [manyCases(1)]);
    const text = formatTerminalReport(buildReport(capabilities, "vectors", results));
    expect(text).toContain(
      '✗ normal/copy0/000  normal  [ulp]  more than 2 ulp apart\n      call: normal(key=[0, 0], shape=[5], dtype="float32") · partitionable\n      rule ≤ 2 ulp: element 0: expected',
    );
    expect(text).toMatch(
      /, 8 ulp\); 5 elements off, worst 8 ulp\n {6}spec: spec\/samplers\/normal.md § normal\n/,
    );
  });

  it("lists every failure in JSON and JUnit, and the first 50 in the terminal with a count of the rest", async () => {
    const { capabilities, results } = await runConformance(eightUlpOff, [manyCases(5)]);
    expect(results.filter((r) => r.status === "failed")).toHaveLength(60);
    const report = buildReport(capabilities, "vectors", results);
    const terminal = formatTerminalReport(report);
    expect(terminal.match(/^ {2}✗ /gm)).toHaveLength(50);
    expect(terminal).toContain(
      "… and 10 more failures (the JSON and JUnit reports list every one)",
    );
    const json = JSON.parse(JSON.stringify(report));
    const failed = json.results.filter((r: { status: string }) => r.status === "failed");
    expect(failed).toHaveLength(60);
    expect(
      failed.every(
        (r: { call?: unknown; rule?: string; spec?: string }) =>
          r.call && r.rule === "≤ 2 ulp" && r.spec,
      ),
    ).toBe(true);
    const junit = formatJUnitReport(report);
    expect(junit.match(/<failure /g)).toHaveLength(60);
    expect(junit).toContain(
      "call: normal(key=[0, 0], shape=[5], dtype=&quot;float32&quot;) · partitionable",
    );
  });

  it("says where the expected values came from, naming the JAX version", async () => {
    const file = normalFile({ rule: "exact" });
    const jaxFile = {
      ...file,
      provenance: {
        producedBy: "jrng-vectors generate --jax",
        jax: "0.10.2",
        jaxlib: "0.10.2",
        platform: "cpu",
      },
      groups: [
        {
          ...file.groups[0],
          cases: file.groups[0].cases.map((c) => ({ ...c, provenance: { kind: "jax" } })),
        },
      ],
    } as unknown as VectorFile;
    const summary = summarizeProvenance([jaxFile, normalFile({ rule: "exact" })]);
    expect(summary).toEqual({
      byKind: { jax: 12, mirror: 12 },
      jax: [{ jax: "0.10.2", jaxlib: "0.10.2", platform: "cpu", cases: 12 }],
    });
    const text = formatTerminalReport(
      buildReport(FULL, "vectors", [], undefined, { provenance: summary }),
    );
    expect(text).toContain("expected values from JAX 0.10.2 (jaxlib 0.10.2, cpu): 12 cases");
    expect(text).toContain(
      "provenance: 12 computed by real JAX; 12 computed by the reference implementation (no JAX counterpart)",
    );
    const explained = await explainCase([jaxFile], "normal/partitionable/000");
    expect(explained).toContain(
      "provenance: jax\nexpected values from JAX 0.10.2 (jaxlib 0.10.2, cpu): 1 case\n",
    );
  });

  it("says why a run stopped, in the terminal and as a JUnit failure", () => {
    const stopped = { reason: "adapter stopped answering: 3 cases in a row timed out", notRun: 17 };
    const report = buildReport(FULL, "vectors", [], undefined, { stopped });
    expect(formatTerminalReport(report)).toContain(
      "Run stopped: adapter stopped answering: 3 cases in a row timed out; 17 cases not run",
    );
    expect(formatJUnitReport(report)).toContain(
      '<failure message="run stopped: adapter stopped answering: 3 cases in a row timed out">17 cases not run</failure>',
    );
  });
});

describe("--explain", () => {
  it("prints a case in full: call, rule, provenance, spec section and expected values", async () => {
    const text = await explainCase([normalFile({ rule: "ulp", maxUlp: 2 })], "normal/legacy/007");
    expect(text).toContain("case normal/legacy/007  (area normal, tier ulp)");
    expect(text).toContain('call: normal(key=[0, 42], shape=[2, 3], dtype="float32") · legacy');
    expect(text).toContain("rule: ≤ 2 ulp");
    expect(text).toContain("provenance: mirror");
    expect(text).toContain("spec: spec/samplers/normal.md § normal");
    expect(text).toMatch(/expected: float32\[2, 3\]\n {4}\[0\] -?[\d.e-]+ \(0x[0-9a-f]{8}\)/);
    await expect(explainCase([normalFile({ rule: "exact" })], "nope/000")).rejects.toThrow(
      RangeError,
    );
  });

  it("run against an implementation, shows its result and the first difference", async () => {
    const file = normalFile({ rule: "ulp", maxUlp: 2 });
    const text = await explainCase([file], "normal/legacy/007", eightUlpOff);
    expect(text).toContain("implementation: normal 8 ulp off");
    expect(text).toMatch(/ {4}\[0\] .* \(0x[0-9a-f]{8}\) {2}✗ 8 ulp/);
    expect(text).toMatch(/first difference: element 0: .*8 ulp\); 6 elements break ≤ 2 ulp/);
    expect(text).toContain("verdict: failed — more than 2 ulp apart");
    const passing = await explainCase([file], "normal/legacy/007", referenceAdapter());
    expect(passing).toContain("conforms to the rule");
    expect(passing).toContain("verdict: passed");
  });
});

describe("spec sections", () => {
  it("name every function and method, and every section named is a heading of its chapter", () => {
    expect(functionNames().filter((name) => !functionSection(name))).toEqual([]);
    expect(Object.keys(METHODS).filter((name) => !methodSection(name))).toEqual([]);
    for (const section of allSections()) {
      const headings = readFileSync(ROOT + section.file, "utf8")
        .split("\n")
        .filter((line) => line.startsWith("#"))
        .map((line) => line.replace(/^#+\s*/, "").replaceAll("`", ""));
      expect(
        headings.some((heading) => heading.startsWith(section.heading)),
        `${section.file}: ${section.heading}`,
      ).toBe(true);
    }
  });
});
