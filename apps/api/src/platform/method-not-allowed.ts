import type { NextFunction, Request, Response } from 'express';
import type { ErrorResponseDto } from './error-response';

/** The parts of Express's router (the `router` package) this reads: its route layers. */
interface RouteLayer {
  /** `path` is a string for Nest's routes; the web app's fallback route is a RegExp or a list. */
  route?: { methods: Record<string, boolean>; path?: unknown };
  matchers?: ((path: string) => unknown)[];
}
interface ExpressApp {
  router: { stack: RouteLayer[] };
}

const EVERY = ['get', 'post', 'put', 'patch', 'delete'];

const MESSAGE = 'Deze methode is niet toegestaan op dit pad; de Allow-header noemt wat wel kan. / This method is not allowed on this path; the Allow header lists those that are.';

/**
 * A request whose path exists under other methods only gets 405 with an `Allow` header and the
 * shared error body, instead of the router's 404. Registered before the routes, it asks the
 * router's own route table (so what it allows is exactly what is routed); any other request goes on.
 */
export function methodNotAllowed(express: unknown) {
  const app = express as ExpressApp;
  return (req: Request & { id?: string }, res: Response, next: NextFunction): void => {
    const matching: RouteLayer[] = [];
    for (const layer of app.router.stack) {
      // Nest mounts route-bound middleware (the request logger) as routes on every method: they
      // pass every request on, so they say nothing about what the path allows.
      if (!layer.route || EVERY.every((m) => layer.route!.methods[m]) || !layer.matchers?.some((match) => match(req.path))) continue;
      matching.push(layer);
    }
    // A path that names a route by its words (`…/projects/coverage`) is that route's, even where a
    // route with a parameter in that place (`…/projects/:projectId`) would match it too: the path's
    // methods are those of the routes with the most fixed segments, as the OpenAPI document has it.
    const fixed = (layer: RouteLayer) => {
      const path = layer.route!.path;
      return typeof path === 'string' ? path.split('/').filter((part) => part !== '' && !/[:*{]/.test(part)).length : 0;
    };
    const most = Math.max(0, ...matching.map(fixed));
    const methods = new Set<string>();
    for (const layer of matching.filter((l) => fixed(l) === most)) {
      for (const [method, on] of Object.entries(layer.route!.methods)) if (on) methods.add(method.toUpperCase());
    }
    const asked = req.method === 'HEAD' ? 'GET' : req.method;
    if (methods.size === 0 || methods.has(asked)) return next();
    const body: ErrorResponseDto = { statusCode: 405, error: 'METHOD_NOT_ALLOWED', message: MESSAGE, requestId: String(req.id ?? '') };
    res.status(405).setHeader('Allow', [...methods].sort().join(', '));
    res.json(body);
  };
}
