// Screen time end to end through the API, on a clock the test moves: the limit locks the feeds for
// real after enough view events, survives a restart, resets at local midnight; a forged view cannot
// outrun the clock; the passcode extends by 30 minutes per request and wrong passcodes are refused
// (and throttled); a teen loosens nothing without the passcode, an adult may.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { api, openTestDatabase, publishedVideo, signup, startTestPlatform, type Session, type TestDatabase, type TestPlatform } from '../testing/test-platform.ts';

let clock = Date.parse('2026-03-10T12:00:00Z');
const now = () => new Date(clock);
const MIN = 60_000;
let db: TestDatabase;
let p: TestPlatform;
let creator: Session;
let video: string;

const start = () => startTestPlatform({}, { db: db.db, now });
const wellbeing = async (as: Session) => (await api(p, 'GET', '/api/v1/me/wellbeing', { as })).json().wellbeing;
/** One view event claiming `ms` of watch time (the test video lasts 2 s: replays make room for the claim). */
const watch = (as: Session, ms: number) =>
  api(p, 'POST', `/api/v1/videos/${video}/views`, { as, body: { watchedMs: ms, completed: true, replays: Math.min(1000, Math.ceil(ms / 2000)) } });
/** Watches for `minutes`, a view every ten minutes of clock time. */
async function watchFor(as: Session, minutes: number) {
  for (let left = minutes; left > 0; left -= 10) {
    const m = Math.min(10, left);
    clock += m * MIN;
    assert.equal((await watch(as, m * MIN)).statusCode, 204);
  }
}
const feeds = async (as: Session) => [
  (await api(p, 'GET', '/api/v1/feed/foryou', { as })).statusCode,
  (await api(p, 'GET', '/api/v1/feed/following', { as })).statusCode,
];

before(async () => {
  db = await openTestDatabase();
  p = await start();
  creator = await signup(p, 'clip_maker');
  video = await publishedVideo(p, creator, { caption: 'a long loop #loop' });
});
after(async () => {
  await p.stop();
  await db.drop();
});

test('defaults from the age policy at sign-up: 13–17 a 60-minute limit, 13–15 restricted mode, adults nothing', async () => {
  const t14 = await wellbeing(await signup(p, 'fourteen', '2012-01-01'));
  const t17 = await wellbeing(await signup(p, 'seventeen', '2009-01-01'));
  const adult = await wellbeing(creator);
  assert.deepEqual([t14.dailyLimitMinutes, t14.restrictedMode, t14.passcodeNeededToLoosen], [60, true, true]);
  assert.deepEqual([t17.dailyLimitMinutes, t17.restrictedMode, t17.passcodeNeededToLoosen], [60, false, true]);
  assert.deepEqual([adult.dailyLimitMinutes, adult.restrictedMode, adult.passcodeNeededToLoosen, adult.locked], [null, false, false, false]);
  assert.equal(t14.week.length, 7);
  assert.equal(t14.today, '2026-03-10');
});

