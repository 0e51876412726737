/**
 * Reading and writing the `vectors/` directory.
 *
 * @module
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { VectorCase, VectorFile } from "./format.js";

/** The JSON Schema of the format, as shipped with this package. */
export const SCHEMA_PATH = fileURLToPath(new URL("../schema/vectors.schema.json", import.meta.url));

/** Read every `*.json` vectors file of a directory (not the schema), sorted by name. */
export function loadVectorFiles(directory: string): { name: string; file: VectorFile }[] {
  return readdirSync(directory)
    .filter((name) => name.endsWith(".json") && name !== "schema.json")
    .sort()
    .map((name) => ({ name, file: JSON.parse(readFileSync(join(directory, name), "utf8")) as VectorFile }));
}

/** Every case of some files, with its area. */
export function allCases(files: readonly VectorFile[]): { area: string; testCase: VectorCase }[] {
  return files.flatMap((file) =>
    file.groups.flatMap((group) => group.cases.map((testCase) => ({ area: file.area, testCase }))),
  );
}
