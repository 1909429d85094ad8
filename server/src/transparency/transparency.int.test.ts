// The access gateway and the transparency log end to end (decision 025): the allow/deny matrix, every
// decision logged before any data, the public proofs checked by this file's own RFC 9162 verifier and
// signature check, the subject's own access log, the report, tamper detection by `audit verify`, and
// the append-only trigger.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, createPublicKey, verify } from 'node:crypto';
import { api, signup, startTestPlatform, type Session, type TestPlatform } from '../testing/test-platform.ts';
import { createLogRepository } from './log.repository.ts';
import { createRegionLog } from './transparency.service.ts';

// ---- an independent RFC 9162 verifier (recursive reconstruction, not the bit-walking algorithm) ----
const H = (...parts: Buffer[]) => createHash('sha256').update(Buffer.concat(parts)).digest();
const node = (l: Buffer, r: Buffer) => H(Buffer.from([1]), l, r);
const K = (n: number) => 2 ** Math.ceil(Math.log2(n) - 1);
const b64 = (s: string) => Buffer.from(s, 'base64');

/** The root that PATH(m, D[n]) = proof implies for this leaf hash; null if the proof has the wrong length. */
function rootFromPath(leaf: Buffer, m: number, n: number, proof: Buffer[]): Buffer | null {
  const go = (m: number, n: number, end: number): { root: Buffer; used: number } | null => {
    if (n === 1) return { root: leaf, used: 0 };
    if (end === 0) return null;
    const k = K(n);
    const sibling = proof[end - 1]!;
    const inner = m < k ? go(m, k, end - 1) : go(m - k, n - k, end - 1);
    if (!inner) return null;
    return { root: m < k ? node(inner.root, sibling) : node(sibling, inner.root), used: inner.used + 1 };
  };
  const r = go(m, n, proof.length);
  return r && r.used === proof.length ? r.root : null;
}

/** The (old, new) roots that PROOF(m, D[n]) = proof implies, given the old root; null if malformed. */
function rootsFromConsistency(m: number, n: number, proof: Buffer[], oldRoot: Buffer): [Buffer, Buffer] | null {
  const go = (m: number, n: number, whole: boolean, end: number): { roots: [Buffer, Buffer]; used: number } | null => {
    if (m === n) {
      if (whole) return { roots: [oldRoot, oldRoot], used: 0 };
      return end >= 1 ? { roots: [proof[end - 1]!, proof[end - 1]!], used: 1 } : null;
    }
    if (end === 0) return null;
    const k = K(n);
    const last = proof[end - 1]!;
    if (m <= k) {
      const inner = go(m, k, whole, end - 1);
      return inner && { roots: [inner.roots[0], node(inner.roots[1], last)], used: inner.used + 1 };
    }
    const inner = go(m - k, n - k, false, end - 1);
    return inner && { roots: [node(last, inner.roots[0]), node(last, inner.roots[1])], used: inner.used + 1 };
  };
  if (m === n) return proof.length === 0 ? [oldRoot, oldRoot] : null;
  const r = go(m, n, true, proof.length);
  return r && r.used === proof.length ? r.roots : null;
}

function verifySignature(note: string, signature: string, rawKey: string): boolean {
  const key = createPublicKey({ key: Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), b64(rawKey)]), format: 'der', type: 'spki' });
  return verify(null, Buffer.from(note), key, b64(signature));
}

// ---- the platform ----
let p: TestPlatform;
let person: Session;
let support: Session;
let foreign: Session;
let moderator: Session;
let stranger: Session;

before(async () => {
  p = await startTestPlatform();
  person = await signup(p, 'pat_subject');
  support = await signup(p, 'sam_support');
  foreign = await signup(p, 'fay_foreign');
  moderator = await signup(p, 'mo_moderator');
  stranger = await signup(p, 'stan_stranger');
  await p.services.operators.grant('sam_support', 'support', 'default');
  await p.services.operators.grant('fay_foreign', 'support', 'eu');
  await p.services.operators.grant('mo_moderator', 'moderator', 'default');
});
after(() => p.stop());

const lookup = (as: Session, username: string, purpose: string) => api(p, 'GET', `/api/v1/operator/accounts/${username}?purpose=${purpose}`, { as });
const size = async () => (await p.services.transparency.of('default').entries(0, undefined)).end;

