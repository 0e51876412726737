#!/usr/bin/env node
import { main } from "../dist/cli.js";

// Ctrl-C and SIGTERM end the run through process.exit, whose exit hook ends the adapter's process group.
for (const signal of ["SIGINT", "SIGTERM"]) process.once(signal, () => process.exit(130));

const status = await main(process.argv.slice(2));
process.exitCode = status;
// Whatever an in-process adapter left running, the kit ends within a bounded time.
globalThis.setTimeout(() => process.exit(status), 1000).unref();
