import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { isErrorCase, loadVectorFiles, type VectorFile } from "@jrng/vectors";
import { ProcessAdapter, runConformance, summarizeProvenance } from "../src/index.js";

// Real JAX through the shipped adapter. A Python with JAX is named by JRNG_JAX_PYTHON, or is the
// repository's .venv-jax; without one these tests skip, saying why. JRNG_JAX_SAMPLE sets how many
// cases the full check runs (default 120, evenly spread; "all" for every case: about 15 minutes).
const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const ADAPTER = fileURLToPath(new URL("../adapters/jax_adapter.py", import.meta.url));
const MODULE = process.env.JRNG_JAX_MODULE ?? `${ROOT}packages/vectors/python/jrng_jax.py`;
const PYTHON =
  process.env.JRNG_JAX_PYTHON ??
  (existsSync(`${ROOT}.venv-jax/bin/python`) ? `${ROOT}.venv-jax/bin/python` : undefined);
const files = loadVectorFiles(`${ROOT}vectors`).map(({ file }) => file);
const fromJax = (summarizeProvenance(files).byKind.jax ?? 0) > 0;

const missing = !PYTHON
  ? "no Python with JAX (set JRNG_JAX_PYTHON, or create .venv-jax)"
  : !existsSync(MODULE)
    ? `no ${MODULE.slice(ROOT.length)}, the module that calls JAX`
    : null;
if (missing) console.log(`skipped: the conformance kit over real JAX: ${missing}`);
if (!missing && !fromJax) {
  console.log(
    "skipped: the full check of real JAX: the committed vectors were computed by the reference, not JAX (regenerate them with jrng-vectors generate --jax)",
  );
}

/** The adapter over real JAX, with time for JAX to start and compile. */
function jaxAdapter(): ProcessAdapter {
  // XLA's compiled programs are kept between runs, in the system's temporary directory.
  return new ProcessAdapter(
    [PYTHON!, ADAPTER, `--compilation-cache=${join(tmpdir(), "jrng-jax-compilation-cache")}`],
    {
      timeoutMs: 120_000,
      startTimeoutMs: 120_000,
    },
  );
}

/**
 * The ids of the value cases whose values JAX computed or printed, spread evenly to `count` of
 * them. (A `mirror` case is one JAX cannot express, such as `integers` with `endpoint`.)
 */
function sample(vectorFiles: readonly VectorFile[], count: number): Set<string> {
  const ids = vectorFiles.flatMap((file) =>
    file.groups.flatMap((group) =>
      group.cases.filter((c) => !isErrorCase(c) && c.provenance.kind !== "mirror").map((c) => c.id),
    ),
  );
  if (count >= ids.length) return new Set(ids);
  return new Set(
    Array.from({ length: count }, (_, i) => ids[Math.floor((i * ids.length) / count)]),
  );
}

describe.skipIf(missing !== null)("real JAX through jax_adapter.py", () => {
  it("declares the exact and ulp tiers, both modes and both streams, and reproduces values JAX printed", async () => {
    const adapter = jaxAdapter();
    try {
      const { capabilities, results } = await runConformance(adapter, files, {
        filter: /^bits\/jax-observed\/00[12356]-jax$/,
      });
      expect(capabilities.name).toMatch(/^JAX \d+\.\d+\.\d+ \(jaxlib /);
      expect(capabilities.tiers).toEqual(["exact", "ulp"]);
      expect(capabilities.modes).toEqual(["partitionable", "legacy"]);
      expect(capabilities.streams).toEqual(["split", "fold_in"]);
      expect(capabilities.functions).toEqual(
        expect.arrayContaining(["bits", "normal", "gamma", "foldIn"]),
      );
      expect(results.length).toBeGreaterThan(0);
      expect(results.filter((r) => r.status !== "passed")).toEqual([]);
    } finally {
      await adapter.close();
    }
  }, 300_000);

  it.skipIf(!fromJax)(
    "passes every exact and ulp case of the JAX-computed vectors it runs",
    async () => {
      const wanted =
        process.env.JRNG_JAX_SAMPLE === "all"
          ? Infinity
          : Number(process.env.JRNG_JAX_SAMPLE ?? 120);
      const ids = sample(files, wanted);
      const adapter = jaxAdapter();
      try {
        const { results, stopped } = await runConformance(adapter, files, {
          filter: (id) => ids.has(id),
        });
        expect(stopped).toBeUndefined();
        expect(results.filter((r) => r.status === "failed")).toEqual([]);
        // What it skips, it skips for lack of a JAX counterpart, never for a mode or stream.
        const reasons = new Set(
          results.filter((r) => r.status === "skipped").map((r) => r.reason?.split(" ")[0]),
        );
        expect([...reasons].every((reason) => reason === "function" || reason === "method")).toBe(
          true,
        );
        expect(results.filter((r) => r.status === "passed").length).toBeGreaterThan(0);
      } finally {
        await adapter.close();
      }
    },
    1_800_000,
  );
});
