import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const webRoot = fileURLToPath(new URL('.', import.meta.url));
const projectRoot = fileURLToPath(new URL('..', import.meta.url));

export default defineConfig({
  root: webRoot,
  plugins: [react()],
  resolve: {
    // Shared zod contracts: the web's only source of types, enums and labels.
    alias: {
      '@contracts': `${projectRoot}contracts`,
      // Belenios 2.0 in TypeScript, pure (no Node APIs): the booth and the trustees' pages run the server's own code.
      '@belenios': `${projectRoot}server/features/votes/belenios`,
    },
  },
  build: {
    outDir: `${webRoot}dist`,
    emptyOutDir: true,
    // antd + react make one large vendor chunk; that is expected for an office intranet app.
    chunkSizeWarningLimit: 1500,
  },
  server: {
    // contracts/ lives outside the Vite root.
    fs: { allow: [projectRoot] },
    proxy: { '/api': 'http://localhost:3000' },
  },
});
