// Reports, the moderation queue, claims, decisions and their effects through every endpoint, appeals
// to a different moderator, automatic holds and the public enforcement report (decision 023).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { api, publishedVideo, signup, startTestPlatform, type Session, type TestPlatform } from '../testing/test-platform.ts';

let p: TestPlatform;
let mod1: Session;
let mod2: Session;

before(async () => {
  p = await startTestPlatform();
  mod1 = await signup(p, 'mod_one');
  mod2 = await signup(p, 'mod_two');
  await p.services.operators.grant('mod_one', 'moderator', 'default');
  await p.services.operators.grant('mod_two', 'moderator', 'default');
});
after(() => p.stop());

const report = (as: Session, type: string, id: string, category: string, note?: string) =>
  api(p, 'POST', '/api/v1/reports', { as, body: { target: { type, id }, category, ...(note ? { note } : {}) } });

type Item = { id: string; kind: string; target: { type: string; id: string }; reportCount: number; notes: string[]; category: string; reach: number; claim: unknown; history: unknown[] };
const queue = async (as: Session): Promise<Item[]> => {
  const res = await api(p, 'GET', '/api/v1/moderation/queue', { as });
  assert.equal(res.statusCode, 200, res.body);
  return res.json().items;
};
const itemFor = async (as: Session, targetId: string, kind = 'report') => {
  const item = (await queue(as)).find((i) => i.target.id === targetId && i.kind === kind);
  assert.ok(item, `no ${kind} item for ${targetId}`);
  return item;
};
async function decide(as: Session, targetId: string, action: string, policy: string, extra: Record<string, unknown> = {}, kind = 'report') {
  const item = await itemFor(as, targetId, kind);
  const claimed = await api(p, 'POST', `/api/v1/moderation/items/${item.id}/claim`, { as });
  assert.equal(claimed.statusCode, 200, claimed.body);
  const decided = await api(p, 'POST', `/api/v1/moderation/items/${item.id}/decision`, { as, body: { action, policy, ...extra } });
  assert.equal(decided.statusCode, 201, decided.body);
  return decided.json().decisionId as string;
}
const status = async (method: 'GET' | 'POST' | 'PUT', url: string, as: Session | null, body?: unknown) => (await api(p, method, url, { as, ...(body ? { body } : {}) })).statusCode;

test('only moderators reach the queue; anyone signed in may report, once per target, only what they can see', async () => {
  const creator = await signup(p);
  const viewer = await signup(p);
  const video = await publishedVideo(p, creator);
  const hidden = await publishedVideo(p, creator, { visibility: 'private' });
  assert.equal(await status('GET', '/api/v1/moderation/queue', viewer), 403);
  assert.equal(await status('GET', '/api/v1/moderation/queue', null), 401);
  assert.equal(await status('POST', `/api/v1/moderation/items/${video}/claim`, viewer), 403);

  assert.equal((await report(viewer, 'video', video, 'nonsense')).statusCode, 400, 'categories come from the list');
  assert.equal((await api(p, 'POST', '/api/v1/reports', { body: { target: { type: 'video', id: video }, category: 'spam' } })).statusCode, 401);
  const made = await report(viewer, 'video', video, 'spam', 'same link in every comment');
  assert.equal(made.statusCode, 201, made.body);
  assert.equal(made.json().report.status, 'open');
  const again = await report(viewer, 'video', video, 'hate');
  assert.equal(again.statusCode, 409, 'one open report per reporter per target');
  assert.equal((await report(viewer, 'video', hidden, 'spam')).statusCode, 404, 'a video one cannot see cannot be reported');
  assert.equal((await report(viewer, 'sound', video, 'spam')).statusCode, 404, 'no sounds exist yet');
  assert.equal((await report(creator, 'video', video, 'spam')).statusCode, 400, 'not one’s own');
  assert.equal((await report(viewer, 'account', creator.id, 'impersonation')).statusCode, 201);

  const mine = (await api(p, 'GET', '/api/v1/me/reports', { as: viewer })).json().items;
  assert.deepEqual(mine.map((r: { target: { type: string } }) => r.target.type).sort(), ['account', 'video']);
  const item = await itemFor(mod1, video);
  assert.deepEqual(item.notes, ['same link in every comment']);
  assert.ok(!JSON.stringify(item).includes(viewer.id) && !JSON.stringify(item).includes(viewer.username), 'reporters are not named to moderators');
});

