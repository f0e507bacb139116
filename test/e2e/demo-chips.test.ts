import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningService, startService } from '../../src/cli/serve.js';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/log/logger.js';
import { DEFAULT_SUGGESTIONS } from '../../src/web/web-routes.js';
import { launchChromium } from './browser.js';

/**
 * The demo as a citizen meets it after `npm start`: the demo page's suggestion chips, a question of
 * its own, then a real follow-up, on the real service. The index is built from a slice of the demo
 * corpus (corpus/): the documents the chips and the dialogue need plus neighbours on the same
 * topics, so retrieval has to choose; the whole corpus takes ~35 s to index, this slice a few seconds.
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SLICE = [
  'qingdao/lrb-a0a39177a3', // 青岛市养犬管理条例
  'qingdao/lrb-a0b6c7906d', // 青岛市国有土地上房屋征收与补偿条例
  'qingdao/lrb-03a28ea20c', // 青岛市物业管理条例
  'shandong/lrb-ca8a2e9374', // 山东省国有土地上房屋征收与补偿条例
  'shandong/lrb-f30c893ef4', // 山东省人口与计划生育条例 (mentions 居住证 and 结婚证)
  'national/lrb-97c9963c84', // 居住证暂行条例
  'national/lrb-3da35ba1a0', // 婚姻登记条例
  'national/lrb-67ec7c70b6', // 国有土地上房屋征收与补偿条例
  'national/lrb-93a3acc412', // 中华人民共和国户口登记条例
];

let dir: string;
let service: RunningService;
let base: string;
let browser: Browser;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'demo-chips-'));
  const corpus = join(dir, 'corpus');
  mkdirSync(corpus);
  const ids = new Set(SLICE.map((p) => p.split('/')[1]));
  for (const path of SLICE)
    copyFileSync(join(ROOT, 'corpus', `${path}.md`), join(corpus, `${path.split('/')[1]}.md`));
  const manifest = readFileSync(join(ROOT, 'corpus', 'manifest.jsonl'), 'utf8')
    .split('\n')
    .filter((line) => line && ids.has((JSON.parse(line) as { id: string }).id));
  expect(manifest).toHaveLength(SLICE.length);
  writeFileSync(join(corpus, 'manifest.jsonl'), `${manifest.join('\n')}\n`);
  const config = loadConfig({
    HOST: '127.0.0.1',
    PORT: '0',
    INDEX_DIR: join(dir, 'index'),
    DATA_DIR: dir,
    UPLOAD_DIR: join(dir, 'uploads'),
    CORPUS_DIRS: `${join(ROOT, 'seeds')},${corpus}`,
    RATE_LIMIT_PER_MINUTE: '0',
    LOG_LEVEL: 'silent',
  });
  service = await startService(config, createLogger({ level: 'silent' }));
  await service.ready;
  base = `http://127.0.0.1:${(service.server.address() as { port: number }).port}`;
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await service?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Waits for the n-th answer (0-based) to be complete and returns it. */
async function answerAt(page: Page, n: number): Promise<Locator> {
  const answer = page.locator('.msg.bot[role=article]').nth(n);
  await answer.locator('.actions').waitFor({ timeout: 30_000 });
  return answer;
}

/** Answered, not refused: cited sources and no referral box. */
async function expectAnswered(answer: Locator, question: string): Promise<void> {
  const text = await answer.textContent();
  expect(await answer.locator('.referral').count(), `${question} → ${text}`).toBe(0);
  expect(await answer.locator('button.cite').count(), `${question} → ${text}`).toBeGreaterThan(0);
}

describe('the demo page on the real service', () => {
  it('answers every suggestion chip, a question of its own, and a follow-up rewritten from it', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
    await page.goto(`${base}/`);
    await page.locator('button.launcher').click();

    const chips = page.getByRole('group', { name: '常见问题' }).getByRole('button');
    const labels = await chips.allTextContents();
    expect(labels).toEqual(DEFAULT_SUGGESTIONS);
    let n = 0;
    for (const label of labels) {
      await chips.getByText(label, { exact: true }).click();
      const answer = await answerAt(page, n++);
      await expectAnswered(answer, label);
      // A chip is a question of its own: never merged with the one before.
      await expect(answer.locator('.rewritten').count()).resolves.toBe(0);
    }

    const input = page.getByLabel('您的问题');
    await input.fill('怎么办理结婚登记？');
    await input.press('Enter');
    const own = await answerAt(page, n++);
    await expectAnswered(own, '怎么办理结婚登记？');
    await expect(own.locator('.rewritten').count()).resolves.toBe(0);
    await expect(own.textContent()).resolves.toContain('结婚登记');

    await input.fill('那需要什么材料？');
    await input.press('Enter');
    const followUp = await answerAt(page, n++);
    await expectAnswered(followUp, '那需要什么材料？');
    await expect(followUp.locator('.rewritten').textContent()).resolves.toMatch(/结婚登记.*材料/);
    await followUp.locator('button.cite').first().click();
    await expect(followUp.locator('.card h3').textContent()).resolves.toContain('婚姻登记条例');
    expect(problems).toEqual([]);
    await page.close();
  });
});
