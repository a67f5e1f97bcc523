/**
 * The signals workspace through HTTP: every page of the demo for each role (valid HTML, Nu
 * checker), bad input on every form (400, Dutch error summary, nothing changed), contact details
 * only behind the logged action, the access-request download, another council's ids.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq } from 'drizzle-orm';
import { seedDemo } from '../../../seeds/demo.ts';
import { councils } from '../../core/organisations.schema.ts';
import { checkHtml, formatHtmlErrors } from '../../../test/support/vnu.ts';
import { watchTables } from '../../../test/support/watch.ts';
import { useTestApp, loginByEmail, makeAdvice, makeCouncil, person, titleOf, type LoggedIn } from '../advice/advice.test-helpers.ts';
import { signalAccessLog, signalContacts, signals } from './signals.schema.ts';
import { submitSignal } from './signals.submit.ts';

const ws = '/lindewijk/werkruimte/signalen';
let secretary: LoggedIn;
let chair: LoggedIn;
let member: LoggedIn;
let official: LoggedIn;
let lindewijkId: string;

const t = useTestApp({
  setup: async () => {
    // The demo seals contact details with the key the app would use (see seeds/demo-signals.ts).
    process.env.SECRET_KEY = t.app.deps.secretKey;
    await seedDemo(t.database, t.app.deps);
    const [c] = await t.db.select().from(councils).where(eq(councils.slug, 'lindewijk'));
    lindewijkId = c!.id;
    secretary = await loginByEmail(t, 'secretaris@adviesraad-lindewijk.example');
    chair = await loginByEmail(t, 'voorzitter@adviesraad-lindewijk.example');
    member = await loginByEmail(t, 'els.jansen@adviesraad-lindewijk.example');
    official = await loginByEmail(t, 'beleid@gemeente-lindewijk.example');
  },
});

const watch = watchTables(() => t.db, ['signals', 'signal_contacts', 'signal_themes', 'signal_settings', 'signal_message_templates', 'signal_events']);
/** Every signals table of the council, as one comparable string. */
async function state(councilId = lindewijkId): Promise<string> {
  return JSON.stringify(await watch.snapshot(`council_id = '${councilId}'`));
}

async function demoSignal(where: (s: typeof signals.$inferSelect) => boolean) {
  const list = await t.db.select().from(signals).where(eq(signals.councilId, lindewijkId));
  return list.find(where)!;
}

test('the demo shows real signals: a theme over the threshold, masked small counts for members, the linked advice', async () => {
  const themes = await secretary.request({ url: `${ws}/themas` });
  assert.equal(themes.statusCode, 200);
  assert.match(themes.body, /Mogelijk grotere groep geraakt/);
  const forMember = await member.request({ url: `${ws}/themas` });
  assert.match(forMember.body, /minder dan 3/);
  // The list never shows contact details, to anyone.
  for (const as of [secretary, member]) assert.doesNotMatch((await as.request({ url: ws })).body, /voorbeeld\.example/);

  const linked = await demoSignal((s) => s.adviceId !== null);
  const advicePage = await member.request({ url: `/lindewijk/werkruimte/adviezen/${linked.adviceId}` });
  assert.match(advicePage.body, new RegExp(linked.reference));
  // The official may see the advice but not the signals behind it.
  const forOfficial = await official.request({ url: `/lindewijk/werkruimte/adviezen/${linked.adviceId}` });
  assert.equal(forOfficial.statusCode, 200);
  assert.doesNotMatch(forOfficial.body, new RegExp(linked.reference));

  const dashboard = await secretary.request({ url: '/lindewijk/werkruimte' });
  assert.match(dashboard.body, /Nieuwe signalen/);
  assert.doesNotMatch((await member.request({ url: '/lindewijk/werkruimte' })).body, /Nieuwe signalen/);
});

