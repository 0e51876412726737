// The @jrng/webgpu suite on its own (npm run test:webgpu): forked workers, so that Dawn's
// native module and the VK_ICD_FILENAMES set by scripts/setup-software-vulkan.sh reach them,
// one file at a time, and timeouts for a software (CPU) adapter.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["packages/webgpu/test/**/*.test.ts"],
    pool: "forks",
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
    reporters: ["default"],
  },
});