test('the limit locks the feeds after enough view events, survives a restart and resets at local midnight', async () => {
  clock = Date.parse('2026-03-10T12:00:00Z');
  const teen = await signup(p, 'watcher', '2010-06-01');
  assert.equal((await api(p, 'PATCH', '/api/v1/me/wellbeing', { as: teen, body: { timeZone: 'America/New_York' } })).json().wellbeing.timeZone, 'America/New_York');
  await api(p, 'PUT', `/api/v1/users/${creator.username}/follow`, { as: teen });
  await watchFor(teen, 50);
  assert.deepEqual(await feeds(teen), [200, 200]);
  assert.equal((await wellbeing(teen)).usedTodayMinutes, 50);
  // a second session (another tab, another device) sees the same count
  const login = await api(p, 'POST', '/api/v1/auth/login', { body: { login: teen.username, password: 'correct horse battery' } });
  const tab2 = { ...teen, cookie: String(login.headers['set-cookie']).split(';')[0]! };
  await watchFor(tab2, 10);
  const w = await wellbeing(teen);
  assert.deepEqual([w.usedTodayMinutes, w.locked], [60, true]);
  const refused = await api(p, 'GET', '/api/v1/feed/foryou', { as: teen });
  assert.equal(refused.statusCode, 403);
  assert.equal(refused.json().code, 'screen_time_limit');
  assert.deepEqual(await feeds(tab2), [403, 403]);
  // grids that play as feeds pause too (every route declaring `watching`); a visitor is not affected
  for (const url of [`/api/v1/users/${creator.username}/videos`, '/api/v1/hashtags/test/videos', '/api/v1/search?q=test', '/api/v1/me/saved', `/api/v1/users/${teen.username}/liked`]) {
    const grid = await api(p, 'GET', url, { as: teen });
    assert.deepEqual([grid.statusCode, grid.json().code], [403, 'screen_time_limit'], url);
    if (!url.includes('/me/') && !url.includes('/liked')) assert.equal((await api(p, 'GET', url)).statusCode, 200, `${url} for a visitor`);
  }
  // watching a single video by its link is not a feed: the limit pauses the feeds
  assert.equal((await api(p, 'GET', `/api/v1/videos/${video}`, { as: teen })).statusCode, 200);

  // a restart: the count is in the database, not in the process
  await p.close();
  p = await start();
  assert.deepEqual(await feeds(teen), [403, 403]);

  // 23:59 in New York (daylight time since 8 March: UTC−4) is still today; a minute past midnight there is a new day
  clock = Date.parse('2026-03-11T03:59:00Z');
  assert.deepEqual(await feeds(teen), [403, 403]);
  clock = Date.parse('2026-03-11T04:01:00Z');
  assert.deepEqual(await feeds(teen), [200, 200]);
  const next = await wellbeing(teen);
  assert.deepEqual([next.today, next.usedTodayMinutes, next.locked], ['2026-03-11', 0, false]);
  assert.deepEqual(next.week.slice(-2), [{ date: '2026-03-10', minutes: 60 }, { date: '2026-03-11', minutes: 0 }]);
});

test('a forged view claiming hours counts no more than the clock allows, and never unlocks', async () => {
  clock = Date.parse('2026-03-12T12:00:00Z');
  const teen = await signup(p, 'forger', '2010-06-01');
  // ten hours claimed, at once, from several "tabs": the ledger credits at most ten minutes
  for (let i = 0; i < 5; i++) assert.equal((await watch(teen, 10 * 3600_000)).statusCode, 204);
  assert.deepEqual([(await wellbeing(teen)).usedTodayMinutes, (await wellbeing(teen)).locked], [10, false]);
  clock += 2 * MIN;
  await watch(teen, 10 * 3600_000);
  assert.equal((await wellbeing(teen)).usedTodayMinutes, 12, 'two more minutes passed, two more counted');
  // reach the limit honestly; more forged views (or zero-length ones) do not unlock it
  await watchFor(teen, 48);
  await watch(teen, 0);
  clock += MIN;
  await watch(teen, 1);
  assert.deepEqual(await feeds(teen), [403, 403]);
  // a time zone where it is already tomorrow does not start a fresh day
  const moved = (await api(p, 'PATCH', '/api/v1/me/wellbeing', { as: teen, body: { timeZone: 'Pacific/Kiritimati' } })).json().wellbeing;
  assert.deepEqual([moved.today, moved.locked], ['2026-03-13', true]);
  assert.equal((await api(p, 'PATCH', '/api/v1/me/wellbeing', { as: teen, body: { timeZone: 'Mars/Olympus' } })).statusCode, 400);
});

