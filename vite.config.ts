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
    rollupOptions: {
      output: {
        // Libraries that change rarely get chunks of their own (cached across app updates, none
        // over the size warning); the training dashboard is a lazy chunk (see BottomPanel.tsx).
        manualChunks(id: string) {
          if (/node_modules\/(react|react-dom|scheduler)\//.test(id)) return 'react';
          if (/node_modules\/(@xyflow|d3-|classcat)/.test(id)) return 'xyflow';
          if (/node_modules\/zod\//.test(id)) return 'zod';
          return undefined;
        },
      },
    },
  },
});
