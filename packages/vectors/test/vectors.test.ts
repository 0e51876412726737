import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import Ajv2020 from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import {
  allCases,
  compareArray,
  describeRule,
  flushSubnormal,
  encodeArray,
  float32Hex,
  formatJson,
  floatFromHex,
  isErrorCase,
  loadVectorFiles,
  main,
  SCHEMA_PATH,
  ulpDistance,
  type ValueCase,
} from "../src/index.js";

const VECTORS = fileURLToPath(new URL("../../../vectors", import.meta.url));
const files = loadVectorFiles(VECTORS);
const cases = allCases(files.map(({ file }) => file));

describe("the committed vectors", () => {
  it("are exactly what the generator produces from the committed JAX values (jrng-vectors check --offline)", async () => {
    const lines: string[] = [];
    const code = await main(["check", "--offline", "--dir", VECTORS, "--quiet"], {
      out: (l) => lines.push(l),
      err: (l) => lines.push(l),
    });
    expect(lines.join("\n")).toMatch(/match a fresh generation \(expected values from the committed vectors\)/);
    expect(lines.join("\n")).toMatch(/were not recomputed \(--offline\)/);
    expect(code).toBe(0);
    // Regenerates every case (mirror rules replay their generators): a minute on a loaded machine.
  }, 60_000);

  it("hold at least 3,000 cases, almost all of them JAX's own values", () => {
    expect(cases.length).toBeGreaterThanOrEqual(3000);
    const kinds = new Map<string, number>();
    for (const { testCase } of cases) {
      const kind = isErrorCase(testCase) ? "error" : testCase.provenance.kind;
      kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
    }
    expect(kinds.get("jax")).toBeGreaterThan(0.9 * cases.length);
    for (const { file } of files) {
      expect(file.provenance).toMatchObject({ platform: "cpu", producedBy: expect.stringContaining("jrng_jax.py") });
      expect(file.provenance.jax).toMatch(/^\d+\.\d+\.\d+/);
    }
  });

  it("give every mirror case the reason JAX cannot compute it", () => {
    for (const { testCase } of cases) {
      if (isErrorCase(testCase) || testCase.provenance.kind !== "mirror") continue;
      expect(testCase.provenance.reason, testCase.id).toMatch(/no counterpart|only with jax_enable_x64/);
    }
  });

  it("flag exactly the cases whose rule is not exact", () => {
    for (const { testCase } of cases) {
      if (isErrorCase(testCase) || testCase.provenance.kind !== "jax") continue;
      expect(testCase.flags?.includes("not-exact") ?? false, testCase.id).toBe(testCase.compare.rule !== "exact");
    }
  });

  it("validate against the JSON Schema", () => {
    const schema = JSON.parse(readFileSync(SCHEMA_PATH, "utf8"));
    const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);
    for (const { name, file } of files) {
      const valid = validate(file);
      expect(validate.errors ?? [], name).toEqual([]);
      expect(valid).toBe(true);
    }
  });

  it("have unique ids, and a computed case beside every JAX-observed one", () => {
    const ids = cases.map(({ testCase }) => testCase.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids.filter((x) => x.endsWith("-jax"))) expect(ids).toContain(id.slice(0, -4));
  });

  it("keep JAX-observed, JAX-computed and mirror provenance apart", () => {
    for (const { testCase } of cases) {
      if (isErrorCase(testCase)) continue;
      const observed = testCase.provenance.kind === "jax-observed";
      expect(testCase.id.endsWith("-jax"), testCase.id).toBe(observed);
      if (testCase.provenance.kind === "jax-observed") expect(testCase.provenance.citation).toMatch(/\S/);
    }
  });

  it("cover both modes, both streams, every width and the shape kinds", () => {
    const json = files.map(({ file }) => formatJson(file)).join("\n");
    for (const needle of ['"mode": "legacy"', '"mode": "partitionable"', '"stream": "split"', '"stream": "fold_in"']) {
      expect(json).toContain(needle);
    }
    for (const dtype of ["uint8", "uint16", "uint32", "uint64", "float32", "float64"]) expect(json).toContain(`"dtype": "${dtype}"`);
    const shapes = cases
      .filter(({ testCase }) => !isErrorCase(testCase))
      .flatMap(({ testCase }) => [(testCase as ValueCase).expected].flat().map((e) => e.shape));
    expect(shapes.some((s) => s.length === 0)).toBe(true);
    expect(shapes.some((s) => s.includes(0))).toBe(true);
    expect(shapes.some((s) => s.length >= 3)).toBe(true);
  });

  it("stay small enough to clone and read (under 16 MB)", () => {
    const total = files.reduce((sum, { file }) => sum + formatJson(file).length, 0);
    expect(total).toBeLessThan(16_000_000);
  });
});

