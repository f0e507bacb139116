import { basename, extname } from 'node:path';
import { Hono } from 'hono';
import type { z } from 'zod';
import { AppError, isAppError } from '../errors.js';
import type { UploadInput, UpsertResult } from '../ingest/indexer.js';
import { SUPPORTED_EXTENSIONS } from '../ingest/loaders/loader-registry.js';
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

/**
 * Admin routes behind the bearer token (checked once, by app.ts, before the body limits): upload a document (multipart `file`, optional `id`) or
 * JSON `{ id, text, meta }`, indexed incrementally and searchable at once; delete one; export
 * feedback as CSV for evaluators.
 */
export function adminRoutes({ state, feedback, logger }: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.post('/api/admin/documents', async (c) => {
    const contentType = c.req.header('content-type') ?? '';
    const { assistant } = state.require();
    let input: UploadInput;
    let fileName: string | undefined;
    if (/^multipart\/form-data/i.test(contentType)) {
      input = await readUpload(c.req.raw);
      fileName = input.sourcePath;
    } else if (isJsonType(contentType)) {
      const body = await readJson(c, AdminUpsertTextSchema);
      // JSON text goes through the same loader as a .txt file and the ingest: one validation.
      input = {
        id: body.id,
        ext: '.txt',
        bytes: Buffer.from(body.text, 'utf8'),
        sourcePath: `uploads/${body.id}.txt`,
        meta: body.meta,
      };
    } else {
      throw new AppError(
        'UNSUPPORTED_MEDIA_TYPE',
        '请上传 multipart/form-data 文件，或提交 application/json 正文',
      );
    }
    // Reading, chunking, tokenizing and embedding need no lock; only the commit takes it.
    const prepared = await assistant.indexer.prepare(input).catch((err: unknown) => {
      // The reason names the file as the uploader called it (the staged copy has a made-up name).
      if (isAppError(err) && err.code === 'DOCUMENT_UNREADABLE' && fileName)
        throw new AppError('DOCUMENT_UNREADABLE', `${fileName}: ${err.message}`, { cause: err });
      throw err;
    });
    let result: UpsertResult;
    try {
      result = await state.write('upload', (current) => current.indexer.commit(prepared));
    } catch (err) {
      await assistant.indexer.discard(prepared);
      throw err;
    }
    logger.info('document indexed', {
      requestId: c.get('requestId'),
      docId: result.document.id,
      replaced: result.replaced,
      revision: result.revision,
    });
    const body: UpsertBody = result;
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

/** The multipart upload as an `UploadInput`: held in memory, never written under the client's name. */
async function readUpload(request: Request): Promise<UploadInput> {
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
  if (!SUPPORTED_EXTENSIONS.includes(ext)) {
    throw new AppError(
      'UNSUPPORTED_MEDIA_TYPE',
      `不支持的文件类型 ${ext || '(无扩展名)'}；支持 ${SUPPORTED_EXTENSIONS.join(' ')}`,
    );
  }
  const rawId = form.get('id');
  const id =
    typeof rawId === 'string' && rawId.trim()
      ? validate(DocumentIdSchema, rawId.trim(), '文档编号')
      : basename(name, extname(name));
  return { id, ext, bytes: new Uint8Array(await file.arrayBuffer()), sourcePath: name };
}
