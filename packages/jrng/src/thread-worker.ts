/**
 * A worker thread of the generator's pool (see `threads.ts`): it runs slice
 * tasks into the shared result buffer and counts each finished task in the
 * shared control array, waking the waiting generator thread.
 *
 * @module
 */
import { runSliceTask, type SliceTask } from "./slice-tasks.js";

/** The parts of Node's `worker_threads` a worker uses (the package has no Node types). */
interface WorkerSide {
  parentPort: { on(event: "message", listener: (message: SliceMessage) => void): void };
  workerData: {
    control: SharedArrayBuffer;
    readySlot: number;
    doneSlot: number;
    failedSlot: number;
  };
}

const host = globalThis as unknown as { process: { getBuiltinModule(id: string): unknown } };
const { parentPort, workerData } = host.process.getBuiltinModule(
  "node:worker_threads",
) as WorkerSide;

/** One slice to compute: elements `[start, end)` of `task`, at element `start` of `buffer`. */
interface SliceMessage {
  task: SliceTask;
  buffer: SharedArrayBuffer;
  start: number;
  end: number;
}

const control = new Int32Array(workerData.control);
const { readySlot, doneSlot, failedSlot } = workerData;

parentPort.on("message", ({ task, buffer, start, end }: SliceMessage) => {
  try {
    const Type = task.op === "randint32" ? Int32Array : Float32Array;
    runSliceTask(
      task,
      new Type(buffer as unknown as ArrayBuffer, 4 * start, end - start),
      start,
      end,
    );
  } catch {
    // The generator thread recomputes a failed slice itself.
    Atomics.add(control, failedSlot, 1);
  }
  Atomics.add(control, doneSlot, 1);
  Atomics.notify(control, doneSlot);
});
Atomics.store(control, readySlot, 1);
