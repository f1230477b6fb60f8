import { readFileSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { Sandbox } from './sheets-sandbox';

/**
 * A page of the built add-on in headless Chromium: the HTML served with page.route + goto (init scripts run before
 * its script), google.script.run stubbed to call the vm-loaded bundle's server functions through JSON, as Apps
 * Script does (a thrown error reaches the failure handler with its message).
 */

export const launchChromium = (): Promise<Browser> =>
  chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });

const ORIGIN = 'https://addon.test';

export async function openPage(browser: Browser, file: string, sandbox: Sandbox): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 320, height: 1500 } });
  await page.exposeFunction('__callServer', (name: string, args: unknown[]) => {
    try {
      return { ok: true, value: JSON.parse(JSON.stringify(sandbox.call(name, ...args) ?? null)) };
    } catch (error) {
      return { ok: false, message: (error as Error).message };
    }
  });
  await page.addInitScript(() => {
    const makeRunner = (success: (v: unknown) => void, failure: (e: Error) => void): unknown =>
      new Proxy(
        {},
        {
          get(_, name: string) {
            if (name === 'withSuccessHandler') return (fn: (v: unknown) => void) => makeRunner(fn, failure);
            if (name === 'withFailureHandler') return (fn: (e: Error) => void) => makeRunner(success, fn);
            return (...args: unknown[]) => {
              const call = (window as unknown as { __callServer: (n: string, a: unknown[]) => Promise<{ ok: boolean; value?: unknown; message?: string }> }).__callServer;
              void call(name, args).then((r) => (r.ok ? success(r.value) : failure(new Error(r.message))));
            };
          },
        },
      );
    (window as unknown as { google: unknown }).google = { script: { run: makeRunner(() => {}, () => {}) } };
  });
  const html = readFileSync(new URL(`../../dist/sheets-addon/${file}`, import.meta.url), 'utf8');
  await page.route(`${ORIGIN}/**`, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }));
  await page.goto(`${ORIGIN}/${file}`);
  return page;
}
