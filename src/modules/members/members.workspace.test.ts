import { test } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq, inArray } from 'drizzle-orm';
import { outbox } from '../../core/mail/mail.schema.ts';
import { auditLog } from '../../core/audit/audit.schema.ts';
import { users, oneTimeTokens } from '../../core/auth/auth.schema.ts';
import { vacancies, workingGroupMembers, workingGroups } from './members.schema.ts';
import { memberships } from '../../core/organisations.schema.ts';
import { dayFromToday, get, login, makeCouncil, makeCouncils, makeGroup, makePerson, makeVacancy, post, useTestApp, titleOf, auditEntries } from './members.test-helpers.ts';
import type { Council } from '../../core/organisations.schema.ts';

const t = useTestApp();

const ws = (c: Council, rest = '') => `/${c.slug}/werkruimte${rest}`;

async function membershipRow(id: string) {
  const [m] = await t.db.select().from(memberships).where(eq(memberships.id, id));
  return m!;
}
async function membershipsOf(c: Council) {
  return t.db.select().from(memberships).where(eq(memberships.councilId, c.id));
}

// ------------------------------------------------------------------ members

test('member list: the board sees everyone with the invite form; a member may look but not invite', async () => {
  const c = await makeCouncil(t);
  const secretary = await makePerson(t, c, { role: 'secretary', name: 'Sanne Secretaris' });
  const member = await makePerson(t, c, { role: 'member', name: 'Mo Lid', targetGroup: 'jongeren' });
  await makePerson(t, c, { role: 'official', name: 'Olga Ambtenaar' });
  await makePerson(t, c, { role: 'member', name: 'Stef Gestopt', active: false });

  const asSecretary = await get(t, ws(c, '/leden'), await login(t, secretary));
  assert.equal(asSecretary.statusCode, 200);
  for (const s of ['Sanne Secretaris', 'Mo Lid', 'Olga Ambtenaar', 'Stef Gestopt', 'jongeren', member.email, 'Gestopt', 'Iemand uitnodigen']) assert.ok(asSecretary.body.includes(s), s);
  assert.match(asSecretary.body, /<meta name="robots" content="noindex"/);

  const asMember = await get(t, ws(c, '/leden'), await login(t, member));
  assert.equal(asMember.statusCode, 200);
  assert.match(asMember.body, /Sanne Secretaris/);
  assert.ok(!asMember.body.includes('Iemand uitnodigen'), 'no invite form for a member');

  const official = await makePerson(t, c, { role: 'official' });
  assert.equal((await get(t, ws(c, '/leden'), await login(t, official))).statusCode, 403);

  const anonymous = await get(t, ws(c, '/leden'));
  assert.equal(anonymous.statusCode, 303);
  assert.match(String(anonymous.headers.location), /^\/inloggen\?terug=/);
});

