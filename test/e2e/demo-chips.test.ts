import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningService, startService } from '../../src/app/start-service.js';
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

  it('counts only relevant passages in the staff search, shows weaker ones on request, and points the outline at the passage', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${base}/staff`);
    await page.getByLabel('检索词').fill('犬牌');
    await page.getByRole('button', { name: '检索', exact: true }).click();
    const status = page.locator('#search-status');
    await expect(status).toBeDefined();
    await page.locator('.result').first().waitFor();
    const shown = await page.locator('.result').count();
    // The honest count: exactly the passages shown, all above the relevance signal.
    await expect(status.textContent()).resolves.toBe(`找到 ${shown} 段相关内容`);
    await expect(page.locator('.result.weak').count()).resolves.toBe(0);
    for (const text of await page.locator('.result .passage').allTextContents()) expect(text).toMatch(/犬/);
    const toggle = page.locator('#show-weak');
    await expect(toggle.textContent()).resolves.toMatch(/^显示较弱的匹配（\d+ 段）$/);
    await toggle.click();
    await expect(toggle.getAttribute('aria-pressed')).resolves.toBe('true');
    const weak = await page.locator('.result.weak').count();
    expect(weak).toBeGreaterThan(0);
    await expect(page.locator('.result').count()).resolves.toBe(shown + weak);
    for (const text of await page.locator('.result.weak .passage').allTextContents())
      expect(text).not.toContain('犬牌');
    await expect(status.textContent()).resolves.toBe(`找到 ${shown} 段相关内容`);

    // The viewer's outline marks the section holding the passage (here its article).
    const first = page.locator('.result').first();
    const path = (await first.locator('.path').textContent()) ?? '';
    await first.locator('.title').click();
    await page.locator('mark.hit').first().waitFor();
    const current = page.locator('#outline a[aria-current="location"]');
    await expect(current.count()).resolves.toBe(1);
    const label = (await current.textContent()) ?? '';
    expect(path.split(' › ').at(-1)).toBe(label);
    await page.close();
  });

  it('shows the page chrome of a document dimmed, and never as a search hit', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${base}/doc/000_204df86a34e42382`);
    await page.locator('#doc-title').waitFor();
    const chrome = await page.locator('#doc-text .chrome').allTextContents();
    expect(chrome.map((t) => t.trim())).toEqual(['字体大小: 打印', '扫一扫在手机打开当前页']);
    const res = await fetch(`${base}/api/search?q=${encodeURIComponent('字体大小 打印 扫一扫')}&k=20`);
    const body = (await res.json()) as { results: { text: string }[] };
    expect(body.results.filter((r) => /字体大小|扫一扫/.test(r.text))).toEqual([]);
    await page.close();
  });
});