test('the gateway: allowed, purpose_denied, cross_border_denied, forbidden — each recorded in the log', async () => {
  const before = await size();
  const ok = await lookup(support, 'pat_subject', 'support');
  assert.equal(ok.statusCode, 200, ok.body);
  const account = ok.json();
  assert.equal(account.email, 'pat_subject@example.test');
  assert.equal(account.birthdate, '1995-05-05');
  assert.equal(account.region, 'default');
  assert.deepEqual(account.access, { region: 'default', index: before });

  const purpose = await lookup(support, 'pat_subject', 'moderation');
  assert.equal(purpose.statusCode, 403);
  assert.equal(purpose.json().code, 'purpose_denied');
  assert.equal(purpose.json().email, undefined);

  const moderation = await lookup(moderator, 'pat_subject', 'support');
  assert.equal(moderation.json().code, 'purpose_denied', 'a moderator may not read contact data for support');

  const border = await lookup(foreign, 'pat_subject', 'support');
  assert.equal(border.statusCode, 403);
  assert.equal(border.json().code, 'cross_border_denied');
  assert.match(border.json().detail ?? border.json().title ?? '', /eu|default/);

  assert.equal((await lookup(stranger, 'pat_subject', 'support')).statusCode, 403, 'not an operator: refused by the route');
  assert.equal((await lookup(support, 'pat_subject', 'gossip')).statusCode, 400, 'an unknown purpose is invalid');
  assert.equal((await lookup(support, 'nobody_at_all', 'support')).statusCode, 404);

  const { items } = await p.services.transparency.of('default').entries(before, undefined);
  const records = items.map((e) => JSON.parse(e.entry));
  assert.deepEqual(
    records.map((r) => [r.role, r.jurisdiction, r.purpose, r.decision, r.reason]),
    [
      ['support', 'default', 'support', 'allowed', null],
      ['support', 'default', 'moderation', 'denied', 'purpose:moderation'],
      ['moderator', 'default', 'support', 'denied', 'purpose:support'],
      ['support', 'eu', 'support', 'denied', 'cross_border:eu->default'],
    ],
  );
  for (const [i, r] of records.entries()) {
    assert.equal(r.index, before + i);
    assert.match(r.subject, /^[0-9a-f]{64}$/, 'the subject is a keyed hash');
    assert.match(r.actor, /^op-[0-9a-f]{24}$/);
    assert.ok(!items[i]!.entry.includes(person.id) && !items[i]!.entry.includes('pat_subject'), 'no identifier in clear');
  }
  assert.equal(records[0].subject, records[3].subject, 'the same subject, the same pseudonym');
  assert.notEqual(records[0].actor, records[3].actor);
});

test('the decision is stored before read runs, denied reads never run, and a failed append returns nothing', async () => {
  const gateway = p.services.gateway;
  const subject = { id: person.id, region: 'default' };
  const actor = { id: support.id, grants: [{ role: 'support' as const, jurisdiction: 'default' }] };
  const at = await size();
  const seen = await gateway.access({ actor, role: 'support', jurisdiction: 'default', purpose: 'support', subject, dataClasses: ['contact'] }, async () => {
    const { items } = await p.services.transparency.of('default').entries(at, at + 1);
    return items.length;
  });
  assert.equal(seen.value, 1, 'the record was in the log when read ran');
  let ran = false;
  await assert.rejects(
    gateway.access({ actor, role: 'support', jurisdiction: 'default', purpose: 'support', subject, dataClasses: ['credentials'] }, async () => {
      ran = true;
    }),
    (e: { code?: string; message: string }) => e.code === 'purpose_denied' && /credentials/.test(e.message),
  );
  assert.equal(ran, false);
  await assert.rejects(
    gateway.access({ actor, role: 'admin', jurisdiction: 'default', purpose: 'support', subject, dataClasses: ['contact'] }, async () => {
      ran = true;
    }),
    (e: { code?: string }) => e.code === 'forbidden',
    'a role the actor does not hold',
  );
  assert.equal(ran, false);
  const last = JSON.parse((await p.services.transparency.of('default').entries(at + 2, at + 3)).items[0]!.entry);
  assert.equal(last.reason, 'no_grant', 'even a claim to a role not held is logged');
});

