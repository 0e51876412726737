/**
 * A worker thread of the generator's pool (see `threads.ts`): it claims
 * pieces of each task it is handed and computes them into the shared result
 * buffer (./pieces.ts), then counts the task as finished in the shared
 * control array, waking the waiting generator thread.
 *
 * @module
 */
import { runClaimedPieces } from "./pieces.js";
import type { SliceTask } from "./slice-tasks.js";

/** The parts of Node's `worker_threads` a worker uses (the package has no Node types). */
interface WorkerSide {
  parentPort: { on(event: "message", listener: (message: TaskMessage) => void): void };
  workerData: {
    control: SharedArrayBuffer;
    readySlot: number;
    doneSlot: number;
    failedSlot: number;
    pieceSlot: number;
  };
}

const host = globalThis as unknown as { process: { getBuiltinModule(id: string): unknown } };
const { parentPort, workerData } = host.process.getBuiltinModule(
  "node:worker_threads",
) as WorkerSide;

/** A task whose pieces of `pieceSize` elements go to its output, at `byteOffset` in `buffer`. */
interface TaskMessage {
  task: SliceTask;
  buffer: SharedArrayBuffer;
  byteOffset: number;
  pieceSize: number;
}

const control = new Int32Array(workerData.control);
const { readySlot, doneSlot, failedSlot, pieceSlot } = workerData;

parentPort.on("message", ({ task, buffer, byteOffset, pieceSize }: TaskMessage) => {
  try {
    const Type = task.op === "randint32" ? Int32Array : Float32Array;
    const out = new Type(buffer as unknown as ArrayBuffer, byteOffset, task.total);
    runClaimedPieces(task, out, pieceSize, control, pieceSlot);
  } catch {
    // The generator thread recomputes the task itself.
    Atomics.add(control, failedSlot, 1);
  }
  Atomics.add(control, doneSlot, 1);
  Atomics.notify(control, doneSlot);
});
Atomics.store(control, readySlot, 1);
