import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The renderer is one static app; both hosts (Electron and `npm run serve`) load dist/renderer.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
  },
});
