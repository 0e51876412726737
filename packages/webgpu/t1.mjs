import { createWebGPURandom } from "@jrng/webgpu";
import { bits, key } from "@jrng/core";
const r = await createWebGPURandom();
console.log(r.adapter);
const K = key(1);
for (const p of [true, false]) {
  const n = 1001;
  const g = await r.read(r.bits(K, n, p));
  const w = bits(K, [n], "uint32", { partitionable: p }).data;
  let bad = -1;
  for (let i = 0; i < n; i++)
    if (g[i] !== w[i]) {
      bad = i;
      break;
    }
  console.log(p, bad);
}
r.destroy();
console.log("done");
