// The browser tests (`npm run test:browser`): vitest's browser mode in the system's Chromium
// (Debian's `chromium` package; no browser is downloaded), driven by Playwright.
// Set JRNG_CHROMIUM to use another Chromium binary.
import { playwright } from "@vitest/browser-playwright";
import { defineConfig } from "vitest/config";

const executablePath = process.env.JRNG_CHROMIUM ?? "/usr/bin/chromium";

export default defineConfig({
  optimizeDeps: { include: ["@jax-js/jax"] },
  test: {
    include: ["packages/*/test/browser/**/*.browser.test.ts"],
    globalSetup: ["packages/jrng/test/browser/global-setup.ts"],
    reporters: ["default"],
    browser: {
      enabled: true,
      headless: true,
      screenshotFailures: false,
      provider: playwright({
        launchOptions: {
          executablePath,
          args: [
            "--no-sandbox",
            "--headless",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
          ],
        },
      }),
      instances: [{ browser: "chromium" }],
    },
  },
});
