import { Hono } from 'hono';
import { z } from 'zod';
import { API_PAGE_CSS, renderApiPage } from './api-page.js';
import type { AppEnv } from './app-env.js';
import * as S from './schemas.js';

type JsonSchema = Record<string, unknown>;

const requestSchema = (schema: z.ZodType): JsonSchema =>
  z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
const responseSchema = (schema: z.ZodType): JsonSchema =>
  z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any' });

const json = (schema: z.ZodType) => ({ 'application/json': { schema: responseSchema(schema) } });
const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
});

/** Query parameters from an object schema, one per property. */
function queryParameters(schema: z.ZodObject): JsonSchema[] {
  const js = requestSchema(schema) as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(js.properties ?? {}).map(([name, s]) => ({
    name,
    in: 'query',
    required: js.required?.includes(name) ?? false,
    schema: s,
  }));
}

const idParam = { name: 'id', in: 'path', required: true, schema: requestSchema(S.DocumentIdSchema) };
const bearer = [{ adminToken: [] }];

type Operation = Record<string, unknown>;

/**
 * What each route takes and returns, by OpenAPI path and method, from the zod schemas the routes
 * validate with. Which routes exist is not written here: `buildOpenApi` takes it from the app.
 */
function operations(): Record<string, Record<string, Operation>> {
  return {
    '/api/ask': {
      post: {
        summary: 'Answer a question with cited passages (JSON, or SSE with Accept: text/event-stream)',
        requestBody: {
          required: true,
          content: { 'application/json': { schema: requestSchema(S.AskRequestSchema) } },
        },
        responses: {
          '200': {
            description: 'The answer. As SSE: events meta, delta, citations, done, error.',
            content: {
              ...json(S.AskResponseSchema),
              'text/event-stream': {
                schema: { type: 'string' },
                'x-events': {
                  meta: responseSchema(S.AskStreamMetaSchema),
                  delta: { type: 'object', properties: { text: { type: 'string' } }, required: ['text'] },
                  done: responseSchema(S.AskResponseSchema),
                  error: { $ref: '#/components/schemas/Problem' },
                },
              },
            },
          },
          '400': problem('Invalid body'),
          '415': problem('Body is not JSON'),
          '429': problem('Too many requests'),
          '503': problem('Index not ready'),
        },
      },
    },
    '/api/search': {
      get: {
        summary: 'Passages with scores, highlights and why they matched',
        parameters: queryParameters(S.SearchQuerySchema),
        responses: {
          '200': { description: 'Results', content: json(S.SearchResponseSchema) },
          '400': problem('Invalid query'),
        },
      },
    },
    '/api/documents': {
      get: {
        summary: 'List documents with metadata filters',
        parameters: queryParameters(S.DocumentListQuerySchema),
        responses: { '200': { description: 'Documents', content: json(S.DocumentListResponseSchema) } },
      },
    },
    '/api/documents/{id}': {
      get: {
        summary: 'A document: text, metadata, chunk spans',
        parameters: [idParam],
        responses: {
          '200': { description: 'The document', content: json(S.DocumentResponseSchema) },
          '404': problem('No such document'),
        },
      },
    },
    '/api/admin/documents': {
      post: {
        summary: 'Upload a document (multipart `file`, optional `id`) or JSON text; indexed at once',
        security: bearer,
        requestBody: {
          required: true,
          content: {
            'application/json': { schema: requestSchema(S.AdminUpsertTextSchema) },
            'multipart/form-data': {
              schema: {
                type: 'object',
                properties: { file: { type: 'string', format: 'binary' }, id: { type: 'string' } },
                required: ['file'],
              },
            },
          },
        },
        responses: {
          '201': { description: 'Indexed', content: json(S.AdminUpsertResponseSchema) },
          '401': problem('Missing or wrong token'),
          '413': problem('Upload too large'),
          '422': problem('Document unreadable'),
        },
      },
    },
    '/api/admin/documents/{id}': {
      delete: {
        summary: 'Remove a document from the index',
        security: bearer,
        parameters: [idParam],
        responses: {
          '200': { description: 'Deleted', content: json(S.AdminDeleteResponseSchema) },
          '404': problem('No such document'),
        },
      },
    },
    '/api/admin/feedback.csv': {
      get: {
        summary: 'All feedback as CSV (for evaluators)',
        security: bearer,
        responses: {
          '200': { description: 'CSV', content: { 'text/csv': { schema: { type: 'string' } } } },
        },
      },
    },
    '/api/feedback': {
      post: {
        summary: 'Rate an answer',
        requestBody: {
          required: true,
          content: { 'application/json': { schema: requestSchema(S.FeedbackRequestSchema) } },
        },
        responses: {
          '200': {
            description: 'Replaced the earlier rating of the same answer',
            content: json(S.FeedbackResponseSchema),
          },
          '201': { description: 'Stored', content: json(S.FeedbackResponseSchema) },
          '400': problem('Invalid body, or a requestId of no recent answer'),
          '429': problem('Rate limited'),
        },
      },
    },
    '/healthz': {
      get: {
        summary: 'Liveness',
        responses: { '200': { description: 'OK', content: json(S.HealthResponseSchema) } },
      },
    },
    '/readyz': {
      get: {
        summary: 'Readiness: the index is loaded',
        responses: {
          '200': { description: 'Ready', content: json(S.ReadyResponseSchema) },
          '503': { description: 'Loading or failed', content: json(S.ReadyResponseSchema) },
        },
      },
    },
    '/metrics': {
      get: { summary: 'Prometheus metrics', responses: { '200': { description: 'Text format 0.0.4' } } },
    },
    '/api/widget-config': {
      get: {
        summary: 'What the citizen widget takes from the configuration (question length, referral line)',
        responses: { '200': { description: 'Widget settings', content: json(S.WidgetConfigSchema) } },
      },
    },
    '/openapi.json': {
      get: { summary: 'This document', responses: { '200': { description: 'OpenAPI 3.1' } } },
    },
    '/api-docs': {
      get: { summary: 'This document as a page', responses: { '200': { description: 'HTML' } } },
    },
  };
}

