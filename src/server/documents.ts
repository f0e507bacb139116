import { Hono } from 'hono';
import type { z } from 'zod';
import { AppError } from '../errors.js';
import type { AppDeps, AppEnv } from './app-env.js';
import { toMetaFilter } from './filters.js';
import {
  DocumentIdSchema,
  DocumentListQuerySchema,
  type DocumentListResponseSchema,
  type DocumentResponseSchema,
} from './schemas.js';
import { readQuery, validate } from './validate.js';

type DocumentList = z.infer<typeof DocumentListResponseSchema>;
type DocumentBody = z.infer<typeof DocumentResponseSchema>;

/** GET /api/documents (metadata, filters, paging) and GET /api/documents/:id (text and chunk spans). */
export function documentRoutes({ state }: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/api/documents', async (c) => {
    const query = readQuery(c, DocumentListQuerySchema);
    const { assistant } = state.require();
    let docs = await assistant.store.listDocuments(toMetaFilter(query));
    if (query.q) docs = docs.filter((d) => d.title.includes(query.q as string));
    const body: DocumentList = {
      total: docs.length,
      limit: query.limit,
      offset: query.offset,
      documents: docs.slice(query.offset, query.offset + query.limit),
    };
    return c.json(body);
  });

  app.get('/api/documents/:id', async (c) => {
    const id = validate(DocumentIdSchema, c.req.param('id'), '文档编号');
    const { assistant } = state.require();
    const doc = await assistant.store.getDocument(id);
    if (!doc) throw new AppError('NOT_FOUND', `没有编号为 ${id} 的文档`);
    const body: DocumentBody = {
      meta: doc.meta,
      text: doc.text,
      hash: doc.hash,
      chunks: doc.chunks.map((ch) => ({
        id: ch.id,
        start: ch.start,
        end: ch.end,
        headingPath: ch.headingPath,
        article: ch.article,
      })),
    };
    return c.json(body);
  });

  return app;
}
