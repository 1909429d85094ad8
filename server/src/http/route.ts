// Route definition: zod schemas validate params, query and body; the same schemas feed the OpenAPI document.
// Handlers receive parsed input and the viewer; they call a service and return the JSON body.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodType, z } from 'zod';
import { DomainError } from '../shared/errors.ts';
import type { OpenApiRegistry } from './openapi.ts';
import { zodIssues } from './problem.ts';

export interface Viewer {
  id: string;
  username: string;
  homeRegion: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    viewer: Viewer | null;
  }
}

type Auth = 'none' | 'optional' | 'required';
type Infer<S> = S extends ZodType ? z.output<S> : undefined;

export interface RouteContext<B, Q, P, A extends Auth> {
  body: B;
  query: Q;
  params: P;
  viewer: A extends 'required' ? Viewer : Viewer | null;
  request: FastifyRequest;
  reply: FastifyReply;
}

export interface RouteSpec<BS extends ZodType | undefined, QS extends ZodType | undefined, PS extends ZodType | undefined, A extends Auth> {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  summary: string;
  tag: string;
  auth: A;
  body?: BS;
  query?: QS;
  params?: PS;
  /** For raw bodies (e.g. an avatar image); the handler reads request.body as a Buffer. */
  bodyContentType?: string;
  /** Requests per minute per client, for auth and upload endpoints. */
  rateLimitPerMinute?: number;
  /** Status for a successful answer; 204 sends no body. */
  status?: number;
  responses?: Record<number, string>;
  handler: (ctx: RouteContext<Infer<BS>, Infer<QS>, Infer<PS>, A>) => Promise<unknown>;
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
  BS extends ZodType | undefined = undefined,
  QS extends ZodType | undefined = undefined,
  PS extends ZodType | undefined = undefined,
  A extends Auth = 'none',
>(
  spec: RouteSpec<BS, QS, PS, A>,
) => void;

export function createRouter(app: FastifyInstance, registry: OpenApiRegistry): Router {
  return (spec) => {
    registry.add({
      method: spec.method,
      url: spec.url,
      summary: spec.summary,
      tag: spec.tag,
      auth: spec.auth,
      body: spec.body,
      query: spec.query,
      params: spec.params,
      bodyContentType: spec.bodyContentType,
      responses: spec.responses ?? { [spec.status ?? 200]: spec.status === 204 ? 'No Content' : 'OK' },
    });
    app.route({
      method: spec.method,
      url: spec.url,
      ...(spec.rateLimitPerMinute ? { config: { rateLimit: { max: spec.rateLimitPerMinute, timeWindow: 60_000 } } } : {}),
      handler: async (request, reply) => {
        if (spec.auth === 'required' && !request.viewer) {
          throw new DomainError('unauthenticated', 'You need to log in to do that');
        }
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
        reply.code(spec.status ?? 200);
        return spec.status === 204 ? reply.send() : result;
      },
    });
  };
}
