/// <reference types="vitest/config" />
import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

// The Host serves the build (web/dist → its wwwroot); `npm run dev` proxies the API to ./run.sh's Host.
export default defineConfig({
  plugins: [react()],
  build: { outDir: "dist", emptyOutDir: true, chunkSizeWarningLimit: 1024 },
  server: { proxy: { "/api": process.env.MODULAR_HTTP_URL ?? "http://localhost:5080" } },
  // The first render of the whole app (every screen imported) takes seconds on a loaded 2-core box, not a hang.
  test: { environment: "jsdom", testTimeout: 30_000, setupFiles: ["./src/test-setup.ts"], include: ["src/**/*.test.tsx", "src/**/*.test.ts"] },
});
