import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

/** A built browser bundle, kept in memory. */
export interface Bundle {
  code: string;
  /** Strong ETag (quoted sha256 prefix) for conditional requests. */
  etag: string;
  /** Size in bytes after gzip -9, as the README reports it. */
  gzipBytes: number;
}

/** The two browser entry points, bundled from TypeScript at start-up (nothing built is committed). */
export const ENTRY_POINTS = {
  widget: fileURLToPath(new URL('./widget/widget.ts', import.meta.url)),
  staff: fileURLToPath(new URL('./staff/staff.ts', import.meta.url)),
} as const;

export type EntryName = keyof typeof ENTRY_POINTS;

/**
 * Bundles one entry with esbuild's JS API into memory. `es2020` covers the browsers a
 * government site still has to serve (Chromium ≥ 80, Safari ≥ 14, Firefox ≥ 74).
 */
export async function bundle(
  entry: EntryName,
  { minify = true }: { minify?: boolean } = {},
): Promise<Bundle> {
  const result = await build({
    entryPoints: [ENTRY_POINTS[entry]],
    bundle: true,
    write: false,
    minify,
    format: 'iife',
    platform: 'browser',
    target: ['es2020'],
    legalComments: 'none',
    charset: 'utf8',
    logLevel: 'silent',
  });
  const code = result.outputFiles[0].text;
  return {
    code,
    etag: `"${createHash('sha256').update(code).digest('hex').slice(0, 16)}"`,
    gzipBytes: gzipSync(code, { level: 9 }).length,
  };
}

/** Builds each bundle once, on first use, and shares the promise; a failed build is retried next time. */
export function createBundleCache(options: { minify?: boolean } = {}): (entry: EntryName) => Promise<Bundle> {
  const cache = new Map<EntryName, Promise<Bundle>>();
  return (entry) => {
    let pending = cache.get(entry);
    if (!pending) {
      pending = bundle(entry, options);
      pending.catch(() => cache.delete(entry));
      cache.set(entry, pending);
    }
    return pending;
  };
}
