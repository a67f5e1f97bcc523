/**
 * Issue 9, item 11 and "nobody is told": the member cap, the counts of active members and open
 * invitations, inviting several people from one list, adding several members to a working group
 * at once, the working-group lead's own page, and "Geen toegang" inside the council's frame.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq, inArray } from 'drizzle-orm';
import { outbox } from '../../core/mail/mail.schema.ts';
import { users } from '../../core/auth/auth.schema.ts';
import { councils, memberships, type Council } from '../../core/organisations.schema.ts';
import { workingGroupMembers } from './members.schema.ts';
import { parseInviteLines } from './members.forms.ts';
import { passesCap, seatsLeft, takesSeat } from './members.workflow.ts';
import { get, login, makeCouncil, makeGroup, makePerson, post, useTestApp, titleOf, type Person } from './members.test-helpers.ts';
import { makeAdvice } from '../advice/advice.test-helpers.ts';
import { updateCouncil } from '../../../test/support/factories.ts';

const t = useTestApp();

const ws = (c: Council, rest = '') => `/${c.slug}/werkruimte${rest}`;
const membershipsOf = (c: Council) => t.db.select().from(memberships).where(eq(memberships.councilId, c.id));
const mailsOf = (c: Council) => t.db.select().from(outbox).where(eq(outbox.councilId, c.id));

async function setCap(c: Council, cap: number | null): Promise<Council> {
  return updateCouncil(t, c.id, { memberCap: cap });
}

/** A council with a secretary (no seat), `accepted` members who set a password and `invited` who did not. */
async function councilWith(accepted: number, invited: number, cap: number | null) {
  const c = await setCap(await makeCouncil(t), cap);
  const secretary = await makePerson(t, c, { role: 'secretary', name: 'Sanne Secretaris' });
  await makePerson(t, c, { role: 'official' });
  await makePerson(t, c, { role: 'partner' });
  await makePerson(t, c, { role: 'member', active: false });
  for (let i = 0; i < accepted; i++) await makePerson(t, c, { role: i === 0 ? 'chair' : 'member' });
  for (let i = 0; i < invited; i++) await makePerson(t, c, { role: 'member', password: false });
  return { c, secretary, browser: await login(t, secretary) };
}

// ------------------------------------------------------------------ pure rules

test('seats: the chair and members take a seat; the cap counts open invitations', () => {
  assert.deepEqual(['chair', 'secretary', 'member', 'official', 'partner'].filter(takesSeat), ['chair', 'member']);
  assert.equal(passesCap(14, 14, 1), true);
  assert.equal(passesCap(14, 13, 1), false);
  assert.equal(passesCap(14, 13, 2), true);
  assert.equal(passesCap(null, 500, 1), false);
  assert.equal(passesCap(14, 20, 0), false, 'a role without a seat is never refused');
  assert.equal(seatsLeft(14, 12), 2);
  assert.equal(seatsLeft(14, 15), 0);
  assert.equal(seatsLeft(null, 3), null);
});

test('a pasted list: "Naam, e-mail", "Naam <e-mail>", semicolons and tabs; every wrong line named by its number', () => {
  const lines = parseInviteLines(
    [
      'Jan Jansen, Jan@Voorbeeld.NL',
      '',
      'Petra de Vries <petra@voorbeeld.nl>',
      'Ali Yilmaz;ali@voorbeeld.nl',
      'Jansen, Kees\tkees@voorbeeld.nl',
      'alleen een naam',
      'geen-naam@voorbeeld.nl',
      'Fout Adres, fout@',
      'Jan Dubbel, jan@voorbeeld.nl',
      ` ${'x'.repeat(121)}, lang@voorbeeld.nl`,
    ].join('\r\n'),
  );
  assert.deepEqual(
    lines.filter((l) => l.ok).map((l) => (l.ok ? [l.line, l.name, l.email] : [])),
    [
      [1, 'Jan Jansen', 'jan@voorbeeld.nl'],
      [3, 'Petra de Vries', 'petra@voorbeeld.nl'],
      [4, 'Ali Yilmaz', 'ali@voorbeeld.nl'],
      [5, 'Jansen, Kees', 'kees@voorbeeld.nl'],
    ],
  );
  assert.deepEqual(
    lines.filter((l) => !l.ok).map((l) => (l.ok ? [] : [l.line, l.problem.key])),
    [
      [6, 'members.bulk.lineFormat'],
      [7, 'members.bulk.lineNoName'],
      [8, 'members.bulk.lineEmail'],
      [9, 'members.bulk.lineTwice'],
      [10, 'members.bulk.lineNameTooLong'],
    ],
  );
});

