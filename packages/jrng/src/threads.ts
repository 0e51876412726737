/**
 * Spreading large draws over threads with sliced generation (spec/sharding.md):
 * each thread computes one range of the result into one shared buffer, and
 * the slices together are the single-thread draw, bit for bit.
 *
 * Node only (`worker_threads`); elsewhere — browsers, whose main thread may
 * not block — every draw runs on the calling thread. JRNG's methods are
 * synchronous, so the generator thread hands the task to the workers with
 * `postMessage`; then every thread, the generator's included, claims pieces
 * of it from a shared counter until none is left (./pieces.ts), and the
 * generator thread blocks on `Atomics.wait` until the workers' counter says
 * they are done. Pool libraries (piscina,
 * tinypool) schedule through the caller's event loop and promises, which a
 * synchronous call never yields to, so the pool here is a small fixed set of
 * workers with that shared-memory hand-off.
 *
 * The pool starts lazily: the first draw large enough to use it runs on the
 * calling thread and asks for the pool on a timer (or, in a script that never
 * yields, the next such draw starts it); later draws use the workers that are
 * ready. Small draws never touch it. Workers are unref'd:
 * they do not keep a process alive.
 *
 * @module
 */
import { describe } from "@jrng/core/internal";
import { runClaimedPieces } from "./pieces.js";
import { runSliceTask, type SliceOutput, type SliceTask } from "./slice-tasks.js";

/**
 * Draws of fewer elements run on the calling thread: a hand-off costs tens of
 * microseconds, worth it from about 1 ms of work, which takes more elements
 * of cheap draws than of costly ones. (`gamma32`: about 1 ms in the relaxed
 * SIMD build's kernel, 2-3 ms in the SIMD build's; the JavaScript loop, where
 * WebAssembly SIMD is missing, takes about 20 times as long.)
 */
export const PARALLEL_MIN_ELEMENTS: Record<SliceTask["op"], number> = {
  uniform32: 1 << 18,
  uniformRange32: 1 << 17,
  randint32: 1 << 18,
  normal32: 1 << 15,
  normalLocScale32: 1 << 15,
  gamma32: 1 << 14,
};

/** The parts of Node's `worker_threads` used here. */
interface WorkerThreads {
  Worker: new (url: object, options: { workerData: unknown }) => NodeWorker;
}

/** The WHATWG URL constructor (Node and browsers; not in lib ES2022). */
const URLConstructor = (globalThis as unknown as { URL: new (url: string, base: string) => object })
  .URL;
interface NodeWorker {
  postMessage(message: unknown): void;
  unref(): void;
  on(event: "error", listener: () => void): void;
}

interface Pool {
  workers: NodeWorker[];
  /**
   * Per worker: ready flag; then the done and failed counters of the
   * current draw, and its next unclaimed piece.
   */
  control: Int32Array;
}

/**
 * Elements per piece a thread claims: a quarter of the parallel minimum,
 * about 0.2 ms of work, so that threads finish within about that of each
 * other while claiming costs next to nothing.
 */
function pieceElements(op: SliceTask["op"]): number {
  return PARALLEL_MIN_ELEMENTS[op] / 4;
}

let pool: Pool | null | undefined;

/**
 * The least time the generator thread waits for a worker's slice before it
 * gives up on the pool (it waits ten times its own slice's time if longer),
 * so that a dead worker cannot hang a call.
 */
const STALL_MS = 10_000;

function nodeBuiltin<T>(name: string): T | undefined {
  const host = globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } };
  return host.process?.getBuiltinModule?.(name) as T | undefined;
}

/** The number of threads a generator uses by default: the machine's parallelism (1 outside Node). */
export function defaultThreads(): number {
  const os = nodeBuiltin<{ availableParallelism?: () => number }>("node:os");
  return Math.max(1, Math.min(8, os?.availableParallelism?.() ?? 1));
}

/**
 * Check the `threads` option: a positive integer, or undefined for
 * {@link defaultThreads}.
 *
 * @throws TypeError otherwise.
 */
export function checkThreads(value: unknown): number {
  if (value === undefined) return defaultThreads();
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < 1) {
    throw new TypeError(`options.threads must be a positive integer, got ${describe(value)}`);
  }
  return value;
}

function startPool(size: number): Pool | null {
  const threads = nodeBuiltin<WorkerThreads>("node:worker_threads");
  if (threads === undefined) return null;
  const control = new Int32Array(new SharedArrayBuffer(4 * (size + 3)));
  const workers: NodeWorker[] = [];
  // This module runs from dist (the worker script sits beside it) or, under a
  // TypeScript test runner, from src: then the compiled worker in dist.
  const here = (import.meta as { url: string }).url;
  const script = here.endsWith(".ts")
    ? new URLConstructor("../dist/thread-worker.js", here)
    : new URLConstructor("./thread-worker.js", here);
  for (let i = 0; i < size; i++) {
    const worker = new threads.Worker(script, {
      workerData: {
        control: control.buffer,
        readySlot: i,
        doneSlot: size,
        failedSlot: size + 1,
        pieceSlot: size + 2,
      },
    });
    // A worker that fails to start never reports ready, and is never used.
    worker.on("error", () => Atomics.store(control, i, 0));
    worker.unref();
    workers.push(worker);
  }
  return { workers, control };
}

let poolRequested = false;

/**
 * Start the pool after the current task (a timer), so that the draw that
 * asks for it does not pay for spawning threads; if a second large draw
 * comes first (a script that never yields), start it then.
 */
