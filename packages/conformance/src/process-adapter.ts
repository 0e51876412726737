/**
 * The {@link ProcessAdapter}: an implementation in another process, spoken to
 * over the JSON Lines protocol (`protocol.ts`, spec/conformance-protocol.md).
 *
 * The process is started without a shell, in a process group of its own, so
 * that closing it ends everything it started. Each request has a timeout;
 * a reply that is not the protocol, a process that cannot start and one that
 * dies are {@link AdapterFault}s naming the command, never stack traces.
 *
 * @module
 */
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { createInterface } from "node:readline";
import { parse as parseShellWords } from "shell-quote";
import type { FunctionCall, GeneratorCall, MethodCall } from "@jrng/vectors";
import { AdapterFault, type Adapter, type CallOutcome, type Capabilities } from "./adapter.js";
import type { Request, Response } from "./protocol.js";

/** How long a request may take before it fails as timed out, by default (milliseconds). */
export const DEFAULT_TIMEOUT_MS = 15_000;

/**
 * How long a process has to start and answer `hello`, by default
 * (milliseconds): starting a runtime such as JAX takes seconds.
 */
export const DEFAULT_START_TIMEOUT_MS = 60_000;

/** How long `close` waits for the process to answer `close` and exit before ending it (milliseconds). */
export const CLOSE_GRACE_MS = 2_000;

/** How long the process group has after SIGTERM before SIGKILL (milliseconds). */
export const TERMINATE_GRACE_MS = 1_000;

/** A request without its id: what a caller sends. */
type RequestBody = Request extends infer R ? (R extends unknown ? Omit<R, "id"> : never) : never;

/** Options of a {@link ProcessAdapter}. */
export interface ProcessAdapterOptions {
  /** The working directory of the process. */
  cwd?: string;
  /** Fail a request that has no answer after this many milliseconds (default {@link DEFAULT_TIMEOUT_MS}). */
  timeoutMs?: number;
  /** Fail when `hello` has no answer after this many milliseconds (default {@link DEFAULT_START_TIMEOUT_MS}). */
  startTimeoutMs?: number;
}

/**
 * A command line split into its words as a POSIX shell would (quotes,
 * backslashes, `$VARIABLES` from the environment), with leading `NAME=value`
 * words taken as environment variables. Shell operators (`|`, `&&`, `>`,
 * globs, comments) are refused: the command runs without a shell.
 *
 * @throws TypeError when the command is empty or uses a shell operator.
 */
export function parseCommand(command: string): { argv: string[]; env: Record<string, string> } {
  const words = parseShellWords(command, (name) => process.env[name] ?? "");
  const argv: string[] = [];
  const env: Record<string, string> = {};
  for (const word of words) {
    if (typeof word !== "string") {
      const operator = "op" in word ? word.op : "comment" in word ? `#${word.comment}` : "?";
      throw new TypeError(
        `command ${JSON.stringify(command)}: the shell operator ${JSON.stringify(operator === "glob" && "pattern" in word ? word.pattern : operator)} is not supported (the command runs without a shell; wrap it in a script)`,
      );
    }
    const assignment = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(word);
    if (argv.length === 0 && assignment) env[assignment[1]] = assignment[2];
    else argv.push(word);
  }
  if (argv.length === 0) {
    throw new TypeError(`command ${JSON.stringify(command)} names no program`);
  }
  return { argv, env };
}

/** Process groups still running, ended if the kit exits without closing them. */
const liveGroups = new Set<ProcessAdapter>();
let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once("exit", () => {
    for (const adapter of liveGroups) adapter.kill("SIGKILL");
  });
}

/** A line of the adapter's output, quoted for a message (at most 200 characters). */
function quoteLine(line: string): string {
  return JSON.stringify(line.length > 200 ? `${line.slice(0, 200)}…` : line);
}

/** The last non-empty line of a text. */
function lastLine(text: string): string {
  const lines = text.split("\n").filter((line) => line.trim());
  return lines.length ? lines[lines.length - 1].trim() : "";
}

/** A request waiting for its answer. */
interface Pending {
  op: string;
  resolve(response: Response & { ok: boolean }): void;
  reject(fault: AdapterFault): void;
  timer: ReturnType<typeof setTimeout>;
}

/**
 * An {@link Adapter} for an implementation running as a subprocess speaking
 * the JSON Lines protocol.
 */
export class ProcessAdapter implements Adapter {
  readonly timesOutItself = true;
  /** The command as given, for messages. */
  readonly command: string;
  readonly #child: ChildProcessWithoutNullStreams;
  readonly #timeoutMs: number;
  readonly #startTimeoutMs: number;
  /** Requests sent and not answered, in the order sent (the order answers come in). */
  readonly #pending = new Map<number, Pending>();
  #nextId = 1;
  #helloAnswered = false;
  /** Set once the process cannot answer any more: why. */
  #ended: AdapterFault | null = null;
  #closed: Promise<void> | null = null;
  #stderr = "";
  readonly #exited: Promise<void>;

