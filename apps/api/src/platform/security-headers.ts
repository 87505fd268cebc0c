import type { IncomingMessage, ServerResponse } from 'node:http';
import type { NestExpressApplication } from '@nestjs/platform-express';
import helmet from 'helmet';
import type { AppConfig } from '@cluster/config';

type Directives = Record<string, string[]>;

/**
 * The Content-Security-Policy of the web app (and of every API answer: a JSON body opened in a tab
 * is a page too). The access token lives in sessionStorage, where any script of the page can read
 * it, so no script may run that is not one of our own files: no inline script, no event-handler
 * attribute, no eval, nothing from another origin. The built app needs nothing more (Vite emits
 * only <script src> and <link rel=stylesheet>; React sets style properties through the CSSOM, which
 * style-src does not govern). The one other origin is the OIDC provider, which the browser asks
 * for its discovery document and the token (its endpoints must be on the issuer's origin).
 * No `upgrade-insecure-requests`: `npm start` serves plain http on loopback, and over TLS every
 * resource is on the same origin, which HSTS already keeps on https.
 */
export function appDirectives(config: Pick<AppConfig, 'OIDC_ISSUER_URL'>): Directives {
  return {
    'default-src': ["'self'"],
    'script-src': ["'self'"],
    'script-src-attr': ["'none'"],
    'style-src': ["'self'"],
    'img-src': ["'self'"],
    'font-src': ["'self'"],
    'connect-src': ["'self'", ...(config.OIDC_ISSUER_URL ? [new URL(config.OIDC_ISSUER_URL).origin] : [])],
    'object-src': ["'none'"],
    'base-uri': ["'none'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
  };
}

/**
 * The Swagger UI at /api/docs: its scripts are files (swagger-ui-init.js too), but its page has
 * inline <style> blocks and style attributes and its CSS uses data: images. Styles cannot read
 * the token, so they are allowed here, and only here; scripts stay as strict as in the app.
 */
export function docsDirectives(config: Pick<AppConfig, 'OIDC_ISSUER_URL'>): Directives {
  return { ...appDirectives(config), 'style-src': ["'self'", "'unsafe-inline'"], 'img-src': ["'self'", 'data:'] };
}

const hsts = helmet.strictTransportSecurity({ maxAge: 365 * 24 * 3600, includeSubDomains: true });

/**
 * Security headers on every answer, before any route, body parser or error filter can answer
 * (so a 400 for a malformed body and a 404 carry them too).
 */
export function applySecurityHeaders(app: NestExpressApplication, config: AppConfig): void {
  // Behind a TLS-terminating proxy (TRUST_PROXY), X-Forwarded-Proto tells whether the browser
  // used https: that is what req.secure reports below.
  app.set('trust proxy', config.trustProxy);
  app.use(
    helmet({
      contentSecurityPolicy: { useDefaults: false, directives: appDirectives(config) },
      // Sent below, only over TLS.
      strictTransportSecurity: false,
      xFrameOptions: { action: 'deny' },
      // Case URLs carry case ids; no other site needs to learn them.
      referrerPolicy: { policy: 'no-referrer' },
    }),
  );
  // HSTS only when the browser came over TLS: a browser ignores it on plain http anyway (RFC 6797
  // §8.1), and a header that claims TLS where there is none would only mislead whoever reads it.
  app.use((req: IncomingMessage & { secure?: boolean }, res: ServerResponse, next: () => void) => (req.secure ? hsts(req, res, next) : next()));
  // Every API answer may carry personal data or be one user's view (cases, inbox, documents, audit),
  // so none may be kept by a browser or a shared cache; a route that knows better sets its own
  // header (Swagger UI's public files do: express.static replaces this one with its own).
  app.use('/api', (_req: IncomingMessage, res: ServerResponse, next: () => void) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  app.use('/api/docs', helmet.contentSecurityPolicy({ useDefaults: false, directives: docsDirectives(config) }));
}