test('invite: creates the account, the membership and the invitation mail; confirmation says what happens next', async () => {
  const c = await makeCouncil(t);
  const secretary = await makePerson(t, c, { role: 'secretary' });
  const browser = await login(t, secretary);
  const res = await post(t, ws(c, '/leden'), { name: 'Nina Nieuw', email: ' Nina@Example.NL ', role: 'member', targetGroup: 'mensen met een beperking' }, browser);
  assert.equal(res.statusCode, 303);
  const location = String(res.headers.location);
  assert.match(location, new RegExp(`^${ws(c, '/leden')}\\?uitgenodigd=`));

  const [user] = await t.db.select().from(users).where(eq(users.email, 'nina@example.nl'));
  assert.ok(user, 'account created with a lower-case address');
  const [m] = await t.db
    .select()
    .from(memberships)
    .where(and(eq(memberships.councilId, c.id), eq(memberships.userId, user.id)));
  assert.equal(m!.role, 'member');
  assert.equal(m!.targetGroup, 'mensen met een beperking');
  assert.equal(m!.active, true);
  const tokens = await t.db
    .select()
    .from(oneTimeTokens)
    .where(and(eq(oneTimeTokens.userId, user.id), eq(oneTimeTokens.kind, 'invitation')));
  assert.equal(tokens.length, 1);
  assert.equal(tokens[0]!.councilId, c.id);
  const mails = await t.db.select().from(outbox).where(eq(outbox.toAddress, 'nina@example.nl'));
  assert.equal(mails.length, 1);
  assert.match(mails[0]!.body, /\/uitnodiging\//);
  const logged = await auditEntries(t, { councilId: c.id, action: 'member.invited' });
  assert.equal(logged.length, 1);
  assert.ok(!JSON.stringify(logged[0]).includes('nina'), 'no personal data in the audit entry');

  const page = await get(t, location, browser);
  assert.match(page.body, /Uitnodiging verstuurd/);
  assert.match(page.body, /De link in de e-mail werkt 7 dagen/);
  assert.match(page.body, /Nina Nieuw/);

  // Someone who already has an account (in another council) keeps it.
  const other = await makeCouncil(t);
  const otherSecretary = await makePerson(t, other, { role: 'secretary' });
  const again = await post(t, ws(other, '/leden'), { name: 'Andere Naam', email: 'nina@example.nl', role: 'partner' }, await login(t, otherSecretary));
  assert.equal(again.statusCode, 303);
  const all = await t.db.select().from(users).where(eq(users.email, 'nina@example.nl'));
  assert.equal(all.length, 1);
  const [m2] = await t.db
    .select()
    .from(memberships)
    .where(and(eq(memberships.councilId, other.id), eq(memberships.userId, user.id)));
  assert.equal(m2!.role, 'partner');
});

test('invite someone who is already a member: clear message, nothing changes', async () => {
  const c = await makeCouncil(t);
  const secretary = await makePerson(t, c, { role: 'secretary' });
  const member = await makePerson(t, c, { role: 'member' });
  const former = await makePerson(t, c, { role: 'member', active: false });
  const browser = await login(t, secretary);
  const before = (await membershipsOf(c)).length;

  const res = await post(t, ws(c, '/leden'), { name: 'Wie dan ook', email: member.email.toUpperCase(), role: 'chair' }, browser);
  assert.equal(res.statusCode, 400);
  assert.match(titleOf(res.body), /^Fout: /);
  assert.match(res.body, /Deze persoon is al lid van deze raad\./);

  const res2 = await post(t, ws(c, '/leden'), { name: 'Wie dan ook', email: former.email, role: 'member' }, browser);
  assert.equal(res2.statusCode, 400);
  assert.match(res2.body, /Deze persoon was eerder lid/);

  assert.equal((await membershipsOf(c)).length, before);
  assert.equal((await membershipRow(member.membershipId)).role, 'member');
  assert.equal((await t.db.select().from(outbox).where(eq(outbox.councilId, c.id))).length, 0);
});

test('invite with bad input: field messages in Dutch, 400, nothing created', async () => {
  const c = await makeCouncil(t);
  const secretary = await makePerson(t, c, { role: 'secretary' });
  const browser = await login(t, secretary);
  const before = (await membershipsOf(c)).length;
  const cases: [Record<string, string | string[]>, RegExp][] = [
    [{}, /Vul dit veld in\./],
    [{ name: 'A', email: 'a@example.nl', role: 'koning' }, /Kies een van de mogelijkheden\./],
    [{ name: 'A', email: 'geen mail', role: 'member' }, /Vul een geldig e-mailadres in/],
    [{ name: 'x'.repeat(100_000), email: 'b@example.nl', role: 'member' }, /Dit is te lang\. Gebruik hooguit 120 tekens\./],
    [{ name: ['A', 'B'], email: 'c@example.nl', role: ['member', 'chair'] }, /Er ging iets mis/],
  ];
  for (const [form, message] of cases) {
    const res = await post(t, ws(c, '/leden'), form, browser);
    assert.equal(res.statusCode, 400, JSON.stringify(form).slice(0, 80));
    assert.match(res.body, message);
    assert.match(titleOf(res.body), /^Fout: /);
  }
  assert.equal((await membershipsOf(c)).length, before);
  assert.equal((await t.db.select().from(outbox).where(eq(outbox.councilId, c.id))).length, 0);
});

test('change role, target group and show on site', async () => {
  const c = await makeCouncil(t);
  const secretary = await makePerson(t, c, { role: 'secretary' });
  const member = await makePerson(t, c, { role: 'member', name: 'Pim Promotie' });
  const browser = await login(t, secretary);
  const page = await get(t, ws(c, `/leden/${member.membershipId}`), browser);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Pim Promotie/);

  const res = await post(t, ws(c, `/leden/${member.membershipId}`), { role: 'chair', targetGroup: 'ouderen' }, browser);
  assert.equal(res.statusCode, 303);
  const row = await membershipRow(member.membershipId);
  assert.equal(row.role, 'chair');
  assert.equal(row.targetGroup, 'ouderen');
  assert.equal(row.showOnSite, false, 'an unchecked box turns it off');
  const done = await get(t, String(res.headers.location), browser);
  assert.match(done.body, /De wijzigingen zijn opgeslagen\./);
  const logged = await auditEntries(t, { entityId: member.membershipId, action: 'member.updated' });
  assert.equal(logged[0]!.fromState, 'member');
  assert.equal(logged[0]!.toState, 'chair');

  const bad = await post(t, ws(c, `/leden/${member.membershipId}`), { role: 'baas', showOnSite: 'misschien' }, browser);
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /Kies een van de mogelijkheden\./);
  assert.equal((await membershipRow(member.membershipId)).role, 'chair');
});

