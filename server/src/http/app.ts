// The HTTP edge: Fastify with cookies, rate limits, the session → viewer hook, one error shape,
// OpenAPI, metrics and the built web app. Modules register their routes through `route`.
import { existsSync, readFileSync } from 'node:fs';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import apiReference from '@scalar/fastify-api-reference';
import { z } from 'zod';
import { OpenApiRegistry } from './openapi.ts';
import { createRouter, type RouteGuards, type Router, type Viewer } from './route.ts';
import { errorHandler, problem, sendProblem } from './problem.ts';
import { SESSION_COOKIE } from './session.ts';
import type { Metrics } from './metrics.ts';
import { createRateLimiter } from './rate-limit.ts';
import { JSON_BODY_LIMIT, installJsonParser } from './json-body.ts';
import { frameableCsp, installSecurity } from './security.ts';
import { withHead, type PageLookup } from './page-head.ts';

const API_INFO = {
  title: 'Cliptide API',
  version: '1',
  description:
    'REST + JSON under /api/v1. Errors are RFC 7807 application/problem+json with a stable `code`. ' +
    'Sessions are an HttpOnly cookie set by sign-up and log-in. Lists are cursor-paginated: `?cursor=` → `{items, nextCursor}`. ' +
    'Video files go to the tus 1.0 endpoint named by POST /api/v1/videos.',
};

const FAVICON =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><circle cx="12" cy="12" r="11" fill="#fe2c55"/><path d="M9 7v10l8-5z" fill="white"/></svg>';

export interface AppOptions {
  logLevel: string;
  viewerForToken: (token: string) => Promise<Viewer | null>;
  metrics: Metrics;
  webDist: string | null;
  /** Largest JSON body accepted (a route may set its own; uploads go through tus, not here). */
  bodyLimit?: number;
  /**
   * Which peers may tell the client's address in X-Forwarded-For: false (none, the default: the
   * socket's address is the client's), or addresses and CIDR ranges of the operator's proxies.
   */
  trustProxy?: false | string[];
  /** The site's public origin (PUBLIC_URL): state-changing requests from another origin are refused. */
  publicOrigin?: string | null;
  /** Send HSTS (the site is served over HTTPS). */
  hsts?: boolean;
  /** Bearer token for /metrics; unset: /metrics is not served. */
  metricsToken?: string | null;
  /** A page's status, head tags and framing (shared links unfurl); default: the app as is. */
  page?: PageLookup;
  /** The checks routes ask for by declaration (e.g. `watching`). */
  guards?: RouteGuards;
}

export async function createApp(opts: AppOptions): Promise<{ app: FastifyInstance; route: Router; openapi: OpenApiRegistry }> {
  const app = Fastify({
    logger: opts.logLevel === 'silent' ? false : { level: opts.logLevel },
    bodyLimit: opts.bodyLimit ?? JSON_BODY_LIMIT,
    // a forged X-Forwarded-For must not pick the address that rate limits count
    trustProxy: opts.trustProxy && opts.trustProxy.length > 0 ? opts.trustProxy : false,
    // one line per request (below) instead of Fastify's two
    logController: new LogController({ disableRequestLogging: true }),
    // errors the router raises before any handler (a malformed or over-long path) in the one error shape
    frameworkErrors: (error, _request, reply) => {
      const detail = error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 'A part of the path is too long' : 'The path is not a valid URL';
      return sendProblem(reply, problem(400, 'validation_failed', detail));
    },
  });
  app.setErrorHandler(errorHandler);
  app.addHook('onResponse', async (request, reply) => {
    const line = { method: request.method, url: request.url, status: reply.statusCode, ms: Math.round(reply.elapsedTime) };
    // playlists, segments and the web app's files come many per view: only at debug level
    const bulk = request.url.startsWith('/media/') || request.url.startsWith('/assets/');
    if (bulk) request.log.debug(line, 'request');
    else request.log.info(line, 'request');
  });
  await installSecurity(app, { publicOrigin: opts.publicOrigin ?? null, hsts: opts.hsts ?? false });
  await app.register(cookie);
  installJsonParser(app);
  // Raw image bodies (avatars) arrive as Buffers.
  app.addContentTypeParser(/^image\//, { parseAs: 'buffer' }, (_req, body, done) => done(null, body));

  app.decorateRequest('viewer', null);
  app.addHook('onRequest', async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token && (request.url.startsWith('/api/') || request.url.startsWith('/media/'))) {
      request.viewer = await opts.viewerForToken(token);
    }
  });
  opts.metrics.install(app, opts.metricsToken ?? null);

  const openapi = new OpenApiRegistry();
  const route = createRouter(app, openapi, createRateLimiter(), opts.guards ?? {});
  route({
    method: 'GET',
    url: '/api/v1/health',
    summary: 'Liveness: the API answers',
    tag: 'operations',
    auth: 'none',
    response: z.object({ status: z.literal('ok') }),
    handler: async () => ({ status: 'ok' as const }),
  });
  // every route is registered before the first request: build the document once, on first ask
  let document: ReturnType<OpenApiRegistry['document']> | null = null;
  app.get('/api/v1/openapi.json', async () => (document ??= openapi.document(API_INFO)));
  // pages without their own icon (the API reference) get the app's, instead of a 404 in the console
  app.get('/favicon.ico', async (_request, reply) => reply.type('image/svg+xml').header('cache-control', 'public, max-age=86400').send(FAVICON));
  // a browsable reference, served from the package (no CDN, no fonts from elsewhere)
  await app.register(apiReference, {
    routePrefix: '/api/docs',
    configuration: {
      url: '/api/v1/openapi.json',
      pageTitle: 'Cliptide API reference',
      // everything this page needs comes from this server: no hosted fonts, AI agent, MCP or telemetry
      withDefaultFonts: false,
      hideClientButton: true,
      showDeveloperTools: 'never',
      agent: { disabled: true },
      mcp: { disabled: true },
      telemetry: false,
    },
  });

  const web = opts.webDist && existsSync(`${opts.webDist}/index.html`) ? opts.webDist : null;
  if (web) await app.register(fastifyStatic, { root: web, prefix: '/', wildcard: false, index: ['index.html'] });
  const indexHtml = web ? readFileSync(`${web}/index.html`, 'utf8') : '';
  app.setNotFoundHandler(async (request, reply) => {
    const wantsPage = request.method === 'GET' && !request.url.startsWith('/api/') && !request.url.startsWith('/media/') && (request.headers.accept ?? '').includes('text/html');
    if (web && wantsPage) {
      const origin = opts.publicOrigin ?? `${request.protocol}://${request.host}`;
      const answer = opts.page ? await opts.page(request.url.split('?')[0]!, origin) : null;
      reply.code(answer?.status ?? 200).type('text/html; charset=utf-8').header('cache-control', 'no-cache');
      if (answer?.frameable) {
        reply.removeHeader('x-frame-options');
        reply.header('content-security-policy', frameableCsp());
      }
      return reply.send(answer?.meta ? withHead(indexHtml, answer.meta) : indexHtml);
    }
    return sendProblem(reply, problem(404, 'not_found', `No route for ${request.method} ${request.url.split('?')[0]}`));
  });
  return { app, route, openapi };
}