test('the queue groups reports by target and orders by severity, then report count, then reach', async () => {
  const creator = await signup(p);
  const [r1, r2, r3] = [await signup(p), await signup(p), await signup(p)];
  const spamTwice = await publishedVideo(p, creator, { caption: 'spam twice' });
  const spamTwiceWatched = await publishedVideo(p, creator, { caption: 'spam twice, watched' });
  const spamThrice = await publishedVideo(p, creator, { caption: 'spam thrice' });
  const minor = await publishedVideo(p, creator, { caption: 'minor safety once' });
  for (const r of [r1, r2]) {
    await report(r, 'video', spamTwice, 'spam');
    await report(r, 'video', spamTwiceWatched, 'other');
  }
  await report(r3, 'video', spamTwiceWatched, 'spam');
  await report(r3, 'video', spamTwice, 'spam');
  // spamTwice and spamTwiceWatched: 3 reports each (severity of spam); only one was watched today
  await api(p, 'POST', `/api/v1/videos/${spamTwiceWatched}/views`, { as: r1, body: { watchedMs: 1500, completed: false } });
  for (const r of [r1, r2, r3]) await report(r, 'video', spamThrice, 'other');
  await report(r1, 'video', minor, 'minor_safety');
  const commentId = (await api(p, 'POST', `/api/v1/videos/${minor}/comments`, { as: creator, body: { body: 'a comment' } })).json().comment.id;
  await report(r2, 'comment', commentId, 'harassment');

  const items = (await queue(mod1)).filter((i) => [spamTwice, spamTwiceWatched, spamThrice, minor, commentId].includes(i.target.id));
  assert.deepEqual(
    items.map((i) => i.target.id),
    [minor, spamTwiceWatched, spamTwice, commentId, spamThrice],
    'minor safety first; then severity 2 by count (3, 3, 1) and reach; "other" last',
  );
  const grouped = items.find((i) => i.target.id === spamTwice)!;
  assert.equal(grouped.reportCount, 3, 'one entry however many reports');
  assert.equal(items.find((i) => i.target.id === spamTwiceWatched)!.reach, 1);
  assert.equal(items.find((i) => i.target.id === spamTwiceWatched)!.category, 'spam', 'the gravest category reported');
});

test('claims: two moderators racing, one wins; an expired claim can be taken over; deciding needs the claim', async () => {
  const creator = await signup(p);
  const r = await signup(p);
  const video = await publishedVideo(p, creator);
  await report(r, 'video', video, 'violence');
  const item = await itemFor(mod1, video);
  const [a, b] = await Promise.all([
    api(p, 'POST', `/api/v1/moderation/items/${item.id}/claim`, { as: mod1 }),
    api(p, 'POST', `/api/v1/moderation/items/${item.id}/claim`, { as: mod2 }),
  ]);
  assert.deepEqual([a.statusCode, b.statusCode].sort(), [200, 409], `${a.body} ${b.body}`);
  const [winner, loser] = a.statusCode === 200 ? [mod1, mod2] : [mod2, mod1];
  assert.equal((await api(p, 'POST', `/api/v1/moderation/items/${item.id}/decision`, { as: loser, body: { action: 'dismiss', policy: 'no_violation' } })).statusCode, 409);
  assert.equal((await itemFor(winner, video)).claim !== null, true);

  await p.db.query(`update moderation_items set claim_expires_at = now() - interval '1 second' where id = $1`, [item.id]);
  assert.equal(await status('POST', `/api/v1/moderation/items/${item.id}/claim`, loser), 200, 'a claim expires');
  assert.equal(await status('POST', `/api/v1/moderation/items/${item.id}/decision`, winner, { action: 'dismiss', policy: 'no_violation' }), 409);
  assert.equal(await status('POST', `/api/v1/moderation/items/${item.id}/decision`, loser, { action: 'dismiss', policy: 'spam' }), 400, 'a dismissal cites no violation');
  assert.equal(await status('POST', `/api/v1/moderation/items/${item.id}/decision`, loser, { action: 'dismiss', policy: 'no_violation' }), 201);
  assert.ok(!(await queue(mod1)).some((i) => i.id === item.id), 'decided items leave the queue');
  const mine = (await api(p, 'GET', '/api/v1/me/reports', { as: r })).json().items[0];
  assert.equal(mine.status, 'resolved');
  assert.equal(mine.outcome, 'dismiss');
});

