import { configDefaults, defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["packages/*/test/**/*.test.ts", "test/**/*.test.ts"],
    // Browser tests run in Chromium with vitest.browser.config.ts (`npm run test:browser`).
    exclude: [...configDefaults.exclude, "**/test/browser/**"],
    // Under CI, also write a JSON report; .ci/run prints its totals as its last line.
    reporters: process.env.CI
      ? ["default", ["json", { outputFile: ".ci/vitest-report.json" }]]
      : ["default"],
  },
});
