/**
 * Keyboard only: the skip link, logging in with Tab, typing and Enter, a visible focus
 * indicator on everything that takes focus, and targets of at least 24 x 24 CSS px for the
 * links and buttons outside running text (WCAG 2.2: 2.4.1, 2.1.1, 2.4.7, 2.5.8).
 * axe runs on every page; the Nu checker reads all of them at the end.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newPage, startTestServer, type TestServer } from '../support/browser.ts';
import { DEMO_PASSWORD, VisitedPages } from './journey.ts';

let server: TestServer;
let browser: Browser;
let page: Page;
const visited = new VisitedPages();

before(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  page = await newPage(browser);
});

after(async () => {
  await browser?.close();
  await server?.close();
});

// Page-side code is passed as strings: tsx would wrap named functions in a helper the page lacks.

/** What the focused element is: tag, id and text, for messages and comparisons. */
const DESCRIBE_ACTIVE = `(() => {
  const el = document.activeElement;
  if (!el || el === document.body) return 'body';
  const text = (el.getAttribute('aria-label') || el.textContent || el.getAttribute('name') || '').trim().replace(/\\s+/g, ' ').slice(0, 40);
  return el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + ' "' + text + '"';
})()`;

const activeElement = async () => String(await page.evaluate(DESCRIBE_ACTIVE));

/** The styles that can show focus, for one element. */
const SNAPSHOT = `(el) => {
  const s = getComputedStyle(el);
  const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0 ? s.outlineStyle + ' ' + s.outlineWidth + ' ' + s.outlineColor : 'none';
  return { outline, boxShadow: s.boxShadow };
}`;

/** Remembers how every focusable element looks without focus. */
const REMEMBER_UNFOCUSED = `(() => {
  const snapshot = ${SNAPSHOT};
  if (document.activeElement && document.activeElement !== document.body) document.activeElement.blur();
  window.__rwUnfocused = new Map();
  for (const el of document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]')) {
    window.__rwUnfocused.set(el, snapshot(el));
  }
  return window.__rwUnfocused.size;
})()`;

/** The focused element's look now against its look without focus. */
const COMPARE_ACTIVE = `(() => {
  const snapshot = ${SNAPSHOT};
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const before = window.__rwUnfocused.get(el) || null;
  const now = snapshot(el);
  // Which element, by its place among the focusable ones: two links may have the same text.
  const index = [...window.__rwUnfocused.keys()].indexOf(el);
  return { before, now, index };
})()`;

type Look = { outline: string; boxShadow: string };
type Comparison = { before: Look | null; now: Look; index: number } | null;

/**
 * Tabs through the whole page from the top and checks that each element that takes focus
 * looks different with focus: an outline or a box shadow that it does not have without.
 * Returns the elements in tab order.
 */
async function expectVisibleFocusOnEveryStop(): Promise<string[]> {
  const remembered = Number(await page.evaluate(REMEMBER_UNFOCUSED));
  assert.ok(remembered > 5, `found ${remembered} focusable elements`);
  const order: string[] = [];
  const seen = new Set<number>();
  const problems: string[] = [];
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    const who = await activeElement();
    const c = (await page.evaluate(COMPARE_ACTIVE)) as Comparison;
    if (!c || seen.has(c.index)) break; // back at the top, or out of the page
    seen.add(c.index);
    order.push(who);
    if (!c.before) {
      problems.push(`${who}: not known before focus`);
      continue;
    }
    const hasOutline = c.now.outline !== 'none' && c.now.outline !== c.before.outline;
    const hasShadow = c.now.boxShadow !== 'none' && c.now.boxShadow !== c.before.boxShadow;
    if (!hasOutline && !hasShadow) {
      problems.push(`${who}: no visible change on focus (outline ${c.now.outline}, box-shadow ${c.now.boxShadow})`);
    }
  }
  assert.deepEqual(problems, [], `elements without a visible focus indicator:\n${problems.join('\n')}`);
  assert.ok(order.length > 5, `Tab reached ${order.length} elements: ${order.join(', ')}`);
  return order;
}

/** Links and buttons in the header, the menus and the footer, and every button: at least 24 x 24 CSS px. */
async function expectTargetSizes(): Promise<number> {
  const targets = page.locator(['header a', 'header button', 'nav a', 'nav button', 'footer a', 'footer button', 'main button', 'main .utrecht-button-link'].join(', '));
  const n = await targets.count();
  assert.ok(n > 3, `found ${n} targets`);
  const small: string[] = [];
  for (let i = 0; i < n; i++) {
    const target = targets.nth(i);
    if (!(await target.isVisible())) continue;
    const box = await target.boundingBox();
    assert.ok(box, 'a visible target has a box');
    if (box.width < 24 || box.height < 24) {
      const text = (await target.innerText()).trim();
      small.push(`"${text}" is ${box.width.toFixed(1)} x ${box.height.toFixed(1)} px`);
    }
  }
  assert.deepEqual(small, [], `targets smaller than 24 x 24 CSS px on ${page.url()}:\n${small.join('\n')}`);
  return n;
}

