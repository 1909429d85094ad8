import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConfigError, parseConfig } from './config.ts';

test('defaults give an embedded single-region setup on port 8080', () => {
  const config = parseConfig({});
  assert.equal(config.port, 8080);
  assert.equal(config.database.kind, 'pglite');
  assert.equal(config.storage.kind, 'local');
  assert.equal(config.region, 'default');
  assert.equal(config.limits.maxUploadBytes, 500 * 1024 * 1024);
  assert.equal(config.limits.maxVideoMs, 600_000);
});

test('DATABASE_URL switches to a PostgreSQL server', () => {
  const config = parseConfig({ DATABASE_URL: 'postgres://u@127.0.0.1:5432/db' });
  assert.deepEqual(config.database, { kind: 'postgres', url: 'postgres://u@127.0.0.1:5432/db' });
});

test('a bad value names the variable', () => {
  assert.throws(() => parseConfig({ PORT: 'eighty' }), (e: unknown) => e instanceof ConfigError && /PORT/.test(e.message));
  assert.throws(() => parseConfig({ DATABASE_URL: 'mysql://x' }), /DATABASE_URL/);
  assert.throws(() => parseConfig({ SEED_DEMO: 'maybe' }), /SEED_DEMO/);
});

test('S3 storage requires its bucket and credentials', () => {
  assert.throws(() => parseConfig({ STORAGE: 's3' }), /S3_BUCKET[\s\S]*S3_ACCESS_KEY_ID/);
  const config = parseConfig({ STORAGE: 's3', S3_BUCKET: 'b', S3_ACCESS_KEY_ID: 'k', S3_SECRET_ACCESS_KEY: 's' });
  assert.equal(config.storage.kind, 's3');
});

test('TRUST_PROXY is off by default, takes proxy addresses, and refuses to trust everyone', () => {
  assert.deepEqual(parseConfig({}).trustProxy, []);
  assert.deepEqual(parseConfig({ TRUST_PROXY: 'false' }).trustProxy, []);
  assert.deepEqual(parseConfig({ TRUST_PROXY: '10.0.0.0/8, 127.0.0.1,loopback' }).trustProxy, ['10.0.0.0/8', '127.0.0.1', 'loopback']);
  assert.throws(() => parseConfig({ TRUST_PROXY: 'true' }), /TRUST_PROXY/);
  assert.throws(() => parseConfig({ TRUST_PROXY: '10.0.0.0/8/1' }), /TRUST_PROXY/);
});
