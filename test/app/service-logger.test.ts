import { describe, expect, it } from 'vitest';
import { createServiceLogger } from '../../src/app/service-logger.js';
import { loadConfig } from '../../src/config.js';

describe('the service logger', () => {
  it('never writes a secret the configuration holds, in a message or a field', () => {
    const secrets = {
      ADMIN_TOKEN: 'admin-token-8f3a9c',
      DATABASE_URL: 'postgres://svc:pw-71c2@db.internal:5432/gov',
      CHAT_API_KEY: 'sk-chat-4d5e6f7a',
      EMBEDDING_API_KEY: 'sk-embed-1a2b3c4d',
    };
    const config = loadConfig({
      ...secrets,
      STORE: 'postgres',
      CHAT_PROVIDER: 'openai',
      CHAT_BASE_URL: 'http://127.0.0.1:9/v1',
      CHAT_MODEL: 'chat-model',
      EMBEDDER: 'openai',
      EMBEDDING_BASE_URL: 'http://127.0.0.1:9/v1',
      EMBEDDING_MODEL: 'embed-model',
      EMBEDDING_DIMENSIONS: '1024',
    });
    const lines: string[] = [];
    const logger = createServiceLogger(config, (line) => lines.push(line));
    for (const [name, value] of Object.entries(secrets)) {
      logger.warn(`provider said: ${value} was refused`, { detail: `${name}=${value}` });
    }
    expect(lines).toHaveLength(4);
    const out = lines.join('\n');
    expect(out).toContain('was refused');
    for (const value of Object.values(secrets)) expect(out).not.toContain(value);
  });
});
