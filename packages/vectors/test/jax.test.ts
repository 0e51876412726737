import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import {
  allCases,
  callKey,
  isErrorCase,
  liveResults,
  loadVectorFiles,
  type ExpectedArray,
  type ValueCase,
} from "../src/index.js";

const VECTORS = fileURLToPath(new URL("../../../vectors", import.meta.url));
const LOCAL_VENV = fileURLToPath(new URL("../../../.venv-jax/bin/python", import.meta.url));
const COMPILATION_CACHE = fileURLToPath(new URL("../../../.cache/jax-compilation", import.meta.url));

/** A Python with jax: $JRNG_JAX_PYTHON, else the repository's .venv-jax (spec/vectors.md). */
const python = process.env.JRNG_JAX_PYTHON ?? (existsSync(LOCAL_VENV) ? LOCAL_VENV : undefined);
if (!python) {
  console.log(
    "real-JAX check skipped: no JAX found (set JRNG_JAX_PYTHON, or create .venv-jax with jax and jaxlib); " +
      "the committed vectors are checked without it",
  );
}

/** Every 40th JAX-computed case, and every case of a file that has few: a sample CI time allows. */
function sample(): ValueCase[] {
  const computed = allCases(loadVectorFiles(VECTORS).map(({ file }) => file))
    .map(({ testCase }) => testCase)
    .filter((testCase): testCase is ValueCase => !isErrorCase(testCase) && testCase.provenance.kind === "jax");
  return computed.filter((_, i) => i % 40 === 0);
}

function withoutDecimals(expected: ExpectedArray | ExpectedArray[]): unknown {
  const strip = ({ dtype, shape, data }: ExpectedArray) => ({ dtype, shape, data });
  return Array.isArray(expected) ? expected.map(strip) : strip(expected);
}

describe.skipIf(!python)("the committed vectors against real JAX", () => {
  it("hold what JAX computes now, for a sample of the cases", async () => {
    const cases = sample();
    expect(cases.length).toBeGreaterThan(50);
    const results = await liveResults(
      python!,
      cases.map((testCase) => testCase.call),
      { compilationCache: COMPILATION_CACHE },
    );
    for (const testCase of cases) {
      expect(results.replies.get(callKey(testCase.call)), testCase.id).toEqual({
        result: withoutDecimals(testCase.expected),
      });
    }
  }, 900_000);
});
