// Route definition: the contract's zod schemas validate params, query and body, check and shape the
// response (a field the schema does not declare never leaves the server), and feed the OpenAPI document.
// Handlers receive parsed input and the viewer; they call a service and return the response body.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodType, z } from 'zod';
import type { ErrorCode, OperatorGrant, OperatorRole } from '@cliptide/contract';
import { DomainError } from '../shared/errors.ts';
import type { OpenApiRegistry } from './openapi.ts';
import { zodIssues } from './problem.ts';
import type { RateLimit, RateLimiter } from './rate-limit.ts';

export interface Viewer {
  id: string;
  username: string;
  homeRegion: string;
  /** Operator roles held, each for a region (almost always none). */
  grants: readonly OperatorGrant[];
}

declare module 'fastify' {
  interface FastifyRequest {
    viewer: Viewer | null;
  }
}

export type Auth = 'none' | 'optional' | 'required';
type Infer<S> = S extends ZodType ? z.output<S> : undefined;
/** What a handler returns: the response schema's input (before it shapes the body), nothing for 204. */
type Returns<R> = R extends ZodType ? z.input<R> : void;

export interface RouteContext<B, Q, P, A extends Auth> {
  body: B;
  query: Q;
  params: P;
  viewer: A extends 'required' ? Viewer : Viewer | null;
  request: FastifyRequest;
  reply: FastifyReply;
}

export interface RouteSpec<
  BS extends ZodType | undefined,
  QS extends ZodType | undefined,
  PS extends ZodType | undefined,
  RS extends ZodType | null,
  A extends Auth,
> {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  summary: string;
  tag: string;
  auth: A;
  /** Operators only: the viewer must hold one of these roles (in some jurisdiction), or gets 403 `forbidden`. */
  operator?: readonly OperatorRole[];
  /**
   * Serves videos to watch (a feed, or a grid that plays as one): paused for a signed-in viewer whose
   * daily screen-time limit is reached (403 `screen_time_limit`; decision 021).
   */
  watching?: true;
  body?: BS;
  query?: QS;
  params?: PS;
  /** For raw bodies (e.g. an avatar image); the handler reads request.body as a Buffer. */
  bodyContentType?: string;
  /** Requests per minute per client address and per signed-in account (writes, search, auth, uploads). */
  rateLimit?: RateLimit;
  /** Largest request body in bytes (default: the app's JSON limit). */
  bodyLimit?: number;
  /** Status of a successful answer (default 200). */
  status?: 200 | 201 | 204;
  /** The successful answer's body; null for 204 No Content. */
  response: RS;
  /** Error codes this route answers besides those every route may (validation, auth, rate limit, internal). */
  errors?: ErrorCode[];
  handler: (ctx: RouteContext<Infer<BS>, Infer<QS>, Infer<PS>, A>) => Promise<Returns<RS>>;
}

/** A route's answer did not match its own contract: a bug on our side, never sent as is. */
export class ResponseContractError extends Error {
  constructor(
    readonly route: string,
    readonly issues: { path: string; message: string }[],
  ) {
    super(`The response of ${route} does not match its schema: ${issues.map((i) => `${i.path || '(root)'}: ${i.message}`).join('; ')}`);
    this.name = 'ResponseContractError';
  }
}

function parse<S extends ZodType | undefined>(schema: S, value: unknown, where: string): Infer<S> {
  if (!schema) return undefined as Infer<S>;
  const result = schema.safeParse(value ?? {});
  if (!result.success) {
    throw new DomainError('validation_failed', `The request ${where} is not valid`, zodIssues(result.error, where));
  }
  return result.data as Infer<S>;
}

export type Router = <
  RS extends ZodType | null,
  BS extends ZodType | undefined = undefined,
  QS extends ZodType | undefined = undefined,
  PS extends ZodType | undefined = undefined,
  A extends Auth = 'none',
>(
  spec: RouteSpec<BS, QS, PS, RS, A>,
) => void;

/** Checks the app asks the router to make; platform.ts supplies them (http/ knows no domain rule). */
export interface RouteGuards {
  /** Throws when the viewer may not watch now (their daily screen-time limit). */
  watching?: (viewer: Viewer) => Promise<void>;
}

export function createRouter(app: FastifyInstance, registry: OpenApiRegistry, limiter: RateLimiter, guards: RouteGuards = {}): Router {
  return (spec) => {
    const status = spec.status ?? 200;
    if (spec.operator && spec.auth !== 'required') throw new Error(`${spec.method} ${spec.url}: an operator route needs auth: 'required'`);
    if ((status === 204) !== (spec.response === null)) throw new Error(`${spec.method} ${spec.url}: a 204 route has no response schema, any other has one`);
    registry.add({ ...spec, status });
    const name = `${spec.method} ${spec.url}`;
    app.route({
      method: spec.method,
      url: spec.url,
      ...(spec.bodyLimit ? { bodyLimit: spec.bodyLimit } : {}),
      // counted before the body is read, so a refused request costs no parsing
      ...(spec.rateLimit ? { onRequest: rateLimitHook(name, spec.rateLimit, limiter) } : {}),
      handler: async (request, reply) => {
        if (spec.auth === 'required' && !request.viewer) {
          throw new DomainError('unauthenticated', 'You need to log in to do that');
        }
        if (spec.operator && !request.viewer?.grants.some((g) => spec.operator!.includes(g.role))) {
          throw new DomainError('forbidden', `Only operators (${spec.operator.join(', ')}) may do that`);
        }
        if (spec.watching && request.viewer && guards.watching) await guards.watching(request.viewer);
        const ctx = {
          params: parse(spec.params, request.params, 'path'),
          query: parse(spec.query, request.query, 'query'),
          body: spec.bodyContentType ? (request.body as never) : parse(spec.body, request.body, 'body'),
          viewer: request.viewer as never,
          request,
          reply,
        };
        const result = await spec.handler(ctx as Parameters<typeof spec.handler>[0]);
        if (reply.sent) return reply;
        reply.code(status);
        if (spec.response === null) return reply.send();
        const shaped = spec.response.safeParse(result);
        if (!shaped.success) throw new ResponseContractError(name, zodIssues(shaped.error));
        return shaped.data;
      },
    });
  };
}

function rateLimitHook(name: string, limit: RateLimit, limiter: RateLimiter) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const keys = [{ key: `${name} ip ${request.ip}`, max: limit.perAddress }];
    if (request.viewer && limit.perAccount) keys.push({ key: `${name} account ${request.viewer.id}`, max: limit.perAccount });
    const waitMs = limiter.take(keys);
    if (waitMs > 0) {
      const seconds = Math.ceil(waitMs / 1000);
      reply.header('retry-after', String(seconds));
      throw new DomainError('rate_limited', `Too many requests; try again in ${seconds} s`);
    }
  };
}
