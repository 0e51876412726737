import { configDefaults, defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["packages/*/test/**/*.test.ts", "test/**/*.test.ts"],
    // Browser tests run in Chromium with vitest.browser.config.ts (`npm run test:browser`).
    exclude: [...configDefaults.exclude, "**/test/browser/**"],
    reporters: ["default"],
  },
});
