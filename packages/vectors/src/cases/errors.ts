/**
 * Calls a conforming implementation must reject, and for generators, without
 * advancing the stream.
 *
 * @module
 */
import type { GeneratorCall, MethodCall } from "../format.js";
import { fn, type AreaSpec, type ErrorSpec } from "./spec.js";

function afterOneDraw(stream: "split" | "fold_in", bad: MethodCall): GeneratorCall {
  return { generator: { seed: 5, stream, mode: "partitionable" }, calls: [{ method: "random", args: {} }, bad] };
}

const functional: ErrorSpec[] = [
  { comment: "non-integer seed", call: fn("key", undefined, "partitionable", { seed: 1.5 }), expectedError: "TypeError" },
  { comment: "seed of 2^64", call: fn("key", undefined, "partitionable", { seed: { $bigint: "18446744073709551616" } }), expectedError: "RangeError", rejectedByJax: true },
  { comment: "seed of 2^63, beyond int64", call: fn("key", undefined, "partitionable", { seed: { $bigint: "9223372036854775808" } }), expectedError: "RangeError", rejectedByJax: true },
  { comment: "seed of 2^63 with x64", call: fn("key", undefined, "partitionable", { seed: { $bigint: "9223372036854775808" } }, true), expectedError: "RangeError", rejectedByJax: true },
  { comment: "negative split count", call: fn("split", [0, 1], "partitionable", { num: -1 }), expectedError: "RangeError", rejectedByJax: true },
  { comment: "fractional split count", call: fn("split", [0, 1], "partitionable", { num: 2.5 }), expectedError: "TypeError" },
  { comment: "fold_in data beyond 32 bits", call: fn("foldIn", [0, 1], "partitionable", { data: 4294967296 }), expectedError: "RangeError", rejectedByJax: true },
  { comment: "bits with a signed dtype", call: fn("bits", [0, 1], "partitionable", { shape: [3], dtype: "int32" }), expectedError: "TypeError", rejectedByJax: true },
  { comment: "bits with a negative extent", call: fn("bits", [0, 1], "legacy", { shape: [2, -1], dtype: "uint32" }), expectedError: "RangeError", rejectedByJax: true },
  { comment: "uniform with an integer dtype", call: fn("uniform", [0, 1], "partitionable", { shape: [2], dtype: "int32" }), expectedError: "TypeError", rejectedByJax: true },
  { comment: "randint with a float dtype", call: fn("randint", [0, 1], "partitionable", { shape: [3], minval: 0, maxval: 10, dtype: "float32" }), expectedError: "TypeError", rejectedByJax: true },
  { comment: "gamma with an integer dtype", call: fn("gamma", [0, 1], "legacy", { a: 1, shape: [3], dtype: "int32" }), expectedError: "TypeError", rejectedByJax: true },
  { comment: "choice of 5 from 3 without replacement", call: fn("choice", [0, 1], "partitionable", { a: 3, shape: [5], replace: false }), expectedError: "RangeError", rejectedByJax: true },
  { comment: "uniform bounds that do not broadcast to shape", call: fn("uniform", [0, 1], "partitionable", { shape: [2], minval: [0, 1, 2] }), expectedError: "RangeError" },
  { comment: "threefry2x32 with a three-word counter", call: fn("threefry2x32", undefined, "partitionable", { key: [0, 0], counter: [0, 0, 0] }), expectedError: "TypeError" },
];

const generators: ErrorSpec[] = (["split", "fold_in"] as const).flatMap((stream): ErrorSpec[] => [
  { comment: `${stream}: random with a negative size`, call: afterOneDraw(stream, { method: "random", args: { size: -1 } }), expectedError: "RangeError" },
  { comment: `${stream}: random with a fractional size`, call: afterOneDraw(stream, { method: "random", args: { size: 2.5 } }), expectedError: "TypeError" },
  { comment: `${stream}: uniform with an infinite range`, call: afterOneDraw(stream, { method: "uniform", args: { low: -1e308, high: 1e308 } }), expectedError: "RangeError" },
  { comment: `${stream}: uniform bounds that do not broadcast to size`, call: afterOneDraw(stream, { method: "uniform", args: { low: [0, 1], high: 2, size: 3 } }), expectedError: "RangeError" },
  { comment: `${stream}: random with an integer dtype`, call: afterOneDraw(stream, { method: "random", args: { size: 2, dtype: "int32" } }), expectedError: "TypeError" },
  { comment: `${stream}: bytes of negative length`, call: afterOneDraw(stream, { method: "bytes", args: { length: -3 } }), expectedError: "RangeError" },
]);

export const errorsArea: AreaSpec = {
  area: "errors",
  description: "Calls that must be rejected with the given error kind; a rejected generator call must not advance the stream.",
  groups: [
    { name: "functions", description: "Bad seeds, shapes, dtypes and parameters of functional calls.", cases: functional },
    { name: "generators", description: "Bad method arguments after one successful draw; the state must be unchanged.", cases: generators },
  ],
};