test('a council keeps at least one active chair or secretary; a secretary cannot stop themselves', async () => {
  const c = await makeCouncil(t);
  const secretary = await makePerson(t, c, { role: 'secretary' });
  const member = await makePerson(t, c, { role: 'member' });
  const browser = await login(t, secretary);

  const demote = await post(t, ws(c, `/leden/${secretary.membershipId}`), { role: 'member', showOnSite: 'ja' }, browser);
  assert.equal(demote.statusCode, 400);
  assert.match(demote.body, /Dit is de laatste voorzitter of secretaris/);
  assert.equal((await membershipRow(secretary.membershipId)).role, 'secretary');

  const self = await post(t, ws(c, `/leden/${secretary.membershipId}/stoppen`), {}, browser);
  assert.equal(self.statusCode, 400);
  assert.match(self.body, /U kunt uw eigen lidmaatschap niet stoppen/);
  assert.equal((await membershipRow(secretary.membershipId)).active, true);

  // A platform admin cannot remove the last one either.
  const admin = await makePerson(t, null, { platformAdmin: true });
  const adminBrowser = await login(t, admin);
  const byAdmin = await post(t, ws(c, `/leden/${secretary.membershipId}/stoppen`), {}, adminBrowser);
  assert.equal(byAdmin.statusCode, 400);
  assert.match(byAdmin.body, /Dit is de laatste voorzitter of secretaris/);
  assert.equal((await membershipRow(secretary.membershipId)).active, true);

  // With a chair next to them, the secretary may go.
  await post(t, ws(c, `/leden/${member.membershipId}`), { role: 'chair', showOnSite: 'ja' }, browser);
  assert.equal((await membershipRow(member.membershipId)).role, 'chair');
  const stop = await post(t, ws(c, `/leden/${secretary.membershipId}/stoppen`), {}, adminBrowser);
  assert.equal(stop.statusCode, 303);
  assert.equal((await membershipRow(secretary.membershipId)).active, false);
  // Now the chair is the last one.
  const chairBrowser = await login(t, member);
  const demoteChair = await post(t, ws(c, `/leden/${member.membershipId}`), { role: 'member' }, chairBrowser);
  assert.equal(demoteChair.statusCode, 400);
  // The stopped secretary has no workspace any more; reactivating brings it back.
  assert.equal((await get(t, ws(c, '/leden'), browser)).statusCode, 404);
  const back = await post(t, ws(c, `/leden/${secretary.membershipId}/activeren`), {}, chairBrowser);
  assert.equal(back.statusCode, 303);
  assert.equal((await membershipRow(secretary.membershipId)).active, true);
  assert.equal((await get(t, ws(c, '/leden'), browser)).statusCode, 200);
});

// ------------------------------------------------------------------ working groups

