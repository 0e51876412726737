/**
 * The JSON Lines protocol between the runner and an implementation in
 * another process. One request per line on the implementation's stdin, one
 * response per line on its stdout, in order:
 *
 * ```text
 * → {"id": 1, "op": "hello"}
 * ← {"id": 1, "ok": true, "capabilities": {"name": "…", "tiers": […], "functions": […], "methods": […], "modes": […], "streams": […]}}
 * → {"id": 2, "op": "call", "call": {"function": "bits", "key": [0, 1701], "mode": "legacy", "args": {"shape": [3], "dtype": "uint32"}}}
 * ← {"id": 2, "ok": true, "result": {"dtype": "uint32", "shape": [3], "data": [56197195, 4200222568, 961309823]}}
 * → {"id": 3, "op": "create", "generator": {"seed": 42, "stream": "split", "mode": "legacy"}}
 * ← {"id": 3, "ok": true, "handle": "g0"}
 * → {"id": 4, "op": "method", "handle": "g0", "call": {"method": "random", "args": {"size": -1}}}
 * ← {"id": 4, "ok": false, "error": {"kind": "TypeError", "message": "size must be …"}}
 * → {"id": 5, "op": "drop", "handle": "g0"}
 * ← {"id": 5, "ok": true}
 * → {"id": 6, "op": "close"}
 * ← {"id": 6, "ok": true}
 * ```
 *
 * Floats in results are numbers printed to round-trip, or `"0x…"` bit
 * patterns; 64-bit integers are decimal strings. The normative text is in
 * `spec/conformance-protocol.md`; the runner's side is the
 * {@link ProcessAdapter}.
 *
 * @module
 */
import { createInterface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import type { FunctionCall, GeneratorCall, MethodCall } from "@jrng/vectors";
import type { Adapter, Capabilities } from "./adapter.js";

/** A request line. */
export type Request =
  | { id: number; op: "hello" }
  | { id: number; op: "call"; call: FunctionCall }
  | { id: number; op: "create"; generator: GeneratorCall["generator"] }
  | { id: number; op: "method"; handle: string; call: MethodCall }
  | { id: number; op: "drop"; handle: string }
  | { id: number; op: "close" };

/** A response line. */
export type Response = { id: number } & (
  | { ok: true; capabilities?: Capabilities; result?: unknown; handle?: string }
  | { ok: false; error: { kind: string; message: string } }
);

/**
 * Serve an in-process adapter over the protocol on the given streams: the
 * way to run a JavaScript implementation as a separate process.
 */
export async function serveAdapter(
  adapter: Adapter,
  input: Readable,
  output: Writable,
): Promise<void> {
  const send = (response: Response) => output.write(JSON.stringify(response) + "\n");
  for await (const line of createInterface({ input })) {
    if (!line.trim()) continue;
    let request: Request;
    try {
      request = JSON.parse(line) as Request;
    } catch {
      send({
        id: -1,
        ok: false,
        error: { kind: "ProtocolError", message: `not a JSON request: ${line.slice(0, 200)}` },
      });
      continue;
    }
    const { id } = request;
    try {
      switch (request.op) {
        case "hello":
          send({ id, ok: true, capabilities: await adapter.capabilities() });
          break;
        case "call":
          send({ id, ...(await adapter.callFunction(request.call)) } as Response);
          break;
        case "create":
          send({ id, ok: true, handle: await adapter.createGenerator(request.generator) });
          break;
        case "method":
          send({ id, ...(await adapter.callMethod(request.handle, request.call)) } as Response);
          break;
        case "drop":
          await adapter.dropGenerator(request.handle);
          send({ id, ok: true });
          break;
        case "close":
          await adapter.close();
          send({ id, ok: true });
          return;
        default:
          send({
            id,
            ok: false,
            error: {
              kind: "ProtocolError",
              message: `unknown op ${JSON.stringify((request as { op: unknown }).op)}`,
            },
          });
      }
    } catch (error) {
      send({ id, ok: false, error: { kind: "AdapterError", message: (error as Error).message } });
    }
  }
}
