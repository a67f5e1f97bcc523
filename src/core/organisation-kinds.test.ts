import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hasSection, organisationKinds, sections, type OrganisationKind, type Section } from './organisation-kinds.ts';

const has = (kind: OrganisationKind) => sections.filter((s) => hasSection(kind, s));

test('the four kinds; the stored values of the first two stay as they were', () => {
  assert.deepEqual([...organisationKinds], ['gemeentelijk', 'clientenraad', 'regionaal', 'landelijk']);
});

test('a national organisation has no advice register and no signal form, but a knowledge base, campaigns and their meetings', () => {
  for (const s of ['advice', 'signals', 'vacancies', 'workingGroups'] as const) assert.equal(hasSection('landelijk', s), false, s);
  for (const s of ['knowledge', 'campaigns', 'meetings', 'documents', 'members'] as const) assert.equal(hasSection('landelijk', s), true, s);
});

test('a municipal council and a client council have the whole advice cycle, and the same sections', () => {
  for (const s of ['advice', 'signals', 'meetings', 'documents', 'members', 'workingGroups', 'vacancies'] as const) {
    assert.equal(hasSection('gemeentelijk', s), true, s);
  }
  assert.deepEqual(has('clientenraad'), has('gemeentelijk'));
  assert.equal(hasSection('gemeentelijk', 'campaigns'), false, 'national campaigns are for national organisations');
});

test('a regional body advises and meets, but has no signal form and no vacancies (its delegates come from the local councils)', () => {
  for (const s of ['advice', 'meetings', 'members', 'workingGroups'] as const) assert.equal(hasSection('regionaal', s), true, s);
  for (const s of ['signals', 'vacancies', 'campaigns'] as const) assert.equal(hasSection('regionaal', s), false, s);
});

test('every kind can manage its people and documents; every section belongs to some kind', () => {
  for (const kind of organisationKinds) {
    assert.equal(hasSection(kind, 'members'), true, `${kind}: members (inviting people to the workspace)`);
    assert.equal(hasSection(kind, 'documents'), true, `${kind}: documents`);
  }
  const used = new Set<Section>(organisationKinds.flatMap(has));
  assert.deepEqual(
    sections.filter((s) => !used.has(s)),
    [],
  );
});