test('working groups: create, members (only active council members), lead (must be in the group)', async () => {
  const [c, other] = await makeCouncils(t, 2);
  const chair = await makePerson(t, c, { role: 'chair' });
  const a = await makePerson(t, c, { name: 'Aad Werkgroeplid' });
  const b = await makePerson(t, c, { name: 'Bea Werkgroeplid' });
  const official = await makePerson(t, c, { role: 'official' });
  const stopped = await makePerson(t, c, { active: false });
  const foreign = await makePerson(t, other);
  const browser = await login(t, chair);

  const created = await post(t, ws(c, '/werkgroepen'), { name: 'Werkgroep Participatiewet', description: 'Werk en inkomen.' }, browser);
  assert.equal(created.statusCode, 303);
  const [group] = await t.db.select().from(workingGroups).where(eq(workingGroups.councilId, c.id));
  assert.equal(group!.name, 'Werkgroep Participatiewet');
  assert.equal(String(created.headers.location), ws(c, `/werkgroepen/${group!.id}?melding=aangemaakt`));
  assert.match((await get(t, String(created.headers.location), browser)).body, /De werkgroep is gemaakt/);

  const dup = await post(t, ws(c, '/werkgroepen'), { name: 'werkgroep participatiewet' }, browser);
  assert.equal(dup.statusCode, 400);
  assert.match(dup.body, /Er is al een werkgroep met deze naam/);

  const gpath = ws(c, `/werkgroepen/${group!.id}`);
  for (const p of [a, b]) assert.equal((await post(t, `${gpath}/leden`, { membershipId: p.membershipId }, browser)).statusCode, 303);
  for (const p of [official, stopped, foreign]) {
    const res = await post(t, `${gpath}/leden`, { membershipId: p.membershipId }, browser);
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /Kies een actief lid van deze raad\./);
  }
  const twice = await post(t, `${gpath}/leden`, { membershipId: a.membershipId }, browser);
  assert.equal(twice.statusCode, 400);
  assert.equal((await post(t, `${gpath}/leden`, { membershipId: 'geen-id' }, browser)).statusCode, 400);
  const inGroup = await t.db.select().from(workingGroupMembers).where(eq(workingGroupMembers.workingGroupId, group!.id));
  assert.deepEqual(inGroup.map((r) => r.membershipId).sort(), [a.membershipId, b.membershipId].sort());

  const notInGroup = await post(t, `${gpath}/trekker`, { lead: chair.membershipId }, browser);
  assert.equal(notInGroup.statusCode, 400);
  assert.match(notInGroup.body, /Kies een trekker uit de leden van deze werkgroep\./);
  assert.equal((await post(t, `${gpath}/trekker`, { lead: a.membershipId }, browser)).statusCode, 303);
  let [g] = await t.db.select().from(workingGroups).where(eq(workingGroups.id, group!.id));
  assert.equal(g!.leadMembershipId, a.membershipId);

  const pub = await get(t, `/${c.slug}/werkgroepen`);
  assert.match(pub.body, /Trekker<\/dt>\s*<dd[^>]*>Aad Werkgroeplid/);

  // Removing asks first, and says that the group loses its lead; asking changes nothing.
  const ask = await get(t, `${gpath}/leden/${a.membershipId}/verwijderen`, browser);
  assert.equal(ask.statusCode, 200);
  assert.match(ask.body, /Aad Werkgroeplid is nu trekker/);
  assert.equal((await t.db.select().from(workingGroups).where(eq(workingGroups.id, group!.id)))[0]!.leadMembershipId, a.membershipId);
  // Removing the lead from the group also removes them as lead.
  assert.equal((await post(t, `${gpath}/leden/${a.membershipId}/verwijderen`, {}, browser)).statusCode, 303);
  [g] = await t.db.select().from(workingGroups).where(eq(workingGroups.id, group!.id));
  assert.equal(g!.leadMembershipId, null);
  assert.equal((await post(t, `${gpath}/leden/${a.membershipId}/verwijderen`, {}, browser)).statusCode, 404);

  const renamed = await post(t, gpath, { name: 'Werkgroep Werk', description: '' }, browser);
  assert.equal(renamed.statusCode, 303);
  [g] = await t.db.select().from(workingGroups).where(eq(workingGroups.id, group!.id));
  assert.equal(g!.name, 'Werkgroep Werk');
  const empty = await post(t, gpath, { name: '   ' }, browser);
  assert.equal(empty.statusCode, 400);
  assert.match(empty.body, /Vul dit veld in\./);
});

