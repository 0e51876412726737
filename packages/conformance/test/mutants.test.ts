import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { NdArray } from "@jrng/core";
import {
  createGenerator,
  isErrorCase,
  isGeneratorCall,
  loadVectorFiles,
  runFunctionCall,
  runMethodCall,
  type ExpectedArray,
  type ValueCase,
} from "@jrng/vectors";
import { referenceAdapter, runConformance } from "../src/index.js";
import { movedByUlp, mutant, normalFile } from "./mutants.js";

const VECTORS = fileURLToPath(new URL("../../../vectors", import.meta.url));
const files = loadVectorFiles(VECTORS).map(({ file }) => file);
const failures = (results: { status: string }[]) => results.filter((r) => r.status === "failed");

/** The reference with `normal`'s floats moved k ulp away from zero. */
function normalMovedBy(k: number) {
  return mutant(`normal moved by ${k} ulp`, {
    callFunction: (call) => {
      const result = runFunctionCall(call);
      return call.function === "normal" ? movedByUlp(result, k) : result;
    },
  });
}

describe("the reference", () => {
  it("passes the mutant tests' own vectors under every rule", async () => {
    for (const rule of [{ rule: "exact" }, { rule: "ulp", maxUlp: 0 }] as const) {
      const { results } = await runConformance(referenceAdapter(), [normalFile(rule)]);
      expect(results.length).toBe(12);
      expect(failures(results)).toEqual([]);
    }
  });
});

describe("normal moved by k ulp", () => {
  for (const bound of [0, 2, 5]) {
    it(`fails for every k above a bound of ${bound} ulp, by name and bound, and passes within it`, async () => {
      const file = normalFile({ rule: "ulp", maxUlp: bound });
      for (let k = 1; k <= bound; k++) {
        const { results } = await runConformance(normalMovedBy(k), [file]);
        expect(failures(results)).toEqual([]);
      }
      for (const k of [bound + 1, bound + 2, bound + 3, bound + 8, bound + 25, 2 ** 20]) {
        const { results } = await runConformance(normalMovedBy(k), [file]);
        expect(results.every((r) => r.status === "failed" && r.subject === "normal")).toBe(true);
        for (const result of results) {
          expect(result.reason).toBe(`more than ${bound} ulp apart`);
          expect(result.rule).toBe(`≤ ${bound} ulp`);
          expect(result.mismatch).toMatchObject({ index: 0, ulp: k, maxUlp: k });
        }
      }
    });
  }

  it("fails under the exact rule for k = 1", async () => {
    const { results } = await runConformance(normalMovedBy(1), [normalFile({ rule: "exact" })]);
    expect(results.every((r) => r.status === "failed" && r.reason === "floats differ")).toBe(true);
    expect(results[0].rule).toBe("exact");
  });

  // The committed vectors compare every normal case under an exact or ulp rule (JAX's values, issue 12):
  // a constant 8-ulp error must fail every one whose bound is below 8.
  const committedNormal = files
    .flatMap((file) => file.groups.flatMap((group) => group.cases))
    .filter(
      (c): c is ValueCase =>
        !isErrorCase(c) && !isGeneratorCall(c.call) && c.call.function === "normal",
    );
  // Zero-size draws have nothing to move.
  const underUlpRules = committedNormal.filter(
    (c) => (c.expected as ExpectedArray).data.length > 0,
  );
  it("fails every committed normal case whose bound is under 8 ulp, and every float32 one is", async () => {
    const bound = (c: ValueCase) => (c.compare.rule === "ulp" ? c.compare.maxUlp : 0);
    const catchable = underUlpRules.filter((c) => bound(c) < 8);
    const float32 = underUlpRules.filter((c) => (c.expected as ExpectedArray).dtype === "float32");
    expect(float32.filter((c) => bound(c) >= 8).map((c) => c.id)).toEqual([]);
    const ids = new Set(catchable.map((c) => c.id));
    const { results } = await runConformance(normalMovedBy(8), files, {
      filter: (id) => ids.has(id),
    });
    expect(results.length).toBe(ids.size);
    expect(results.filter((r) => r.status !== "failed")).toEqual([]);
    expect(results.every((r) => r.mismatch?.ulp === 8)).toBe(true);
  });
});

describe("the kit fails, by name and with the right reason", () => {
  it("an implementation in the other threefry mode: every mode-dependent function, never key or foldIn", async () => {
    const other = (mode: "partitionable" | "legacy") =>
      mode === "legacy" ? "partitionable" : "legacy";
    const adapter = mutant("other threefry mode", {
      callFunction: (call) => runFunctionCall({ ...call, mode: other(call.mode) }),
      createGenerator: (call) =>
        createGenerator({
          ...call,
          generator: { ...call.generator, mode: other(call.generator.mode) },
        }),
    });
    const { results } = await runConformance(adapter, files, {
      filter: /^(keys|bits|uniform|normal|streams)\//,
    });
    const failed = new Set(failures(results).map((r) => r.subject));
    for (const subject of ["bits", "split", "uniform", "normal", "stream:split"])
      expect(failed).toContain(subject);
    // fold_in and key do not depend on the mode: an implementation that mixes up modes still passes them.
    expect(
      results
        .filter((r) => r.subject === "foldIn" || r.subject === "key")
        .every((r) => r.status === "passed"),
    ).toBe(true);
    expect(results.find((r) => r.subject === "bits" && r.status === "failed")?.reason).toBe(
      "integers differ",
    );
  });

  it("a generator whose state advances on a failed call, pointing at the spec on failed calls", async () => {
    const adapter = mutant("advances on error", {
      callMethod: (rng, call) => {
        try {
          return runMethodCall(rng, call);
        } catch (error) {
          rng.key();
          throw error;
        }
      },
    });
    const { results } = await runConformance(adapter, files, { filter: "errors/" });
    const advanced = results.filter((r) => r.reason?.startsWith("state advanced on error"));
    expect(advanced.length).toBeGreaterThan(0);
    expect(advanced.every((r) => r.spec === "spec/methods.md §2.6 Failed calls")).toBe(true);
    expect(failures(results)).toEqual(advanced);
  });

  it("a wrong dtype: float64 where float32 is expected", async () => {
    const adapter = mutant("float64 normal", {
      callFunction: (call) => {
        const result = runFunctionCall(call);
        if (result.dtype !== "float32") return result;
        return {
          dtype: "float64",
          shape: result.shape,
          data: Float64Array.from(result.data as Float32Array),
        } as NdArray;
      },
    });
    const { results } = await runConformance(adapter, [normalFile({ rule: "exact" })]);
    const float32 = results.filter((_, i) => i % 6 < 3);
    expect(float32.every((r) => r.reason === "dtype float64 instead of float32")).toBe(true);
    expect(failures(results)).toHaveLength(6);
  });

  it("a wrong shape: an extra leading axis", async () => {
    const adapter = mutant("extra axis", {
      callFunction: (call) => {
        const result = runFunctionCall(call);
        return { ...result, shape: [1, ...result.shape] } as NdArray;
      },
    });
    const { results } = await runConformance(adapter, [normalFile({ rule: "exact" })]);
    expect(results.every((r) => r.status === "failed")).toBe(true);
    expect(results[0].reason).toBe("shape [1, 5] instead of [5]");
    expect(results[0].spec).toBe("spec/samplers/normal.md § normal");
  });
});
