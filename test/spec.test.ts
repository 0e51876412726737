/**
 * Keeps spec/ true: every worked example in the spec runs and gives the value
 * written next to it, and the method and function indexes (spec/methods.md,
 * spec/functions.md) match what `jrng` and `@jrng/core` export, defaults
 * included.
 *
 * Example format (spec/README.md, "Worked examples"): a fenced code block
 * whose info string is `ts example`. Every line ending in `// => EXPECTED` is
 * a call whose result must equal EXPECTED, a JSON value (64-bit integers as
 * decimal strings), or `// => throws RangeError` / `TypeError`. Other lines
 * run as written. Every export of `@jrng/core` and `JRNG` are in scope.
 */
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import * as core from "@jrng/core";
import { JRNG } from "jrng";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const specDir = join(root, "spec");

function specFiles(): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith(".md")) files.push(path);
    }
  };
  walk(specDir);
  return files.sort();
}

const read = (name: string) => readFileSync(join(specDir, name), "utf8");

// ---------------------------------------------------------------------------
// Normalising results for comparison.

interface Normal {
  dtype?: string;
  value: unknown;
}

const isTyped = (x: unknown): x is ArrayLike<number | bigint> =>
  ArrayBuffer.isView(x) && !(x instanceof DataView);

function plain(x: unknown): unknown {
  if (typeof x === "bigint") return x.toString();
  if (isTyped(x)) return Array.from(x as ArrayLike<number | bigint>, plain);
  if (Array.isArray(x)) return x.map(plain);
  return x;
}

function nest(flat: unknown[], shape: readonly number[]): unknown {
  if (shape.length === 0) return flat[0];
  const [n, ...rest] = shape;
  const step = rest.reduce((a, b) => a * b, 1);
  return Array.from({ length: n }, (_, i) => nest(flat.slice(i * step, (i + 1) * step), rest));
}

function normalise(result: unknown): Normal {
  if (result instanceof JRNG) return { value: plain(result.state) };
  if (typeof result === "object" && result !== null) {
    const r = result as Record<string, unknown>;
    if (typeof r.js === "function" && typeof r.dtype === "string") {
      // A jax-js array.
      return { dtype: r.dtype, value: plain((r.js as () => unknown).call(result)) };
    }
    if (typeof r.dtype === "string" && Array.isArray(r.shape) && isTyped(r.data)) {
      let flat = plain(r.data) as unknown[];
      if (r.dtype === "bool") flat = flat.map((x) => x !== 0);
      return { dtype: r.dtype, value: nest(flat, r.shape as number[]) };
    }
    if (result instanceof Float32Array) return { dtype: "float32", value: plain(result) };
    if (isTyped(result)) return { value: plain(result) };
    if (Array.isArray(result)) {
      const parts = result.map(normalise);
      return { dtype: parts[0]?.dtype, value: parts.map((p) => p.value) };
    }
    return {
      value: Object.fromEntries(Object.entries(r).map(([k, v]) => [k, normalise(v).value])),
    };
  }
  return { value: plain(result) };
}

/** Equal, with expected float32 numbers read as the float32 they denote. */
function matches(expected: unknown, actual: unknown, dtype: string | undefined): boolean {
  if (typeof expected === "number" && typeof actual === "number") {
    if (Number.isNaN(expected)) return Number.isNaN(actual);
    return (dtype === "float32" ? Math.fround(expected) : expected) === actual;
  }
  if (Array.isArray(expected)) {
    return (
      Array.isArray(actual) &&
      actual.length === expected.length &&
      expected.every((e, i) => matches(e, actual[i], dtype))
    );
  }
  if (typeof expected === "object" && expected !== null) {
    if (typeof actual !== "object" || actual === null) return false;
    const a = actual as Record<string, unknown>;
    const keys = Object.keys(expected);
    return (
      keys.length === Object.keys(a).length &&
      keys.every((k) => matches((expected as Record<string, unknown>)[k], a[k], dtype))
    );
  }
  return expected === actual;
}

// ---------------------------------------------------------------------------
// Worked examples.

interface Example {
  file: string;
  line: number;
  code: string[];
}