test('the first Tab on the council home reaches the skip link, which shows itself; Enter moves to the content', async () => {
  await page.goto(`${server.url}/lindewijk`);
  await visited.check(page, 'council home');
  const skip = page.getByRole('link', { name: 'Ga direct naar de inhoud' });
  const hiddenBox = await skip.boundingBox();
  const offScreen = (b: typeof hiddenBox) => !b || b.width <= 1 || b.height <= 1 || b.y + b.height <= 0 || b.x + b.width <= 0;
  assert.ok(offScreen(hiddenBox), `the skip link is hidden until it has focus (${JSON.stringify(hiddenBox)})`);

  await page.keyboard.press('Tab');
  assert.equal(await activeElement(), 'a "Ga direct naar de inhoud"');
  const box = await skip.boundingBox();
  assert.ok(box && !offScreen(box) && box.width >= 24 && box.height >= 24, `the focused skip link is visible and large enough (${JSON.stringify(box)})`);
  assert.ok(box.y >= 0 && box.y < (page.viewportSize()?.height ?? 720), 'the skip link shows inside the viewport');
  assert.ok(await skip.isVisible());

  await page.keyboard.press('Enter');
  await page.waitForURL(`${server.url}/lindewijk#inhoud`);
  assert.equal(await page.evaluate('document.activeElement.id'), 'inhoud');
  assert.equal(await page.evaluate('document.activeElement.tagName'), 'MAIN');
  // The next Tab goes on inside the content, past the header and the menu.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(`Boolean(document.activeElement.closest('main'))`), true, `after main: ${await activeElement()}`);
});

test('every element on the council home shows focus, and targets are at least 24 x 24 px', async () => {
  await page.goto(`${server.url}/lindewijk`);
  const order = await expectVisibleFocusOnEveryStop();
  assert.equal(order[0], 'a "Ga direct naar de inhoud"');
  assert.ok(order.includes('a "Inloggen"'));
  assert.ok(order.includes('a "Toegankelijkheid"'));
  await expectTargetSizes();
});

test('every element on the login page shows focus, and targets are at least 24 x 24 px', async () => {
  await page.goto(`${server.url}/inloggen`);
  await visited.check(page, 'login');
  const order = await expectVisibleFocusOnEveryStop();
  assert.ok(
    order.some((o) => o.startsWith('input#veld-email')),
    order.join(', '),
  );
  assert.ok(
    order.some((o) => o.startsWith('input#veld-password')),
    order.join(', '),
  );
  assert.ok(
    order.some((o) => o.startsWith('button')),
    'the login button takes focus',
  );
  await expectTargetSizes();
});

test('a member logs in with the keyboard only', async () => {
  await page.goto(`${server.url}/lindewijk`);
  // Tab to the login link in the header and follow it.
  for (let i = 0; i < 20 && (await activeElement()) !== 'a "Inloggen"'; i++) await page.keyboard.press('Tab');
  assert.equal(await activeElement(), 'a "Inloggen"');
  await Promise.all([page.waitForURL(`${server.url}/inloggen`), page.keyboard.press('Enter')]);

  for (let i = 0; i < 20 && !(await activeElement()).startsWith('input#veld-email'); i++) await page.keyboard.press('Tab');
  assert.match(await activeElement(), /^input#veld-email/);
  // A wrong password first: the error summary takes the focus, and its link leads back to the field.
  await page.keyboard.type('els.jansen@adviesraad-lindewijk.example');
  await page.keyboard.press('Tab');
  assert.match(await activeElement(), /^input#veld-password/);
  await page.keyboard.type('niet-het-goede-wachtwoord');
  await Promise.all([page.waitForLoadState('load'), page.waitForResponse((r) => r.url().endsWith('/inloggen') && r.request().method() === 'POST'), page.keyboard.press('Enter')]);
  await page.waitForFunction(`Boolean(document.activeElement && document.activeElement.closest('.rw-error-summary'))`);
  assert.match(await page.title(), /^Fout: /);
  await visited.check(page, 'login with an error');
  await page.keyboard.press('Tab');
  assert.equal(await activeElement(), 'a "E-mailadres of wachtwoord klopt niet."');
  await page.keyboard.press('Enter');
  assert.match(await activeElement(), /^input#veld-email/);
  assert.equal(await page.getByLabel('E-mailadres').inputValue(), 'els.jansen@adviesraad-lindewijk.example');

  await page.keyboard.press('Tab');
  assert.match(await activeElement(), /^input#veld-password/);
  await page.keyboard.type(DEMO_PASSWORD);
  await Promise.all([page.waitForURL(`${server.url}/lindewijk/werkruimte`), page.keyboard.press('Enter')]);
  assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Werkruimte: Adviesraad Sociaal Domein Lindewijk');
  assert.match(await page.locator('main').innerText(), /Els Jansen/);
  await visited.check(page, 'workspace after keyboard login');

  // Logging out is a button in the header, reachable by keyboard too.
  for (let i = 0; i < 30 && (await activeElement()) !== 'button "Uitloggen"'; i++) await page.keyboard.press('Tab');
  assert.equal(await activeElement(), 'button "Uitloggen"');
  await Promise.all([page.waitForURL(`${server.url}/`), page.keyboard.press('Enter')]);
  assert.ok(await page.getByRole('link', { name: 'Inloggen' }).isVisible());
  await visited.check(page, 'home after logging out');
});

test('every page of the journey is valid HTML (Nu checker)', async () => {
  await visited.expectValidHtml();
});
