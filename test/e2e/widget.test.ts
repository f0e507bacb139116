import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_FEEDBACK_COMMENT_CHARS } from '../../src/domain.js';
import { createFakeApi, type FakeApi } from '../fakes/web-fake-api.js';
import { launchChromium, shot } from './browser.js';
import {
  type RunningServer,
  startWebServer,
  TEST_MAX_QUESTION_CHARS,
  TEST_REFERRAL_LINE,
} from './web-test-server.js';

const SEED = fileURLToPath(new URL('../../seeds/000_204df86a34e42382.txt', import.meta.url));

let browser: Browser;
let server: RunningServer;
let api: FakeApi;

beforeAll(async () => {
  api = createFakeApi({ seedPath: SEED, deltaDelayMs: 30 });
  server = await startWebServer(api.app);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens the demo page and collects page errors and CSP violations. */
async function openDemo(width: number, height: number): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage({ viewport: { width, height } });
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  await page.goto(`${server.url}/`);
  return { page, problems };
}

describe('citizen widget on the demo page', () => {
  it('streams a cited answer, opens the source card and the highlighted passage', async () => {
    const { page, problems } = await openDemo(1280, 860);
    const launcher = page.locator('#zw-assistant').locator('button.launcher');
    await expect(launcher.textContent()).resolves.toContain('青岛政务助手');
    await launcher.click();
    const input = page.getByLabel('您的问题');
    await expect(input.evaluate((el) => el === (el.getRootNode() as ShadowRoot).activeElement)).resolves.toBe(
      true,
    );

    await input.fill('2025年青岛5G基站要建多少个？');
    await input.press('Enter');
    const answer = page.locator('.msg.bot[role=article]').last();
    // The typing cursor shows while deltas arrive; several deltas make up the answer.
    await answer.locator('.typing').waitFor({ timeout: 10_000 });
    const chip = answer.locator('button.cite').first();
    await chip.waitFor();
    await expect(answer.textContent()).resolves.toContain('4.5万个');
    await page.screenshot({ path: shot('widget-desktop.png') });

    await chip.click();
    const card = answer.locator('.card');
    await expect(card.locator('h3').textContent()).resolves.toContain('数字青岛2025年行动方案');
    await expect(card.textContent()).resolves.toContain('青政办字【2025】21号');
    await expect(card.locator('blockquote').textContent()).resolves.toContain('5G基站数达4.5万个');
    await page.screenshot({ path: shot('fake-widget-source-card.png') });

    // Esc closes the card first (focus back on the chip), then the panel (focus back on the launcher).
    await page.keyboard.press('Escape');
    await expect(card.count()).resolves.toBe(0);
    await page.keyboard.press('Escape');
    await expect(page.locator('.panel').isHidden()).resolves.toBe(true);
    await expect(
      launcher.evaluate((el) => el === (el.getRootNode() as ShadowRoot).activeElement),
    ).resolves.toBe(true);

    await launcher.click();
    await chip.click();
    // The link opens the document in a new tab (a popup of the same context).
    const [docPage] = await Promise.all([page.waitForEvent('popup'), card.locator('a').click()]);
    expect(docPage.url()).toMatch(/\/doc\/000_204df86a34e42382\?start=\d+&end=\d+$/);
    const hit = docPage.locator('mark.hit').first();
    await hit.waitFor();
    await expect(hit.textContent()).resolves.toContain('5G基站数达4.5万个');
    await expect(hit.isVisible()).resolves.toBe(true);
    const inView = await hit.evaluate((el) => {
      const r = el.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= window.innerHeight;
    });
    expect(inView).toBe(true);
    expect(problems).toEqual([]);
    await docPage.close();
    await page.close();
  });

  it('keeps the conversation id, records feedback, and shows a refusal with the referral line', async () => {
    const { page, problems } = await openDemo(1280, 860);
    await page.locator('button.launcher').click();
    const input = page.getByLabel('您的问题');
    await input.fill('无证明机关要建成多少个？');
    await input.press('Enter');
    const first = page.locator('.msg.bot[role=article]').first();
    await first.locator('.actions').waitFor();
    await first.getByRole('button', { name: '有帮助' }).click();
    await first.locator('.status', { hasText: '感谢您的反馈' }).waitFor();
    expect(api.feedback.at(-1)).toMatchObject({ rating: 'up' });
    // Changing one's mind: 👎 is stored at once, and an optional note follows as its own record.
    await first.getByRole('button', { name: '没帮助' }).click();
    await first.getByLabel('哪里不对（选填）').waitFor();
    // The comment limit is the API's, read from the service.
    await expect(
      first.getByLabel('哪里不对（选填）').evaluate((el: HTMLTextAreaElement) => el.maxLength),
    ).resolves.toBe(MAX_FEEDBACK_COMMENT_CHARS);
    expect(api.feedback.at(-1)).toMatchObject({ rating: 'down' });
    await first.getByLabel('哪里不对（选填）').fill('没有说明申请条件');
    await first.getByRole('button', { name: '提交' }).click();
    await first.locator('.status', { hasText: '已收到您的意见' }).waitFor();
    expect(api.feedback.at(-1)).toMatchObject({ rating: 'down', comment: '没有说明申请条件' });
    await expect(first.locator('form.comment').count()).resolves.toBe(0);

    // Icons are SVG: no emoji that a system without an emoji font would draw as empty boxes.
    await expect(first.locator('.actions button svg').count()).resolves.toBe(2);
    await expect(first.locator('.actions').textContent()).resolves.not.toMatch(/\p{Extended_Pictographic}/u);
    // The question limit comes from the service's configuration.
    await expect(input.evaluate((el: HTMLTextAreaElement) => el.maxLength)).resolves.toBe(
      TEST_MAX_QUESTION_CHARS,
    );

    await input.fill('火星上怎么办理护照？');
    await input.press('Enter');
    const second = page.locator('.msg.bot[role=article]').nth(1);
    const referral = second.locator('.referral');
    await referral.waitFor();
    // The refusal is said once (the answer text); the box under it only offers what to do next:
    // the phones of the answer and of the configured referral line, related questions, a search link.
    const secondText = (await second.textContent()) ?? '';
    expect(secondText.split('没有找到').length - 1).toBe(1);
    const phones = await referral
      .locator('.phones a')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(phones).toEqual(['tel:12345', `tel:${TEST_REFERRAL_LINE.split(' ')[0].replace('-', '')}`]);
    const related = referral.getByRole('group', { name: '您可以试试这样问' }).getByRole('button');
    const relatedCount = await related.count();
    expect(relatedCount).toBeGreaterThan(0);
    expect(relatedCount).toBeLessThanOrEqual(3);
    const relatedQuestion = (await related.first().textContent()) ?? '';
    expect(relatedQuestion).toMatch(/^《.+》.*[？]$/);
    await expect(referral.locator('a.search-link').getAttribute('href')).resolves.toBe(
      `${server.url}/staff?q=${encodeURIComponent('火星上怎么办理护照？')}`,
    );
    const [firstAsk, secondAsk] = api.asks.slice(-2);
    expect(secondAsk.conversationId).toBeDefined();
    expect(firstAsk.conversationId).toBeUndefined();
    // A related question is asked in the same conversation.
    await related.first().click();
    await page.locator('.msg.bot[role=article]').nth(2).locator('.actions').waitFor();
    expect(api.asks.at(-1)).toMatchObject({
      question: relatedQuestion,
      conversationId: secondAsk.conversationId,
    });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('is not restyled by hostile host CSS and the large-font mode works at 360 px', async () => {
    const { page, problems } = await openDemo(360, 740);
    // A host stylesheet that would wreck an unisolated widget (served by the same origin: CSP allows 'self').
    await page
      .addStyleTag({ content: 'button { background: lime !important; font-size: 40px !important; }' })
      .catch(() => {
        // A strict CSP blocks inline <style>: then apply it through CSSOM, which CSP allows.
      });
    await page.evaluate(() => {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync('button { background: lime !important; font-size: 40px !important; }');
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    });
    const hostFont = await page.locator('h1').evaluate((el) => getComputedStyle(el).fontSize);
    const launcher = page.locator('button.launcher');
    await expect(launcher.evaluate((el) => getComputedStyle(el).backgroundColor)).resolves.not.toBe(
      'rgb(0, 255, 0)',
    );
    await launcher.click();
    const panel = page.locator('.panel');
    const box = await panel.boundingBox();
    expect(box?.width).toBeLessThanOrEqual(360);
    await page.getByLabel('您的问题').fill('2025年青岛5G基站要建多少个？');
    await page.getByLabel('您的问题').press('Enter');
    await page.locator('.msg.bot[role=article] .actions').waitFor();
    await page.screenshot({ path: shot('widget-360.png', { readme: true }) });

    const toggle = page.getByRole('button', { name: /适老化/ });
    const before = await page
      .locator('.msg.user')
      .evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize));
    await toggle.click();
    await expect(toggle.getAttribute('aria-pressed')).resolves.toBe('true');
    const after = await page
      .locator('.msg.user')
      .evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize));
    expect(after).toBeGreaterThan(before * 1.2);
    // 大字 gives every box high contrast (WCAG AAA, 7:1), the referral box of a refusal included.
    await page.getByLabel('您的问题').fill('火星上怎么办理护照？');
    await page.getByLabel('您的问题').press('Enter');
    await page.locator('.referral').waitFor();
    const ratios = await page.locator('#zw-assistant').evaluate((host) => {
      const root = host.shadowRoot as ShadowRoot;
      const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number);
      const lum = ([r, g, b]: number[]) => {
        const f = (c: number) => {
          const v = c / 255;
          return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
        };
        return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
      };
      /** The first opaque background at or above `el`. */
      const background = (el: Element | null): string => {
        for (let e = el; e; e = e.parentElement) {
          const c = getComputedStyle(e).backgroundColor;
          const parts = rgb(c);
          if (parts.length === 3 || (parts.length === 4 && parts[3] > 0)) return c;
        }
        return 'rgb(255, 255, 255)';
      };
      const boxes = root.querySelectorAll(
        '.msg, .referral, .referral a, .referral button, .actions button, .suggestions button, header, .send, .foot, .rewritten',
      );
      return [...boxes].map((el) => {
        const a = lum(rgb(getComputedStyle(el).color));
        const b = lum(rgb(background(el)));
        return { what: el.className || el.tagName, ratio: (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05) };
      });
    });
    expect(ratios.length).toBeGreaterThan(5);
    expect(ratios.filter((r) => r.ratio < 7)).toEqual([]);
    await page.screenshot({ path: shot('widget-360-large.png', { readme: true }) });
    // The host page itself stays unaffected by the widget's styles.
    await expect(page.locator('h1').evaluate((el) => getComputedStyle(el).fontSize)).resolves.toBe(hostFont);
    expect(problems.filter((p) => !p.includes('Content Security Policy'))).toEqual([]);
    await page.close();
  });
});