// ------------------------------------------------------------------ counts

test('counts: active members and open invitations apart, without the secretary, officials, partners or those who left', async () => {
  const { c, browser } = await councilWith(3, 2, 14);
  const page = await get(t, ws(c, '/leden'), browser);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Actieve leden: 3 \(van de 14 plaatsen\)/);
  assert.match(page.body, /Openstaande uitnodigingen: 2/);
  assert.match(page.body, /Vrije plaatsen: 9/);

  const dashboard = await get(t, ws(c), browser);
  assert.match(dashboard.body, /Actieve leden \(van de 14 plaatsen\)<\/a><\/th>\s*<td[^>]*>(<div[^>]*>)?3</);
  assert.match(dashboard.body, /Openstaande uitnodigingen<\/a><\/th>\s*<td[^>]*>(<div[^>]*>)?2</);

  const uncapped = await councilWith(1, 0, null);
  const body = (await get(t, ws(uncapped.c, '/leden'), uncapped.browser)).body;
  assert.match(body, /Actieve leden: 1</);
  assert.ok(!body.includes('Vrije plaatsen'), 'no free seats without a cap');
});

// ------------------------------------------------------------------ the cap

test('the cap: a 15th seat is refused with a clear Dutch message and nothing is stored; a secretary or official still can be invited', async () => {
  const { c, browser } = await councilWith(12, 2, 14);
  const before = (await membershipsOf(c)).length;
  const mailsBefore = (await mailsOf(c)).length;
  const res = await post(t, ws(c, '/leden'), { name: 'Vijftien', email: 'vijftien@example.nl', role: 'member', targetGroup: '' }, browser);
  assert.equal(res.statusCode, 400);
  assert.match(titleOf(res.body), /^Fout: /);
  assert.match(res.body, /De raad heeft 14 plaatsen en die zijn allemaal bezet\. Uitnodigingen die nog openstaan tellen mee\./);
  assert.equal((await membershipsOf(c)).length, before, 'no membership');
  assert.equal((await mailsOf(c)).length, mailsBefore, 'no mail');
  assert.equal((await t.db.select().from(users).where(eq(users.email, 'vijftien@example.nl'))).length, 0, 'no account');

  // Roles without a seat are not refused.
  const official = await post(t, ws(c, '/leden'), { name: 'Olga', email: 'olga-cap@example.nl', role: 'official', targetGroup: '' }, browser);
  assert.equal(official.statusCode, 303);

  // A stopped member cannot come back while the seats are full, nor can an official become a member.
  const stopped = (await membershipsOf(c)).find((m) => !m.active)!;
  const back = await post(t, ws(c, `/leden/${stopped.id}/activeren`), {}, browser);
  assert.equal(back.statusCode, 400);
  assert.match(back.body, /allemaal bezet/);
  const olga = (await membershipsOf(c)).find((m) => m.role === 'official')!;
  const promote = await post(t, ws(c, `/leden/${olga.id}`), { role: 'member', targetGroup: '' }, browser);
  assert.equal(promote.statusCode, 400);
  assert.equal((await membershipsOf(c)).find((m) => m.id === olga.id)!.role, 'official');

  // With one more seat, the invitation goes through.
  await setCap(c, 15);
  const ok = await post(t, ws(c, '/leden'), { name: 'Vijftien', email: 'vijftien@example.nl', role: 'member', targetGroup: '' }, browser);
  assert.equal(ok.statusCode, 303);
});

