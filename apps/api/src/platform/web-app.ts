import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { AppConfig } from '@cluster/config';

/** `<repo>/apps/web/dist`, where `npm run build:web` (and `npm start`) put the built browser app. */
const DEFAULT_WEB_DIST = resolve(__dirname, '..', '..', '..', 'web', 'dist');

/**
 * Serves the built browser app at `/` when it is there: its files, and index.html for every other
 * path outside /api (the app routes in the browser). Without a build the API runs alone.
 */
export function serveWebApp(app: NestExpressApplication, config: AppConfig): void {
  const dir = config.WEB_DIST_DIR ?? DEFAULT_WEB_DIST;
  const index = join(dir, 'index.html');
  if (!existsSync(index)) return;
  app.useStaticAssets(dir, { index: false, maxAge: '1h', immutable: false });
  const http = app.getHttpAdapter().getInstance() as {
    get(path: RegExp, handler: (req: unknown, res: { sendFile(file: string, options: { root: string }): void }) => void): void;
  };
  // Relative to `root`: Express refuses absolute paths through a dot-folder (~/.projects/…).
  http.get(/^\/(?!api(\/|$)).*/, (_req, res) => res.sendFile('index.html', { root: dir }));
}