function requestPool(): void {
  if (!poolRequested) {
    poolRequested = true;
    const timers = globalThis as unknown as {
      setTimeout(callback: () => void, ms: number): { unref?: () => void };
    };
    const timer = timers.setTimeout(() => {
      if (pool === undefined) pool = startPool(defaultThreads() - 1);
    }, 0);
    timer.unref?.();
    return;
  }
  pool = startPool(defaultThreads() - 1);
}

/**
 * Whether a draw of `op` of `total` elements may be split over threads: then its
 * output buffer should be shared ({@link allocateOutput}).
 */
function mayRunInParallel(op: SliceTask["op"], total: number, threads: number): boolean {
  return threads > 1 && total >= PARALLEL_MIN_ELEMENTS[op];
}

/** A typed-array constructor of the slice outputs. */
export interface OutputType<T extends SliceOutput> {
  new (length: number): T;
  new (buffer: ArrayBuffer, byteOffset: number, length: number): T;
}

/**
 * The buffer that outputs copied at once elsewhere reuse (see
 * {@link allocateOutput}), held weakly: the garbage collector may free it
 * between tasks, never during one.
 */
let reusableBuffer: WeakRef<ArrayBuffer> | undefined;

/** The reusable buffer if it is large enough and of the right kind, else a new one (then reused). */
function reusable(bytes: number, shared: boolean): ArrayBuffer {
  const held = reusableBuffer?.deref();
  const heldShared = typeof SharedArrayBuffer !== "undefined" && held instanceof SharedArrayBuffer;
  if (held !== undefined && held.byteLength >= bytes && heldShared === shared) return held;
  const buffer = shared
    ? (new SharedArrayBuffer(bytes) as unknown as ArrayBuffer)
    : new ArrayBuffer(bytes);
  reusableBuffer = new WeakRef(buffer);
  return buffer;
}

/**
 * The output array of a task of `op` of `total` elements: on a `SharedArrayBuffer`
 * when the draw may be split over threads. With `reuse`, for an output that
 * the caller copies before it draws again (into a jax-js array), one buffer
 * serves every such draw: its memory is already mapped, so writing the
 * result costs no page faults (about a third of `random`'s time with a fresh
 * 40 MB array).
 */
export function allocateOutput<T extends SliceOutput>(
  Type: OutputType<T>,
  op: SliceTask["op"],
  total: number,
  threads: number,
  reuse = false,
): T {
  const shared = mayRunInParallel(op, total, threads) && typeof SharedArrayBuffer !== "undefined";
  if (reuse) return new Type(reusable(4 * total, shared), 0, total);
  return shared
    ? new Type(new SharedArrayBuffer(4 * total) as unknown as ArrayBuffer, 0, total)
    : new Type(total);
}

/**
 * Compute `task` into `out`, on up to `threads` threads (this one included)
 * when the draw is large and the pool is ready, else on this thread alone.
 * The result is the same either way.
 */
export function runTask(task: SliceTask, out: SliceOutput, threads: number): void {
  const { total } = task;
  const shared =
    typeof SharedArrayBuffer !== "undefined" && out.buffer instanceof SharedArrayBuffer;
  if (!mayRunInParallel(task.op, total, threads) || !shared) {
    runSliceTask(task, out, 0, total);
    return;
  }
  if (pool === undefined) {
    requestPool();
    runSliceTask(task, out, 0, total);
    return;
  }
  const ready =
    pool === null ? [] : pool.workers.filter((_, i) => Atomics.load(pool!.control, i) === 1);
  const helpers = ready.slice(0, threads - 1);
  if (helpers.length === 0) {
    runSliceTask(task, out, 0, total);
    return;
  }
  const { control } = pool!;
  const doneSlot = pool!.workers.length;
  const failedSlot = doneSlot + 1;
  const pieceSlot = doneSlot + 2;
  const pieceSize = pieceElements(task.op);
  Atomics.store(control, doneSlot, 0);
  Atomics.store(control, failedSlot, 0);
  Atomics.store(control, pieceSlot, 0);
  for (const worker of helpers) {
    worker.postMessage({ task, buffer: out.buffer, byteOffset: out.byteOffset, pieceSize });
  }
  const started = Date.now();
  runClaimedPieces(task, out, pieceSize, control, pieceSlot);
  // A worker holds at most one piece now: give it ten times this thread's whole share.
  const patience = Math.max(STALL_MS, 10 * (Date.now() - started));
  let stalled = false;
  for (;;) {
    const done = Atomics.load(control, doneSlot);
    if (done === helpers.length) break;
    if (Atomics.wait(control, doneSlot, done, patience) === "timed-out") {
      // No worker finished in time: one may have died. Stop using the pool
      // and compute the draw here (a late worker writes the same values).
      stalled = true;
      pool = null;
      // A late worker may still write into this buffer: do not hand it out again.
      reusableBuffer = undefined;
      break;
    }
  }
  if (stalled || Atomics.load(control, failedSlot) > 0) {
    // A worker failed or stalled (it should not) in some piece: compute them all here, the same values.
    runSliceTask(task, out, 0, total);
  }
}

/** How many pool workers are ready now (0 before the pool starts, and outside Node). */
export function readyWorkers(): number {
  if (!pool) return 0;
  return pool.workers.filter((_, i) => Atomics.load(pool!.control, i) === 1).length;
}
