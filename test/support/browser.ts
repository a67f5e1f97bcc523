/**
 * Browser tests: the system Chromium through playwright-core, axe for accessibility, and a
 * real server on 127.0.0.1 with a fresh database and the demo data.
 *
 *   const server = await startTestServer();
 *   const browser = await launchBrowser();
 *   const page = await newPage(browser, { javaScriptEnabled: false });
 *   await page.goto(`${server.url}/lindewijk`);
 *   await expectAccessible(page);
 *   ...
 *   await browser.close(); await server.close();
 */
import fs from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type BrowserContextOptions, type Locator, type Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import type { Database } from '../../src/core/db/index.ts';
import type { seedDemo } from '../../seeds/demo.ts';
import { createTestDatabase, testConfig } from './db.ts';
import { freePort } from './ports.ts';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const chromiumArgs = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'];

export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(chromiumPath)) {
    throw new Error(`Chromium not found at ${chromiumPath}. Install it with: apt-get install -y chromium (or set CHROMIUM_PATH to another Chromium binary).`);
  }
  return chromium.launch({ executablePath: chromiumPath, args: chromiumArgs, headless: true });
}

const scriptlessPages = new WeakSet<Page>();

/** A page in its own context (own cookies); axe needs a page from browser.newContext(). */
export async function newPage(browser: Browser, options: { javaScriptEnabled?: boolean } & BrowserContextOptions = {}): Promise<Page> {
  const context = await browser.newContext({ locale: 'nl-NL', timezoneId: 'Europe/Amsterdam', ...options });
  const page = await context.newPage();
  if (options.javaScriptEnabled === false) scriptlessPages.add(page);
  return page;
}

export const axeTags = ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'];

/**
 * Runs axe (WCAG 2.2 A and AA) on the page as it is now; throws with a readable list of
 * violations. `exclude` takes CSS selectors to leave out.
 *
 * axe runs inside the page, which a page without JavaScript cannot do. For such a page
 * (made with newPage(browser, { javaScriptEnabled: false })) axe checks a copy instead:
 * the same HTML at the same address, same cookies and viewport, with the page's own
 * scripts blocked (CSP script-src 'none'), so it sees what a reader without JavaScript sees.
 */
export async function expectAccessible(page: Page, options: { exclude?: string[] } = {}): Promise<void> {
  const violations = scriptlessPages.has(page) ? await axeOnScriptlessCopy(page, options.exclude ?? []) : await runAxe(page, options.exclude ?? []);
  if (violations.length === 0) return;
  const lines = violations.map((v) => {
    const nodes = v.nodes
      .slice(0, 5)
      .map((n) => `      at ${n.target.join(' ')}: ${n.html.replace(/\s+/g, ' ').slice(0, 160)}`)
      .join('\n');
    const more = v.nodes.length > 5 ? `\n      ... and ${v.nodes.length - 5} more` : '';
    return `  - [${v.impact ?? 'unknown'}] ${v.id}: ${v.help}\n      ${v.helpUrl}\n${nodes}${more}`;
  });
  throw new Error(`Accessibility violations (axe, ${axeTags.join(', ')}) on ${page.url()}:\n${lines.join('\n')}`);
}

async function runAxe(page: Page, exclude: string[]) {
  let builder = new AxeBuilder({ page }).withTags(axeTags);
  for (const selector of exclude) builder = builder.exclude(selector);
  return (await builder.analyze()).violations;
}

async function axeOnScriptlessCopy(page: Page, exclude: string[]) {
  const html = await page.content();
  const url = page.url();
  const browser = page.context().browser();
  if (!browser) throw new Error('expectAccessible: the page has no browser');
  const context = await browser.newContext({
    javaScriptEnabled: true,
    locale: 'nl-NL',
    timezoneId: 'Europe/Amsterdam',
    viewport: page.viewportSize(),
    storageState: await page.context().storageState(),
  });
  try {
    const copy = await context.newPage();
    let served = false;
    await copy.route('**/*', (route) => {
      const request = route.request();
      if (!served && request.isNavigationRequest()) {
        served = true;
        return route.fulfill({
          status: 200,
          contentType: 'text/html; charset=utf-8',
          headers: { 'content-security-policy': "script-src 'none'" },
          body: html,
        });
      }
      if (request.resourceType() === 'script') return route.abort();
      return route.continue();
    });
    await copy.goto(url);
    return await runAxe(copy, exclude);
  } finally {
    await context.close();
  }
}

export type TestServer = {
  url: string;
  app: FastifyInstance;
  database: Database;
  /** What seedDemo returned (the demo logins). */
  logins: Awaited<ReturnType<typeof seedDemo>>;
  close(): Promise<void>;
};

/**
 * A fresh database with the demo data, and the app listening on 127.0.0.1.
 * `env` overrides configuration variables, e.g. { SMTP_URL: smtp.url }.
 */
export async function startTestServer(options: { env?: Record<string, string | undefined> } = {}): Promise<TestServer> {
  // Imported here so that launchBrowser() and expectAccessible() work without the app.
  const [{ buildApp }, demo] = await Promise.all([import('../../src/app.ts'), import('../../seeds/demo.ts')]);
  const database = await createTestDatabase();
  let app: FastifyInstance | undefined;
  try {
    // Choose the port first so that BASE_URL (links in e-mail) points at this server.
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const config = testConfig({ PORT: String(port), BASE_URL: url, ...options.env });
    app = await buildApp({ config, database });
    const logins = await demo.seedDemo(database, app.deps);
    await app.listen({ host: '127.0.0.1', port });
    const started = app;
    return {
      url,
      app: started,
      database,
      logins,
      async close() {
        await started.close();
        await database.close();
      },
    };
  } catch (err) {
    await app?.close().catch(() => undefined);
    await database.close().catch(() => undefined);
    throw err;
  }
}

/**
 * A link of a menu ('Menu werkruimte' or 'Hoofdmenu'); opens "Meer" first when the link sits
 * there (occasional items are grouped under it, issue 9).
 */
export async function menuLink(page: Page, menu: string, name: string): Promise<Locator> {
  const nav = page.getByRole('navigation', { name: menu });
  const link = nav.getByRole('link', { name, exact: true });
  if ((await link.count()) === 0) await nav.locator('summary.rw-nav__more-toggle').click();
  return link;
}
