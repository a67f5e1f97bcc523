/**
 * Shared steps for the browser journeys in test/e2e: every page a journey visits is checked
 * with axe at once and kept, so that the W3C Nu checker can read all of them in one run at
 * the end of the file (Java starts once).
 *
 *   const visited = new VisitedPages();
 *   await page.goto(url);
 *   await visited.check(page, 'council home');
 *   ...
 *   test('every visited page is valid HTML', () => visited.expectValidHtml());
 */
import assert from 'node:assert/strict';
import type { Browser, Locator, Page } from 'playwright-core';
import { expectAccessible, newPage } from '../support/browser.ts';
import { checkHtml, formatHtmlErrors } from '../support/vnu.ts';

/** The demo data's password for every account (seeds/demo.ts). */
export const DEMO_PASSWORD = 'Raadwerk-demo-2026';

/** The app refuses anonymous forms posted sooner than this after they were served. */
export const MIN_FILL_MS = 3000;

export class VisitedPages {
  readonly pages: { name: string; html: string }[] = [];

  /** axe (WCAG 2.2 A/AA) on the page as it is now; keeps its HTML for the Nu checker. */
  async check(page: Page, name: string): Promise<void> {
    await expectAccessible(page);
    this.pages.push({ name, html: await page.content() });
  }

  async expectValidHtml(): Promise<void> {
    assert.ok(this.pages.length > 0, 'no pages were visited');
    const errors = await checkHtml(this.pages);
    assert.equal(errors.length, 0, `Nu HTML checker errors:\n${formatHtmlErrors(errors)}`);
  }
}

/** Path and query of the page, e.g. "/lindewijk/contact". */
export function pathOf(page: Page): string {
  const u = new URL(page.url());
  return u.pathname + u.search;
}

/** Waits until an anonymous form served at `servedAt` (ms) may be posted. The one fixed wait. */
export async function waitForMinimumFillTime(page: Page, servedAt: number): Promise<void> {
  const left = servedAt + MIN_FILL_MS + 250 - Date.now();
  if (left > 0) await page.waitForTimeout(left);
}

export function errorSummary(page: Page): Locator {
  return page.locator('.rw-error-summary');
}

/**
 * The page shows form errors the public-sector way: title starting with "Fout:", the error
 * summary above the heading and the form, and every link in it pointing at a form control
 * on the page. Returns the texts of the summary's links.
 */
export async function expectErrorSummary(page: Page): Promise<string[]> {
  assert.match(await page.title(), /^Fout: /, 'the page title starts with "Fout:"');
  const summary = errorSummary(page);
  assert.equal(await summary.count(), 1, 'one error summary');
  assert.ok(await summary.isVisible(), 'the error summary is visible');
  // A string, not a function: tsx would wrap named inner functions in a helper the page lacks.
  const order = (await page.evaluate(`(() => {
    const s = document.querySelector('.rw-error-summary');
    const h1 = document.querySelector('main h1');
    const form = document.querySelector('main form');
    const following = Node.DOCUMENT_POSITION_FOLLOWING;
    return {
      beforeHeading: Boolean(s && h1 && s.compareDocumentPosition(h1) & following),
      beforeForm: Boolean(s && form && s.compareDocumentPosition(form) & following),
      inForm: Boolean(s && s.closest('form')),
    };
  })()`)) as { beforeHeading: boolean; beforeForm: boolean; inForm: boolean };
  assert.ok(order.beforeHeading && order.beforeForm, 'the error summary comes before the heading and the form');
  assert.ok(!order.inForm, 'the error summary is not inside the form');
  const links = summary.getByRole('link');
  const n = await links.count();
  assert.ok(n > 0, 'the error summary links to the fields');
  const texts: string[] = [];
  for (let i = 0; i < n; i++) {
    const link = links.nth(i);
    const href = (await link.getAttribute('href')) ?? '';
    assert.match(href, /^#.+/, `summary link ${i} points at an id on the page`);
    const target = page.locator(`[id="${href.slice(1)}"]`);
    assert.equal(await target.count(), 1, `exactly one element has the id ${href}`);
    const tag = await target.evaluate((el) => el.tagName.toLowerCase());
    assert.ok(['input', 'textarea', 'select', 'fieldset'].includes(tag), `${href} is a form field, not a <${tag}>`);
    assert.equal(await target.getAttribute('aria-invalid'), tag === 'fieldset' ? null : 'true', `${href} is marked invalid`);
    const text = (await link.innerText()).trim();
    // Same words as the inline error at the field.
    const inline = page.locator(`[id="${href.slice(1)}-error"]`);
    assert.ok((await inline.innerText()).includes(text), `the inline error at ${href} says "${text}" too`);
    texts.push(text);
  }
  return texts;
}

/** Clicks and waits for the page at `path` (path and query; a RegExp tests them). */
export async function clickAndWait(page: Page, target: Locator, path: string | RegExp): Promise<void> {
  await Promise.all([page.waitForURL((u) => (typeof path === 'string' ? u.pathname + u.search === path : path.test(u.pathname + u.search))), target.click()]);
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A fresh browser context for one demo person, logged in through the login form, on their workspace. */
export async function logIn(browser: Browser, baseUrl: string, email: string, name: string, workspace = '/lindewijk/werkruimte'): Promise<Page> {
  const page = await newPage(browser);
  await page.goto(`${baseUrl}/inloggen`);
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord', { exact: true }).fill(DEMO_PASSWORD);
  await clickAndWait(page, page.getByRole('button', { name: 'Inloggen' }), workspace);
  assert.match(await page.locator('main').innerText(), new RegExp(escapeRegExp(name)), `${name} is logged in`);
  return page;
}
