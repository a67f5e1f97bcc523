/**
 * Switching language mid-form keeps what was typed (issue 9, part 6): a resident types a message
 * to the council, switches to English and finds the answers still there, in an English form; the
 * kept answers are gone from the browser afterwards.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { launchBrowser, newPage, startTestServer, type TestServer } from '../support/browser.ts';

let server: TestServer;
let browser: Browser;

before(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test('the language switch takes typed answers along to the other language', async () => {
  const page = await newPage(browser);
  await page.goto(`${server.url}/lindewijk/contact`);
  await page.getByLabel('Onderwerp').fill('Regiotaxi');
  await page.getByLabel('Uw bericht').fill('De taxi kwam drie keer te laat.\nWat kan de raad doen?');
  await page.getByRole('link', { name: 'English' }).click();
  await page.waitForURL(/\/lindewijk\/contact$/);
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.equal(await page.getByLabel('Subject').inputValue(), 'Regiotaxi');
  assert.equal(await page.getByLabel('Your message').inputValue(), 'De taxi kwam drie keer te laat.\nWat kan de raad doen?');
  assert.equal(await page.evaluate(() => sessionStorage.length), 0, 'nothing kept after it was put back');

  // Opening the page again later starts empty: the answers were put back once.
  await page.goto(`${server.url}/lindewijk/contact`);
  assert.equal(await page.getByLabel('Subject').inputValue(), '');
  await page.context().close();
});
