import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// In development Vite serves the app and passes /api to the API of `npm start`; in production the
// API serves the built files itself (WEB_DIST_DIR, default apps/web/dist).
export default defineConfig({
  plugins: [react()],
  server: {
    host: '127.0.0.1',
    port: 5173,
    proxy: { '/api': `http://127.0.0.1:${process.env.PORT ?? 3000}` },
  },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true },
});
