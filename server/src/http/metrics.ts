// Prometheus metrics: default process metrics, HTTP requests by route and status, jobs by outcome.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { problem, sendProblem } from './problem.ts';
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'cliptide_' });
  const httpDuration = new Histogram({
    name: 'cliptide_http_request_duration_seconds',
    help: 'HTTP request duration by method, route and status',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const jobs = new Counter({
    name: 'cliptide_jobs_total',
    help: 'Jobs settled, by type and outcome',
    labelNames: ['type', 'outcome'],
    registers: [registry],
  });
  return {
    registry,
    jobSettled: (type: string, outcome: string) => jobs.inc({ type, outcome }),
    /** `token`: the bearer token a scraper sends (METRICS_TOKEN); null: /metrics is not served. */
    install(app: FastifyInstance, token: string | null) {
      app.addHook('onResponse', async (request, reply) => {
        const route = request.routeOptions.url ?? 'unmatched';
        httpDuration.observe({ method: request.method, route, status: String(reply.statusCode) }, reply.elapsedTime / 1000);
      });
      if (token === null) return;
      const digest = (s: string) => createHash('sha256').update(s).digest();
      const expected = digest(`Bearer ${token}`);
      app.get('/metrics', async (request, reply) => {
        if (!timingSafeEqual(digest(request.headers.authorization ?? ''), expected)) {
          return sendProblem(reply.header('www-authenticate', 'Bearer'), problem(401, 'unauthenticated', 'Metrics need the bearer token set in METRICS_TOKEN'));
        }
        reply.type(registry.contentType);
        return registry.metrics();
      });
    },
  };
}
export type Metrics = ReturnType<typeof createMetrics>;
