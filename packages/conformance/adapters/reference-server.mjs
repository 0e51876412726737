#!/usr/bin/env node
// The reference implementation served over the JSON Lines protocol: a
// template for JavaScript implementations tested as a separate process, and
// what the kit's own protocol tests run.
import { referenceAdapter, serveAdapter } from "@jrng/conformance";

await serveAdapter(referenceAdapter(), process.stdin, process.stdout);