/** A registered route, as Hono lists it in `app.routes`. */
export interface RouteEntry {
  method: string;
  path: string;
}

/** Routes the document describes: the API, health and metrics; the web pages and their assets are not API. */
const isApiRoute = (path: string) =>
  path.startsWith('/api/') ||
  ['/healthz', '/readyz', '/metrics', '/openapi.json', '/api-docs'].includes(path);
const METHODS = new Set(['get', 'post', 'put', 'patch', 'delete']);

/**
 * The OpenAPI 3.1 document of the routes the app has registered, each described from the zod
 * schemas it validates with. A registered API route without a description throws, so a route
 * cannot ship undocumented; a description whose route is not registered is left out.
 */
export function buildOpenApi(routes: readonly RouteEntry[]): JsonSchema {
  const described = operations();
  const paths: Record<string, Record<string, Operation>> = {};
  for (const route of routes) {
    const method = route.method.toLowerCase();
    if (!METHODS.has(method) || !isApiRoute(route.path)) continue;
    const path = route.path.replace(/:(\w+)/g, '{$1}');
    const operation = described[path]?.[method];
    if (!operation) throw new Error(`${route.method} ${route.path} has no OpenAPI description in openapi.ts`);
    paths[path] = { ...paths[path], [method]: operation };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: '政务服务智能助手 API',
      version: '1',
      description:
        'Retrieval-augmented government-services assistant: cited answers, passage search, documents.',
    },
    components: {
      schemas: { Problem: responseSchema(S.ProblemSchema) },
      securitySchemes: { adminToken: { type: 'http', scheme: 'bearer' } },
    },
    paths,
  };
}

/** GET /openapi.json and GET /api-docs, built once from the app's routes when first asked for. */
export function openApiRoutes(routesOf: () => readonly RouteEntry[]): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  let document: JsonSchema | undefined;
  const current = () => {
    document ??= buildOpenApi(routesOf());
    return document;
  };
  app.get('/openapi.json', (c) => c.json(current()));
  app.get('/api-docs', (c) => c.html(renderApiPage(current())));
  app.get('/api-docs.css', (c) => {
    c.header('content-type', 'text/css; charset=utf-8');
    return c.body(API_PAGE_CSS);
  });
  return app;
}
