/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The application build: served by the gateway at /console/, same origin as /api.
// `npm run dev` proxies /api to a running gateway (bin/atlas up), so the console can be developed against the suite.
export default defineConfig({
  base: '/console/',
  plugins: [react()],
  build: {
    outDir: 'dist/app',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
    rollupOptions: {
      output: {
        // Vendor libraries in their own long-lived chunks; each page is its own chunk (React.lazy in src/shell/routes).
        manualChunks(id: string) {
          if (!id.includes('node_modules')) return undefined;
          if (id.includes('echarts') || id.includes('zrender')) return 'vendor-echarts';
          if (id.includes('@tiptap') || id.includes('prosemirror')) return 'vendor-tiptap';
          // What every screen needs, in two long-lived chunks the shell loads at start.
          if (/[\\/]node_modules[\\/](react|react-dom|scheduler|react-router|react-router-dom|cookie|set-cookie-parser)[\\/]/.test(id)) return 'vendor-react';
          if (id.includes('@tanstack')) return 'vendor-query';
          return undefined;
        },
      },
    },
  },
  server: {
    proxy: {
      '/api': {
        target: process.env.ATLAS_GATEWAY ?? 'http://localhost:8080',
        // The gateway refuses writes from a foreign Origin (CORS); through the dev proxy the console is same-origin.
        configure: (proxy) => proxy.on('proxyReq', (request) => request.removeHeader('origin')),
      },
    },
  },
  test: {
    environment: 'jsdom',
    globals: true,
    setupFiles: ['src/test-setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    css: false,
    // antd in jsdom renders slowly on a loaded 2-core machine (CI shares it with six JVMs): a test fails on what it
    // asserts, not on the wall clock. Playwright's and Testing Library's waits keep their own (shorter) timeouts.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
