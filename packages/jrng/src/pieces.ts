/**
 * A task cut into pieces that threads claim one at a time from a shared
 * counter: a thread that runs slower (another process on its core, a worker
 * that starts late) takes fewer pieces, and none waits long for another.
 * Each piece is a slice of the draw (spec/sharding.md), so whichever thread
 * computes it, the result is the same.
 *
 * @module
 */
import { runSliceTask, type SliceOutput, type SliceTask } from "./slice-tasks.js";

/**
 * Claim pieces of `pieceSize` elements of `task` from `counter[slot]` (the
 * next unclaimed piece) and compute each into `out` (the whole output),
 * until none is left.
 */
export function runClaimedPieces(
  task: SliceTask,
  out: SliceOutput,
  pieceSize: number,
  counter: Int32Array,
  slot: number,
): void {
  for (;;) {
    const start = Atomics.add(counter, slot, 1) * pieceSize;
    if (start >= task.total) return;
    const end = Math.min(task.total, start + pieceSize);
    runSliceTask(task, out.subarray(start, end), start, end);
  }
}
