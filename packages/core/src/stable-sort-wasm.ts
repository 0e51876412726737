/**
 * The WebAssembly stable key sort (`assembly/stable-sort.ts`, compiled with
 * AssemblyScript at build time and embedded in
 * `generated/stable-sort-wasm.ts`): about three times the JavaScript radix
 * passes of `radix-sort.ts` on a million keys, with the same result. It is a
 * module of its own, with its own memory, which grows to hold the arrays it
 * sorts: growing detaches every view of the old buffer, and the Threefry
 * kernels keep views of theirs.
 *
 * A {@link SortWorkspace} holds one sort's arrays in that memory, so that the
 * shuffle rounds draw their keys straight into it and keep their values there
 * between rounds. Its memory is kept for the next sort up to
 * {@link RETAINED_BYTES}; a larger sort gets a module instance of its own,
 * which is garbage-collected with the workspace.
 *
 * Turned off with the other WebAssembly kernels (`setWasmKernelsEnabled`).
 *
 * @module
 */
import { STABLE_SORT_WASM_BASE64 } from "./generated/stable-sort-wasm.js";
import { decodeBase64, wasmKernelsEnabled, type WebAssemblyApi } from "./wasm-kernels.js";

/** The exports of the compiled module. */
interface SortExports {
  memory: { buffer: ArrayBuffer; grow(pages: number): number };
  heapBase(): number;
  sortValues(
    keys: number,
    values: number,
    iota: number,
    out: number,
    n: number,
    items: number,
    sortedItems: number,
  ): void;
}

/** Bytes per element: key, value and two 64-bit items. */
const BYTES_PER_ELEMENT = 4 + 4 + 8 + 8;

/** The most memory the shared instance keeps between sorts: 32 MiB, 1.4 million elements. */
export const RETAINED_BYTES = 32 * 2 ** 20;

const PAGE_BYTES = 65536;

/** The compiled module: `null` where WebAssembly is missing or forbids synchronous compilation. */
let compiled: { api: WebAssemblyApi; module: object } | null | undefined;
/** The instance whose memory is kept between sorts. */
let shared: SortExports | undefined;

function instantiate(): SortExports | null {
  if (compiled === undefined) {
    const api = (globalThis as { WebAssembly?: WebAssemblyApi }).WebAssembly;
    compiled = null;
    if (api !== undefined) {
      try {
        compiled = { api, module: new api.Module(decodeBase64(STABLE_SORT_WASM_BASE64)) };
      } catch {
        // A host that forbids synchronous compilation: the JavaScript sort runs.
      }
    }
  }
  if (compiled === null) return null;
  return new compiled.api.Instance(compiled.module, {}).exports as SortExports;
}

/**
 * The arrays of one stable sort of `length` int32 values by uint32 keys, in
 * the kernel's memory: write {@link keys} and {@link values}, then
 * {@link sort}. The views are re-created when the memory has grown, so a
 * workspace stays usable after other workspaces were made; but workspaces of
 * the shared instance share its memory, so only the last one made holds its
 * data.
 */
export class SortWorkspace {
  readonly #exports: SortExports;
  readonly #keysAt: number;
  readonly #valuesAt: number;
  readonly #itemsAt: number;
  readonly #sortedItemsAt: number;
  #keys: Uint32Array;
  #values: Int32Array;

  constructor(
    exports: SortExports,
    readonly length: number,
  ) {
    this.#exports = exports;
    // 64-bit items first, so that they are 8-byte aligned.
    this.#itemsAt = exports.heapBase();
    this.#sortedItemsAt = this.#itemsAt + 8 * length;
    this.#keysAt = this.#sortedItemsAt + 8 * length;
    this.#valuesAt = this.#keysAt + 4 * length;
    const end = this.#valuesAt + 4 * length;
    const size = exports.memory.buffer.byteLength;
    if (end > size) exports.memory.grow(Math.ceil((end - size) / PAGE_BYTES));
    this.#keys = new Uint32Array(exports.memory.buffer, this.#keysAt, length);
    this.#values = new Int32Array(exports.memory.buffer, this.#valuesAt, length);
  }

  #refresh(): void {
    const buffer = this.#exports.memory.buffer;
    if (this.#keys.buffer === buffer) return;
    this.#keys = new Uint32Array(buffer, this.#keysAt, this.length);
    this.#values = new Int32Array(buffer, this.#valuesAt, this.length);
  }

  /** The sort keys, read as uint32. */
  get keys(): Uint32Array {
    this.#refresh();
    return this.#keys;
  }

  /** The values; after {@link sort}, sorted. */
  get values(): Int32Array {
    this.#refresh();
    return this.#values;
  }

  /**
   * Sort the values stably by the keys, in place: equal keys keep their
   * values in input order. With `iota`, the values are taken to be the
   * positions `0 … length − 1` (they need not be written). The keys are
   * left unchanged.
   */
  sort(iota: boolean): void {
    this.#exports.sortValues(
      this.#keysAt,
      this.#valuesAt,
      iota ? 1 : 0,
      this.#valuesAt,
      this.length,
      this.#itemsAt,
      this.#sortedItemsAt,
    );
  }
}

/**
 * A workspace for sorting `length` elements with the WebAssembly kernel, or
 * `null` where WebAssembly is missing or the kernels are turned off.
 */
export function sortWorkspace(length: number): SortWorkspace | null {
  if (!wasmKernelsEnabled()) return null;
  if (length * BYTES_PER_ELEMENT > RETAINED_BYTES) {
    const own = instantiate();
    return own === null ? null : workspaceIn(own, length);
  }
  if (shared === undefined) {
    const exports = instantiate();
    if (exports === null) return null;
    shared = exports;
  }
  return workspaceIn(shared, length);
}

/**
 * A workspace in `exports`' memory, or `null` where the memory cannot grow
 * enough (a 32-bit memory holds at most 4 GiB, about 178 million elements):
 * the JavaScript sort takes those.
 */
function workspaceIn(exports: SortExports, length: number): SortWorkspace | null {
  try {
    return new SortWorkspace(exports, length);
  } catch (error) {
    if (error instanceof RangeError) return null;
    throw error;
  }
}
