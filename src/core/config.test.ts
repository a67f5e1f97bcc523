import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadConfig, ConfigError } from './config.ts';

test('defaults: port 3000, embedded database in ./data, demo data on', () => {
  const c = loadConfig({});
  assert.equal(c.port, 3000);
  assert.match(c.dataDir, /data$/);
  assert.equal(c.databaseUrl, undefined);
  assert.equal(c.demoData, true);
  assert.equal(c.baseUrl, 'http://localhost:3000');
});

test('an empty variable counts as not set', () => {
  assert.equal(loadConfig({ DATABASE_URL: '', SMTP_URL: '' }).databaseUrl, undefined);
});

test('a wrong value stops the start with a Dutch message naming the variable', () => {
  assert.throws(
    () => loadConfig({ PORT: 'tachtig' }),
    (err: Error) => err instanceof ConfigError && /Ongeldige configuratie/.test(err.message) && /PORT/.test(err.message),
  );
  assert.throws(() => loadConfig({ DATABASE_URL: 'geen url' }), ConfigError);
  assert.throws(() => loadConfig({ SECRET_KEY: 'kort' }), ConfigError);
});
