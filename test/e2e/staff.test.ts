import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFakeApi } from '../fakes/web-fake-api.js';
import { launchChromium, shot } from './browser.js';
import { type RunningServer, startWebServer, TEST_MAX_UPLOAD_BYTES } from './web-test-server.js';

const SEED = fileURLToPath(new URL('../../seeds/000_204df86a34e42382.txt', import.meta.url));

let browser: Browser;
let server: RunningServer;

beforeAll(async () => {
  server = await startWebServer(createFakeApi({ seedPath: SEED }).app);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('staff console', () => {
  it('searches with filters, highlights matched terms, opens the document at the passage and copies a citation', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    await page.goto(`${server.url}/staff`);
    // The year filter is filled from the document list.
    await page.locator('#f-year option[value="2025"]').waitFor({ state: 'attached' });

    await page.getByLabel('检索词').fill('5G基站');
    await page.getByRole('button', { name: '检索', exact: true }).click();
    const first = page.locator('.result').first();
    await first.waitFor();
    await expect(first.locator('mark.term').allTextContents()).resolves.toContain('5G基站');
    await expect(first.locator('.meta').textContent()).resolves.toContain('青政办字【2025】21号');
    await expect(first.locator('.path').textContent()).resolves.toContain('六、实施数据基础设施筑基工程');
    await page.screenshot({ path: shot('fake-staff-search.png') });

    // A filter that excludes the seed leaves nothing.
    await page.locator('#f-year').selectOption('2024');
    await page.getByRole('button', { name: '检索', exact: true }).click();
    await page.waitForFunction(() => document.querySelectorAll('.result').length === 0);
    await page.locator('#f-year').selectOption('2025');
    await page.getByLabel('发文字号').fill('青政办字【2025】21号');
    await page.getByRole('button', { name: '检索', exact: true }).click();
    await page.locator('.result').first().waitFor();

    await page.locator('.result .title').first().click();
    const hit = page.locator('mark.hit').first();
    await hit.waitFor();
    expect(page.url()).toMatch(/\/doc\/000_204df86a34e42382\?start=\d+&end=\d+$/);
    await expect(hit.textContent()).resolves.toContain('5G');
    await page.waitForFunction(() => {
      const r = document.querySelector('mark.hit')?.getBoundingClientRect();
      return r !== undefined && r.top >= 0 && r.bottom <= window.innerHeight;
    });
    const outline = await page.locator('#outline a').allTextContents();
    expect(outline).toContain('六、实施数据基础设施筑基工程');
    await page.screenshot({ path: shot('fake-staff-document.png') });

    await page.getByRole('button', { name: '复制引用' }).click();
    await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(
      '《〈数字青岛2025年行动方案〉政策解读》（青政办字【2025】21号）六、实施数据基础设施筑基工程',
    );
    // The outline jumps to a section.
    await page.locator('#outline a', { hasText: '一、实施数字经济提质工程' }).click();
    await expect(page.locator('#doc-status').textContent()).resolves.toContain('一、实施数字经济提质工程');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('lists documents, and with the admin token uploads and deletes one', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
    await page.goto(`${server.url}/staff#library`);
    const table = page.locator('#doc-table');
    await table.locator('tbody tr').first().waitFor();
    await expect(table.locator('caption').textContent()).resolves.toBe('共 2 份文件');
    await expect(page.locator('#admin-tools').isHidden()).resolves.toBe(true);

    await page.getByLabel('管理令牌').fill('test-token');
    await page.getByRole('button', { name: '保存' }).click();
    await page.locator('#admin-tools').waitFor();
    // Over the service's upload limit: refused in the page, before anything is sent.
    await page.locator('#upload-form input[type=file]').setInputFiles({
      name: 'too_big.txt',
      mimeType: 'text/plain',
      buffer: Buffer.alloc(TEST_MAX_UPLOAD_BYTES + 1, 'a'),
    });
    await page.getByRole('button', { name: '上传并索引' }).click();
    await expect(page.locator('#library-status').textContent()).resolves.toBe(
      '文件过大（65 KB），上传上限为 64 KB。',
    );
    await expect(table.locator('caption').textContent()).resolves.toBe('共 2 份文件');
    await page.locator('#upload-form input[type=file]').setInputFiles({
      name: 'notice_upload.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from(
        '关于延长办事大厅服务时间的通知\n\n自2025年6月1日起，市民中心办事大厅周六上午照常办公。',
      ),
    });
    await page.getByRole('button', { name: '上传并索引' }).click();
    await table.locator('tr[data-doc-id="notice_upload"]').waitFor();
    await expect(table.locator('caption').textContent()).resolves.toBe('共 3 份文件');
    await page.screenshot({ path: shot('staff-library.png') });

    page.once('dialog', (d) => d.accept());
    await table.locator('tr[data-doc-id="notice_upload"]').getByRole('button', { name: /删除/ }).click();
    await page.waitForFunction(() => !document.querySelector('tr[data-doc-id="notice_upload"]'));
    await expect(page.locator('#library-status').textContent()).resolves.toContain('已删除');
    // The token lives in sessionStorage only.
    await expect(
      page.evaluate(() => [sessionStorage.getItem('zw-admin-token'), localStorage.length]),
    ).resolves.toEqual(['test-token', 0]);
    await page.close();
  });

  it('works at 360 px wide', async () => {
    const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
    await page.goto(`${server.url}/staff`);
    await page.getByLabel('检索词').fill('无证明机关');
    await page.getByRole('button', { name: '检索', exact: true }).click();
    await page.locator('.result').first().waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: shot('staff-360.png') });
    await page.close();
  });
});
