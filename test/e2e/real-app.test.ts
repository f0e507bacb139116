import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningService, startService } from '../../src/app/start-service.js';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/log/logger.js';
import { HOSTILE_DOC } from '../fakes/web-fake-api.js';
import { launchChromium, shot } from './browser.js';

/**
 * The product as `npm start` runs it: the real composition root over a real index built from
 * seeds/ in a temp dir, with the service's own security headers, driven by a real browser.
 */
const SEEDS = fileURLToPath(new URL('../../seeds', import.meta.url));
const TOKEN = 'e2e-admin-token';

let dir: string;
let service: RunningService;
let base: string;
let browser: Browser;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'web-e2e-'));
  const config = loadConfig({
    HOST: '127.0.0.1',
    PORT: '0',
    INDEX_DIR: join(dir, 'index'),
    DATA_DIR: dir,
    UPLOAD_DIR: join(dir, 'uploads'),
    CORPUS_DIRS: SEEDS,
    ADMIN_TOKEN: TOKEN,
    RATE_LIMIT_PER_MINUTE: '0',
    LOG_LEVEL: 'silent',
  });
  service = await startService(config, createLogger({ level: 'silent' }));
  await service.ready;
  base = `http://127.0.0.1:${(service.server.address() as { port: number }).port}`;
  // A document whose title and text are markup, added through the admin API.
  const res = await fetch(`${base}/api/admin/documents`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({
      id: HOSTILE_DOC.id,
      text: HOSTILE_DOC.text,
      meta: { title: HOSTILE_DOC.title, type: '办事指南' },
    }),
  });
  expect(res.status).toBe(201);
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await service?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function watch(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  return problems;
}

describe('widget and console on the real service', () => {
  it('answers a seed question with streamed text, a citation chip, a source card and the highlighted passage', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
    const problems = watch(page);
    const res = await page.goto(`${base}/`);
    expect(res?.headers()['content-security-policy']).toContain("script-src 'self'");
    await page.locator('button.launcher').click();
    await page.getByLabel('您的问题').fill('2025年青岛5G基站要建多少个？');
    await page.getByLabel('您的问题').press('Enter');
    const answer = page.locator('.msg.bot[role=article]').last();
    await answer.locator('.actions').waitFor({ timeout: 30_000 });
    await expect(answer.textContent()).resolves.toContain('4.5万个');
    const chip = answer.locator('button.cite').first();
    await chip.click();
    const card = answer.locator('.card');
    await expect(card.textContent()).resolves.toContain('青政办字【2025】21号');
    await expect(card.locator('blockquote').textContent()).resolves.toContain('5G基站数达4.5万个');
    await page.screenshot({ path: shot('widget.png', { readme: true }) });
    const [doc] = await Promise.all([page.waitForEvent('popup'), card.locator('a').click()]);
    const hit = doc.locator('mark.hit').first();
    await hit.waitFor();
    await expect(hit.textContent()).resolves.toContain('5G基站数达4.5万个');
    await doc.screenshot({ path: shot('staff-document.png', { readme: true }) });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('searches with a filter in the staff console and opens the document at the passage', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
    const problems = watch(page);
    await page.goto(`${base}/staff`);
    await page.locator('#f-year option[value="2025"]').waitFor({ state: 'attached' });
    await page.locator('#f-year').selectOption('2025');
    await page.getByLabel('检索词').fill('5G基站');
    await page.getByRole('button', { name: '检索', exact: true }).click();
    const first = page.locator('.result').first();
    await first.waitFor();
    await expect(first.locator('mark.term').count()).resolves.toBeGreaterThan(0);
    await expect(first.textContent()).resolves.toContain('青政办字【2025】21号');
    await page.screenshot({ path: shot('staff-search.png', { readme: true }) });
    await first.locator('.title').click();
    const hit = page.locator('mark.hit').first();
    await hit.waitFor();
    await expect(page.locator('#doc-text').textContent()).resolves.toContain('力争5G基站数达4.5万个');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('shows an uploaded document containing markup as text in the console and the widget', async () => {
    const page = await browser.newPage();
    await page.goto(`${base}/staff`);
    await page.getByLabel('检索词').fill('提取住房公积金');
    await page.getByRole('button', { name: '检索', exact: true }).click();
    const result = page.locator('.result', { hasText: '住房公积金提取须知' }).first();
    await result.waitFor();
    await expect(result.locator('.title').textContent()).resolves.toBe(HOSTILE_DOC.title);
    await result.locator('.title').click();
    await page.locator('#doc-title').waitFor();
    await expect(page.locator('#doc-text').textContent()).resolves.toBe(HOSTILE_DOC.text);
    await expect(
      page.evaluate(() => document.querySelectorAll('img, script:not([src])').length),
    ).resolves.toBe(0);

    await page.goto(`${base}/`);
    await page.locator('button.launcher').click();
    await page.getByLabel('您的问题').fill('购买自住住房可以提取住房公积金吗？');
    await page.getByLabel('您的问题').press('Enter');
    const answer = page.locator('.msg.bot[role=article]').last();
    await answer.locator('.actions').waitFor({ timeout: 30_000 });
    await expect(answer.textContent()).resolves.toContain('住房公积金');
    for (const chip of await answer.locator('button.cite').all()) await chip.click();
    const shadowInjected = await page.evaluate(() => {
      const root = document.getElementById('zw-assistant')?.shadowRoot;
      return (root?.querySelectorAll('img, script').length ?? -1) + document.querySelectorAll('img').length;
    });
    expect(shadowInjected).toBe(0);
    await expect(page.evaluate(() => (window as { __xss?: number }).__xss)).resolves.toBeUndefined();
    await page.close();
  });
});
