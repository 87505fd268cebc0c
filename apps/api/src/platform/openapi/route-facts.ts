import { ParseIntPipe, ParseUUIDPipe, RequestMethod, type INestApplication, type PipeTransform, type Type } from '@nestjs/common';
import { HTTP_CODE_METADATA, METHOD_METADATA, PATH_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { ModulesContainer } from '@nestjs/core';
import { ROLES, RULES, type Action } from '@cluster/domain';
import { ALLOWED_ACTION, PUBLIC_ROUTE } from '../../auth/principal.decorator';
import { THROTTLER_NAME } from '../../rate-limit/rate-limit.constants';
import { DECLARED_ERRORS, type DeclaredErrors } from './declare-errors.decorator';

/** What the code of one route says about the answers it can give; read from Nest's own metadata. */
export interface RouteFacts {
  operationId: string;
  command: boolean;
  public: boolean;
  /** Restricted to some roles (so a user without one gets 403). */
  roleRestricted: boolean;
  rateLimited: boolean;
  /** Path parameters by name: what their pipe accepts. */
  pathParams: Map<string, 'uuid' | 'integer' | 'text'>;
  query?: Type<unknown>;
  body?: Type<unknown>;
  declared: DeclaredErrors;
  /** The status of a success (@HttpCode, else Nest's 201 for POST and 200 for the rest); null when the handler sets it. */
  successStatus: number | null;
}

interface RouteArg {
  index: number;
  data?: unknown;
  pipes?: (PipeTransform | Type<PipeTransform>)[];
}

const COMMANDS = new Set<RequestMethod>([RequestMethod.POST, RequestMethod.PUT, RequestMethod.PATCH, RequestMethod.DELETE]);
/** @nestjs/throttler keeps @SkipThrottle() under this key plus the throttler's name (not exported). */
const THROTTLER_SKIP = 'THROTTLER:SKIP';

/**
 * The facts of every route, by the operationId @nestjs/swagger gives it (`<Controller>_<method>`),
 * so the OpenAPI document can be completed from the code rather than by hand per route.
 */
export function routeFacts(app: INestApplication): Map<string, RouteFacts> {
  const facts = new Map<string, RouteFacts>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as Type<unknown> | null;
      if (!controller) continue;
      for (const name of Object.getOwnPropertyNames(controller.prototype)) {
        const handler = (controller.prototype as Record<string, unknown>)[name];
        if (name === 'constructor' || typeof handler !== 'function' || Reflect.getMetadata(PATH_METADATA, handler) === undefined) continue;
        facts.set(`${controller.name}_${name}`, factsOf(controller, name, handler));
      }
    }
  }
  return facts;
}

function factsOf(controller: Type<unknown>, name: string, handler: object): RouteFacts {
  const meta = <T>(key: string): T | undefined => Reflect.getMetadata(key, handler) ?? Reflect.getMetadata(key, controller);
  const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, name) ?? {}) as Record<string, RouteArg>;
  const types = (Reflect.getMetadata('design:paramtypes', controller.prototype as object, name) ?? []) as Type<unknown>[];
  const pathParams = new Map<string, 'uuid' | 'integer' | 'text'>();
  let query: Type<unknown> | undefined;
  let body: Type<unknown> | undefined;
  let setsStatus = false;
  for (const [key, arg] of Object.entries(args)) {
    const kind = Number(key.split(':')[0]);
    if (kind === RouteParamtypes.PARAM && typeof arg.data === 'string') {
      const pipes = arg.pipes ?? [];
      const is = (pipe: Type<PipeTransform>) => pipes.some((p) => p instanceof pipe || p === pipe);
      pathParams.set(arg.data, is(ParseUUIDPipe) ? 'uuid' : is(ParseIntPipe) ? 'integer' : 'text');
    }
    if (kind === RouteParamtypes.QUERY && arg.data === undefined) query = types[arg.index];
    if (kind === RouteParamtypes.BODY && arg.data === undefined) body = types[arg.index];
    if (kind === RouteParamtypes.RESPONSE) setsStatus = true;
  }
  const action = meta<Action>(ALLOWED_ACTION);
  const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod;
  const httpCode = Reflect.getMetadata(HTTP_CODE_METADATA, handler) as number | undefined;
  return {
    operationId: `${controller.name}_${name}`,
    command: COMMANDS.has(method),
    public: meta<boolean>(PUBLIC_ROUTE) === true,
    roleRestricted: action !== undefined && ROLES.some((r) => RULES[action].who[r] === undefined),
    rateLimited: meta<boolean>(`${THROTTLER_SKIP}${THROTTLER_NAME}`) !== true,
    pathParams,
    query: isClass(query) ? query : undefined,
    body: isClass(body) ? body : undefined,
    declared: meta<DeclaredErrors>(DECLARED_ERRORS) ?? {},
    successStatus: setsStatus ? null : (httpCode ?? (method === RequestMethod.POST ? 201 : 200)),
  };
}

/** A DTO class, not a primitive or `Object` (what TypeScript emits for an interface or `unknown`). */
function isClass(type: Type<unknown> | undefined): type is Type<unknown> {
  return typeof type === 'function' && ![Object, String, Number, Boolean, Array].includes(type as never);
}
