import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Dev mode proxies the API and media to a locally running server (`npm start` serves web/dist itself).
const api = process.env.CLIPTIDE_API ?? 'http://127.0.0.1:8080';

export default defineConfig({
  plugins: [react()],
  server: {
    proxy: {
      '/api': { target: api, changeOrigin: false },
      '/media': { target: api, changeOrigin: false },
    },
  },
  build: {
    outDir: 'dist',
    sourcemap: true,
    chunkSizeWarningLimit: 1200,
  },
});
