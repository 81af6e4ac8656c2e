import { defineConfig } from "vite";
import { resolve } from "node:path";

// Pages are plain HTML + one TypeScript module each; the build lands in dist/, which the host serves at /.
export default defineConfig({
  build: {
    outDir: "dist",
    emptyOutDir: true,
    chunkSizeWarningLimit: 600, // the reports page carries its chart library (ECharts, ~180 kB gzipped)
    rollupOptions: {
      input: {
        index: resolve(__dirname, "index.html"),
        login: resolve(__dirname, "login.html"),
        wallboard: resolve(__dirname, "wallboard.html"),
        agent: resolve(__dirname, "agent.html"),
        duty: resolve(__dirname, "duty.html"),
        roster: resolve(__dirname, "roster.html"),
        grader: resolve(__dirname, "grader.html"),
        workorders: resolve(__dirname, "workorders.html"),
        knowledge: resolve(__dirname, "knowledge.html"),
        report: resolve(__dirname, "report.html"),
        reports: resolve(__dirname, "reports.html"),
        history: resolve(__dirname, "history.html"),
        admin: resolve(__dirname, "admin.html"),
      },
    },
  },
});