// ------------------------------------------------------------------ vacancies

test('vacancies: create as draft, publish, close, reopen; rules on dates and transitions', async () => {
  const c = await makeCouncil(t);
  const secretary = await makePerson(t, c, { role: 'secretary' });
  const browser = await login(t, secretary);
  const form = { title: 'Lid gezocht', description: 'Wij zoeken een lid.', profile: 'Ervaring met mantelzorg', hoursPerMonth: '10 uur', closesOn: '' };

  const past = await post(t, ws(c, '/vacatures/nieuw'), { ...form, closesOn: dayFromToday(-1) }, browser);
  assert.equal(past.statusCode, 400);
  assert.match(past.body, /Deze datum is al voorbij/);
  const badDate = await post(t, ws(c, '/vacatures/nieuw'), { ...form, closesOn: '2026-02-30' }, browser);
  assert.equal(badDate.statusCode, 400);
  assert.match(badDate.body, /Vul een geldige datum in/);
  assert.equal((await t.db.select().from(vacancies).where(eq(vacancies.councilId, c.id))).length, 0);

  const created = await post(t, ws(c, '/vacatures/nieuw'), { ...form, closesOn: dayFromToday(30) }, browser);
  assert.equal(created.statusCode, 303);
  const [v] = await t.db.select().from(vacancies).where(eq(vacancies.councilId, c.id));
  assert.equal(v!.status, 'draft');
  assert.equal(v!.closesOn, dayFromToday(30));
  assert.match((await get(t, String(created.headers.location), browser)).body, /opgeslagen als concept/);
  assert.equal((await get(t, `/${c.slug}/vacatures/${v!.id}`)).statusCode, 404, 'a draft is not public');

  const vpath = ws(c, `/vacatures/${v!.id}`);
  const status = async () => (await t.db.select().from(vacancies).where(eq(vacancies.id, v!.id)))[0]!.status;

  const closeDraft = await post(t, `${vpath}/status`, { to: 'closed' }, browser);
  assert.equal(closeDraft.statusCode, 400);
  assert.match(closeDraft.body, /Deze stap kan niet vanuit de huidige status\./);
  assert.equal(await status(), 'draft');
  assert.equal((await post(t, `${vpath}/status`, { to: 'draft' }, browser)).statusCode, 400);
  assert.equal((await post(t, `${vpath}/status`, { to: ['published', 'closed'] }, browser)).statusCode, 400);

  const publish = await post(t, `${vpath}/status`, { to: 'published' }, browser);
  assert.equal(publish.statusCode, 303);
  assert.equal(await status(), 'published');
  assert.match((await get(t, String(publish.headers.location), browser)).body, /De vacature staat nu op de website/);
  assert.equal((await get(t, `/${c.slug}/vacatures/${v!.id}`)).statusCode, 200);

  assert.equal((await post(t, `${vpath}/status`, { to: 'closed' }, browser)).statusCode, 303);
  assert.equal(await status(), 'closed');
  assert.equal((await get(t, `/${c.slug}/vacatures/${v!.id}`)).statusCode, 404);

  // Reopening with a closing date that has passed: first a new date.
  await t.db
    .update(vacancies)
    .set({ closesOn: dayFromToday(-3) })
    .where(eq(vacancies.id, v!.id));
  const reopenLate = await post(t, `${vpath}/status`, { to: 'published' }, browser);
  assert.equal(reopenLate.statusCode, 400);
  assert.match(reopenLate.body, /De sluitingsdatum is voorbij/);
  assert.equal(await status(), 'closed');
  // Saving the form with the old (passed) date unchanged is allowed; a new past date is not.
  assert.equal((await post(t, vpath, { ...form, closesOn: dayFromToday(-3) }, browser)).statusCode, 303);
  assert.equal((await post(t, vpath, { ...form, closesOn: dayFromToday(-5) }, browser)).statusCode, 400);
  assert.equal((await post(t, vpath, { ...form, closesOn: '' }, browser)).statusCode, 303);
  assert.equal((await post(t, `${vpath}/status`, { to: 'published' }, browser)).statusCode, 303);
  assert.equal(await status(), 'published');

  const transitions = await t.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityId, v!.id), inArray(auditLog.action, ['vacancy.published', 'vacancy.closed'])));
  assert.deepEqual(
    transitions.map((a) => `${a.fromState}>${a.toState}`),
    ['draft>published', 'published>closed', 'closed>published'],
  );

  const list = await get(t, ws(c, '/vacatures'), browser);
  assert.match(list.body, /Lid gezocht/);
  assert.match(list.body, /utrecht-status-badge[^"]*">Gepubliceerd/);

  const huge = await post(t, vpath, { ...form, description: 'x'.repeat(100_000) }, browser);
  assert.equal(huge.statusCode, 400);
  assert.match(huge.body, /Dit is te lang/);
});