test('removing a video hides it from every endpoint, its author included; the creator is told and can appeal once, to another moderator, who reverses it', async () => {
  const creator = await signup(p, 'removed_creator');
  const fan = await signup(p);
  const r = await signup(p);
  await api(p, 'PUT', `/api/v1/users/${creator.username}/follow`, { as: fan });
  const video = await publishedVideo(p, creator, { caption: 'to be removed #takedowntest' });
  const comment = (await api(p, 'POST', `/api/v1/videos/${video}/comments`, { as: fan, body: { body: 'nice' } })).json().comment.id;
  await report(r, 'video', video, 'violence', 'dangerous stunt');
  const decisionId = await decide(mod1, video, 'remove', 'violence', { note: 'dangerous stunt' });

  const listed = async (url: string, as: Session | null) => ((await api(p, 'GET', url, { as })).json().items as { id: string }[]).some((v) => v.id === video);
  for (const as of [null, fan, creator]) {
    assert.equal(await status('GET', `/api/v1/videos/${video}`, as), 404, 'the video itself');
    assert.equal(await listed(`/api/v1/users/${creator.username}/videos`, as), false, 'the profile');
    assert.equal(await listed('/api/v1/hashtags/takedowntest/videos', as), false, 'the hashtag');
    assert.equal(await status('GET', `/api/v1/videos/${video}/comments`, as), 404, 'its comments');
  }
  assert.equal(await listed('/api/v1/feed/following', fan), false, 'following');
  assert.equal(await listed('/api/v1/feed/foryou', fan), false, 'For You');
  assert.equal((await api(p, 'GET', '/api/v1/search?q=removed', { as: fan })).body.includes(video), false, 'search');
  assert.equal(await status('PUT', `/api/v1/videos/${video}/like`, fan), 404, 'engagement');
  assert.equal(await status('GET', `/api/v1/comments/${comment}/replies`, fan), 404);
  assert.equal((await report(await signup(p), 'video', video, 'spam')).statusCode, 404, 'nothing left to report');

  const inbox = (await api(p, 'GET', '/api/v1/notifications', { as: creator })).json().items;
  const told = inbox.find((n: { kind: string }) => n.kind === 'moderation_decision');
  assert.ok(told, 'the creator is told');
  assert.deepEqual(told.decision, { id: decisionId, action: 'remove', policy: 'violence', targetType: 'video' });
  assert.ok(!JSON.stringify(inbox).includes(mod1.username), 'the moderator is not named');

  const decisions = (await api(p, 'GET', '/api/v1/me/decisions', { as: creator })).json().items;
  assert.equal(decisions.length, 1);
  assert.equal(decisions[0].caption, 'to be removed #takedowntest');
  assert.equal(decisions[0].appealable, true);
  assert.equal(await status('POST', '/api/v1/appeals', fan, { decisionId }), 404, 'only the person concerned appeals');
  const appealed = await api(p, 'POST', '/api/v1/appeals', { as: creator, body: { decisionId, note: 'it was a stunt by professionals' } });
  assert.equal(appealed.statusCode, 201, appealed.body);
  assert.equal(appealed.json().decision.appeal.status, 'pending');
  assert.equal(await status('POST', '/api/v1/appeals', creator, { decisionId }), 409, 'once');

  assert.ok(!(await queue(mod1)).some((i) => i.kind === 'appeal' && i.target.id === video), 'not shown to the deciding moderator');
  const appealItem = await itemFor(mod2, video, 'appeal');
  assert.equal(await status('POST', `/api/v1/moderation/items/${appealItem.id}/claim`, mod1), 403, 'the deciding moderator cannot claim it');
  assert.equal(await status('POST', `/api/v1/moderation/items/${appealItem.id}/claim`, mod2), 200);
  assert.equal(await status('POST', `/api/v1/moderation/items/${appealItem.id}/decision`, mod2, { action: 'remove', policy: 'violence' }), 400, 'an appeal is upheld or reversed');
  assert.equal(await status('POST', `/api/v1/moderation/items/${appealItem.id}/decision`, mod2, { action: 'appeal_reversed', policy: 'no_violation' }), 201);

  assert.equal(await status('GET', `/api/v1/videos/${video}`, null), 200, 'reversing restores the video');
  assert.equal(await listed(`/api/v1/users/${creator.username}/videos`, fan), true);
  assert.equal(await status('GET', `/api/v1/videos/${video}/comments`, fan), 200);
  const after = (await api(p, 'GET', '/api/v1/me/decisions', { as: creator })).json().items[0];
  assert.equal(after.appeal.status, 'reversed');
  assert.equal(after.appealable, false);
  assert.equal(await status('POST', '/api/v1/appeals', creator, { decisionId }), 409, 'the outcome is final');

  const rows = await p.db.query<{ action: string; moderator_id: string }>('select action, moderator_id from moderation_decisions where target_id = $1 order by created_at', [video]);
  assert.deepEqual(rows.map((x) => [x.action, x.moderator_id]), [['remove', mod1.id], ['appeal_reversed', mod2.id]], 'who, what, in order');
  await assert.rejects(p.db.query('update moderation_decisions set action = $1 where target_id = $2', ['dismiss', video]), /append-only/);
  await assert.rejects(p.db.query('delete from moderation_decisions where target_id = $1', [video]), /append-only/);
});

