import * as core from "@jrng/core";
import { shuffleIndices, shuffledPrefix } from "@jrng/core/internal";
const k = core.key(0);
for (const partitionable of [true, false]) for (const n of [1, 2, 17, 1000, 100000, 1e6]) {
  const full = shuffleIndices(k, [n], 0, partitionable);
  const d = Math.min(n, 50);
  const pre = shuffledPrefix(k, n, d, partitionable);
  const same = Array.from(pre).every((x, i) => x === full[i]);
  console.log(partitionable, n, same);
}
for (const n of [1e7, 1e8]) {
  const t = performance.now();
  const r = core.choice(k, n, [3], false);
  console.log(n, Array.from(r.data), (performance.now() - t).toFixed(0), "ms");
}
