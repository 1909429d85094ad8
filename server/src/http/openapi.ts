// The OpenAPI 3.1 document, generated from the contract's zod schemas that every route declares:
// parameters, request bodies, responses per status, and problem+json errors with their codes.
import { z, type ZodType } from 'zod';
import { ERROR_STATUS, problem, type ErrorCode, type OperatorRole } from '@cliptide/contract';
import type { Auth } from './route.ts';
import type { RateLimit } from './rate-limit.ts';

export interface Operation {
  method: string;
  url: string;
  summary: string;
  tag: string;
  auth: Auth;
  operator?: readonly OperatorRole[] | undefined;
  watching?: true | undefined;
  body?: ZodType | undefined;
  query?: ZodType | undefined;
  params?: ZodType | undefined;
  bodyContentType?: string | undefined;
  rateLimit?: RateLimit | undefined;
  status: number;
  response: ZodType | null;
  errors?: ErrorCode[] | undefined;
}

type JsonSchema = Record<string, unknown>;
const REF_PREFIX = '#/components/schemas/';

/** Converts schemas to JSON Schema, collecting named ones (zod `.meta({id})`) as components. */
class SchemaCollector {
  readonly components: Record<string, JsonSchema> = {};

  convert(schema: ZodType, io: 'input' | 'output'): JsonSchema {
    const { $defs, $schema: _, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema & { $defs?: Record<string, JsonSchema> };
    const renames = new Map<string, string>();
    for (const [id, def] of Object.entries($defs ?? {})) {
      // a schema whose request form differs from its response form (defaults, strictness) gets its own name
      const name = this.components[id] && JSON.stringify(this.components[id]) !== JSON.stringify(def) ? `${id}Input` : id;
      renames.set(id, name);
      this.components[name] = def;
    }
    for (const name of renames.values()) this.components[name] = relink(this.components[name]!, renames) as JsonSchema;
    return relink(rest, renames) as JsonSchema;
  }
}

function relink(value: unknown, renames: Map<string, string>): unknown {
  if (Array.isArray(value)) return value.map((v) => relink(v, renames));
  if (!value || typeof value !== 'object') return value;
  const out: JsonSchema = {};
  for (const [k, v] of Object.entries(value)) {
    if (k === '$ref' && typeof v === 'string' && v.startsWith('#/$defs/')) {
      const id = v.slice('#/$defs/'.length);
      out[k] = REF_PREFIX + (renames.get(id) ?? id);
    } else out[k] = relink(v, renames);
  }
  return out;
}

function parametersOf(collector: SchemaCollector, schema: ZodType | undefined, where: 'query' | 'path') {
  if (!schema) return [];
  const s = collector.convert(schema, 'input') as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(s.properties ?? {}).map(([name, prop]) => ({
    name,
    in: where,
    required: where === 'path' || (s.required ?? []).includes(name),
    ...(typeof prop.description === 'string' ? { description: prop.description } : {}),
    schema: prop,
  }));
}

/** The error codes an operation may answer: its own, and those every route of its kind may. */
export function errorCodesOf(op: Operation): ErrorCode[] {
  const codes = new Set<ErrorCode>(op.errors ?? []);
  if (op.body || op.query || op.params || op.bodyContentType) codes.add('validation_failed');
  if (op.bodyContentType || op.body) codes.add('payload_too_large');
  if (op.auth === 'required') codes.add('unauthenticated');
  if (op.operator) codes.add('forbidden');
  if (op.watching) codes.add('screen_time_limit');
  if (op.rateLimit) codes.add('rate_limited');
  codes.add('internal');
  return [...codes];
}

/** The problem responses of these error codes, by status, each listing its codes. */
export function problemResponses(errorCodes: readonly ErrorCode[]) {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of errorCodes) byStatus.set(ERROR_STATUS[code], [...(byStatus.get(ERROR_STATUS[code]) ?? []), code]);
  const out: Record<string, unknown> = {};
  for (const [status, codes] of [...byStatus].sort((a, b) => a[0] - b[0])) {
    out[status] = {
      description: `Problem: ${codes.join(', ')}`,
      content: {
        'application/problem+json': {
          schema: { allOf: [{ $ref: `${REF_PREFIX}Problem` }, { type: 'object', properties: { code: { enum: codes } } }] },
        },
      },
    };
  }
  return out;
}

export class OpenApiRegistry {
  private readonly operations: Operation[] = [];
  private readonly extra: Record<string, Record<string, unknown>> = {};

  add(op: Operation) {
    this.operations.push(op);
  }

  /** Operations not served by the router (the tus upload endpoint), written out by hand. */
  addPath(path: string, item: Record<string, unknown>) {
    this.extra[path] = { ...this.extra[path], ...item };
  }

  list(): readonly Operation[] {
    return this.operations;
  }

  document(info: { title: string; version: string; description?: string }) {
    const collector = new SchemaCollector();
    collector.convert(problem, 'output');
    const paths: Record<string, Record<string, unknown>> = {};
    for (const op of this.operations) {
      const path = op.url.replace(/:([A-Za-z]+)/g, '{$1}');
      const success = op.response
        ? { description: 'OK', content: { 'application/json': { schema: collector.convert(op.response, 'output') } } }
        : { description: 'No Content' };
      (paths[path] ??= {})[op.method.toLowerCase()] = {
        operationId: operationId(op),
        summary: op.summary,
        ...(op.operator ? { description: `Operators only: ${op.operator.join(', ')}.` } : {}),
        tags: [op.tag],
        ...(op.auth === 'required' ? { security: [{ session: [] }] } : op.auth === 'optional' ? { security: [{}, { session: [] }] } : {}),
        parameters: [...parametersOf(collector, op.params, 'path'), ...parametersOf(collector, op.query, 'query')],
        ...(op.body
          ? { requestBody: { required: !op.body.safeParse(undefined).success, content: { 'application/json': { schema: collector.convert(op.body, 'input') } } } }
          : op.bodyContentType
            ? { requestBody: { required: true, content: { [op.bodyContentType]: { schema: { type: 'string', contentMediaType: op.bodyContentType } } } } }
            : {}),
        responses: { [op.status]: success, ...problemResponses(errorCodesOf(op)) },
      };
    }
    for (const [path, item] of Object.entries(this.extra)) paths[path] = { ...paths[path], ...item };
    return {
      openapi: '3.1.0',
      info,
      servers: [{ url: '/' }],
      paths,
      components: {
        securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'cliptide_session' } },
        schemas: collector.components,
      },
    };
  }
}

function operationId(op: Operation): string {
  const words = op.url
    .replace('/api/v1/', '')
    .split('/')
    .map((part) => (part.startsWith(':') ? `by-${part.slice(1)}` : part))
    .join('-');
  return `${op.method.toLowerCase()}-${words}`.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}
