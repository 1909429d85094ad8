// The access gateway's cost (decision 025), measured in one process on the embedded database
// (PGlite, in memory): (1) an operator's account read with and without the gateway + transparency
// log, interleaved so drift hits both alike; (2) the log's append rate, sequential and with
// concurrent appenders (group commit: appends waiting on one statement go together in the next).
//   npm run bench:gateway      (defaults), or: cd bench && taskset -c 0 npx tsx gateway.bench.ts --reads 2000 --appends 20000
import { parseArgs } from 'node:util';
import { signup, startTestPlatform } from '../server/src/testing/test-platform.ts';

const { values } = parseArgs({ options: { reads: { type: 'string', default: '2000' }, appends: { type: 'string', default: '20000' } } });
const READS = Number(values.reads);
const APPENDS = Number(values.appends);

const pct = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
const ms = (n: number) => `${n.toFixed(3)} ms`;

const p = await startTestPlatform({ TRANSPARENCY_CHECKPOINT_SECONDS: '3600' }, { runWorker: false, recommender: false });
try {
  const subject = await signup(p, 'bench_subject');
  const operator = await signup(p, 'bench_operator');
  await p.services.operators.grant(operator.username, 'support', 'default');
  const actor = { id: operator.id, grants: [{ role: 'support' as const, jurisdiction: 'default' }] };
  const accounts = p.services.accounts;

  // the same read both ways: find the subject, read their record (+ gateway: policy, log append first)
  const plain = async () => {
    const s = await accounts.subjectOf(subject.username);
    return accounts.personalRecord(s!.id);
  };
  const gated = () => p.services.accountLookup.lookup(actor, subject.username, 'support');

  for (let i = 0; i < 300; i++) {
    await plain();
    await gated();
  }
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < READS; i++) {
    let t = performance.now();
    await plain();
    a.push(performance.now() - t);
    t = performance.now();
    await gated();
    b.push(performance.now() - t);
  }
  a.sort((x, y) => x - y);
  b.sort((x, y) => x - y);

  const log = p.services.transparency.of('default');
  const record = (i: number) => ({
    time: new Date(),
    actorId: operator.id,
    role: 'support',
    jurisdiction: 'default',
    purpose: 'support',
    dataClasses: ['contact', 'profile'],
    decision: 'allowed' as const,
    reason: null,
    subjectId: `${subject.id}-${i % 100}`,
  });
  let t = performance.now();
  const sequential = Math.min(APPENDS, 5000);
  for (let i = 0; i < sequential; i++) await log.append(record(i));
  const seqRate = sequential / ((performance.now() - t) / 1000);

  const concurrency = 64;
  let next = 0;
  t = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < APPENDS) {
        next++;
        await log.append(record(next));
      }
    }),
  );
  const groupRate = APPENDS / ((performance.now() - t) / 1000);
  t = performance.now();
  const cp = await log.checkpoint();
  const signMs = performance.now() - t;
  await log.append(record(0));
  t = performance.now();
  await log.checkpoint();
  const warmSignMs = performance.now() - t;

  console.log(`reads: ${READS} interleaved pairs after 300 warm-up pairs`);
  console.log('| measure | without gateway | with gateway + log | added |');
  console.log('| --- | --- | --- | --- |');
  for (const [name, q] of [['p50', 0.5], ['p99', 0.99]] as const) {
    console.log(`| read ${name} | ${ms(pct(a, q))} | ${ms(pct(b, q))} | ${ms(pct(b, q) - pct(a, q))} (×${(pct(b, q) / pct(a, q)).toFixed(2)}) |`);
  }
  console.log(`| log appends, one at a time | | ${Math.round(seqRate)} entries/s | |`);
  console.log(`| log appends, ${concurrency} concurrent (group commit) | | ${Math.round(groupRate)} entries/s | |`);
  console.log(`| first checkpoint of ${cp.treeSize} entries (loads and hashes every leaf once) | | ${ms(signMs)} | |`);
  console.log(`| next checkpoint, one entry later (memo of complete subtrees) | | ${ms(warmSignMs)} | |`);
} finally {
  await p.stop();
}
