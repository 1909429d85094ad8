// OpenAPI 3.1 document built from the same zod schemas that validate requests.
import { z, type ZodType } from 'zod';

interface Operation {
  method: string;
  url: string;
  summary: string;
  tag: string;
  auth: 'none' | 'optional' | 'required';
  body?: ZodType | undefined;
  query?: ZodType | undefined;
  params?: ZodType | undefined;
  bodyContentType?: string | undefined;
  responses?: Record<number, string> | undefined;
}

const json = (schema: ZodType) => z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });

function parametersOf(schema: ZodType | undefined, where: 'query' | 'path') {
  if (!schema) return [];
  const s = json(schema) as { properties?: Record<string, unknown>; required?: string[] };
  return Object.entries(s.properties ?? {}).map(([name, prop]) => ({
    name,
    in: where,
    required: where === 'path' || (s.required ?? []).includes(name),
    schema: prop,
  }));
}

export class OpenApiRegistry {
  private readonly operations: Operation[] = [];

  add(op: Operation) {
    this.operations.push(op);
  }

  document(info: { title: string; version: string }) {
    const paths: Record<string, Record<string, unknown>> = {};
    for (const op of this.operations) {
      const path = op.url.replace(/:([A-Za-z]+)/g, '{$1}');
      const responses: Record<string, unknown> = {};
      for (const [status, description] of Object.entries(op.responses ?? { 200: 'OK' })) responses[status] = { description };
      responses.default = {
        description: 'An error (RFC 7807)',
        content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
      };
      (paths[path] ??= {})[op.method.toLowerCase()] = {
        summary: op.summary,
        tags: [op.tag],
        ...(op.auth === 'required' ? { security: [{ session: [] }] } : {}),
        parameters: [...parametersOf(op.params, 'path'), ...parametersOf(op.query, 'query')],
        ...(op.body
          ? { requestBody: { required: true, content: { 'application/json': { schema: json(op.body) } } } }
          : op.bodyContentType
            ? { requestBody: { required: true, content: { [op.bodyContentType]: { schema: { type: 'string', format: 'binary' } } } } }
            : {}),
        responses,
      };
    }
    return {
      openapi: '3.1.0',
      info,
      servers: [{ url: '/' }],
      paths,
      components: {
        securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'cliptide_session' } },
        schemas: {
          Problem: {
            type: 'object',
            required: ['type', 'title', 'status', 'detail', 'code'],
            properties: {
              type: { type: 'string' },
              title: { type: 'string' },
              status: { type: 'integer' },
              detail: { type: 'string' },
              code: { type: 'string' },
              issues: { type: 'array', items: { type: 'object', properties: { path: { type: 'string' }, message: { type: 'string' } } } },
            },
          },
        },
      },
    };
  }
}
