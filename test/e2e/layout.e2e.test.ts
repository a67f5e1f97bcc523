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
 * check-your-answers page. A page whose main content and menu were already measured for an
 * earlier person is not measured again.
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

const WIDTHS = [375, 1280] as const;
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
  { who: 'anoniem', start: ['/', '/toegankelijkheid', '/privacy', '/inloggen', '/wachtwoord-vergeten'], prefixes: ['/'], max: 120 },
  { who: 'secretaris', email: 'secretaris@adviesraad-lindewijk.example', start: ['/lindewijk/werkruimte', '/account'], prefixes: ['/lindewijk/werkruimte', '/account'], max: 150 },
  { who: 'voorzitter', email: 'voorzitter@adviesraad-lindewijk.example', start: ['/lindewijk/werkruimte'], prefixes: ['/lindewijk/werkruimte'], max: 150 },
  { who: 'lid (werkgroepvoorzitter)', email: 'els.jansen@adviesraad-lindewijk.example', start: ['/lindewijk/werkruimte'], prefixes: ['/lindewijk/werkruimte'], max: 150 },
  { who: 'lid', email: 'joost.vandijk@adviesraad-lindewijk.example', start: ['/lindewijk/werkruimte'], prefixes: ['/lindewijk/werkruimte'], max: 150 },
  { who: 'ambtenaar', email: 'beleid@gemeente-lindewijk.example', start: ['/lindewijk/werkruimte'], prefixes: ['/lindewijk/werkruimte'], max: 150 },
  { who: 'partner', email: 'partner@horizon-clientenraad.example', start: ['/lindewijk/werkruimte', '/de-horizon/werkruimte'], prefixes: ['/lindewijk/werkruimte', '/de-horizon/werkruimte'], max: 80 },
  { who: 'secretaris cliëntenraad', email: 'secretaris@dehorizon.example', start: ['/de-horizon/werkruimte'], prefixes: ['/de-horizon/werkruimte'], max: 150 },
  { who: 'beheerder', email: 'beheer@raadwerk.example', start: ['/beheer', '/beheer/postvak', '/beheer/raden/nieuw'], prefixes: ['/beheer'], max: 80 },
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
  return [...html.matchAll(/href="([^"#]+)"/g)]
    .map((m) => m[1]!.replace(/&amp;/g, '&'))
    .filter((h) => h.startsWith('/') && !SKIP.test(h) && prefixes.some((p) => h.startsWith(p)));
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

const hash = (s: string) => crypto.createHash('sha1').update(s).digest('hex');
const part = (html: string, re: RegExp) => (html.match(re)?.[0] ?? '').replace(/value="[^"]*"/g, '').replace(/ aria-current="page"|--current/g, '');
/** What decides a page's layout: its main content and its menu (without tokens or the current mark). */
const layoutKeys = (html: string) => ({
  main: hash(part(html, /<main[\s\S]*<\/main>/)),
  nav: hash(part(html, /<nav class="utrecht-nav-bar[\s\S]*?<\/nav>/)),
});

// Page-side code is passed as strings: tsx would wrap named functions in a helper the page lacks.
/** Horizontal overflow and words split across lines, on the page as it is laid out now. */
const MEASURE = `(() => {
  const doc = document.documentElement;
  const width = doc.clientWidth;
  const overflow = doc.scrollWidth > width ? doc.scrollWidth : 0;
  const wide = [];
  if (overflow) {
    for (const el of document.body.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if (r.right > width + 0.5 && r.width > 0 && wide.length < 5) {
        let inScroller = false;
        for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
          const o = getComputedStyle(p).overflowX;
          if (o === 'auto' || o === 'scroll' || o === 'hidden') { inScroller = true; break; }
        }
        if (!inScroller) wide.push(el.tagName.toLowerCase() + (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\\s+/).join('.') : '') + ' (' + Math.round(r.right) + ' px)');
      }
    }
  }
  const split = [];
  const skip = 'script, style, template, noscript, textarea, select, option, title, .rw-visually-hidden';
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  let node;
  while ((node = walker.nextNode())) {
    const text = node.data;
    if (!/\\S\\S/.test(text)) continue;
    const parent = node.parentElement;
    if (!parent || parent.closest(skip)) continue;
    const box = parent.getBoundingClientRect();
    if (box.width <= 2 || box.height <= 2) continue;
    // Words: runs between spaces, hyphens and slashes, where a line may break anyway.
    const words = /[^\\s\\-\\u2010\\u2013\\u2014\\u00ad\\/]{2,}/g;
    let m;
    while ((m = words.exec(text))) {
      range.setStart(node, m.index);
      range.setEnd(node, m.index + m[0].length);
      const rects = [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0);
      if (rects.length < 2) continue;
      const lines = [];
      for (const r of rects) if (!lines.some((y) => Math.abs(y - r.top) < r.height / 2)) lines.push(r.top);
      if (lines.length < 2) continue;
      // A word longer than its whole line may break (hyphens: auto); measure it unbroken.
      let block = parent;
      while (block.parentElement && getComputedStyle(block).display.startsWith('inline')) block = block.parentElement;
      const cs = getComputedStyle(block);
      const room = block.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight);
      const probe = document.createElement('span');
      probe.textContent = m[0];
      probe.style.whiteSpace = 'nowrap';
      probe.style.position = 'absolute';
      probe.style.visibility = 'hidden';
      parent.appendChild(probe);
      const natural = probe.getBoundingClientRect().width;
      probe.remove();
      if (natural > room + 0.5) continue;
      if (split.length < 10) split.push('"' + m[0] + '" in <' + parent.tagName.toLowerCase() + (parent.className && typeof parent.className === 'string' ? ' class="' + parent.className + '"' : '') + '> (' + lines.length + ' lines, ' + Math.round(natural) + ' of ' + Math.round(room) + ' px)');
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
  if (m.overflow) overflows.push(`${label} at ${m.width} px: ${m.overflow} px wide; sticking out: ${m.wide.join(', ') || '(inside a scroll container)'}`);
  for (const s of m.split) splits.push(`${label} at ${m.width} px: ${s}`);
}

/** Measures the page at both widths (the current one first, so one resize per page); photographs it if asked. */
async function measureBoth(page: Page, label: string, shot?: string): Promise<void> {
  const current = page.viewportSize()?.width ?? WIDTHS[0];
  const order = current === WIDTHS[1] ? [...WIDTHS].reverse() : [...WIDTHS];
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

async function contextFor(email?: string): Promise<BrowserContext> {
  const context = await browser.newContext({ locale: 'nl-NL', timezoneId: 'Europe/Amsterdam', viewport: { width: WIDTHS[0], height: HEIGHT } });
  if (email) {
    const t = { app: server.app, database: server.database, db: server.database.db } as unknown as TestApp;
    const session = await loginByEmail(t, email);
    const [name, ...value] = session.cookie.split('=');
    await context.addCookies([{ name: name!, value: value.join('='), url: server.url }]);
  }
  return context;
}

test('every page at 375 and 1280 px: no sideways scrolling, no word split inside itself', async () => {
  const started = Date.now();
  const seenMain = new Set<string>();
  const seenNav = new Set<string>();
  let crawled = 0;
  for (const person of PEOPLE) {
    const context = await contextFor(person.email);
    const cookie = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
    const get = (url: string) => server.app.inject({ url, headers: cookie ? { cookie } : {} }) as unknown as Promise<Got>;
    const pages = await crawl(get, person.start, person.prefixes, person.max);
    crawled += pages.size;
    const page = await context.newPage();
    for (const [url, html] of pages) {
      const keys = layoutKeys(html);
      const shot = SHOTS.find((s) => s.who === person.who && s.match.test(url) && (!s.html || s.html.test(html)) && !shots.some((f) => f.includes(`/${s.name}-`)));
      if (!shot && seenMain.has(keys.main) && seenNav.has(keys.nav)) continue;
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
  console.log(`layout: ${crawled} pages crawled, ${measured.length} measured at ${WIDTHS.join(' and ')} px, ${shots.length} screenshots in ${path.relative(process.cwd(), SHOTS_DIR)}, ${((Date.now() - started) / 1000).toFixed(1)} s`);
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
