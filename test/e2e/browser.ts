import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium } from 'playwright-core';

/** Debian's /usr/bin/chromium (`apt-get install chromium`): playwright-core downloads no browser. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

const README_SHOTS = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));
const SCRATCH_SHOTS = join(tmpdir(), 'zw-web-screenshots');

/**
 * Where a screenshot goes: the few the README shows live in docs/screenshots and are re-made from
 * the real pages only with UPDATE_SCREENSHOTS=1 (so a test run leaves the working tree clean); the
 * rest, and those without the flag, go to a scratch folder.
 */
export function shot(name: string, { readme = false }: { readme?: boolean } = {}): string {
  const dir = readme && process.env.UPDATE_SCREENSHOTS === '1' ? README_SHOTS : SCRATCH_SHOTS;
  mkdirSync(dir, { recursive: true });
  return join(dir, name);
}