test('every signals page is valid HTML for each role, also with errors', async () => {
  const pages: { name: string; html: string }[] = [];
  const add = async (who: string, as: LoggedIn, url: string, expect = 200, opts: { form?: Record<string, string>; lang?: string } = {}) => {
    const res = await as.request({ url, form: opts.form, headers: opts.lang ? { cookie: `${as.cookie}; rw_taal=${opts.lang}` } : undefined });
    assert.equal(res.statusCode, expect, `${who} ${url}: ${res.statusCode}`);
    pages.push({ name: `${who} ${url}${opts.lang ? ` (${opts.lang})` : ''}`, html: res.body });
    return res;
  };
  const list = await t.db.select().from(signals).where(eq(signals.councilId, lindewijkId));
  for (const [who, as] of [
    ['secretaris', secretary],
    ['voorzitter', chair],
    ['lid', member],
  ] as const) {
    await add(who, as, ws);
    await add(who, as, `${ws}/themas`);
    await add(who, as, `${ws}/nieuw`);
  }
  await add('secretaris', secretary, `${ws}?status=to_discuss&area=transport`);
  await add('secretaris', secretary, ws, 200, { lang: 'en' });
  await add('secretaris', secretary, `${ws}/themas`, 200, { lang: 'en' });
  await add('secretaris', secretary, `${ws}/instellingen`);
  await add('secretaris', secretary, `${ws}/inzage`);
  await add('voorzitter', chair, `${ws}/toegangslog`);
  for (const s of list) {
    await add('secretaris', secretary, `${ws}/${s.id}`);
    await add('lid', member, `${ws}/${s.id}`);
  }
  const withContact = await demoSignal((s) => s.hasContact);
  await add('secretaris', secretary, `${ws}/${withContact.id}/contactgegevens`, 200, { form: {} });
  await add('secretaris', secretary, `${ws}/${withContact.id}/wissen`);
  const open = await demoSignal((s) => s.status === 'in_triage');

  const errors = [
    await add('lid', member, `${ws}/nieuw`, 400, { form: { source: 'telepathie', description: '', email: 'geen-adres', peopleCount: 'veel' } }),
    await add('secretaris', secretary, `${ws}/${open.id}/thema`, 400, { form: { themeId: 'nieuw', newTheme: '' } }),
    await add('secretaris', secretary, `${ws}/${open.id}/afsluiten`, 400, { form: {} }),
    await add('secretaris', secretary, `${ws}/${open.id}/dubbel`, 400, { form: { duplicateOf: 'abc' } }),
    await add('secretaris', secretary, `${ws}/instellingen`, 400, { form: { thresholdCount: '-1' } }),
    await add('secretaris', secretary, `${ws}/instellingen/bericht/closed`, 400, { form: { 'subject-closed': '', 'body-closed': '' } }),
    await add('secretaris', secretary, `${ws}/inzage`, 400, { form: { reference: 'S-1900-0001' } }),
    await add('secretaris', secretary, `${ws}/${open.id}/wissen`, 400, { form: {} }),
  ];
  for (const e of errors) assert.match(titleOf(e.body), /^Fout:/);

  const found = await checkHtml(pages);
  assert.equal(found.length, 0, formatHtmlErrors(found));
});