test('an upheld appeal keeps the decision; label 18+ sets adult_only; removing a comment hides it and its replies', async () => {
  const creator = await signup(p);
  const r = await signup(p);
  const video = await publishedVideo(p, creator);
  await report(r, 'video', video, 'nudity');
  const labelled = await decide(mod1, video, 'label_adult', 'nudity');
  const [row] = await p.db.query<{ adult_only: boolean }>('select adult_only from videos where id = $1', [video]);
  assert.equal(row!.adult_only, true);
  await api(p, 'POST', '/api/v1/appeals', { as: creator, body: { decisionId: labelled } });
  await decide(mod2, video, 'appeal_upheld', 'nudity', {}, 'appeal');
  assert.equal((await p.db.query<{ adult_only: boolean }>('select adult_only from videos where id = $1', [video]))[0]!.adult_only, true);
  assert.equal((await api(p, 'GET', '/api/v1/me/decisions', { as: creator })).json().items[0].appeal.status, 'upheld');

  const parent = (await api(p, 'POST', `/api/v1/videos/${video}/comments`, { as: creator, body: { body: 'a rude comment' } })).json().comment.id;
  await api(p, 'POST', `/api/v1/videos/${video}/comments`, { as: r, body: { body: 'a reply', parentId: parent } });
  await api(p, 'POST', `/api/v1/videos/${video}/comments`, { as: r, body: { body: 'stays' } });
  await report(r, 'comment', parent, 'harassment');
  await decide(mod1, parent, 'remove', 'harassment');
  const comments = (await api(p, 'GET', `/api/v1/videos/${video}/comments`, { as: r })).json().items.map((c: { body: string }) => c.body);
  assert.deepEqual(comments, ['stays']);
  assert.equal(await status('GET', `/api/v1/comments/${parent}/replies`, r), 404);
  assert.equal((await api(p, 'GET', `/api/v1/videos/${video}`, { as: r })).json().video.counts.comments, 1, 'counts follow');
});