  /**
   * Start `command` (e.g. `python3 my_adapter.py --x64`), split into words as
   * {@link parseCommand} does, or an argument vector.
   *
   * @throws TypeError when the command uses shell operators or is empty.
   */
  constructor(command: string | readonly string[], options: ProcessAdapterOptions = {}) {
    const { argv, env } =
      typeof command === "string" ? parseCommand(command) : { argv: [...command], env: {} };
    if (argv.length === 0) throw new TypeError("the command names no program");
    this.command = typeof command === "string" ? command : argv.join(" ");
    this.#timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.#startTimeoutMs = options.startTimeoutMs ?? DEFAULT_START_TIMEOUT_MS;
    this.#child = spawn(argv[0], argv.slice(1), {
      cwd: options.cwd,
      env: { ...process.env, ...env },
      stdio: ["pipe", "pipe", "pipe"],
      // Its own process group (POSIX), so that ending it ends what it started.
      detached: process.platform !== "win32",
    });
    liveGroups.add(this);
    installExitHook();
    this.#child.stdin.on("error", () => {
      // Writing to a process that died: the exit handler reports it.
    });
    this.#child.stderr.on("data", (chunk: Buffer) => {
      this.#stderr = (this.#stderr + chunk.toString()).slice(-4000);
    });
    createInterface({ input: this.#child.stdout }).on("line", (line) => this.#receive(line));
    const stdoutEnded = new Promise<void>((resolve) => this.#child.stdout.once("close", resolve));
    this.#exited = new Promise((resolve) => {
      this.#child.once("error", (error) => {
        this.#end(
          new AdapterFault("start", `cannot start adapter \`${this.command}\`: ${error.message}`),
        );
        resolve();
      });
      this.#child.once("exit", (code, signal) => {
        // Read what it wrote before it died (a grandchild may hold the pipe open: wait briefly).
        void Promise.race([stdoutEnded, new Promise((r) => setTimeout(r, 200))]).then(() => {
          const how = signal ? `was killed by ${signal}` : `exited with status ${code}`;
          const when = this.#helloAnswered ? "" : " before answering hello";
          const stderr = lastLine(this.#stderr);
          this.#end(
            new AdapterFault(
              "exited",
              `adapter \`${this.command}\` ${how}${when}${stderr ? `; stderr: ${stderr}` : ""}`,
            ),
          );
          resolve();
        });
      });
    });
  }

  /** No more answers will come: fail every waiting request, and every later one, with `fault`. */
  #end(fault: AdapterFault): void {
    this.#ended ??= fault;
    for (const [id, pending] of this.#pending) {
      clearTimeout(pending.timer);
      this.#pending.delete(id);
      pending.reject(this.#ended);
    }
  }

  /** The oldest request still waiting: the one an answer line belongs to. */
  #oldest(): [number, Pending] | undefined {
    return this.#pending.entries().next().value;
  }

  #failOldest(message: (id: number, op: string) => string): void {
    const oldest = this.#oldest();
    if (!oldest) return;
    const [id, pending] = oldest;
    clearTimeout(pending.timer);
    this.#pending.delete(id);
    pending.reject(new AdapterFault("protocol", message(id, pending.op)));
  }

  #receive(line: string): void {
    if (!line.trim()) return;
    let response: unknown;
    try {
      response = JSON.parse(line);
    } catch {
      this.#failOldest(
        (id, op) =>
          `protocol error: the answer to request ${id} (${op}) is not JSON: ${quoteLine(line)}`,
      );
      return;
    }
    const candidate = response as Partial<Response> | null;
    if (
      typeof candidate !== "object" ||
      candidate === null ||
      typeof candidate.id !== "number" ||
      typeof candidate.ok !== "boolean"
    ) {
      this.#failOldest(
        (id, op) =>
          `protocol error: the answer to request ${id} (${op}) is not a response (an object with a numeric "id" and a boolean "ok"): ${quoteLine(line)}`,
      );
      return;
    }
    const pending = this.#pending.get(candidate.id);
    if (!pending) {
      // A late answer to a request that timed out, or the server's complaint about a request (id -1).
      if (candidate.id < this.#nextId && candidate.id > 0) return;
      this.#failOldest(
        (id, op) =>
          `protocol error: request ${id} (${op}) was answered with id ${candidate.id}: ${quoteLine(line)}`,
      );
      return;
    }
    clearTimeout(pending.timer);
    this.#pending.delete(candidate.id);
    pending.resolve(candidate as Response);
  }

  #request(body: RequestBody): Promise<Response> {
    if (this.#ended) return Promise.reject(this.#ended);
    const id = this.#nextId++;
    const timeoutMs = body.op === "hello" ? this.#startTimeoutMs : this.#timeoutMs;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#pending.delete(id);
        reject(
          new AdapterFault(
            "timeout",
            `adapter \`${this.command}\` did not answer request ${id} (${body.op}) within ${timeoutMs} ms`,
          ),
        );
      }, timeoutMs);
      this.#pending.set(id, { op: body.op, resolve, reject, timer });
      this.#child.stdin.write(JSON.stringify({ id, ...body }) + "\n");
    });
  }

  async capabilities(): Promise<Capabilities> {
    const response = await this.#request({ op: "hello" });
    this.#helloAnswered = true;
    const capabilities = response.ok ? response.capabilities : undefined;
    if (
      !capabilities ||
      typeof capabilities !== "object" ||
      !["tiers", "functions", "methods", "modes", "streams"].every((field) =>
        Array.isArray((capabilities as unknown as Record<string, unknown>)[field]),
      )
    ) {
      throw new AdapterFault(
        "protocol",
        `protocol error: adapter \`${this.command}\` answered hello without capabilities (name, tiers, functions, methods, modes, streams): ${quoteLine(JSON.stringify(response))}`,
      );
    }
    return capabilities;
  }

  #outcome(response: Response, op: string): CallOutcome {
    if (response.ok) {
      const result = response.result as Record<string, unknown> | undefined;
      if (
        !result ||
        typeof result.dtype !== "string" ||
        !Array.isArray(result.shape) ||
        !Array.isArray(result.data)
      ) {
        throw new AdapterFault(
          "protocol",
          `protocol error: the answer to request ${response.id} (${op}) has no result array {"dtype", "shape", "data"}: ${quoteLine(JSON.stringify(response))}`,
        );
      }
      return { ok: true, result: response.result as never };
    }
    const error = (response as { error?: { kind?: unknown; message?: unknown } }).error;
    return {
      ok: false,
      error: {
        kind: typeof error?.kind === "string" ? error.kind : "Error",
        message: typeof error?.message === "string" ? error.message : JSON.stringify(error),
      },
    };
  }

  async callFunction(call: FunctionCall): Promise<CallOutcome> {
    return this.#outcome(await this.#request({ op: "call", call }), "call");
  }

  async createGenerator(generator: GeneratorCall["generator"]): Promise<string> {
    const response = await this.#request({ op: "create", generator });
    if (!response.ok) {
      throw new Error(
        `could not create a generator: ${response.error?.kind}: ${response.error?.message}`,
      );
    }
    if (typeof response.handle !== "string") {
      throw new AdapterFault(
        "protocol",
        `protocol error: the answer to request ${response.id} (create) has no string "handle": ${quoteLine(JSON.stringify(response))}`,
      );
    }
    return response.handle;
  }

  async callMethod(handle: string, call: MethodCall): Promise<CallOutcome> {
    return this.#outcome(await this.#request({ op: "method", handle, call }), "method");
  }

  async dropGenerator(handle: string): Promise<void> {
    await this.#request({ op: "drop", handle });
  }

  /**
   * Ask the process to close, then end its whole process group: whatever it
   * started is gone when this resolves.
   */
  close(): Promise<void> {
    this.#closed ??= this.#close();
    return this.#closed;
  }

  async #close(): Promise<void> {
    if (!this.#ended) {
      await Promise.race([
        this.#request({ op: "close" }).catch(() => undefined),
        this.#exited,
        new Promise((resolve) => setTimeout(resolve, CLOSE_GRACE_MS)),
      ]);
    }
    this.#child.stdin.end();
    await this.#terminate();
  }

  /** SIGTERM to the process group, then SIGKILL to what is left after a grace period. */
  async #terminate(): Promise<void> {
    this.kill("SIGTERM");
    // Children may outlive the process itself: wait for the whole group, not just its leader.
    const deadline = Date.now() + TERMINATE_GRACE_MS;
    while (this.#groupAlive() && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    if (this.#groupAlive()) this.kill("SIGKILL");
    await Promise.race([this.#exited, new Promise((resolve) => setTimeout(resolve, 500))]);
    liveGroups.delete(this);
    this.#end(new AdapterFault("exited", `adapter \`${this.command}\` was closed`));
  }

  #groupAlive(): boolean {
    const pid = this.#child.pid;
    if (pid === undefined) return false;
    try {
      process.kill(process.platform === "win32" ? pid : -pid, 0);
      return true;
    } catch {
      return false;
    }
  }

  /**
   * Send `signal` to the process and everything in its process group (on
   * Windows, to the process alone).
   */
  kill(signal: NodeJS.Signals): void {
    const pid = this.#child.pid;
    if (pid === undefined) return;
    try {
      if (process.platform === "win32") this.#child.kill(signal);
      else process.kill(-pid, signal);
    } catch {
      // Already gone.
    }
  }
}
