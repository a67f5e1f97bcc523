import { test } from 'node:test';
import assert from 'node:assert/strict';
import { municipalities, municipality, provinces } from './municipalities.ts';

test('the list holds the 342 municipalities of 1 January 2025, each once, in 12 provinces', () => {
  assert.equal(municipalities.length, 342);
  assert.equal(new Set(municipalities.map((m) => m.code)).size, 342);
  assert.equal(new Set(municipalities.map((m) => m.name)).size, 342);
  assert.equal(provinces.length, 12);
  for (const m of municipalities) assert.match(m.code, /^GM\d{4}$/, m.name);
  const perProvince = Object.fromEntries(provinces.map((p) => [p.name, municipalities.filter((m) => m.province === p.code).length]));
  assert.deepEqual(perProvince, {
    Groningen: 10,
    Fryslân: 18,
    Drenthe: 12,
    Overijssel: 25,
    Flevoland: 6,
    Gelderland: 51,
    Utrecht: 26,
    'Noord-Holland': 44,
    'Zuid-Holland': 50,
    Zeeland: 13,
    'Noord-Brabant': 56,
    Limburg: 31,
  });
});

test('known entries have their CBS code and province', () => {
  const known: [string, string, string][] = [
    ['GM0363', 'Amsterdam', 'Noord-Holland'],
    ['GM0344', 'Utrecht', 'Utrecht'],
    ['GM0014', 'Groningen', 'Groningen'],
    ['GM0518', "'s-Gravenhage", 'Zuid-Holland'],
    ['GM0599', 'Rotterdam', 'Zuid-Holland'],
    ['GM0080', 'Leeuwarden', 'Fryslân'],
    ['GM0935', 'Maastricht', 'Limburg'],
    ['GM0034', 'Almere', 'Flevoland'],
    ['GM1992', 'Voorne aan Zee', 'Zuid-Holland'],
    ['GM1959', 'Altena', 'Noord-Brabant'],
    ['GM1961', 'Vijfheerenlanden', 'Utrecht'],
  ];
  for (const [code, name, province] of known) {
    const m = municipality(code);
    assert.ok(m, code);
    assert.equal(m.name, name);
    assert.equal(m.provinceName, province, name);
  }
  // Merged away: Weesp (into Amsterdam, 2022), Brielle, Hellevoetsluis and Westvoorne (into Voorne aan Zee, 2023).
  for (const gone of ['GM0457', 'GM0501', 'GM0530', 'GM0614', 'GM9999', 'gm0363']) assert.equal(municipality(gone), undefined, gone);
});