test('the cap is a council setting: saved on the settings page, empty is no cap, nonsense is refused', async () => {
  const { c, browser } = await councilWith(1, 0, null);
  const form = { name: c.name, advises: c.advises, contactEmail: c.contactEmail, colour: '#1f5c99' };
  const page = await get(t, ws(c, '/instellingen'), browser);
  assert.match(page.body, /Aantal plaatsen in de raad/);
  assert.match(page.body, /De secretaris, ambtenaren en partnerraden tellen niet mee/);

  assert.equal((await post(t, ws(c, '/instellingen'), { ...form, memberCap: '14' }, browser)).statusCode, 303);
  assert.equal((await t.db.select().from(councils).where(eq(councils.id, c.id)))[0]!.memberCap, 14);
  for (const bad of ['0', '-1', 'veertien', '1.5', '9999']) {
    const res = await post(t, ws(c, '/instellingen'), { ...form, memberCap: bad }, browser);
    assert.equal(res.statusCode, 400, bad);
    assert.match(res.body, /Vul een heel getal in van 1 tot en met 200/);
  }
  assert.equal((await t.db.select().from(councils).where(eq(councils.id, c.id)))[0]!.memberCap, 14);
  // A form without the field leaves it; an empty field removes the cap.
  assert.equal((await post(t, ws(c, '/instellingen'), form, browser)).statusCode, 303);
  assert.equal((await t.db.select().from(councils).where(eq(councils.id, c.id)))[0]!.memberCap, 14);
  assert.equal((await post(t, ws(c, '/instellingen'), { ...form, memberCap: '' }, browser)).statusCode, 303);
  assert.equal((await t.db.select().from(councils).where(eq(councils.id, c.id)))[0]!.memberCap, null);
});

// ------------------------------------------------------------------ several invitations at once

const LIST = ['Nina Nieuw, nina@example.nl', 'Omar Oud <omar@example.nl>', 'Pien Post; pien@example.nl'].join('\n');

test('a list of people: the check page shows who will be invited; sending makes the memberships and one mail each', async () => {
  const { c, browser } = await councilWith(2, 0, 14);
  const form = await get(t, ws(c, '/leden/uitnodigen'), browser);
  assert.equal(form.statusCode, 200);
  assert.match(form.body, /Namen en e-mailadressen/);
  assert.match((await get(t, ws(c, '/leden'), browser)).body, new RegExp(`href="${ws(c, '/leden/uitnodigen')}"`));

  const before = (await membershipsOf(c)).length;
  const check = await post(t, ws(c, '/leden/uitnodigen'), { people: LIST, role: 'member' }, browser);
  assert.equal(check.statusCode, 200);
  assert.match(titleOf(check.body), /^Controleer de uitnodigingen/);
  for (const s of ['Nina Nieuw', 'omar@example.nl', 'Pien Post', 'Deze 3 mensen krijgen een uitnodiging als lid', 'Vrije plaatsen daarna: 9 van de 14.', 'Verstuur 3 uitnodigingen']) {
    assert.ok(check.body.includes(s), s);
  }
  assert.equal((await membershipsOf(c)).length, before, 'checking stores nothing');
  assert.equal((await mailsOf(c)).length, 0);

  // "Lijst wijzigen" shows the form again with the list as it was.
  const change = await post(t, ws(c, '/leden/uitnodigen'), { people: LIST, role: 'member', wijzigen: 'ja' }, browser);
  assert.equal(change.statusCode, 200);
  assert.ok(change.body.includes('Pien Post; pien@example.nl'));

  const sent = await post(t, ws(c, '/leden/uitnodigen/versturen'), { people: LIST, role: 'member' }, browser);
  assert.equal(sent.statusCode, 303);
  assert.equal(sent.headers.location, ws(c, '/leden?uitnodigingen=3'));
  const rows = await t.db
    .select({ email: users.email, role: memberships.role, hasPassword: users.passwordHash })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.councilId, c.id), inArray(users.email, ['nina@example.nl', 'omar@example.nl', 'pien@example.nl'])));
  assert.equal(rows.length, 3);
  assert.ok(rows.every((r) => r.role === 'member' && r.hasPassword === null));
  const mails = await mailsOf(c);
  assert.deepEqual(mails.map((m) => m.toAddress).sort(), ['nina@example.nl', 'omar@example.nl', 'pien@example.nl']);
  assert.ok(mails.every((m) => /\/uitnodiging\//.test(m.body)));

  const list = await get(t, String(sent.headers.location), browser);
  assert.match(list.body, /3 uitnodigingen verstuurd/);
  assert.match(list.body, /Openstaande uitnodigingen: 3/);
});