// ------------------------------------------------------------------ rights and tenancy

test('a member (role member) gets 403 on every manage action, and nothing changes', async () => {
  const c = await makeCouncil(t);
  await makePerson(t, c, { role: 'secretary' });
  const member = await makePerson(t, c, { role: 'member' });
  const other = await makePerson(t, c, { role: 'member' });
  const group = await makeGroup(t, c, 'Werkgroep Wmo');
  const v = await makeVacancy(t, c, { status: 'draft' });
  const browser = await login(t, member);

  // The list of working groups is for every member (without the form to make one); a group's page is not.
  for (const url of [`/leden/${other.membershipId}`, '/leden/uitnodigen', `/werkgroepen/${group.id}`, '/vacatures', '/vacatures/nieuw', `/vacatures/${v.id}`, `/vacatures/${v.id}/reacties`]) {
    assert.equal((await get(t, ws(c, url), browser)).statusCode, 403, `GET ${url}`);
  }
  const posts: [string, Record<string, string>][] = [
    ['/leden', { name: 'X', email: 'x@example.nl', role: 'chair' }],
    ['/leden/uitnodigen', { people: 'X, x@example.nl', role: 'member' }],
    ['/leden/uitnodigen/versturen', { people: 'X, x@example.nl', role: 'member' }],
    [`/leden/${other.membershipId}`, { role: 'chair' }],
    [`/leden/${other.membershipId}/stoppen`, {}],
    ['/werkgroepen', { name: 'Nieuw' }],
    [`/werkgroepen/${group.id}/leden`, { membershipId: member.membershipId }],
    [`/werkgroepen/${group.id}/trekker`, { lead: '' }],
    ['/vacatures/nieuw', { title: 'X', description: 'Y' }],
    [`/vacatures/${v.id}/status`, { to: 'published' }],
  ];
  for (const [url, form] of posts) {
    const res = await post(t, ws(c, url), form, browser);
    assert.equal(res.statusCode, 403, `POST ${url}`);
    assert.match(res.body, /Geen toegang/);
  }
  assert.equal((await membershipRow(other.membershipId)).role, 'member');
  assert.equal((await membershipRow(other.membershipId)).active, true);
  assert.equal((await membershipsOf(c)).length, 3);
  assert.equal((await t.db.select().from(workingGroups).where(eq(workingGroups.councilId, c.id))).length, 1);
  assert.equal((await t.db.select().from(vacancies).where(eq(vacancies.id, v.id)))[0]!.status, 'draft');
});

