/**
 * The draws a generator may spread over threads, described as plain data (so
 * that a worker can run them) and computed slice by slice with `@jrng/core`'s
 * sliced generation (spec/sharding.md): the slices of one task, computed on
 * any threads, are the whole draw, bit for bit.
 *
 * @module
 */
import { gamma, uniform } from "@jrng/core";
import { normalFloat32Into, randint32Into, unitFloat32Into } from "@jrng/core/internal";
import { SLICE_ELEMENTS } from "./slices.js";

/**
 * What every task carries: its key, the threefry mode, JAX's `x64` switch
 * (the `@jrng/core` options of the generator) and the draw's size.
 */
interface TaskBase {
  key: [number, number];
  partitionable: boolean;
  x64: boolean;
  total: number;
}

/** A draw of `total` elements under one key, as data. */
export type SliceTask =
  | (TaskBase & { op: "uniform32" })
  | (TaskBase & { op: "uniformRange32"; low: number; high: number })
  | (TaskBase & { op: "randint32"; low: number; high: number })
  | (TaskBase & { op: "normal32" })
  | (TaskBase & { op: "normalLocScale32"; loc: number; scale: number })
  | (TaskBase & { op: "gamma32"; a: number; scale: number });

/** The typed array each task's elements are written to. */
export type SliceOutput = Float32Array | Int32Array;

/**
 * Compute elements `[start, end)` of `task` into `out` (of `end - start`
 * elements). Every task is elementwise with scalar parameters, so its
 * flattened draw is the draw of shape `[total]`.
 */
export function runSliceTask(task: SliceTask, out: SliceOutput, start: number, end: number): void {
  const key = Uint32Array.from(task.key);
  const { partitionable, total } = task;
  switch (task.op) {
    case "uniform32":
      unitFloat32Into(key, out as Float32Array, partitionable, start, total);
      return;
    case "randint32":
      randint32Into(key, out as Int32Array, task.low, task.high, partitionable, start, total);
      return;
    case "normal32":
      normalFloat32Into(key, out as Float32Array, partitionable, start, total);
      return;
    case "normalLocScale32":
      normalFloat32Into(key, out as Float32Array, partitionable, start, total);
      shiftAndScaleFloat32(out as Float32Array, task.loc, task.scale);
      return;
    case "uniformRange32":
    case "gamma32":
      // A sampler of @jrng/core, a sub-slice at a time: its intermediates stay in the cache.
      for (let from = start; from < end; from += SLICE_ELEMENTS) {
        const to = Math.min(end, from + SLICE_ELEMENTS);
        out.set(sampleSlice(task, key, [from, to]), from - start);
      }
      if (task.op === "gamma32") scaleFloat32(out as Float32Array, task.scale);
      return;
  }
}

/**
 * `loc + scale · z` for each float32 `z` of `values`, in place: NumPy's
 * `normal` on the standard normal, in float32 as the generator's `locScale`
 * does it (each operand and each step rounded to float32).
 */
function shiftAndScaleFloat32(values: Float32Array, loc: number, scale: number): void {
  const loc32 = Math.fround(loc);
  const scale32 = Math.fround(scale);
  for (let i = 0; i < values.length; i++) {
    values[i] = Math.fround(loc32 + Math.fround(scale32 * values[i]));
  }
}

/**
 * `scale · x` for each float32 `x` of `values`, in place, as the generator's
 * `scaled` does it (the scale rounded to float32, then each product).
 */
function scaleFloat32(values: Float32Array, scale: number): void {
  const scale32 = Math.fround(scale);
  if (scale32 === 1) return; // 1 · x is x for every float32, NaN included
  for (let i = 0; i < values.length; i++) values[i] = Math.fround(scale32 * values[i]);
}

/** Elements `[from, to)` of a task computed by a `@jrng/core` sampler. */
function sampleSlice(
  task: Extract<SliceTask, { op: "uniformRange32" | "gamma32" }>,
  key: Uint32Array,
  slice: [number, number],
): Float32Array {
  const options = { partitionable: task.partitionable, x64: task.x64, slice };
  const shape = [task.total];
  switch (task.op) {
    case "uniformRange32":
      return uniform(key, shape, "float32", task.low, task.high, options).data as Float32Array;
    case "gamma32":
      return gamma(key, task.a, shape, "float32", options).data as Float32Array;
  }
}