test('a list with wrong lines, a member already in the council, or too many for the seats is refused as a whole', async () => {
  const { c, browser } = await councilWith(10, 1, 14);
  const existing = await makePerson(t, c, { role: 'member', name: 'Bestaand Lid' });
  const before = (await membershipsOf(c)).length;
  const usersBefore = (await t.db.select().from(users)).length;

  const bad = [`Bestaand Lid, ${existing.email}`, 'Goed Persoon, goed@example.nl', 'zonder komma', 'Fout, fout@', 'Nog Een, goed@example.nl'].join('\n');
  for (const url of ['/leden/uitnodigen', '/leden/uitnodigen/versturen']) {
    const res = await post(t, ws(c, url), { people: bad, role: 'member' }, browser);
    assert.equal(res.statusCode, 400, url);
    assert.match(titleOf(res.body), /^Fout: /);
    for (const s of [
      `Regel 1: ${existing.email} is al lid van deze raad.`,
      'Regel 3: in &quot;zonder komma&quot; staat geen e-mailadres.',
      'Regel 4: &quot;fout@&quot; is geen goed e-mailadres.',
      'Regel 5: goed@example.nl staat ook al op regel 2.',
      'Er is nog niemand uitgenodigd.',
    ]) {
      assert.ok(res.body.includes(s), `${url}: ${s}`);
    }
    // Each problem has its own link in the summary, to the text box, which names them all.
    assert.equal((res.body.match(/<li class="utrecht-unordered-list__item"><a class="utrecht-link nl-link" href="#veld-people">/g) ?? []).length, 4);
    assert.match(res.body, /id="veld-people-error"[^>]*>[\s\S]*Regel 1: [\s\S]*Regel 5: [\s\S]*Er is nog niemand uitgenodigd/);
    assert.ok(res.body.includes('>Bestaand Lid, '), 'the list comes back as typed');
  }

  // Three seats are free (14 - 10 - 1 invitation): four new members do not fit.
  const four = ['A Een, a1@example.nl', 'B Twee, b2@example.nl', 'C Drie, c3@example.nl', 'D Vier, d4@example.nl'].join('\n');
  const tooMany = await post(t, ws(c, '/leden/uitnodigen/versturen'), { people: four, role: 'member' }, browser);
  assert.equal(tooMany.statusCode, 400);
  assert.match(tooMany.body, /De lijst past niet in de raad\. Mensen op de lijst: 4\. Vrije plaatsen: 2 van de 14\./);
  // As officials they take no seat, so they fit.
  assert.equal((await post(t, ws(c, '/leden/uitnodigen'), { people: four, role: 'official' }, browser)).statusCode, 200);

  assert.equal((await membershipsOf(c)).length, before, 'nothing stored');
  assert.equal((await t.db.select().from(users)).length, usersBefore, 'no accounts made');
  assert.equal((await mailsOf(c)).length, 0, 'no mail');
});