test('the passcode: 30 more minutes per request; wrong ones refused, then throttled', async () => {
  clock = Date.parse('2026-03-14T12:00:00Z');
  const teen = await signup(p, 'extender', '2010-06-01');
  const noCode = await api(p, 'POST', '/api/v1/me/wellbeing/extend', { as: teen, body: {} });
  assert.equal(noCode.json().code, 'passcode_required');
  assert.equal((await api(p, 'PATCH', '/api/v1/me/wellbeing', { as: teen, body: { newPasscode: '2468' } })).json().wellbeing.passcodeSet, true);
  await watchFor(teen, 60);
  assert.deepEqual(await feeds(teen), [403, 403]);

  const wrong = await api(p, 'POST', '/api/v1/me/wellbeing/extend', { as: teen, body: { passcode: '1111' } });
  assert.deepEqual([wrong.statusCode, wrong.json().code], [403, 'wrong_passcode']);
  const ok = await api(p, 'POST', '/api/v1/me/wellbeing/extend', { as: teen, body: { passcode: '2468' } });
  assert.equal(ok.statusCode, 200);
  assert.deepEqual([ok.json().wellbeing.extraMinutesToday, ok.json().wellbeing.locked], [30, false]);
  assert.deepEqual(await feeds(teen), [200, 200]);
  await watchFor(teen, 30);
  assert.deepEqual(await feeds(teen), [403, 403], 'thirty minutes, then the pause again');

  // guessing: a few wrong tries, then each further one waits (and the right one too, until the wait is over)
  const codes: string[] = [];
  for (let i = 0; i < 6; i++) codes.push((await api(p, 'POST', '/api/v1/me/wellbeing/extend', { as: teen, body: { passcode: `900${i}` } })).json().code);
  assert.deepEqual(codes.slice(0, 5), Array(5).fill('wrong_passcode'));
  const throttled = await api(p, 'POST', '/api/v1/me/wellbeing/extend', { as: teen, body: { passcode: '2468' } });
  assert.deepEqual([throttled.statusCode, throttled.json().code], [429, 'rate_limited']);
  clock += 61_000;
  assert.equal((await api(p, 'POST', '/api/v1/me/wellbeing/extend', { as: teen, body: { passcode: '2468' } })).json().wellbeing.extraMinutesToday, 60);
});

test('a teen loosens the limit or restricted mode only with the passcode; an adult as they like', async () => {
  const teen = await signup(p, 'settler', '2012-06-01');
  const patch = (as: Session, body: object) => api(p, 'PATCH', '/api/v1/me/wellbeing', { as, body });
  assert.equal((await patch(teen, { dailyLimitMinutes: null })).json().code, 'passcode_required');
  assert.equal((await patch(teen, { dailyLimitMinutes: 40 })).json().wellbeing.dailyLimitMinutes, 40, 'tightening needs nothing');
  assert.equal((await patch(teen, { newPasscode: '1357' })).statusCode, 200);
  assert.equal((await patch(teen, { dailyLimitMinutes: 120, passcode: '0000' })).json().code, 'wrong_passcode');
  assert.equal((await patch(teen, { restrictedMode: false })).json().code, 'passcode_required');
  assert.equal((await patch(teen, { newPasscode: '2222' })).json().code, 'passcode_required', 'changing it takes the current one');
  assert.equal((await patch(teen, { newPasscode: null, passcode: '1357' })).json().code, 'age_restricted');
  const loosened = (await patch(teen, { dailyLimitMinutes: null, restrictedMode: false, breakReminderMinutes: 20, passcode: '1357' })).json().wellbeing;
  assert.deepEqual([loosened.dailyLimitMinutes, loosened.restrictedMode, loosened.breakReminderMinutes], [null, false, 20]);
  assert.equal((await patch(teen, { dailyLimitMinutes: 30 })).statusCode, 400, 'limits are 40–120 minutes');

  const adult = await signup(p, 'grownup_self');
  assert.equal((await patch(adult, { dailyLimitMinutes: 45 })).json().wellbeing.dailyLimitMinutes, 45);
  assert.equal((await patch(adult, { dailyLimitMinutes: null, restrictedMode: true })).json().wellbeing.dailyLimitMinutes, null);
  assert.equal((await patch(adult, { restrictedMode: false })).json().wellbeing.restrictedMode, false);
  assert.equal((await api(p, 'POST', '/api/v1/me/wellbeing/extend', { as: adult, body: {} })).json().code, 'conflict');
});
