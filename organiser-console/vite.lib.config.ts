import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The library build: every page as a React component taking {eventId, apiBase, getToken}, for ONSITE ATLAS's
// client to mount in its event portal (docs/console.md). React, antd, React Router and TanStack Query are the
// host's: they stay external so the host's single copies are used.
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist/lib',
    emptyOutDir: true,
    lib: {
      entry: 'src/lib/index.ts',
      formats: ['es'],
      fileName: 'onsite-atlas-console',
    },
    rollupOptions: {
      external: [
        'react',
        'react-dom',
        'react/jsx-runtime',
        'antd',
        /^antd\//,
        '@ant-design/icons',
        'react-router-dom',
        '@tanstack/react-query',
        'dayjs',
        /^dayjs\//,
      ],
    },
  },
});
