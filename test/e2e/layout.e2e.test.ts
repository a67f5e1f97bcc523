/**
 * Layout that people see, which axe and the Nu checker do not: every page of the crawl (the
 * public sites, the workspace as every role, administration) at 375 px (a phone) and 1280 px
 * (a desktop) in Chromium, failing on
 *
 *   - horizontal scrolling: the page is wider than the window;
 *   - a word split across lines ("Kenmer|k"): for each word of each text node, a Range over the
 *     word whose line boxes (Range.getClientRects()) lie on more than one line. A word longer
 *     than its whole line may break (hyphens: auto); that is not counted.
 *
 * The pages come from a crawl of links (app.inject, as each person), plus the resident's
 * signal form, which is a series of POSTs: a question page with radio buttons and the
 * check-your-answers page. To keep the run short, a page whose main content and menu were
 * already measured (for an earlier person) is not measured again, and of the pages of one kind
 * (the same address but for an id, e.g. thirty signals) three per person are measured.
 *
 * Screenshots of a fixed set of pages at both widths go to test-artifacts/screenshots/
 * (not committed), for people to look at.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, startTestServer, type TestServer } from '../support/browser.ts';
import { loginByEmail, type TestApp } from '../support/factories.ts';

/** The widths to check; LAYOUT_WIDTHS=320,375,768,1280 checks more (locally; CI keeps two). */
const WIDTHS = (process.env.LAYOUT_WIDTHS ?? '375,1280').split(',').map(Number);
const HEIGHT = 800;
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

/** Who crawls what: the start pages and the path prefixes whose links are followed. */
const PEOPLE: { who: string; email?: string; start: string[]; prefixes: string[]; max: number }[] = [
  { who: 'anoniem', start: ['/', '/toegankelijkheid', '/privacy', '/inloggen', '/wachtwoord-vergeten'], prefixes: ['/'], max: 400 },
  {
    who: 'secretaris',
    email: 'secretaris@adviesraad-lindewijk.example',
    start: ['/lindewijk/werkruimte', '/account'],
    prefixes: ['/lindewijk/werkruimte', '/account'],
    max: 400,
  },
  { who: 'voorzitter', email: 'voorzitter@adviesraad-lindewijk.example', start: ['/lindewijk/werkruimte'], prefixes: ['/lindewijk/werkruimte'], max: 400 },
  {
    who: 'lid (werkgroepvoorzitter)',
    email: 'els.jansen@adviesraad-lindewijk.example',
    start: ['/lindewijk/werkruimte'],
    prefixes: ['/lindewijk/werkruimte'],
    max: 400,
  },
  { who: 'lid', email: 'joost.vandijk@adviesraad-lindewijk.example', start: ['/lindewijk/werkruimte'], prefixes: ['/lindewijk/werkruimte'], max: 400 },
  { who: 'ambtenaar', email: 'beleid@gemeente-lindewijk.example', start: ['/lindewijk/werkruimte'], prefixes: ['/lindewijk/werkruimte'], max: 400 },
  {
    who: 'partner',
    email: 'partner@horizon-clientenraad.example',
    start: ['/lindewijk/werkruimte', '/de-horizon/werkruimte'],
    prefixes: ['/lindewijk/werkruimte', '/de-horizon/werkruimte'],
    max: 400,
  },
  { who: 'secretaris cliëntenraad', email: 'secretaris@dehorizon.example', start: ['/de-horizon/werkruimte'], prefixes: ['/de-horizon/werkruimte'], max: 400 },
  { who: 'beheerder', email: 'beheer@raadwerk.example', start: ['/beheer', '/beheer/postvak', '/beheer/raden/nieuw'], prefixes: ['/beheer'], max: 400 },
];

/** Pages to photograph at both widths: a name and how to find its address among the crawled pages. */
const SHOTS: { name: string; who: string; match: RegExp; html?: RegExp }[] = [
  { name: 'public-home', who: 'anoniem', match: /^\/lindewijk$/ },
  { name: 'register', who: 'anoniem', match: /^\/lindewijk\/adviezen$/ },
  { name: 'workspace-dashboard', who: 'secretaris', match: /^\/lindewijk\/werkruimte$/ },
  { name: 'advice-detail', who: 'lid', match: /^\/lindewijk\/werkruimte\/adviezen\/[0-9a-f-]{36}$/, html: /type="radio"/ },
  { name: 'meeting-detail', who: 'secretaris', match: /^\/lindewijk\/werkruimte\/vergaderingen\/[0-9a-f-]{36}$/ },
  { name: 'members-table', who: 'secretaris', match: /^\/lindewijk\/werkruimte\/leden$/ },
];