describe("encoding and comparison", () => {
  it("round-trips float bit patterns", () => {
    for (const x of [0, -0, 0.1, -3.5e-45, 3.4028234663852886e38, Infinity]) {
      expect(floatFromHex(float32Hex(x))).toBe(Math.fround(x));
    }
    expect(encodeArray({ dtype: "float32", shape: [1], data: Float32Array.of(0.5) }).data).toEqual(["0x3f000000"]);
  });

  it("measures ulp distance across zero and at the ends", () => {
    expect(ulpDistance(1, Math.fround(1 + 2 ** -23), "float32")).toBe(1);
    expect(ulpDistance(2 ** -149, -(2 ** -149), "float32")).toBe(2);
    expect(ulpDistance(1, 1 + 2 ** -52, "float64")).toBe(1);
    expect(ulpDistance(NaN, 1, "float32")).toBe(Infinity);
  });

  it("reports the first differing element with values, bits and ulp", () => {
    const expected = encodeArray({ dtype: "float32", shape: [2], data: Float32Array.of(1, 2) });
    const got = { dtype: "float32", shape: [2], data: Float32Array.of(1, Math.fround(2 + 2 ** -22)) };
    expect(compareArray(expected, got, { rule: "exact" })).toMatchObject({
      index: 1,
      expected: "2",
      expectedBits: "0x40000000",
      gotBits: "0x40000001",
      ulp: 1,
    });
    expect(compareArray(expected, got, { rule: "ulp", maxUlp: 1 })).toBeNull();
    expect(compareArray(expected, { ...got, shape: [1, 2] }, { rule: "exact" })?.reason).toMatch(/shape/);
    const ints = encodeArray({ dtype: "uint64", shape: [1], data: BigUint64Array.of(2n ** 64n - 1n) });
    expect(ints.data).toEqual(["18446744073709551615"]);
    expect(compareArray(ints, { dtype: "uint64", shape: [1], data: BigUint64Array.of(1n) }, { rule: "exact" })?.index).toBe(0);
  });

  it("defines ulp distance on the ordered integers: +0 = -0, NaN = NaN, infinity one past the largest float", () => {
    expect(ulpDistance(0, -0, "float32")).toBe(0);
    expect(ulpDistance(NaN, NaN, "float64")).toBe(0);
    expect(ulpDistance(3.4028234663852886e38, Infinity, "float32")).toBe(1);
    expect(ulpDistance(-1, 1, "float32")).toBe(2 * 0x3f800000);
    expect(ulpDistance(2 ** -1074, 0, "float64")).toBe(1);
  });

  it("compares floats under exact and ulp rules: every element counted, the bound inclusive", () => {
    const f32 = (...xs: number[]) => ({ dtype: "float32", shape: [xs.length], data: Float32Array.from(xs) });
    const nudged = (x: number, k: number) => {
      const bits = new Uint32Array(Float32Array.of(x).buffer);
      bits[0] += k;
      return new Float32Array(bits.buffer)[0];
    };
    const expected = encodeArray(f32(1, -2, 0.5) as never);
    const got = f32(nudged(1, 3), nudged(-2, 5), 0.5);
    expect(compareArray(expected, got, { rule: "ulp", maxUlp: 5 })).toBeNull();
    expect(compareArray(expected, got, { rule: "ulp", maxUlp: 4 })).toMatchObject({
      index: 1,
      ulp: 5,
      count: 1,
      maxUlp: 5,
      reason: "more than 4 ulp apart",
    });
    expect(compareArray(expected, got, { rule: "exact" })).toMatchObject({ index: 0, count: 2, maxUlp: 5 });
    // exact is bit for bit: the sign of zero counts, any NaN equals any NaN.
    expect(compareArray(encodeArray(f32(0) as never), f32(-0), { rule: "exact" })?.reason).toBe("floats differ");
    expect(compareArray(encodeArray(f32(NaN) as never), f32(NaN), { rule: "exact" })).toBeNull();
    expect(compareArray(encodeArray(f32(NaN) as never), f32(1), { rule: "ulp", maxUlp: 1000 })?.ulp).toBe(Infinity);
  });

  it("flushes subnormals to a zero of the same sign only under subnormals: flush", () => {
    const subnormal = 2 ** -140;
    const expected = encodeArray({ dtype: "float32", shape: [2], data: Float32Array.of(0, -0) });
    const got = { dtype: "float32", shape: [2], data: Float32Array.of(subnormal, 0) };
    expect(compareArray(expected, got, { rule: "exact" })).toMatchObject({ index: 0, ulp: 2 ** 9 });
    expect(compareArray(expected, got, { rule: "exact", subnormals: "flush" })).toBeNull();
    expect(compareArray(expected, got, { rule: "ulp", maxUlp: 0, subnormals: "flush" })).toBeNull();
    const normal = { dtype: "float32", shape: [2], data: Float32Array.of(2 ** -126, 0) };
    expect(compareArray(expected, normal, { rule: "exact", subnormals: "flush" })?.index).toBe(0);
    expect(flushSubnormal(-(2 ** -1030), "float64")).toBe(-0);
    expect(Object.is(flushSubnormal(-(2 ** -1030), "float64"), -0)).toBe(true);
  });

  it("describes rules as the report prints them", () => {
    expect(describeRule({ rule: "exact" })).toBe("exact");
    expect(describeRule({ rule: "ulp", maxUlp: 4, subnormals: "flush" })).toBe("≤ 4 ulp, subnormals flushed");
  });
});

