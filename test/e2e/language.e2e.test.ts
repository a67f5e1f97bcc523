/**
 * Switching language mid-form keeps what was typed (issue 9, part 6): a resident types a message
 * to the council, switches to English and finds the answers still there, in an English form. The
 * switch is a submit button of the form, so this holds without JavaScript; the answers are put
 * back once.
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

for (const javaScriptEnabled of [false, true]) {
  test(`the language switch takes typed answers along to the other language (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async () => {
    const page = await newPage(browser, { javaScriptEnabled });
    await page.goto(`${server.url}/lindewijk/contact`);
    await page.getByLabel('Onderwerp').fill('Regiotaxi');
    await page.getByLabel('Uw bericht').fill('De taxi kwam drie keer te laat.\nWat kan de raad doen?');
    // Enter in a field sends the form, not the language switch.
    await page.getByLabel('Onderwerp').press('Enter');
    await page.waitForURL(/\/lindewijk\/contact/);
    assert.equal(await page.getAttribute('html', 'lang'), 'nl');
    // On a page with a form the header's link leads to the switch under the form, which sends the
    // form along; with JavaScript the link presses it at once.
    await page.getByRole('link', { name: 'English' }).click();
    if (!javaScriptEnabled) await page.getByRole('button', { name: 'In English (your answers stay)' }).click();
    await page.waitForURL(/\/lindewijk\/contact$/);
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    assert.equal(await page.getByLabel('Subject').inputValue(), 'Regiotaxi');
    assert.equal(await page.getByLabel('Your message').inputValue(), 'De taxi kwam drie keer te laat.\nWat kan de raad doen?');

    // Opening the page again later starts empty: the answers were put back once.
    await page.goto(`${server.url}/lindewijk/contact`);
    assert.equal(await page.getByLabel('Subject').inputValue(), '');
    // A page without a form keeps the plain link.
    await page.goto(`${server.url}/lindewijk/over-ons`);
    await page.getByRole('link', { name: 'Nederlands' }).click();
    await page.waitForURL(/\/lindewijk\/over-ons$/);
    assert.equal(await page.getAttribute('html', 'lang'), 'nl');
    await page.context().close();
  });
}
