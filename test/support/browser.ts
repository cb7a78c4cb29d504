import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type Browser, type Page, chromium } from 'playwright-core';
import { expect } from 'vitest';

/** What every browser test shares: the build it drives, where screenshots go, the browser, and patient waits. */
export const ROOT = resolve(import.meta.dirname, '../..');
export const DIST = join(ROOT, 'dist');
export const SHOTS = join(ROOT, 'test-results');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Builds the terminal when dist/ is missing or older than the sources, so a test never drives a stale build. */
export function ensureBuilt(): void {
  const index = join(DIST, 'index.html');
  if (existsSync(index) && statSync(index).mtimeMs >= newestMtime(join(ROOT, 'src'))) return;
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
}

/** Debian's Chromium, never a downloaded one. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/**
 * A poll that waits for the page to get there: the machine is shared and slow,
 * so the wait is generous (and is not a speed check).
 */
export function pollFor(timeoutMs = 20_000) {
  return <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: timeoutMs, interval: 100 });
}

/** Logs a demo user in on the login screen (password `demo`) and waits until the terminal is online. */
export async function loginAs(page: Page, username: string): Promise<void> {
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill('demo');
  await page.getByTestId('login-password').press('Enter');
  await page.locator('[data-testid=connection-status][data-status=online]').waitFor({ timeout: 20_000 });
}
