/** The OpenAPI 3.1 document, built from the route registry's zod schemas (zod 4's own JSON Schema output). */
import { z } from 'zod';
import { STATUS } from './errors';
import { registry } from './route';

const jsonSchema = (schema: z.ZodType) => z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });

const errorSchema = {
  type: 'object',
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: { type: 'string' },
        message: { type: 'string', description: 'Indonesian by default; English with Accept-Language: en' },
        fields: { type: 'object', additionalProperties: { type: 'string' } },
      },
    },
  },
};

export const openApiDocument = () => {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of registry) {
    const parameters = [
      ...Object.keys(r.params?.shape ?? {}).map((name) => ({ name, in: 'path', required: true, schema: jsonSchema(r.params!.shape[name] as z.ZodType) })),
      ...Object.entries(r.query?.shape ?? {}).map(([name, s]) => ({
        name,
        in: 'query',
        required: !(s as z.ZodType).safeParse(undefined).success,
        schema: jsonSchema(s as z.ZodType),
      })),
    ];
    const responses: Record<string, unknown> = {
      [String(r.responseStatus ?? 200)]: {
        description: 'Success',
        ...(r.response ? { content: { 'application/json': { schema: jsonSchema(r.response) } } } : {}),
      },
    };
    // Every body is JSON (http/writeGuard.ts): another content type is refused before the route.
    const errors = [...(r.errors ?? []), ...(r.body ? ['UNSUPPORTED_MEDIA_TYPE'] : [])];
    for (const code of errors) {
      const status = String(STATUS[code as keyof typeof STATUS] ?? 400);
      const existing = responses[status] as { description: string } | undefined;
      responses[status] = {
        description: existing ? `${existing.description}, ${code}` : code,
        content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
      };
    }
    paths[r.path] ??= {};
    paths[r.path]![r.method] = {
      summary: r.summary,
      tags: [r.tag],
      ...(parameters.length ? { parameters } : {}),
      ...(r.body ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(r.body) } } } } : {}),
      ...(r.auth === 'session' ? { security: [{ session: [] }] } : r.auth === 'kiosk' ? { security: [{ kiosk: [] }] } : {}),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Giliran API', version: '1.0.0', description: 'Service-counter and appointment queue for Disdukcapil offices.' },
    servers: [{ url: '/' }],
    paths,
    components: {
      schemas: { Error: errorSchema },
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: 'giliran_session' },
        kiosk: { type: 'http', scheme: 'bearer' },
      },
    },
  };
};
