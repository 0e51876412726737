/**
 * The gap between the reference and JAX: the cases whose rule is not
 * `exact`, with the distance the reference shows on each, by sampler.
 * `jrng-vectors list --not-exact` prints it; the numerics work shrinks it.
 *
 * @module
 */
import type { NdArray } from "@jrng/core";
import { decodeElements, flushSubnormal, isFloatDType, ulpDistance } from "./encode.js";
import { isErrorCase, isGeneratorCall, type ExpectedArray, type ValueCase, type VectorCase } from "./format.js";
import { runCall } from "./generate.js";

/** One sampler's row: how many of its cases are not exact and how far the reference is. */
export interface NotExactRow {
  /** The function, or the generator methods of a stream case. */
  sampler: string;
  dtype: string;
  cases: number;
  /** The largest distance, in ULP of the dtype, over every element of every case. */
  maxUlp: number;
  /** The rule's bound. */
  bound: number;
  /** Ids of the cases. */
  ids: string[];
}

/**
 * The largest ULP distance between JAX's arrays and the reference's
 * (Infinity if they do not line up), with subnormals flushed to zero first
 * where the case's rule says so.
 */
export function distance(expected: ExpectedArray[], results: NdArray[], flush = false): number {
  let largest = 0;
  expected.forEach((array, index) => {
    const result = results[index];
    if (!result || result.data.length !== array.data.length) {
      largest = Infinity;
      return;
    }
    const want = decodeElements(array);
    for (let i = 0; i < want.length; i++) {
      if (isFloatDType(array.dtype)) {
        const dtype = array.dtype;
        const [a, b] = [want[i] as number, Number(result.data[i])].map((x) => (flush ? flushSubnormal(x, dtype) : x));
        largest = Math.max(largest, ulpDistance(a, b, dtype));
      } else if (array.dtype === "bool") {
        // JSON keeps booleans as true/false; a bool result holds them as 0/1.
        if (Boolean(want[i]) !== Boolean(result.data[i])) largest = Infinity;
      } else if (String(want[i]) !== String(result.data[i])) {
        largest = Infinity;
      }
    }
  });
  return largest;
}

/** Rows for every case flagged `not-exact`, sorted by sampler and dtype. */
export function notExactTable(cases: VectorCase[]): NotExactRow[] {
  const rows = new Map<string, NotExactRow>();
  for (const testCase of cases) {
    if (isErrorCase(testCase) || !testCase.flags?.includes("not-exact")) continue;
    const valueCase = testCase as ValueCase;
    const expected = Array.isArray(valueCase.expected) ? valueCase.expected : [valueCase.expected];
    const sampler = isGeneratorCall(valueCase.call)
      ? [...new Set(valueCase.call.calls.map((c) => c.method))].join("+")
      : valueCase.call.function;
    const dtype = expected.find((array) => isFloatDType(array.dtype))?.dtype ?? expected[0].dtype;
    let measured: number;
    try {
      const flush = valueCase.compare.subnormals === "flush";
      measured = distance(expected, runCall(valueCase.call), flush);
    } catch {
      measured = Infinity;
    }
    const key = `${sampler} ${dtype}`;
    const row = rows.get(key) ?? { sampler, dtype, cases: 0, maxUlp: 0, bound: 0, ids: [] };
    row.cases++;
    row.maxUlp = Math.max(row.maxUlp, measured);
    row.bound = Math.max(row.bound, valueCase.compare.rule === "ulp" ? valueCase.compare.maxUlp : 0);
    row.ids.push(valueCase.id);
    rows.set(key, row);
  }
  return [...rows.values()].sort((a, b) => a.sampler.localeCompare(b.sampler) || a.dtype.localeCompare(b.dtype));
}

/** The table as terminal lines. */
export function renderNotExact(rows: NotExactRow[]): string[] {
  if (rows.length === 0) return ["every case is exact: the reference reproduces JAX bit for bit"];
  const header = ["sampler", "dtype", "cases", "max ulp", "bound"];
  const body = rows.map((row) => [row.sampler, row.dtype, String(row.cases), String(row.maxUlp), String(row.bound)]);
  const widths = header.map((title, i) => Math.max(title.length, ...body.map((cells) => cells[i].length)));
  const line = (cells: string[]) =>
    cells.map((cell, i) => (i < 2 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join("  ");
  const total = rows.reduce((sum, row) => sum + row.cases, 0);
  const over = rows.filter((row) => row.maxUlp > row.bound);
  return [
    line(header),
    line(widths.map((w) => "-".repeat(w))),
    ...body.map(line),
    "",
    `${total} case(s) not exact in ${rows.length} sampler/dtype row(s)` +
      (over.length > 0 ? `; ${over.length} row(s) beyond their bound` : ""),
  ];
}