test('proofs from the public endpoints verify with this file’s own RFC 9162 verifier and signature check', async () => {
  for (let i = 0; i < 5; i++) await lookup(support, 'stan_stranger', 'support');
  const keys = (await api(p, 'GET', '/api/v1/transparency/default/keys')).json().keys;
  assert.equal(keys.length, 1);
  assert.equal(b64(keys[0].publicKey).length, 32);
  const cp = (await api(p, 'GET', '/api/v1/transparency/default/checkpoint')).json();
  assert.equal(cp.treeSize, await size(), 'signed on demand: the checkpoint covers every entry');
  assert.ok(verifySignature(cp.note, cp.signature, keys[0].publicKey));
  assert.equal(cp.note, `${cp.origin}\n${cp.treeSize}\n${cp.rootHash}\n${cp.timestamp}\n`);
  assert.ok(!verifySignature(cp.note.replace(String(cp.treeSize), String(cp.treeSize + 1)), cp.signature, keys[0].publicKey));

  const entries = (await api(p, 'GET', `/api/v1/transparency/default/entries?start=0&end=${cp.treeSize}`)).json().items;
  const leaves = entries.map((e: { entry: string }) => H(Buffer.from([0]), Buffer.from(e.entry)));
  const mth = (d: Buffer[]): Buffer => (d.length === 1 ? d[0]! : node(mth(d.slice(0, K(d.length))), mth(d.slice(K(d.length)))));
  assert.equal(mth(leaves).toString('base64'), cp.rootHash, 'the root recomputed from the published entries');

  for (let m = 0; m < cp.treeSize; m++) {
    const proof = (await api(p, 'GET', `/api/v1/transparency/default/proof/inclusion?index=${m}&size=${cp.treeSize}`)).json();
    assert.equal(proof.leafHash, leaves[m].toString('base64'));
    assert.equal(rootFromPath(leaves[m], m, cp.treeSize, proof.proof.map(b64))?.toString('base64'), cp.rootHash, `inclusion of ${m}`);
  }
  for (let from = 1; from <= cp.treeSize; from++) {
    const proof = (await api(p, 'GET', `/api/v1/transparency/default/proof/consistency?from=${from}&to=${cp.treeSize}`)).json();
    const roots = rootsFromConsistency(from, cp.treeSize, proof.proof.map(b64), mth(leaves.slice(0, from)));
    assert.ok(roots, `consistency ${from} → ${cp.treeSize} is well formed`);
    assert.equal(roots[0].toString('base64'), mth(leaves.slice(0, from)).toString('base64'));
    assert.equal(roots[1].toString('base64'), cp.rootHash, `consistency ${from} → ${cp.treeSize}`);
  }
  assert.equal((await api(p, 'GET', `/api/v1/transparency/default/proof/inclusion?index=0&size=${cp.treeSize + 5}`)).statusCode, 404);
  assert.equal((await api(p, 'GET', `/api/v1/transparency/default/proof/inclusion?index=3&size=3`)).statusCode, 400);
  assert.equal((await api(p, 'GET', `/api/v1/transparency/nowhere/checkpoint`)).statusCode, 404);
  const page = (await api(p, 'GET', '/api/v1/transparency/default/entries?start=0&end=100000')).json();
  assert.ok(page.items.length <= 256);
});

test('people see who accessed their data; nobody else sees it', async () => {
  const mine = (await api(p, 'GET', '/api/v1/me/access-log', { as: person })).json().items;
  assert.ok(mine.length >= 4);
  assert.ok(mine.every((r: { entry: string; index: number }) => JSON.parse(r.entry).index === r.index));
  assert.ok(mine.some((r: { decision: string; jurisdiction: string }) => r.decision === 'denied' && r.jurisdiction === 'eu'));
  assert.ok(mine.some((r: { decision: string; role: string; purpose: string }) => r.decision === 'allowed' && r.role === 'support' && r.purpose === 'support'));
  const theirs = (await api(p, 'GET', '/api/v1/me/access-log', { as: support })).json().items;
  assert.equal(theirs.length, 0, 'the operator was not the subject of any access');
  assert.equal((await api(p, 'GET', '/api/v1/me/access-log')).statusCode, 401);
});

test('the report counts accesses and denials per month; the algorithm is fingerprinted', async () => {
  const report = (await api(p, 'GET', '/api/v1/transparency/default/report')).json();
  const month = report.months[0];
  assert.equal(month.month, new Date().toISOString().slice(0, 7));
  assert.equal(month.total, await size());
  assert.ok(month.denied >= 4);
  assert.ok(month.byJurisdiction.eu >= 1);
  assert.ok(month.byRole.support >= 1 && month.byPurpose.support >= 1);
  assert.equal(report.checkpoint.treeSize, month.total);
  assert.equal(report.keys.length, 1);
  const algorithm = (await api(p, 'GET', '/api/v1/transparency/algorithm')).json();
  assert.match(algorithm.commit, /^([0-9a-f]{40}|unknown)$/);
  assert.match(algorithm.recommender.sha256, /^[0-9a-f]{64}$/);
  assert.ok(algorithm.recommender.files > 10);
  assert.equal(algorithm.model.tasks[0].name, 'watch');
  assert.equal(typeof algorithm.model.tasks[0].scoreWeight, 'number');
});