test('bad input on every workspace form: 400 with a Dutch message, nothing changed', async () => {
  const open = await demoSignal((s) => s.status === 'in_triage' && s.themeId !== null);
  const closed = await demoSignal((s) => s.status === 'closed' && !s.anonymisedAt);
  const long = 'x'.repeat(10 * 1024 + 1);
  const cases: [LoggedIn, string, Record<string, string>, RegExp][] = [
    [member, `${ws}/nieuw`, {}, /Vul dit veld in/],
    [member, `${ws}/nieuw`, { source: 'phone', description: '   ', area: 'transport', since: 'month' }, /Beschrijf wat er aan de hand is/],
    [member, `${ws}/nieuw`, { source: 'phone', description: long, area: 'transport', since: 'month' }, /te lang/],
    [member, `${ws}/nieuw`, { source: 'phone', description: 'Tekst', area: 'maan', since: 'month' }, /Kies/],
    [member, `${ws}/nieuw`, { source: 'phone', description: 'Tekst', area: 'transport', since: 'month', peopleCount: '-3' }, /heel getal/],
    [member, `${ws}/nieuw`, { source: 'phone', description: 'Tekst', area: 'transport', since: 'month', email: 'iemand@example.org' }, /toestemming/],
    [member, `${ws}/nieuw`, { source: 'partner_organisation', description: 'Tekst', area: 'transport', since: 'month' }, /naam van de organisatie/],
    [secretary, `${ws}/${open.id}/thema`, { themeId: 'geen-id' }, /Kies/],
    [secretary, `${ws}/${open.id}/thema`, { themeId: '00000000-0000-4000-8000-000000000000' }, /bestaat niet/],
    [secretary, `${ws}/${open.id}/thema`, { themeId: 'nieuw', newTheme: 'x'.repeat(101) }, /te lang|maximaal|tekens/i],
    [secretary, `${ws}/${open.id}/afsluiten`, { outcome: 'opgelost' }, /Kies/],
    [secretary, `${ws}/${open.id}/afsluiten`, { outcome: 'no_action', outcomeNote: 'x'.repeat(2001) }, /te lang|tekens/i],
    [secretary, `${ws}/${open.id}/dubbel`, { duplicateOf: '' }, /Vul|verplicht/i],
    [secretary, `${ws}/${open.id}/dubbel`, { duplicateOf: 'S-1999-0001' }, /Er is geen signaal met dit kenmerk/],
    [secretary, `${ws}/${open.id}/advies`, { adviceId: 'geen-uuid' }, /ongevraagd advies/],
    [secretary, `${ws}/${open.id}/advies`, { adviceId: '00000000-0000-4000-8000-000000000000' }, /ongevraagd advies/],
    [secretary, `${ws}/${open.id}/besproken`, {}, /huidige stap/],
    [secretary, `${ws}/${closed.id}/afsluiten`, { outcome: 'no_action' }, /huidige stap/],
    [secretary, `${ws}/instellingen`, { thresholdCount: 'vijf', thresholdSources: '3', thresholdMonths: '3', contactRetentionMonths: '3', textRetentionMonths: '24' }, /heel getal/],
    [secretary, `${ws}/instellingen`, { thresholdCount: '5', thresholdSources: '3', thresholdMonths: '3', contactRetentionMonths: '30', textRetentionMonths: '24' }, /minstens zo lang/],
    [secretary, `${ws}/instellingen`, { thresholdCount: '0', thresholdSources: '99', thresholdMonths: '3', contactRetentionMonths: '3', textRetentionMonths: '24' }, /te klein of te groot/],
    [secretary, `${ws}/instellingen/bericht/received`, { 'subject-received': 'x'.repeat(201), 'body-received': 'Tekst' }, /te lang|tekens/i],
    [secretary, `${ws}/inzage`, { reference: 'kenmerk' }, /S-2026-0012/],
    [secretary, `${ws}/${open.id}/wissen`, { confirm: 'nee' }, /Vink aan/],
  ];
  for (const [as, url, form, message] of cases) {
    const before = await state();
    const res = await as.request({ url, form });
    assert.equal(res.statusCode, 400, `${url} ${JSON.stringify(form).slice(0, 80)}: ${res.statusCode}`);
    assert.match(titleOf(res.body), /^Fout:/, url);
    assert.match(res.body, /rw-error-summary/, url);
    assert.match(res.body, message, `${url}: ${JSON.stringify(form).slice(0, 80)}`);
    assert.equal(await state(), before, `${url}: nothing changed`);
  }
  // Unknown template status and malformed ids are 404, not 500.
  assert.equal((await secretary.request({ url: `${ws}/instellingen/bericht/onbekend`, form: {} })).statusCode, 404);
  assert.equal((await secretary.request({ url: `${ws}/niet-een-id` })).statusCode, 404);
  assert.equal((await secretary.request({ url: `${ws}?status=raar&theme=x` })).statusCode, 200);
});

test('record, triage and close through the forms; the resident hears about it', async () => {
  const res = await member.request({
    url: `${ws}/nieuw`,
    form: {
      source: 'office_hours',
      sourceDetail: 'Spreekuur markt',
      description: 'De rolstoeltaxi wacht niet.',
      area: 'transport',
      since: 'week',
      peopleCount: '2',
      name: 'Tom',
      email: 'tom@voorbeeld.example',
      phone: '',
      consent: 'ja',
    },
  });
  assert.equal(res.statusCode, 303);
  const id = /signalen\/([0-9a-f-]{36})\?melding=vastgelegd/.exec(String(res.headers.location))![1]!;
  const page = await member.request({ url: String(res.headers.location) });
  assert.match(page.body, /is opgeslagen met kenmerk S-\d{4}-\d{4}/);
  assert.doesNotMatch(page.body, /tom@voorbeeld/);
  assert.doesNotMatch(page.body, /Toon contactgegevens/, 'members have no such button');

  const theme = await secretary.request({ url: `${ws}/${id}/thema`, form: { themeId: 'nieuw', newTheme: 'Rolstoelvervoer', policyField: 'wmo' } });
  assert.equal(theme.statusCode, 303);
  assert.equal((await secretary.request({ url: `${ws}/${id}/bespreken`, form: {} })).statusCode, 303);
  assert.equal((await secretary.request({ url: `${ws}/${id}/besproken`, form: {} })).statusCode, 303);
  assert.equal((await secretary.request({ url: `${ws}/${id}/afsluiten`, form: { outcome: 'referred_client_support', outcomeNote: '' } })).statusCode, 303);
  const [row] = await t.db.select().from(signals).where(eq(signals.id, id));
  assert.equal(row!.status, 'closed');
  assert.equal(row!.sourceDetail, 'Spreekuur markt');
  const { mailsTo } = await import('../advice/advice.test-helpers.ts');
  assert.equal((await mailsTo(t, 'tom@voorbeeld.example')).length, 3);
});

