import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { Hono } from 'hono';
import type { z } from 'zod';
import type { DocumentMeta } from '../domain.js';
import { AppError, isAppError } from '../errors.js';
import { adminAuth } from './admin-auth.js';
import type { AppDeps, AppEnv } from './app-env.js';
import {
  type AdminDeleteResponseSchema,
  type AdminUpsertResponseSchema,
  AdminUpsertTextSchema,
  DocumentIdSchema,
} from './schemas.js';
import { isJsonType, readJson, validate } from './validate.js';

type UpsertBody = z.infer<typeof AdminUpsertResponseSchema>;
type DeleteBody = z.infer<typeof AdminDeleteResponseSchema>;

/** File types the ingest loaders read. */
const UPLOAD_EXTENSIONS = new Set(['.txt', '.md', '.html', '.htm', '.pdf', '.docx']);

/**
 * Admin routes behind the bearer token: upload a document (multipart `file`, optional `id`) or
 * JSON `{ id, text, meta }`, indexed incrementally and searchable at once; delete one; export
 * feedback as CSV for evaluators.
 */
export function adminRoutes({ config, state, feedback, logger }: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use('/api/admin/*', adminAuth(config.adminToken));

  app.post('/api/admin/documents', async (c) => {
    const contentType = c.req.header('content-type') ?? '';
    state.require();
    let meta: DocumentMeta;
    if (/^multipart\/form-data/i.test(contentType)) {
      meta = await upsertUpload(c.req.raw, (path, options) =>
        state.write('upload', (assistant) => assistant.indexer.upsertFile(path, options)),
      );
    } else if (isJsonType(contentType)) {
      const body = await readJson(c, AdminUpsertTextSchema);
      meta = await state.write('upload', (assistant) =>
        assistant.indexer.upsertText(body.id, body.text, body.meta),
      );
    } else {
      throw new AppError(
        'UNSUPPORTED_MEDIA_TYPE',
        '请上传 multipart/form-data 文件，或提交 application/json 正文',
      );
    }
    logger.info('document indexed', { requestId: c.get('requestId'), docId: meta.id });
    const body: UpsertBody = { document: meta };
    return c.json(body, 201);
  });

  app.delete('/api/admin/documents/:id', async (c) => {
    const id = validate(DocumentIdSchema, c.req.param('id'), '文档编号');
    const deleted = await state.write('delete', (assistant) => assistant.indexer.delete(id));
    if (!deleted) throw new AppError('NOT_FOUND', `没有编号为 ${id} 的文档`);
    logger.info('document deleted', { requestId: c.get('requestId'), docId: id });
    const body: DeleteBody = { id, deleted: true };
    return c.json(body);
  });

  app.get('/api/admin/feedback.csv', (c) => {
    c.header('content-type', 'text/csv; charset=utf-8');
    c.header('content-disposition', 'attachment; filename="feedback.csv"');
    return c.body(`\uFEFF${feedback.toCsv()}`);
  });

  return app;
}

async function upsertUpload(
  request: Request,
  upsertFile: (path: string, o: { id?: string; sourcePath?: string }) => Promise<DocumentMeta>,
): Promise<DocumentMeta> {
  let form: FormData;
  try {
    form = await request.formData();
  } catch (cause) {
    throw new AppError('BAD_REQUEST', '无法解析上传的表单 (malformed multipart body)', { cause });
  }
  const file = form.get('file');
  if (!(file instanceof File)) {
    throw new AppError('VALIDATION_FAILED', '缺少上传文件', {
      issues: [{ path: 'file', message: '须上传一个文件' }],
    });
  }
  const name = basename(file.name || 'upload.txt');
  const ext = extname(name).toLowerCase();
  if (!UPLOAD_EXTENSIONS.has(ext)) {
    throw new AppError(
      'UNSUPPORTED_MEDIA_TYPE',
      `不支持的文件类型 ${ext || '(无扩展名)'}；支持 ${[...UPLOAD_EXTENSIONS].join(' ')}`,
    );
  }
  const rawId = form.get('id');
  const id =
    typeof rawId === 'string' && rawId.trim()
      ? validate(DocumentIdSchema, rawId.trim(), '文档编号')
      : undefined;
  const dir = await mkdtemp(join(tmpdir(), 'upload-'));
  try {
    // A fixed file name inside a fresh folder: the client's name never becomes a path.
    const path = join(dir, `upload${ext}`);
    await writeFile(path, new Uint8Array(await file.arrayBuffer()));
    return await upsertFile(path, { id: id ?? basename(name, extname(name)), sourcePath: name });
  } catch (err) {
    // The reason names the file as the uploader called it (the copy on disk has a fixed name).
    if (isAppError(err) && err.code === 'DOCUMENT_UNREADABLE')
      throw new AppError('DOCUMENT_UNREADABLE', `${name}: ${err.message}`, { cause: err });
    throw err;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