test('bad input for the list never gives a 500', async () => {
  const { c, browser } = await councilWith(1, 0, null);
  const cases: Record<string, string | string[]>[] = [
    {},
    { people: '', role: 'member' },
    { people: '   \n  ', role: 'member' },
    { people: 'A, a@example.nl', role: 'koning' },
    { people: ['A, a@example.nl', 'B, b@example.nl'], role: 'member' },
    { people: 'x'.repeat(30_000), role: 'member' },
    { people: Array.from({ length: 101 }, (_, i) => `P ${i}, p${i}@example.nl`).join('\n'), role: 'official' },
    { people: '\u0000, \u0000@\u0000', role: 'member' },
    { people: '<script>alert(1)</script>, <b>@x', role: 'member' },
  ];
  for (const form of cases) {
    for (const url of ['/leden/uitnodigen', '/leden/uitnodigen/versturen']) {
      const res = await post(t, ws(c, url), form, browser);
      assert.equal(res.statusCode, 400, `${url} ${JSON.stringify(form).slice(0, 80)}`);
      assert.ok(!res.body.includes('<script>alert'), 'escaped');
    }
  }
  assert.equal((await mailsOf(c)).length, 0);
});

// ------------------------------------------------------------------ working groups

test('several members join a working group with one submit; if one is wrong, nobody is added', async () => {
  const { c, browser } = await councilWith(0, 0, null);
  const people: Person[] = [];
  for (const name of ['Anna', 'Bram', 'Cor', 'Dewi']) people.push(await makePerson(t, c, { role: 'member', name: `${name} Lid` }));
  const group = await makeGroup(t, c, 'Werkgroep Wmo', [people[0]!]);
  const page = await get(t, ws(c, `/werkgroepen/${group.id}`), browser);
  assert.match(page.body, /type="checkbox"[^>]*name="membershipId"/);
  assert.ok(page.body.includes(`id="veld-membershipId-${people[1]!.membershipId}"`), 'a member not in the group is offered');
  assert.ok(!page.body.includes(`id="veld-membershipId-${people[0]!.membershipId}"`), 'a member already in the group is not offered');

  const other = await makeCouncil(t);
  const stranger = await makePerson(t, other, { role: 'member' });
  const groupMembers = async () => (await t.db.select().from(workingGroupMembers).where(eq(workingGroupMembers.workingGroupId, group.id))).length;
  for (const ids of [[people[1]!.membershipId, stranger.membershipId], [people[1]!.membershipId, people[0]!.membershipId], [people[1]!.membershipId, 'geen-id'], []]) {
    const res = await post(t, ws(c, `/werkgroepen/${group.id}/leden`), { membershipId: ids }, browser);
    assert.equal(res.statusCode, 400, ids.join());
    assert.equal(await groupMembers(), 1, 'nobody added');
  }
  const none = await post(t, ws(c, `/werkgroepen/${group.id}/leden`), {}, browser);
  assert.match(none.body, /Kies minstens één lid\./);

  const res = await post(t, ws(c, `/werkgroepen/${group.id}/leden`), { membershipId: [people[1]!.membershipId, people[2]!.membershipId, people[3]!.membershipId] }, browser);
  assert.equal(res.statusCode, 303);
  assert.equal(await groupMembers(), 4);
  const after = await get(t, String(res.headers.location), browser);
  assert.match(after.body, /De gekozen leden zijn toegevoegd aan de werkgroep\./);
  for (const p of people) assert.ok(!after.body.includes(`id="veld-membershipId-${p.membershipId}"`), `${p.name} is no longer offered`);
});

