import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { configSchema, ENV_VARIABLES, loadConfig } from '../src/config.js';
import { RETRIEVAL_DEFAULTS } from '../src/domain.js';
import { AppError } from '../src/errors.js';

/** Every field of the schema as a dotted path, the provider unions' fields included. */
function schemaPaths(): string[] {
  const out = new Set<string>();
  for (const [key, field] of Object.entries(configSchema.shape)) {
    if (field instanceof z.ZodDiscriminatedUnion) {
      for (const option of field.options as z.ZodObject[]) {
        for (const inner of Object.keys(option.shape)) out.add(`${key}.${inner}`);
      }
    } else {
      out.add(key);
    }
  }
  return [...out].sort();
}

function failure(env: Record<string, string>): AppError {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error(`loadConfig accepted ${JSON.stringify(env)}`);
}

describe('loadConfig', () => {
  it('has one environment variable for every field of the schema, and no other', () => {
    expect(Object.keys(ENV_VARIABLES).sort()).toEqual(schemaPaths());
    const names = Object.values(ENV_VARIABLES);
    expect(new Set(names).size).toBe(names.length);
  });

  it('puts each variable at its path, nested ones included; an empty variable counts as unset', () => {
    const config = loadConfig({
      PORT: '',
      RETRIEVAL_K: '8',
      CHAT_PROVIDER: 'openai',
      CHAT_BASE_URL: 'http://127.0.0.1:9/v1',
      CHAT_MODEL: 'qwen',
      RERANK_PROVIDER: 'offline',
    });
    expect(config.port).toBe(8787);
    expect(config.retrievalK).toBe(8);
    expect(config.chat).toMatchObject({ kind: 'openai', baseURL: 'http://127.0.0.1:9/v1', model: 'qwen' });
    expect(config.embedder).toEqual({ kind: 'hashing', dimensions: 256 });
    expect(config.rerank).toEqual({ kind: 'offline' });
  });

  it('takes its retrieval defaults from RETRIEVAL_DEFAULTS', () => {
    const config = loadConfig({});
    expect(config.retrievalK).toBe(RETRIEVAL_DEFAULTS.k);
    expect(config.rerankCandidates).toBe(RETRIEVAL_DEFAULTS.rerankCandidates);
  });

  it('names the variable, not the schema path, of each bad value', () => {
    const err = failure({ EMBEDDER: 'openai', EMBEDDING_BASE_URL: 'not a url', PORT: 'x' });
    expect(err.issues?.map((i) => i.path).sort()).toEqual([
      'EMBEDDING_BASE_URL',
      'EMBEDDING_DIMENSIONS',
      'EMBEDDING_MODEL',
      'PORT',
    ]);
    expect(err.message).toMatch(/^配置无效 \(invalid configuration\):\n {2}/);
  });

  it('refuses a variable that another makes required, with the same message as before', () => {
    const postgres = failure({ STORE: 'postgres' });
    expect(postgres.message).toMatchInlineSnapshot(`"配置无效: STORE=postgres 需要 DATABASE_URL"`);
    expect(postgres.issues).toEqual([{ path: 'DATABASE_URL', message: 'required when STORE=postgres' }]);
    const proxy = failure({ TRUST_PROXY_HOPS: '1' });
    expect(proxy.message).toMatchInlineSnapshot(
      `"配置无效: TRUST_PROXY_HOPS 需要 TRUSTED_PROXIES（代理的地址或网段）"`,
    );
    expect(proxy.issues).toEqual([
      { path: 'TRUSTED_PROXIES', message: 'required when TRUST_PROXY_HOPS > 0' },
    ]);
  });
});
