/**
 * Printing a page prints its content, not the site: Chromium with print media on the advice and
 * meeting pages (public and in the workspace). Menus, breadcrumbs, forms, buttons and the footer
 * are not shown; the heading and the text are, in black. Screenshots of the print view go to
 * test-artifacts/screenshots/print-*.png, to look at.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newPage, startTestServer, type TestServer } from '../support/browser.ts';
import { logIn } from './journey.ts';

const SHOTS_DIR = path.resolve('test-artifacts/screenshots');

let server: TestServer;
let browser: Browser;

before(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  fs.mkdirSync(SHOTS_DIR, { recursive: true });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** The first link in main whose path matches, as an absolute path. */
async function firstLink(page: Page, pattern: RegExp): Promise<string> {
  const hrefs = await page.locator('main a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  const href = hrefs.find((h) => pattern.test(h));
  assert.ok(href, `a link matching ${pattern}`);
  return href;
}

async function expectPrintView(page: Page, url: string, name: string): Promise<void> {
  await page.emulateMedia({ media: 'screen' });
  await page.goto(`${server.url}${url}`);
  const onScreen = await page.locator('nav, form, footer, button').evaluateAll((els) => els.filter((e) => (e as HTMLElement).offsetParent !== null).length);
  assert.ok(onScreen > 0, `${url}: the screen view has navigation, forms or a footer`);
  await page.emulateMedia({ media: 'print' });
  const shown = await page
    .locator('nav, form, footer, button, .utrecht-skip-link')
    .evaluateAll((els) => els.filter((e) => getComputedStyle(e).display !== 'none' && (e as HTMLElement).offsetParent !== null).map((e) => e.outerHTML.slice(0, 120)));
  assert.deepEqual(shown, [], `${url}: nothing of the site around the content is printed`);
  const h1 = page.getByRole('heading', { level: 1 });
  assert.ok(await h1.isVisible(), `${url}: the heading is printed`);
  const colours = await page.locator('main h1, main p').evaluateAll((els) => [...new Set(els.map((e) => getComputedStyle(e).color))]);
  assert.deepEqual(colours, ['rgb(0, 0, 0)'], `${url}: text prints black`);
  await page.screenshot({ path: path.join(SHOTS_DIR, `print-${name}.png`), fullPage: true });
}

test('the advice and meeting pages print their content without menus, forms, buttons or the footer', async () => {
  const visitor = await newPage(browser, { viewport: { width: 794, height: 1123 } });
  await visitor.goto(`${server.url}/lindewijk/adviezen`);
  await expectPrintView(visitor, await firstLink(visitor, /^\/lindewijk\/adviezen\/[^/?#]+$/), 'advice-public');
  await visitor.goto(`${server.url}/lindewijk/vergaderingen`);
  await expectPrintView(visitor, await firstLink(visitor, /^\/lindewijk\/vergaderingen\/[^/?#]+$/), 'meeting-public');

  const secretary = await logIn(browser, server.url, 'secretaris@adviesraad-lindewijk.example', 'Karim Bakker');
  await secretary.setViewportSize({ width: 794, height: 1123 });
  await secretary.goto(`${server.url}/lindewijk/werkruimte/adviezen`);
  await expectPrintView(secretary, await firstLink(secretary, /^\/lindewijk\/werkruimte\/adviezen\/[0-9a-f-]{36}$/), 'advice-workspace');
  await secretary.goto(`${server.url}/lindewijk/werkruimte/vergaderingen`);
  await expectPrintView(secretary, await firstLink(secretary, /^\/lindewijk\/werkruimte\/vergaderingen\/[0-9a-f-]{36}$/), 'meeting-workspace');
});