test("a working group's lead reads the group's own page, with its members and advices; another member gets 'Geen toegang'", async () => {
  const { c } = await councilWith(0, 0, null);
  const lead = await makePerson(t, c, { role: 'member', name: 'Lotte Trekker' });
  const inGroup = await makePerson(t, c, { role: 'member', name: 'Gijs Groepslid' });
  const outsider = await makePerson(t, c, { role: 'member', name: 'Olaf Ander' });
  const group = await makeGroup(t, c, 'Werkgroep Jeugd', [lead, inGroup], lead);
  const otherGroup = await makeGroup(t, c, 'Werkgroep Wmo', [inGroup]);
  await makeAdvice(t, c, { status: 'drafting', subject: 'Leerlingenvervoer 2027', workingGroupId: group.id });
  await makeAdvice(t, c, { status: 'drafting', subject: 'Hulpmiddelen', workingGroupId: otherGroup.id });

  const asLead = await login(t, lead);
  const list = await get(t, ws(c, '/werkgroepen'), asLead);
  assert.equal(list.statusCode, 200);
  assert.ok(list.body.includes(`href="${ws(c, `/werkgroepen/${group.id}`)}"`), 'the lead’s own group is a link');
  assert.ok(!list.body.includes(`href="${ws(c, `/werkgroepen/${otherGroup.id}`)}"`), 'another group is not');
  assert.ok(!list.body.includes('Werkgroep maken'), 'no form to make a group');

  const page = await get(t, ws(c, `/werkgroepen/${group.id}`), asLead);
  assert.equal(page.statusCode, 200);
  for (const s of ['Werkgroep: Werkgroep Jeugd', 'Lotte Trekker', 'Gijs Groepslid', 'Adviezen van deze werkgroep', 'Leerlingenvervoer 2027', 'U bent de trekker van deze werkgroep.'])
    assert.ok(page.body.includes(s), s);
  assert.ok(!page.body.includes('Hulpmiddelen'), "another group's advice is not listed");
  for (const s of ['Toevoegen aan de werkgroep', 'Trekker opslaan', 'Uit werkgroep halen', 'name="description"']) assert.ok(!page.body.includes(s), `lead sees no ${s}`);
  // Reading is all: the lead cannot change the group.
  assert.equal((await post(t, ws(c, `/werkgroepen/${group.id}/leden`), { membershipId: outsider.membershipId }, asLead)).statusCode, 403);
  assert.equal((await post(t, ws(c, `/werkgroepen/${group.id}`), { name: 'Anders', description: '' }, asLead)).statusCode, 403);

  for (const who of [inGroup, outsider]) {
    const res = await get(t, ws(c, `/werkgroepen/${group.id}`), await login(t, who));
    assert.equal(res.statusCode, 403, who.name);
    assert.match(res.body, /Geen toegang/);
  }
  // The lead of one group is not the lead of another.
  assert.equal((await get(t, ws(c, `/werkgroepen/${otherGroup.id}`), asLead)).statusCode, 403);
});

// ------------------------------------------------------------------ "Geen toegang" in the frame

test("'Geen toegang' keeps the council's header, workspace menu and breadcrumbs", async () => {
  const { c } = await councilWith(0, 0, null);
  const member = await makePerson(t, c, { role: 'member' });
  const res = await get(t, ws(c, '/vacatures'), await login(t, member));
  assert.equal(res.statusCode, 403);
  assert.match(titleOf(res.body), /^Geen toegang - /);
  assert.ok(res.body.includes(`href="/${c.slug}/thema.css`), "the council's theme");
  assert.ok(res.body.includes(`class="rw-brand__name">${c.name.replace(/&/g, '&amp;')}`), "the council's name in the header");
  assert.match(res.body, /aria-label="Menu van de werkruimte"|utrecht-nav-list__link[^>]*href="\/[^"]+\/werkruimte\/leden"/);
  assert.ok(res.body.includes(`href="${ws(c, '/leden')}"`), 'the workspace menu');
  assert.match(res.body, /utrecht-breadcrumb-nav[\s\S]*Werkruimte[\s\S]*Geen toegang/);
  assert.ok(res.body.includes(`href="${ws(c)}"`), 'a way back to the workspace');
  assert.ok(!res.body.includes('href="/vacatures"'));
});