function examples(path: string): Example[] {
  const lines = readFileSync(path, "utf8").split("\n");
  const found: Example[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)(`{3,})\s*ts\s+example\s*$/.exec(lines[i]);
    if (!open) continue;
    const fence = open[2];
    const code: string[] = [];
    const start = i + 1;
    for (i++; i < lines.length && lines[i].trim() !== fence; i++) code.push(lines[i]);
    found.push({ file: relative(root, path), line: start, code });
  }
  return found;
}

const CHECK = /^(.*?);?\s*\/\/ => (.*)$/;

/** Bracket depth change of a line of code (strings and comments are not expected to hold brackets). */
function depthChange(code: string): number {
  let depth = 0;
  for (const ch of code) {
    if ("([{".includes(ch)) depth++;
    else if (")]}".includes(ch)) depth--;
  }
  return depth;
}

/**
 * Turn an example into code: each statement (one line, or several while brackets are open, as
 * Prettier wraps long calls) that ends in `// => EXPECTED` becomes a checked call.
 */
function compile(example: Example): string {
  const out: string[] = [];
  let buffer: string[] = [];
  let depth = 0;
  example.code.forEach((text, i) => {
    const m = CHECK.exec(text);
    const code = m ? m[1] : text.replace(/\/\/.*$/, "");
    depth += depthChange(code);
    if (depth > 0) {
      buffer.push(text);
      return;
    }
    if (!m) {
      out.push(...buffer, text);
      buffer = [];
      return;
    }
    const expression = [...buffer, m[1]].join("\n").trim();
    const expectedText = m[2].trim();
    buffer = [];
    const line = example.line + i + 1;
    const thrown = /^throws (TypeError|RangeError)$/.exec(expectedText);
    out.push(
      thrown
        ? `__throws(() => (${expression}), ${JSON.stringify(thrown[1])}, ${line});`
        : `__check(() => (${expression}), ${JSON.stringify(expectedText)}, ${line}, ${JSON.stringify(expression)});`,
    );
  });
  return [...out, ...buffer].join("\n");
}

function run(example: Example): number {
  let checks = 0;
  const check = (compute: () => unknown, expectedText: string, line: number, source: string) => {
    let expected: unknown;
    try {
      expected = JSON.parse(expectedText);
    } catch {
      throw new Error(`${example.file}:${line}: expected value is not JSON: ${expectedText}`);
    }
    const { dtype, value } = normalise(compute());
    if (!matches(expected, value, dtype)) {
      throw new Error(
        `${example.file}:${line}: ${source}\n  expected ${expectedText}\n  got      ${JSON.stringify(value)}${dtype ? ` (${dtype})` : ""}`,
      );
    }
    checks++;
  };
  const throws = (compute: () => unknown, kind: string, line: number) => {
    let error: unknown;
    try {
      compute();
    } catch (e) {
      error = e;
    }
    if (!(error instanceof Error) || error.name !== kind) {
      throw new Error(`${example.file}:${line}: expected a ${kind}, got ${String(error)}`);
    }
    checks++;
  };
  const names = Object.keys(core).filter((name) => /^[A-Za-z_$][\w$]*$/.test(name));
  const body = `const { ${names.join(", ")} } = __core;\n${compile(example)}`;
  new Function("__core", "JRNG", "__check", "__throws", body)(core, JRNG, check, throws);
  return checks;
}

describe("worked examples in spec/", () => {
  const all = specFiles().flatMap(examples);

  it("there are examples, in several chapters", () => {
    expect(new Set(all.map((e) => e.file)).size).toBeGreaterThanOrEqual(5);
  });

  it.each(all.map((e) => [`${e.file}:${e.line}`, e] as const))("%s", (_, example) => {
    expect(run(example)).toBeGreaterThan(0);
  });

  it("the harness rejects a wrong value and a missing error", () => {
    const wrong: Example = { file: "x.md", line: 0, code: ["key(1); // => [0, 2]"] };
    expect(() => run(wrong)).toThrow(/expected \[0, 2\]/);
    const quiet: Example = { file: "x.md", line: 0, code: ["key(1); // => throws RangeError"] };
    expect(() => run(quiet)).toThrow(/expected a RangeError/);
    const f32: Example = {
      file: "x.md",
      line: 0,
      code: ["new JRNG(42, { stream: 'fold_in' }).uniform(); // => 0.5302607"],
    };
    expect(() => run(f32)).toThrow(/expected 0.5302607/);
    const wrapped: Example = {
      file: "x.md",
      line: 0,
      code: ["split(", "  key(0),", "  3,", "); // => [[0, 0], [0, 0], [0, 0]]"],
    };
    expect(() => run(wrapped)).toThrow(/x.md:4: split/);
  });
});

// ---------------------------------------------------------------------------
// The method and function indexes.

interface Parameter {
  name: string;
  optional: boolean;
  /** The default as written, when there is one. */
  default?: string;
}

interface Entry {
  name: string;
  kind: "method" | "getter" | "static" | "constructor" | "function";
  parameters: Parameter[];
  /** Listed under a heading marked "(pending)": may not exist yet. */
  pending: boolean;
  line: number;
}

function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote = "";
  let current = "";
  for (const ch of text) {
    if (quote) {
      if (ch === quote) quote = "";
    } else if (ch === '"' || ch === "'") quote = ch;
    else if ("([{".includes(ch)) depth++;
    else if (")]}".includes(ch)) depth--;
    if (ch === "," && depth === 0 && !quote) {
      parts.push(current.trim());
      current = "";
    } else current += ch;
  }
  if (current.trim()) parts.push(current.trim());
  return parts;
}

function parseParameters(text: string): Parameter[] {
  return splitTopLevel(text).map((part) => {
    const eq = /^(\w+)\s*=\s*(.+)$/.exec(part);
    if (eq) return { name: eq[1], optional: true, default: eq[2] };
    const opt = /^(?:\.\.\.)?(\w+)\?$/.exec(part) ?? /^\.\.\.(\w+)$/.exec(part);
    if (opt) return { name: opt[1], optional: true };
    if (/^\w+$/.test(part)) return { name: part, optional: false };
    throw new Error(`cannot read parameter "${part}"`);
  });
}

/**
 * Index rows: a table row whose signature column (`column`) is a code span
 * `name(params)`, `JRNG.name(params)` (static), `new JRNG(params)` or `name`
 * (a getter).
 */
function indexEntries(
  file: string,
  column: number,
  header: string,
  kind: "method" | "function",
): Entry[] {
  const entries: Entry[] = [];
  let pending = false;
  let inIndex = false;
  read(file)
    .split("\n")
    .forEach((text, i, lines) => {
      const heading = /^#+\s/.exec(text);
      if (heading) pending = /\(pending\)/i.test(text);
      if (!text.startsWith("|")) return;
      const cells = text
        .slice(1, -1)
        .split(/(?<!\\)\|/)
        .map((c) => c.trim());
      // A table's first row is its header: only tables whose `column` is headed `header` are indexes.
      if (!lines[i - 1]?.startsWith("|")) inIndex = cells[column] === header;
      if (!inIndex) return;
      const cell = cells[column] ?? "";
      const sig = /^`(new |JRNG\.)?(\w+)(?:\((.*)\))?`$/.exec(cell);
      if (!sig) return;
      const [, prefix, name, params] = sig;
      const entryKind: Entry["kind"] =
        kind === "function"
          ? "function"
          : prefix === "new "
            ? "constructor"
            : prefix === "JRNG."
              ? "static"
              : params === undefined
                ? "getter"
                : "method";
      entries.push({
        name,
        kind: entryKind,
        parameters: params === undefined ? [] : parseParameters(params),
        pending,
        line: i + 1,
      });
    });
  return entries;
}

/** A JSON-readable default (numbers, strings, booleans, null, []); others are described in prose. */
function literal(text: string): { ok: boolean; value?: unknown } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

const k0 = core.key(0);

/** Values for required parameters, so that defaults after them can be exercised. */
const REQUIRED_METHOD_ARGS: Record<string, Record<string, unknown>> = {
  standardGamma: { shape: 2 },
  gamma: { shape: 2 },
  integers: { low: 5 },
  integers64: { low: 5 },
  choice: { a: 5 },
  permutation: { x: 6 },
  permuted: { x: [1, 2, 3, 4] },
  shuffle: { x: [1, 2, 3, 4] },
};

const REQUIRED_FUNCTION_ARGS: Record<string, Record<string, unknown>> = {
  foldIn: { data: 3 },
  truncatedNormal: { lower: -1, upper: 2 },
  doubleSidedMaxwell: { loc: 0, scale: 1 },
  wald: { mean: 1.5 },
  geometric: { p: 0.3 },
  pareto: { b: 2 },
  rayleigh: { scale: 2 },
  weibullMin: { scale: 1, concentration: 1.5 },
  triangular: { left: 0, mode: 1, right: 3 },
  gamma: { a: 2 },
  loggamma: { a: 2 },
  beta: { a: 2, b: 3 },
  dirichlet: { alpha: [1, 2, 3] },
  chisquare: { df: 3 },
  f: { dfnum: 2, dfden: 5 },
  t: { df: 3 },
  poisson: { lam: 3 },
  binomial: { n: 10, p: 0.3 },
  multinomial: { n: 10, p: [0.2, 0.3, 0.5] },
  multivariateNormal: {
    mean: [0, 0],
    cov: [
      [1, 0],
      [0, 1],
    ],
  },
  hypergeometric: { ngood: 5, nbad: 3, nsample: 4 },
  logseries: { p: 0.5 },
  negativeBinomial: { n: 3, p: 0.4 },
  noncentralChisquare: { df: 3, nonc: 1 },
  noncentralF: { dfnum: 2, dfden: 5, nonc: 1 },
  power: { a: 2 },
  vonmises: { mu: 0, kappa: 1 },
  zipf: { a: 2 },
  randint: { shape: [3], minval: 0, maxval: 10 },
  categorical: { logits: [0.1, 0.2, 0.7] },
  permutation: { x: 5 },
  choice: { a: 5 },
  ball: { d: 3 },
  orthogonal: { n: 3 },
  generalizedNormal: { p: 1.5 },
  multivariateHypergeometric: { colors: [5, 3, 2], nsample: 4 },
};

function callArgs(
  entry: Entry,
  upTo: number,
  required: Record<string, unknown>,
): unknown[] | undefined {
  const args: unknown[] = [];
  for (const p of entry.parameters.slice(0, upTo)) {
    if (p.name === "key" && entry.kind === "function") args.push(k0);
    else if (p.name in required) args.push(structuredClone(required[p.name]));
    else if (p.default !== undefined) {
      // A default described in prose (e.g. `shape = a.shape`) is taken by passing undefined.
      const d = literal(p.default);
      args.push(d.ok ? d.value : undefined);
    } else if (p.optional) args.push(undefined);
    else return undefined;
  }
  return args;
}

/** Each literal default: omitting it equals passing it. */
function checkDefaults(
  entry: Entry,
  required: Record<string, unknown>,
  call: (args: unknown[]) => unknown,
): number {
  let checked = 0;
  entry.parameters.forEach((p, i) => {
    if (p.default === undefined) return;
    const d = literal(p.default);
    if (!d.ok) return;
    const args = callArgs(entry, i, required);
    if (!args) return;
    // Fresh copies per call: `shuffle` writes its result into a JavaScript array argument.
    const omitted = normalise(call(structuredClone(args)));
    const given = normalise(call([...structuredClone(args), d.value]));
    expect(given, `${entry.name}: ${p.name} = ${p.default}`).toEqual(omitted);
    checked++;
  });
  return checked;
}

describe("spec/methods.md lists exactly the JRNG API", () => {
  const entries = indexEntries("methods.md", 1, "TypeScript", "method");
  const documented = new Set(entries.map((e) => e.name));
  const rng = new JRNG(0);

  it("has an index", () => {
    expect(entries.length).toBeGreaterThan(40);
  });

  it("every documented method exists", () => {
    for (const e of entries) {
      if (e.pending) continue;
      const where = `spec/methods.md:${e.line} ${e.name}`;
      if (e.kind === "constructor") expect(e.name, where).toBe("JRNG");
      else if (e.kind === "static")
        expect(typeof (JRNG as unknown as Record<string, unknown>)[e.name], where).toBe("function");
      else if (e.kind === "getter") expect(e.name in rng, where).toBe(true);
      else
        expect(typeof (rng as unknown as Record<string, unknown>)[e.name], where).toBe("function");
    }
  });

  it("every public method, getter and static of JRNG is documented", () => {
    // JRNG's methods live on its chain of method-family classes; the root of
    // that chain (GeneratorBase) holds only protected helpers, which are not API.
    const chain: object[] = [];
    for (
      let proto = JRNG.prototype;
      proto !== Object.prototype;
      proto = Object.getPrototypeOf(proto)
    )
      chain.push(proto);
    expect(chain.length).toBeGreaterThan(2);
    const own = chain
      .slice(0, -1)
      .flatMap((proto) => Object.getOwnPropertyNames(proto))
      .filter((n) => n !== "constructor");
    const statics = Object.getOwnPropertyNames(JRNG).filter(
      (n) => typeof (JRNG as unknown as Record<string, unknown>)[n] === "function",
    );
    const fields = Object.keys(rng);
    expect([...own, ...statics, ...fields].filter((n) => !documented.has(n))).toEqual([]);
  });

  it("documented defaults: omitting an argument equals passing its default", () => {
    let checked = 0;
    for (const e of entries) {
      if (e.kind !== "method") continue;
      const method = (rng as unknown as Record<string, unknown>)[e.name];
      if (typeof method !== "function") continue;
      checked += checkDefaults(e, REQUIRED_METHOD_ARGS[e.name] ?? {}, (args) =>
        (new JRNG(1) as unknown as Record<string, (...a: unknown[]) => unknown>)[e.name](...args),
      );
    }
    expect(checked).toBeGreaterThan(20);
  });

  it("parameter counts match the implementation", () => {
    // Function.length counts the parameters before the first one with a default value: it
    // lies between the documented required parameters and all documented parameters.
    for (const e of entries) {
      if (e.kind !== "method" || e.pending) continue;
      const method = (rng as unknown as Record<string, (...a: unknown[]) => unknown>)[e.name];
      const required = e.parameters.filter((p) => !p.optional).length;
      expect(method.length, `${e.name}: parameters`).toBeGreaterThanOrEqual(required);
      expect(method.length, `${e.name}: parameters`).toBeLessThanOrEqual(e.parameters.length);
    }
  });
});

describe("spec/functions.md lists exactly the functions of @jrng/core", () => {
  const entries = indexEntries("functions.md", 0, "function", "function");
  const documented = new Set(entries.map((e) => e.name));
  const exported = Object.entries(core)
    .filter(([, v]) => typeof v === "function")
    .map(([name]) => name);

  it("every exported function is listed", () => {
    expect(exported.filter((n) => !documented.has(n))).toEqual([]);
  });

  it("every listed function is exported (pending ones once they land)", () => {
    const missing = entries.filter((e) => !e.pending && !exported.includes(e.name));
    expect(missing.map((e) => `${e.name} (line ${e.line})`)).toEqual([]);
  });

  it("parameter counts match the implementation (plus the options argument)", () => {
    for (const e of entries) {
      const fn = (core as Record<string, unknown>)[e.name];
      if (typeof fn !== "function") continue;
      const required = e.parameters.filter((p) => !p.optional).length;
      expect(fn.length, `${e.name}: parameters`).toBeGreaterThanOrEqual(required);
      expect(fn.length, `${e.name}: parameters`).toBeLessThanOrEqual(e.parameters.length + 1);
    }
  });

  it("documented defaults: omitting an argument equals passing its default", () => {
    let checked = 0;
    for (const e of entries) {
      const fn = (core as Record<string, unknown>)[e.name];
      if (typeof fn !== "function" || e.name === "bitsInto") continue;
      checked += checkDefaults(e, REQUIRED_FUNCTION_ARGS[e.name] ?? {}, (args) =>
        (fn as (...a: unknown[]) => unknown)(...args),
      );
    }
    expect(checked).toBeGreaterThan(30);
  });
});