describe("the CLI", () => {
  it("lists and shows cases, and rejects unknown ids", async () => {
    const lines: string[] = [];
    const output = { out: (l: string) => lines.push(l), err: (l: string) => lines.push(l) };
    expect(await main(["list", "--dir", VECTORS], output)).toBe(0);
    expect(lines.at(-1)).toMatch(/^\d+ cases$/);
    lines.length = 0;
    expect(await main(["show", "keys/split/001-jax", "--dir", VECTORS], output)).toBe(0);
    expect(JSON.parse(lines.join("\n")).provenance.kind).toBe("jax-observed");
    expect(await main(["show", "nope/none/001", "--dir", VECTORS], output)).toBe(1);
    expect(await main(["frobnicate"], output)).toBe(2);
  });

  it("refuses unknown options, and says in one line when JAX cannot start", async () => {
    const lines: string[] = [];
    const output = { out: (l: string) => lines.push(l), err: (l: string) => lines.push(l) };
    expect(await main(["list", "--dri", VECTORS], output)).toBe(2);
    expect(lines[0]).toMatch(/Unknown option '--dri'/);
    lines.length = 0;
    const python = "/nonexistent/python3";
    expect(await main(["generate", "--jax", python, "--out", VECTORS + "-unused", "--quiet"], output)).toBe(1);
    expect(lines).toEqual([expect.stringMatching(/^jrng-vectors generate: \/nonexistent\/python3 .*could not start/)]);
  });

  it("prints the gap between the reference and JAX by sampler (list --not-exact)", async () => {
    const lines: string[] = [];
    const output = { out: (l: string) => lines.push(l), err: (l: string) => lines.push(l) };
    expect(await main(["list", "--not-exact", "--dir", VECTORS], output)).toBe(0);
    const flagged = cases.filter(({ testCase }) => testCase.flags?.includes("not-exact")).length;
    if (flagged === 0) expect(lines).toEqual(["every case is exact: the reference reproduces JAX bit for bit"]);
    else expect(lines.at(-1)).toMatch(new RegExp(`^${flagged} case\\(s\\) not exact in \\d+ sampler/dtype row`));
  });
});