test('restrict keeps an account from posting; suspend and ban end its sessions and refuse its log-in', async () => {
  const r = await signup(p);
  const restricted = await signup(p, 'restricted_one');
  const target = await publishedVideo(p, r);
  await report(r, 'account', restricted.id, 'spam');
  await decide(mod1, restricted.id, 'restrict', 'spam', { days: 3 });
  const posting = await api(p, 'POST', '/api/v1/videos', { as: restricted, body: { caption: 'x' } });
  assert.equal(posting.statusCode, 403);
  assert.equal(posting.json().code, 'account_restricted');
  assert.equal((await api(p, 'POST', `/api/v1/videos/${target}/comments`, { as: restricted, body: { body: 'hi' } })).json().code, 'account_restricted');
  assert.equal(await status('PUT', `/api/v1/videos/${target}/like`, restricted), 200, 'restricted accounts may still watch and like');
  assert.equal(await status('POST', `/api/v1/auth/login`, null, { login: 'restricted_one', password: 'correct horse battery' }), 200);

  for (const [action, extra] of [['suspend', { days: 7 }], ['ban', {}]] as const) {
    const account = await signup(p, `${action}_me`);
    await report(r, 'account', account.id, 'harassment');
    await decide(mod1, account.id, action, 'harassment', extra);
    assert.equal(await status('GET', '/api/v1/me', account), 401, `${action}: the session ended`);
    const login = await api(p, 'POST', '/api/v1/auth/login', { body: { login: `${action}_me`, password: 'correct horse battery' } });
    assert.equal(login.statusCode, 403, `${action}: cannot log in`);
    assert.equal(login.json().code, 'account_suspended');
    assert.equal((await api(p, 'POST', '/api/v1/auth/login', { body: { login: `${action}_me`, password: 'wrong password here' } })).statusCode, 401, 'a wrong password tells nothing more');
  }
});

test('the enforcement report counts decisions and reports per month and category, and names nobody', async () => {
  const res = await api(p, 'GET', '/api/v1/transparency/enforcement');
  assert.equal(res.statusCode, 200);
  const body = res.json();
  const month = new Date().toISOString().slice(0, 7);
  const count = (category: string, action: string) => body.rows.find((r: { month: string; category: string; action: string }) => r.month === month && r.category === category && r.action === action)?.count;
  assert.equal(count('violence', 'remove'), 1);
  assert.equal(count('violence', 'appeal_reversed'), 1);
  assert.equal(count('nudity', 'label_adult'), 1);
  assert.ok(body.reports.some((r: { category: string; count: number }) => r.category === 'spam' && r.count >= 3));
  assert.doesNotMatch(res.body, /[0-9a-f]{8}-[0-9a-f]{4}-/, 'no ids');
  assert.doesNotMatch(res.body, /mod_one|removed_creator/, 'no names');
});

test('automatic holds: N distinct reporters within an hour, or one trusted flagger, keep a video out of For You but not off the profile', async () => {
  const q = await startTestPlatform({ REPORT_HOLD_THRESHOLD: '2' });
  try {
    const creator = await signup(q, 'held_creator');
    const viewer = await signup(q);
    const [a, b, trusted] = [await signup(q), await signup(q), await signup(q)];
    const held = await publishedVideo(q, creator, { caption: 'reported twice' });
    const flagged = await publishedVideo(q, creator, { caption: 'flagged once' });
    const fine = await publishedVideo(q, creator, { caption: 'reported once' });
    const forYou = async () => ((await api(q, 'GET', '/api/v1/feed/foryou', { as: viewer })).json().items as { id: string }[]).map((v) => v.id);
    assert.deepEqual((await forYou()).sort(), [held, flagged, fine].sort());

    const rep = (as: Session, id: string) => api(q, 'POST', '/api/v1/reports', { as, body: { target: { type: 'video', id }, category: 'spam' } });
    await rep(a, held);
    await rep(a, fine);
    assert.ok((await forYou()).includes(held), 'one report holds nothing');
    await rep(b, held);
    await q.services.moderation.setTrustedFlagger(trusted.id, true);
    await rep(trusted, flagged);
    const now = await forYou();
    assert.ok(!now.includes(held) && !now.includes(flagged), 'held from For You');
    assert.ok(now.includes(fine));
    assert.equal((await api(q, 'GET', `/api/v1/videos/${held}`, { as: viewer })).statusCode, 200, 'still there by link');
    const profile = (await api(q, 'GET', `/api/v1/users/held_creator/videos`, { as: viewer })).json().items.map((v: { id: string }) => v.id);
    assert.ok(profile.includes(held) && profile.includes(flagged), 'and on the profile');
    const [row] = await q.db.query<{ removed_at: Date | null }>('select removed_at from videos where id = $1', [held]);
    assert.equal(row!.removed_at, null, 'never removed without a human');

    // a moderator dismisses: the hold ends
    const mod = await signup(q);
    await q.services.operators.grant(mod.username, 'moderator', 'default');
    const item = ((await api(q, 'GET', '/api/v1/moderation/queue', { as: mod })).json().items as { id: string; target: { id: string }; held: boolean }[]).find((i) => i.target.id === held)!;
    assert.equal(item.held, true);
    await api(q, 'POST', `/api/v1/moderation/items/${item.id}/claim`, { as: mod });
    assert.equal((await api(q, 'POST', `/api/v1/moderation/items/${item.id}/decision`, { as: mod, body: { action: 'dismiss', policy: 'no_violation' } })).statusCode, 201);
    assert.ok((await forYou()).includes(held), 'back in For You after review');
  } finally {
    await q.stop();
  }
});

