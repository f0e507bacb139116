import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFakeApi, HOSTILE_COPY_TITLE, HOSTILE_DOC } from '../fakes/web-fake-api.js';
import { launchChromium } from './browser.js';
import { type RunningServer, startWebServer } from './web-test-server.js';

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

/** Counts <img>/<script> elements that came from document text, in the page and in the widget's shadow root. */
const injectedElements = () => {
  const roots: ParentNode[] = [document];
  const host = document.getElementById('zw-assistant');
  if (host?.shadowRoot) roots.push(host.shadowRoot);
  return roots.reduce((n, r) => n + r.querySelectorAll('img, script:not([src])').length, 0);
};

describe('a document whose text is markup', () => {
  it('is shown as text in the widget, never executed', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/`);
    await page.locator('button.launcher').click();
    await page.getByLabel('您的问题').fill('购买自住住房可以提取住房公积金吗？');
    await page.getByLabel('您的问题').press('Enter');
    const answer = page.locator('.msg.bot[role=article]').last();
    await answer.locator('.actions').waitFor();
    await answer.locator('button.cite').first().click();
    const card = answer.locator('.card');
    await expect(card.locator('h3').textContent()).resolves.toContain(HOSTILE_DOC.title);
    await expect(answer.textContent()).resolves.toContain('<script>window.__xss=2</script>');
    await expect(page.evaluate(injectedElements)).resolves.toBe(0);
    await expect(page.evaluate(() => (window as { __xss?: number }).__xss)).resolves.toBeUndefined();
    await page.close();
  });

  it('is shown as text in the staff console results and viewer, never executed', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/staff`);
    await page.getByLabel('检索词').fill('提取住房公积金');
    await page.getByRole('button', { name: '检索', exact: true }).click();
    const result = page.locator('.result').first();
    await result.waitFor();
    await expect(result.locator('.title').textContent()).resolves.toBe(HOSTILE_DOC.title);
    await expect(result.locator('.passage').textContent()).resolves.toContain('<img src=x onerror=');
    await expect(result.locator('.copies').textContent()).resolves.toBe(`同文亦见于：${HOSTILE_COPY_TITLE}`);
    await expect(result.locator('.copies b').count()).resolves.toBe(0);
    await result.locator('.title').click();
    await page.locator('mark.hit').first().waitFor();
    await expect(page.locator('#doc-title').textContent()).resolves.toBe(HOSTILE_DOC.title);
    await expect(page.locator('#doc-text').textContent()).resolves.toBe(HOSTILE_DOC.text);
    // The copy's link opens the viewer at the copy.
    await page.goto(`${server.url}/staff`);
    await page.getByLabel('检索词').fill('提取住房公积金');
    await page.getByRole('button', { name: '检索', exact: true }).click();
    await page.locator('.result .copies button').first().click();
    await page.locator('mark.hit').first().waitFor();
    await expect(page.locator('#doc-title').textContent()).resolves.toBe(HOSTILE_DOC.title);
    await page.goto(`${server.url}/staff#library`);
    await page.locator('#doc-table tbody tr').first().waitFor();
    await expect(page.evaluate(injectedElements)).resolves.toBe(0);
    await expect(page.evaluate(() => (window as { __xss?: number }).__xss)).resolves.toBeUndefined();
    await page.close();
  });
});