const SKIP = /\.(pdf|ics|atom|json|csv|png|svg|jpg|css|js)(\?|$)|\/download(\?|$)|\/logo|^\/taal|^\/uitloggen/;

function linksOf(html: string, prefixes: string[]): string[] {
  return [...html.matchAll(/href="([^"#]+)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&')).filter((h) => h.startsWith('/') && !SKIP.test(h) && prefixes.some((p) => h.startsWith(p)));
}

type Got = { statusCode: number; body: string; headers: Record<string, unknown> };

/** Breadth-first crawl; url -> html of every HTML page that answered 200. */
async function crawl(get: (url: string) => Promise<Got>, start: string[], prefixes: string[], max: number): Promise<Map<string, string>> {
  const seen = new Map<string, string>();
  const queue = [...start];
  while (queue.length > 0 && seen.size < max) {
    const url = queue.shift()!;
    if (seen.has(url)) continue;
    const res = await get(url);
    const html = res.statusCode === 200 && String(res.headers['content-type']).startsWith('text/html') ? res.body : '';
    seen.set(url, html);
    for (const link of linksOf(html, prefixes)) if (!seen.has(link)) queue.push(link);
  }
  for (const [url, html] of seen) if (!html) seen.delete(url);
  return seen;
}

/**
 * Pages of one kind ("/:raad/werkruimte/signalen/:id"): the same address but for the council
 * and ids. A few of each kind are measured, not all thirty signals of three councils.
 */
const kindOf = (url: string) =>
  url
    .replace(/^\/(?!(beheer|account|inloggen|uitloggen|wachtwoord-vergeten|toegankelijkheid|privacy)(\/|\?|$))[^/?]+/, '/:raad')
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, ':id')
    .replace(/=[^&]*/g, '=')
    .replace(/\d+/g, 'N');
/** At most this many pages of one kind per person, and in all. */
const PER_KIND = { person: 2, all: 4 };

const hash = (s: string) => crypto.createHash('sha1').update(s).digest('hex');
const part = (html: string, re: RegExp) => (html.match(re)?.[0] ?? '').replace(/value="[^"]*"/g, '').replace(/ aria-current="page"| [\w-]+--current/g, '');
/** What decides a page's layout: its main content and its menu (without tokens or the current mark). */
const layoutKeys = (html: string) => ({
  main: hash(part(html, /<main[\s\S]*<\/main>/)),
  nav: hash(part(html, /<nav class="utrecht-nav-bar[\s\S]*?<\/nav>/)),
});

// Page-side code is passed as strings: tsx would wrap named functions in a helper the page lacks.
/** Horizontal overflow and words split across lines, on the page as it is laid out now. */
const MEASURE = `(() => {
  const describe = (el) => el.tagName.toLowerCase() + (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\\s+/).join('.') : '');
  const doc = document.documentElement;
  const width = doc.clientWidth;
  const overflow = doc.scrollWidth > width ? doc.scrollWidth : 0;
  const wide = [];
  if (overflow) {
    // Where it starts: elements that stick out while their parent does not.
    for (const el of document.body.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      const parent = el.parentElement;
      if (r.width === 0 || r.right <= width + 0.5 || !parent || parent.getBoundingClientRect().right > width + 0.5) continue;
      if (wide.length < 6) wide.push(describe(el) + ' (' + Math.round(r.right) + ' px)');
    }
  }
  const split = [];
  const skip = 'script, style, template, noscript, textarea, select, option, title, .rw-visually-hidden';
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  const linesOf = (node, start, end) => {
    range.setStart(node, start);
    range.setEnd(node, end);
    const lines = [];
    for (const r of range.getClientRects()) {
      if (r.width > 0 && r.height > 0 && !lines.some((y) => Math.abs(y - r.top) < r.height / 2)) lines.push(r.top);
    }
    return lines.length;
  };
  let node;
  while ((node = walker.nextNode())) {
    const text = node.data;
    if (!/\\S\\S/.test(text)) continue;
    const parent = node.parentElement;
    if (!parent || parent.closest(skip)) continue;
    const box = parent.getBoundingClientRect();
    if (box.width <= 2 || box.height <= 2) continue;
    // A run without spaces ("Kenmerk", "Wmo-raad", an address) ...
    const runs = /\\S{2,}/g;
    let run;
    while ((run = runs.exec(text))) {
      if (linesOf(node, run.index, run.index + run[0].length) < 2) continue;
      // ... may break when it is longer than its whole line (hyphens, overflow-wrap) ...
      let block = parent;
      while (block.parentElement && getComputedStyle(block).display.startsWith('inline')) block = block.parentElement;
      const cs = getComputedStyle(block);
      const room = block.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight);
      const probe = document.createElement('span');
      probe.textContent = run[0];
      probe.style.cssText = 'white-space: nowrap; position: absolute; visibility: hidden';
      parent.appendChild(probe);
      const natural = probe.getBoundingClientRect().width;
      probe.remove();
      if (natural > room + 0.5) continue;
      // ... or after a hyphen or slash; never inside a word.
      const words = /[^\\-\\u2010\\u2013\\u2014\\u00ad\\/]{2,}/g;
      let m;
      while ((m = words.exec(run[0]))) {
        const at = run.index + m.index;
        const lines = linesOf(node, at, at + m[0].length);
        if (lines > 1 && split.length < 10) split.push('"' + m[0] + '" in <' + describe(parent) + '> (' + lines + ' lines; "' + run[0] + '" is ' + Math.round(natural) + ' px, the line ' + Math.round(room) + ' px)');
      }
    }
  }
  return { width, overflow, wide, split };
})()`;

type Measure = { width: number; overflow: number; wide: string[]; split: string[] };

const overflows: string[] = [];
const splits: string[] = [];
const measured: string[] = [];
const shots: string[] = [];

async function measure(page: Page, label: string): Promise<void> {
  const m = (await page.evaluate(MEASURE)) as Measure;
  if (m.overflow) overflows.push(`${label} at ${m.width} px: ${m.overflow} px wide; sticking out: ${m.wide.join(', ')}`);
  for (const s of m.split) splits.push(`${label} at ${m.width} px: ${s}`);
}

/** Measures the page at both widths (the current one first, so one resize per page); photographs it if asked. */
async function measureBoth(page: Page, label: string, shot?: string): Promise<void> {
  // Start from the width the page has now, so that each page costs one resize less.
  const order = page.viewportSize()?.width === WIDTHS[WIDTHS.length - 1] ? [...WIDTHS].reverse() : [...WIDTHS];
  for (const width of order) {
    if (page.viewportSize()?.width !== width) await page.setViewportSize({ width, height: HEIGHT });
    await measure(page, label);
    if (shot) {
      const file = path.join(SHOTS_DIR, `${shot}-${width}.png`);
      await page.screenshot({ path: file, fullPage: true });
      shots.push(file);
    }
  }
  measured.push(label);
}

async function contextFor(email?: string, options: { javaScriptEnabled?: boolean } = {}): Promise<BrowserContext> {
  const context = await browser.newContext({ locale: 'nl-NL', timezoneId: 'Europe/Amsterdam', viewport: { width: WIDTHS[0]!, height: HEIGHT }, ...options });
  if (email) {
    const t = { app: server.app, database: server.database, db: server.database.db } as unknown as TestApp;
    const session = await loginByEmail(t, email);
    const [name, ...value] = session.cookie.split('=');
    await context.addCookies([{ name: name!, value: value.join('='), url: server.url }]);
  }
  return context;
}

test(`every page at ${WIDTHS.join(' and ')} px: no sideways scrolling, no word split inside itself`, async () => {
  const started = Date.now();
  const seenMain = new Set<string>();
  const seenNav = new Set<string>();
  const allKinds = new Map<string, number>();
  let crawled = 0;
  for (const person of PEOPLE) {
    const context = await contextFor(person.email);
    const cookie = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
    const get = (url: string) => server.app.inject({ url, headers: cookie ? { cookie } : {} }) as unknown as Promise<Got>;
    const pages = await crawl(get, person.start, person.prefixes, person.max);
    crawled += pages.size;
    const page = await context.newPage();
    const kinds = new Map<string, number>();
    for (const [url, html] of pages) {
      const keys = layoutKeys(html);
      const shot = SHOTS.find((s) => s.who === person.who && s.match.test(url) && (!s.html || s.html.test(html)) && !shots.some((f) => f.includes(`/${s.name}-`)));
      const kind = kindOf(url);
      const newNav = !seenNav.has(keys.nav);
      const enough = (kinds.get(kind) ?? 0) >= PER_KIND.person || (allKinds.get(kind) ?? 0) >= PER_KIND.all;
      if (!shot && !newNav && (seenMain.has(keys.main) || enough)) continue;
      kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
      allKinds.set(kind, (allKinds.get(kind) ?? 0) + 1);
      seenMain.add(keys.main);
      seenNav.add(keys.nav);
      await page.goto(`${server.url}${url}`);
      await measureBoth(page, `${person.who} ${url}`, shot?.name);
    }
    if (person.who === 'anoniem') await signalForm(page);
    await context.close();
  }
  const missing = SHOTS.filter((s) => !shots.some((f) => f.includes(`/${s.name}-`))).map((s) => s.name);
  const summary = `${crawled} pages crawled, ${measured.length} measured at ${WIDTHS.join(' and ')} px, ${shots.length} screenshots`;
  fs.writeFileSync(
    path.join(SHOTS_DIR, '..', 'layout-report.txt'),
    [summary, '', `Scrolls sideways (${overflows.length}):`, ...overflows, '', `Words split (${splits.length}):`, ...splits, ''].join('\n'),
  );
  console.log(
    `layout: ${crawled} pages crawled (${allKinds.size} kinds), ${measured.length} measured at ${WIDTHS.join(' and ')} px, ${shots.length} screenshots in ${path.relative(process.cwd(), SHOTS_DIR)}, ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  assert.ok(measured.length >= 60, `measured ${measured.length} pages`);
  assert.deepEqual(overflows, [], `pages that scroll sideways:\n${overflows.join('\n')}`);
  assert.deepEqual(splits, [], `words split across lines:\n${splits.join('\n')}`);
  assert.deepEqual(missing, [], 'every page to photograph was found');
});

/** The resident's signal form: a question page with radio buttons and the check-your-answers page. */
async function signalForm(page: Page): Promise<void> {
  const submit = async (act: () => Promise<unknown>) => {
    await Promise.all([page.waitForEvent('load'), act()]);
  };
  const next = () => submit(() => page.getByRole('button', { name: 'Volgende' }).click());
  await page.goto(`${server.url}/lindewijk/signaal`);
  await submit(() => page.getByRole('button', { name: 'Start' }).click());
  await page.getByLabel('Wat is er gebeurd?').fill('De bus naar het gezondheidscentrum rijdt sinds de zomer niet meer op zaterdag. Oudere bewoners kunnen er dan niet meer komen.');
  await next();
  await measureBoth(page, 'anoniem signaal stap 2', 'signal-question-radios');
  await page.getByLabel('Vervoer').check();
  await next();
  await measureBoth(page, 'anoniem signaal stap 3');
  await page.getByLabel('Minder dan een half jaar').check();
  await next();
  await page.getByLabel('Aantal mensen').fill('40');
  await next();
  await measureBoth(page, 'anoniem signaal stap 5');
  await page.getByLabel('Nee, ik laat mijn gegevens achter').check();
  await page.getByLabel('Naam').fill('Karim Bakker-Abdelkader');
  await page.getByLabel('E-mailadres').fill('karim.bakker@voorbeeld.example');
  await next();
  await measureBoth(page, 'anoniem signaal stap 6');
  await page.getByLabel('Ik geef toestemming').check();
  await next();
  assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Controleer uw antwoorden');
  await measureBoth(page, 'anoniem signaal controleren', 'check-answers');
}

/** What has focus: inside a role="status" message, and that message's text. */
const FOCUS_IN_STATUS = `(() => {
  const el = document.activeElement;
  const status = el && el.closest && el.closest('[role="status"]');
  return { tag: el ? el.tagName.toLowerCase() : '', text: status ? status.textContent.trim() : null, top: el ? Math.round(el.getBoundingClientRect().top) : -1 };
})()`;

test('after a save, focus moves to the message that says it worked, at both widths', async () => {
  const context = await contextFor('secretaris@adviesraad-lindewijk.example');
  const page = await context.newPage();
  type Focus = { tag: string; text: string | null; top: number };
  const expectFocusOnNotice = async (what: string) => {
    const focus = (await page.evaluate(FOCUS_IN_STATUS)) as Focus;
    assert.equal(focus.text, 'De wijzigingen zijn opgeslagen.', `${what}: focus is on the success message (${focus.tag})`);
    assert.ok(focus.top >= 0 && focus.top < HEIGHT, `${what}: the message is on screen (top ${focus.top} px)`);
  };
  const saveAndWait = async (button: string, path: RegExp) => {
    await Promise.all([page.waitForURL((u) => path.test(u.pathname + u.search)), page.getByRole('button', { name: button, exact: true }).first().click()]);
  };
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: HEIGHT });
    // A notice as a page heading's companion (FormPageTop).
    await page.goto(`${server.url}/lindewijk/werkruimte/signalen/instellingen`);
    await saveAndWait('Instellingen opslaan', /\/signalen\/instellingen\?melding=opgeslagen$/);
    await expectFocusOnNotice(`signal settings at ${width} px`);
    // A notice as a message box (Alert), after a form further down the page.
    await page.goto(`${server.url}/lindewijk/werkruimte/leden`);
    await Promise.all([page.waitForURL(/\/leden\/[0-9a-f-]{36}$/), page.getByRole('link', { name: 'Els Jansen' }).click()]);
    await saveAndWait('Opslaan', /\/leden\/[0-9a-f-]{36}\?melding=opgeslagen$/);
    await expectFocusOnNotice(`member at ${width} px`);
  }
  await context.close();
});

test('the menu folds into a "Menu" button on a phone and shows its daily items on a desktop, the rest under "Meer", without JavaScript', async () => {
  const context = await contextFor('secretaris@adviesraad-lindewijk.example', { javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${server.url}/lindewijk/werkruimte`);
  const nav = page.getByRole('navigation', { name: 'Menu werkruimte' });
  const toggle = nav.locator('summary.rw-nav__toggle');
  const more = nav.locator('summary.rw-nav__more-toggle');
  // Every item, also those folded away (getByRole would see only the shown ones).
  const links = nav.locator('a');
  const shown = async () => {
    let n = 0;
    for (const link of await links.all()) if (await link.isVisible()) n++;
    return n;
  };
  const total = await links.count();
  assert.ok(total >= 10, `the secretary has ${total} menu items`);

  await page.setViewportSize({ width: 375, height: HEIGHT });
  assert.ok(await toggle.isVisible(), 'a phone shows the Menu button');
  assert.equal(await shown(), 0, 'a phone shows no menu items before the button is pressed');
  const folded = (await nav.boundingBox())!.height;
  assert.ok(folded < 80, `the folded menu takes ${folded} px, not the first screen`);
  await toggle.click();
  const daily = await shown();
  assert.ok(daily >= 5 && daily < total, `the button opens the daily items (${daily}) and "Meer"`);
  await more.click();
  assert.equal(await shown(), total, '"Meer" opens the rest');
  await page.screenshot({ path: path.join(SHOTS_DIR, 'workspace-menu-open-375.png') });
  shots.push('workspace-menu-open-375.png');

  await page.setViewportSize({ width: 1280, height: HEIGHT });
  await page.reload();
  assert.equal(await toggle.isVisible(), false, 'a desktop shows no Menu button');
  assert.equal(await shown(), daily, 'a desktop shows the daily items in the bar');
  const bar = await nav.boundingBox();
  assert.ok(bar!.height < 80, `the bar is one row (${bar!.height} px)`);
  await more.click();
  assert.equal(await shown(), total, 'and "Meer" opens the rest');
  assert.equal(await nav.getByRole('link').count(), total, 'and screen readers find every item');
  await context.close();
});