test('`npm run admin -- trust` makes a trusted flagger (PostgreSQL: the command runs beside the server)', { skip: process.env.CLIPTIDE_TEST_DB !== 'postgres' }, async () => {
  const { execFile } = await import('node:child_process');
  const { promisify } = await import('node:util');
  const flagger = await signup(p, 'cli_flagger');
  const creator = await signup(p);
  const video = await publishedVideo(p, creator);
  const cli = new URL('../cli/admin.ts', import.meta.url).pathname;
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', cli, 'trust', 'cli_flagger'], {
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'silent', SEED_DEMO: 'false', DATABASE_URL: p.databaseUrl!, DATA_DIR: p.dataDir },
  });
  assert.match(stdout, /@cli_flagger is now a trusted flagger/);
  assert.equal((await report(flagger, 'video', video, 'spam')).statusCode, 201);
  const [row] = await p.db.query<{ held: boolean }>('select held_at is not null as held from videos where id = $1', [video]);
  assert.equal(row!.held, true);
});

test('a moderator acts only in their jurisdiction and never on items about themselves', async () => {
  const elsewhere = await signup(p, 'mod_elsewhere');
  await p.services.operators.grant('mod_elsewhere', 'moderator', 'elsewhere');
  const creator = await signup(p);
  const reporter = await signup(p);
  const video = await publishedVideo(p, creator);
  await report(reporter, 'video', video, 'spam');
  const item = await itemFor(mod1, video);
  assert.equal((await queue(elsewhere)).length, 0, 'the subject lives in another region');
  assert.equal(await status('GET', `/api/v1/moderation/items/${item.id}`, elsewhere), 404);
  assert.equal(await status('POST', `/api/v1/moderation/items/${item.id}/claim`, elsewhere), 404);
  assert.equal(await status('POST', `/api/v1/moderation/items/${item.id}/decision`, elsewhere, { action: 'remove', policy: 'spam' }), 404);

  // a report about a moderator: the others see it, they do not
  const own = await publishedVideo(p, mod2);
  await report(reporter, 'video', own, 'spam');
  const aboutMod2 = await itemFor(mod1, own);
  assert.equal((await queue(mod2)).some((i) => i.target.id === own), false);
  assert.equal(await status('POST', `/api/v1/moderation/items/${aboutMod2.id}/claim`, mod2), 404);
});

test('reversing an appeal lifts only that decision: a later restriction stands', async () => {
  const creator = await signup(p);
  const [r1, r2] = [await signup(p), await signup(p)];
  const first = await publishedVideo(p, creator);
  const second = await publishedVideo(p, creator);
  await report(r1, 'video', first, 'spam');
  const short = await decide(mod1, first, 'restrict', 'spam', { days: 3 });
  assert.equal((await api(p, 'POST', '/api/v1/appeals', { as: creator, body: { decisionId: short, note: 'not spam' } })).statusCode, 201);
  await report(r2, 'video', second, 'spam');
  await decide(mod1, second, 'restrict', 'spam', { days: 30 });
  await decide(mod2, first, 'appeal_reversed', 'no_violation', {}, 'appeal');
  const [row] = await p.db.query<{ days: number }>(
    `select round(extract(epoch from posting_restricted_until - now()) / 86400)::int as days from accounts where id = $1`,
    [creator.id],
  );
  assert.equal(row!.days, 30, 'the 30-day restriction is still there');
  const posting = await api(p, 'POST', '/api/v1/videos', { as: creator, body: { caption: 'x', visibility: 'public', allowComments: true } });
  assert.equal(posting.json().code, 'account_restricted');
});