test('concurrent decisions are grouped into one statement yet each gets its own dense index', async () => {
  const at = await size();
  const results = await Promise.all(Array.from({ length: 25 }, () => lookup(support, 'pat_subject', 'support')));
  const indexes = results.map((r) => r.json().access.index).sort((a: number, b: number) => a - b);
  assert.deepEqual(indexes, Array.from({ length: 25 }, (_, i) => at + i));
  assert.deepEqual((await p.services.transparency.of('default').verify()).problems, []);
});

test('two writers (two server processes) on one database: each learns the other took an index, retries, and the log stays dense', async () => {
  const second = createRegionLog({ repo: createLogRepository(p.db), region: 'default', origin: 'cliptide/default', now: () => new Date() });
  await second.init();
  const first = p.services.transparency.of('default');
  const record = { time: new Date(), actorId: support.id, role: 'support', jurisdiction: 'default', purpose: 'support', dataClasses: ['profile'], decision: 'allowed' as const, reason: null, subjectId: person.id };
  const at = await size();
  const got: number[] = [];
  for (let i = 0; i < 6; i++) got.push(await first.append(record), await second.append(record));
  got.push(...(await Promise.all([first.append(record), second.append(record), first.append(record), second.append(record)])));
  assert.deepEqual(got.sort((a, b) => a - b), Array.from({ length: 16 }, (_, i) => at + i));
  assert.deepEqual((await first.verify()).problems, []);
});

test('the database refuses UPDATE and DELETE on the log; audit verify names the first tampered entry', async () => {
  const db = p.db;
  await assert.rejects(db.query(`update access_log set entry = entry where idx = 0`), /append-only/);
  await assert.rejects(db.query(`delete from access_log where idx = 0`), /append-only/);
  const log = p.services.transparency.of('default');
  await log.checkpoint();
  assert.deepEqual((await log.verify()).problems, []);
  const n = await size();

  await db.query('alter table access_log disable trigger user');
  try {
    const [row] = await db.query<{ entry: string; leaf_hash: string }>(`select entry, leaf_hash from access_log where region = 'default' and idx = 2`);
    // altered
    await db.query(`update access_log set entry = replace(entry, '"support"', '"security"') where idx = 2`);
    assert.match((await log.verify()).problems[0] ?? '', /entry #2 was altered/);
    // altered with its leaf hash recomputed: the signed checkpoints catch it
    const forged = row!.entry.replace('"support"', '"security"');
    await db.query(`update access_log set leaf_hash = $1 where idx = 2`, [H(Buffer.from([0]), Buffer.from(forged)).toString('base64')]);
    assert.match((await log.verify()).problems.join('\n'), /differ from what the checkpoint .* signed/);
    await db.query(`update access_log set entry = $1, leaf_hash = $2 where idx = 2`, [row!.entry, row!.leaf_hash]);
    assert.deepEqual((await log.verify()).problems, [], 'restored');
    // reordered
    await db.query(`update access_log set idx = 1000000 where idx = 3`);
    await db.query(`update access_log set idx = 3 where idx = 4`);
    await db.query(`update access_log set idx = 4 where idx = 1000000`);
    assert.match((await log.verify()).problems[0] ?? '', /entry #3 holds the record of entry #4/);
    await db.query(`update access_log set idx = 1000000 where idx = 3`);
    await db.query(`update access_log set idx = 3 where idx = 4`);
    await db.query(`update access_log set idx = 4 where idx = 1000000`);
    assert.deepEqual((await log.verify()).problems, []);
    // deleted
    const [gone] = await db.query<{ entry: string; leaf_hash: string; subject: string }>(`select entry, leaf_hash, subject from access_log where idx = 1`);
    await db.query(`delete from access_log where idx = 1`);
    assert.match((await log.verify()).problems[0] ?? '', /entry #1 is missing/);
    await db.query(`insert into access_log (region, idx, entry, leaf_hash, subject) values ('default', 1, $1, $2, $3)`, [gone!.entry, gone!.leaf_hash, gone!.subject]);
    // the last one deleted: the checkpoint that covered it says so
    await db.query(`delete from access_log where idx = $1`, [n - 1]);
    assert.match((await log.verify()).problems[0] ?? '', new RegExp(`checkpoint of size ${n} covers more entries than the ${n - 1} verified`));
  } finally {
    await db.query('alter table access_log enable trigger user');
  }
});