test('a secretary of council B gets 404 for council A, and for A’s ids under B’s address', async () => {
  const [a, b] = await makeCouncils(t, 2);
  const aMember = await makePerson(t, a, { role: 'member', name: 'Alleen In A' });
  await makePerson(t, a, { role: 'secretary' });
  const aGroup = await makeGroup(t, a, 'Groep van A', [aMember]);
  const aVacancy = await makeVacancy(t, a, { status: 'draft', title: 'Vacature van A' });
  const bSecretary = await makePerson(t, b, { role: 'secretary' });
  const bGroup = await makeGroup(t, b, 'Groep van B');
  const browser = await login(t, bSecretary);

  // A's workspace.
  for (const url of ['', '/leden', `/leden/${aMember.membershipId}`, '/werkgroepen', `/werkgroepen/${aGroup.id}`, '/vacatures', `/vacatures/${aVacancy.id}`, `/vacatures/${aVacancy.id}/reacties`]) {
    const res = await get(t, ws(a, url), browser);
    assert.equal(res.statusCode, 404, `GET A${url}`);
    assert.ok(!res.body.includes('Alleen In A'));
  }
  assert.equal((await post(t, ws(a, '/leden'), { name: 'X', email: 'x@example.nl', role: 'member' }, browser)).statusCode, 404);
  assert.equal((await post(t, ws(a, `/vacatures/${aVacancy.id}/status`), { to: 'published' }, browser)).statusCode, 404);

  // A's ids under B's address.
  for (const url of [`/leden/${aMember.membershipId}`, `/werkgroepen/${aGroup.id}`, `/vacatures/${aVacancy.id}`, `/vacatures/${aVacancy.id}/reacties`]) {
    assert.equal((await get(t, ws(b, url), browser)).statusCode, 404, `GET B${url}`);
  }
  const posts: [string, Record<string, string>][] = [
    [`/leden/${aMember.membershipId}`, { role: 'chair' }],
    [`/leden/${aMember.membershipId}/stoppen`, {}],
    [`/werkgroepen/${aGroup.id}`, { name: 'Overgenomen' }],
    [`/werkgroepen/${aGroup.id}/leden/${aMember.membershipId}/verwijderen`, {}],
    [`/werkgroepen/${bGroup.id}/leden/${aMember.membershipId}/verwijderen`, {}],
    [`/vacatures/${aVacancy.id}`, { title: 'Overgenomen', description: 'x' }],
    [`/vacatures/${aVacancy.id}/status`, { to: 'published' }],
  ];
  for (const [url, form] of posts) assert.equal((await post(t, ws(b, url), form, browser)).statusCode, 404, `POST B${url}`);
  // Adding A's member to B's group is refused as an invalid choice.
  const cross = await post(t, ws(b, `/werkgroepen/${bGroup.id}/leden`), { membershipId: aMember.membershipId }, browser);
  assert.equal(cross.statusCode, 400);

  assert.equal((await membershipRow(aMember.membershipId)).role, 'member');
  assert.equal((await membershipRow(aMember.membershipId)).active, true);
  assert.equal((await t.db.select().from(workingGroups).where(eq(workingGroups.id, aGroup.id)))[0]!.name, 'Groep van A');
  assert.equal((await t.db.select().from(workingGroupMembers).where(eq(workingGroupMembers.workingGroupId, aGroup.id))).length, 1);
  assert.equal((await t.db.select().from(workingGroupMembers).where(eq(workingGroupMembers.workingGroupId, bGroup.id))).length, 0);
  const [av] = await t.db.select().from(vacancies).where(eq(vacancies.id, aVacancy.id));
  assert.equal(av!.status, 'draft');
  assert.equal(av!.title, 'Vacature van A');
});

test('malformed ids answer 404, never 500', async () => {
  const c = await makeCouncil(t);
  const secretary = await makePerson(t, c, { role: 'secretary' });
  const browser = await login(t, secretary);
  const bad = ['123', 'not-a-uuid', '00000000-0000-0000-0000-00000000000g', encodeURIComponent("' or 1=1 --"), 'x'.repeat(190)];
  for (const id of bad) {
    for (const url of [`/leden/${id}`, `/werkgroepen/${id}`, `/vacatures/${id}`, `/vacatures/${id}/reacties`]) {
      assert.equal((await get(t, ws(c, url), browser)).statusCode, 404, `GET ${url}`);
    }
    for (const url of [`/leden/${id}`, `/leden/${id}/stoppen`, `/werkgroepen/${id}/trekker`, `/vacatures/${id}/status`]) {
      assert.equal((await post(t, ws(c, url), { role: 'member', lead: '', to: 'closed' }, browser)).statusCode, 404, `POST ${url}`);
    }
  }
  // A well-formed id that does not exist.
  const missing = '7d3f2a7e-1111-4222-8333-944445555666';
  assert.equal((await get(t, ws(c, `/leden/${missing}`), browser)).statusCode, 404);
  assert.equal((await post(t, ws(c, `/vacatures/${missing}/status`), { to: 'closed' }, browser)).statusCode, 404);
});
