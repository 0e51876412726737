// Runs in Node before the browser tests: the expected values, computed by the same built
// package (`jrng`, i.e. packages/jrng/dist) in Node, handed to the page with `provide`.
import type { TestProject } from "vitest/node";
import { JRNG } from "jrng";
import { CONFIGS, draws } from "./draws.js";

export default function setup(project: TestProject): void {
  project.provide(
    "jrngExpected",
    CONFIGS.map((config) => draws(JRNG, config)),
  );
}