test('contact details: the explicit action shows and logs them; members and officials are refused', async () => {
  const s = await demoSignal((x) => x.hasContact && x.status !== 'closed');
  const detail = await secretary.request({ url: `${ws}/${s.id}` });
  assert.match(detail.body, /Toon contactgegevens/);
  assert.doesNotMatch(detail.body, /voorbeeld\.example/, 'not on the page itself');
  const countLog = async () =>
    (
      await t.db
        .select()
        .from(signalAccessLog)
        .where(and(eq(signalAccessLog.signalId, s.id), eq(signalAccessLog.kind, 'view_contact')))
    ).length;
  const before = await countLog();
  const shown = await secretary.request({ url: `${ws}/${s.id}/contactgegevens`, form: {} });
  assert.equal(shown.statusCode, 200);
  assert.match(shown.body, /voorbeeld\.example|06 12 34 56 78/);
  assert.match(String(shown.headers['cache-control']), /no-store/);
  assert.equal(await countLog(), before + 1);
  assert.equal((await member.request({ url: `${ws}/${s.id}/contactgegevens`, form: {} })).statusCode, 403);
  assert.equal((await official.request({ url: `${ws}/${s.id}/contactgegevens`, form: {} })).statusCode, 403);
  assert.equal(await countLog(), before + 1);
  const log = await chair.request({ url: `${ws}/toegangslog` });
  assert.match(log.body, new RegExp(s.reference));
  assert.match(log.body, /Karim Bakker/);
  assert.equal((await secretary.request({ url: `${ws}/toegangslog` })).statusCode, 403);
});

test('access request: a JSON download with everything about one reference, logged; erase on request', async () => {
  const s = await demoSignal((x) => x.hasContact && x.status === 'closed');
  const res = await secretary.request({ url: `${ws}/inzage`, form: { reference: s.reference.toLowerCase() } });
  assert.equal(res.statusCode, 200);
  assert.match(String(res.headers['content-type']), /application\/json/);
  assert.match(String(res.headers['content-disposition']), /attachment/);
  const data = JSON.parse(res.body);
  assert.equal(data.reference, s.reference);
  assert.equal(data.signal.description, s.description);
  assert.ok(data.contact.email || data.contact.phone || data.contact.unreadable !== undefined);
  assert.ok(data.history.length >= 2);
  const logged = await t.db
    .select()
    .from(signalAccessLog)
    .where(and(eq(signalAccessLog.signalId, s.id), eq(signalAccessLog.kind, 'export')));
  assert.equal(logged.length, 1);

  const erased = await secretary.request({ url: `${ws}/${s.id}/wissen`, form: { confirm: 'ja' } });
  assert.equal(erased.statusCode, 303);
  const [row] = await t.db.select().from(signals).where(eq(signals.id, s.id));
  assert.equal(row!.description, '');
  const [contact] = await t.db.select().from(signalContacts).where(eq(signalContacts.signalId, s.id));
  assert.equal(contact!.nameSealed, null);
  const page = await secretary.request({ url: String(erased.headers.location) });
  assert.match(page.body, /zijn gewist/);
});

test("another council's signal answers 404 under this council's address, and changes nothing", async () => {
  const other = await makeCouncil(t);
  const otherSecretary = await person(t, other, 'secretary');
  const { id } = await submitSignal(t.app.deps, {
    council: other,
    actor: null,
    input: { description: 'Elders', area: 'other', since: 'unknown', peopleCount: null },
    contact: null,
    consent: false,
    source: 'web_form',
  });
  const advice = await makeAdvice(t, other, { status: 'initiated', kind: 'unsolicited' });
  const before = await state(other.id);
  for (const [method, path, form] of [
    ['GET', '', undefined],
    ['POST', '/contactgegevens', {}],
    ['GET', '/wissen', undefined],
    ['POST', '/wissen', { confirm: 'ja' }],
    ['POST', '/thema', { themeId: 'nieuw', newTheme: 'X' }],
    ['POST', '/afsluiten', { outcome: 'no_action' }],
    ['POST', '/advies', { adviceId: advice.id }],
  ] as const) {
    const res = await secretary.request({ method, url: `${ws}/${id}${path}`, form });
    assert.equal(res.statusCode, 404, `${method} ${path}`);
  }
  // An advice of another council cannot be linked to one's own signal.
  const own = await demoSignal((s) => s.status === 'in_triage');
  const link = await secretary.request({ url: `${ws}/${own.id}/advies`, form: { adviceId: advice.id } });
  assert.equal(link.statusCode, 400);
  assert.equal(await state(other.id), before);
  assert.equal((await otherSecretary.request({ url: `/${other.slug}/werkruimte/signalen/${id}` })).statusCode, 200);
});
