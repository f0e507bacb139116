import type { WireDocument, WireDocumentMeta, WireProblem, WireSearchResult } from '../shared/api-types.js';

const TOKEN_KEY = 'zw-admin-token';
/** The service's maximum page size for GET /api/documents. */
const LIST_PAGE = 500;

/** An API error with its problem body, shown to staff as `title: detail`. */
export class ApiError extends Error {
  constructor(readonly problem: WireProblem) {
    super([problem.title, problem.detail].filter(Boolean).join('：') || 'request failed');
  }
}

async function json<T>(res: Response): Promise<T> {
  if (res.ok) return (await res.json()) as T;
  let problem: WireProblem;
  try {
    problem = (await res.json()) as WireProblem;
  } catch {
    problem = { status: res.status, title: `HTTP ${res.status}` };
  }
  throw new ApiError(problem);
}

export interface SearchParams {
  q: string;
  authority?: string;
  year?: string;
  type?: string;
  docNumber?: string;
  k?: number;
}

export async function search(params: SearchParams): Promise<WireSearchResult[]> {
  const qs = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    if (value !== undefined && value !== '') qs.set(key, String(value));
  const body = await json<{ results: WireSearchResult[] }>(await fetch(`/api/search?${qs}`));
  return body.results;
}

export async function listDocuments(): Promise<WireDocumentMeta[]> {
  // The service pages the list (default 50, at most 500 per page): fetch pages until done.
  const all: WireDocumentMeta[] = [];
  for (let offset = 0; ; offset += LIST_PAGE) {
    const page = await json<{ documents: WireDocumentMeta[]; total?: number }>(
      await fetch(`/api/documents?limit=${LIST_PAGE}&offset=${offset}`),
    );
    all.push(...page.documents);
    if (page.documents.length < LIST_PAGE || page.total === undefined || all.length >= page.total) return all;
  }
}

export async function getDocument(id: string): Promise<WireDocument> {
  return json<WireDocument>(await fetch(`/api/documents/${encodeURIComponent(id)}`));
}

/** The admin token lives in sessionStorage only: it is gone when the tab closes. */
export function adminToken(): string {
  try {
    return sessionStorage.getItem(TOKEN_KEY) ?? '';
  } catch {
    return '';
  }
}

export function setAdminToken(token: string): void {
  try {
    if (token) sessionStorage.setItem(TOKEN_KEY, token);
    else sessionStorage.removeItem(TOKEN_KEY);
  } catch {
    // Storage blocked: the token then has to be entered again on each page load.
  }
}

const auth = () => ({ Authorization: `Bearer ${adminToken()}` });

export async function uploadFile(file: File): Promise<WireDocumentMeta> {
  const form = new FormData();
  form.append('file', file);
  const body = await json<{ document?: WireDocumentMeta } & Partial<WireDocumentMeta>>(
    await fetch('/api/admin/documents', { method: 'POST', headers: auth(), body: form }),
  );
  return (body.document ?? body) as WireDocumentMeta;
}

export async function uploadText(doc: {
  id: string;
  title: string;
  text: string;
}): Promise<WireDocumentMeta> {
  const body = await json<{ document?: WireDocumentMeta } & Partial<WireDocumentMeta>>(
    await fetch('/api/admin/documents', {
      method: 'POST',
      headers: { ...auth(), 'Content-Type': 'application/json' },
      // The service takes metadata under `meta`: { id, text, meta: { title } }.
      body: JSON.stringify({ id: doc.id, text: doc.text, meta: { title: doc.title } }),
    }),
  );
  return (body.document ?? body) as WireDocumentMeta;
}

export async function deleteDocument(id: string): Promise<void> {
  const res = await fetch(`/api/admin/documents/${encodeURIComponent(id)}`, {
    method: 'DELETE',
    headers: auth(),
  });
  if (!res.ok) await json(res);
}
