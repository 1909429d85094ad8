// The visibility rule's SQL half on a real database (PGlite, or PostgreSQL in CI) agrees with its
// JavaScript half and with the table, case by case.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { openTestDatabase, type TestDatabase } from '../testing/test-platform.ts';
import {
  ACCOUNTS,
  CONTENT_CAPTIONS,
  CONTENT_KINDS,
  CONTENT_VIEWER_FACTS,
  contentCases,
  STANDINGS,
  STATUSES,
  VISIBILITIES,
  visibilityCases,
  type AccountPrivacy,
  type ContentKind,
  type ContentViewer,
  type Standing,
} from './visibility.cases.ts';
import { ANONYMOUS, canSeeVideo, canSeeVideoSql, canWatchVideo, canWatchVideoSql, viewerContent } from './visibility.ts';

let t: TestDatabase;
const ids = {} as Record<Standing, string | null>;
const authors = {} as Record<AccountPrivacy, string>;
const videoIds = new Map<string, string>();

const account = async (name: string, isPrivate = false, birthdate = '1990-01-01') => {
  const [row] = await t.db.query<{ id: string }>(
    `insert into accounts (username, email, password_hash, birthdate, display_name, home_region, private)
     values ($1, $1 || '@example.test', 'x', $3, $1, 'default', $2) returning id`,
    [name, isPrivate, birthdate],
  );
  return row!.id;
};

before(async () => {
  t = await openTestDatabase();
  authors['public-account'] = await account('author');
  authors['private-account'] = await account('private_author', true);
  for (const who of ['follower', 'requester', 'stranger', 'blocked', 'blocker'] as const) ids[who] = await account(who);
  ids.anonymous = null;
  for (const author of Object.values(authors)) {
    await t.db.query('insert into follows (follower_id, followee_id) values ($1, $2)', [ids.follower, author]);
    await t.db.query('insert into follow_requests (requester_id, target_id) values ($1, $2)', [ids.requester, author]);
    // blocks (decision 022): the author blocked `blocked` (whose follow row is left behind on purpose); `blocker` blocked the author
    await t.db.query('insert into follows (follower_id, followee_id) values ($1, $2)', [ids.blocked, author]);
    await t.db.query('insert into blocks (blocker_id, blocked_id) values ($1, $2), ($3, $1)', [author, ids.blocked, ids.blocker]);
  }
  for (const acc of ACCOUNTS) {
    for (const visibility of VISIBILITIES) {
      for (const status of STATUSES) {
        const [row] = await t.db.query<{ id: string }>('insert into videos (author_id, visibility, status) values ($1, $2, $3) returning id', [authors[acc], visibility, status]);
        videoIds.set(`${acc}/${visibility}/${status}`, row!.id);
      }
    }
  }
});
after(() => t.drop());

test('canSeeVideoSql and canWatchVideoSql agree with the predicates and the table', async () => {
  assert.equal(STANDINGS.length * videoIds.size, visibilityCases.length);
  for (const c of visibilityCases) {
    const viewerId = c.viewer === 'author' ? authors[c.account] : ids[c.viewer];
    const [row] = await t.db.query<{ see: boolean; watch: boolean }>(
      `select coalesce(${canSeeVideoSql('$2')}, false) as see, coalesce(${canWatchVideoSql('$2')}, false) as watch from videos v where v.id = $1`,
      [videoIds.get(`${c.account}/${c.visibility}/${c.status}`)!, viewerId],
    );
    const video = { authorId: authors[c.account], authorPrivate: c.account === 'private-account', visibility: c.visibility, status: c.status, adultOnly: false, caption: '' };
    const standing = {
      viewerId,
      followsAuthor: c.viewer === 'follower' || c.viewer === 'blocked',
      blocked: c.viewer === 'blocked' || c.viewer === 'blocker',
      maySeeAdultOnly: c.viewer !== 'anonymous',
      restrictedMode: false,
    };
    const label = `${c.account}: ${c.visibility} ${c.status} video, ${c.viewer}`;
    assert.equal(row!.see, c.see, `SQL see: ${label}`);
    assert.equal(row!.watch, c.watch, `SQL watch: ${label}`);
    assert.equal(canSeeVideo(video, standing), row!.see, `JS and SQL see: ${label}`);
    assert.equal(canWatchVideo(video, standing), row!.watch, `JS and SQL watch: ${label}`);
  }
});

test('18+ labels and restricted mode: the SQL agrees with the predicates and the content table', async () => {
  const today = new Date();
  const born = (years: number) => `${today.getUTCFullYear() - years}-01-01`;
  const viewers = {} as Record<ContentViewer, string | null>;
  for (const [who, facts] of Object.entries(CONTENT_VIEWER_FACTS) as [Exclude<ContentViewer, 'anonymous'>, { yearsOld: number; restricted: boolean }][]) {
    viewers[who] = await account(`content_${who.replace(/-/g, '_')}`, false, born(facts.yearsOld));
    await t.db.query('insert into wellbeing_settings (account_id, restricted_mode) values ($1, $2)', [viewers[who], facts.restricted]);
  }
  viewers.anonymous = null;
  const videos = {} as Record<ContentKind, string>;
  for (const kind of CONTENT_KINDS) {
    const [row] = await t.db.query<{ id: string }>(
      "insert into videos (author_id, visibility, status, caption, adult_only) values ($1, 'public', 'ready', $2, $3) returning id",
      [viewers.author, CONTENT_CAPTIONS[kind].caption, CONTENT_CAPTIONS[kind].adultOnly],
    );
    videos[kind] = row!.id;
  }
  for (const c of contentCases) {
    const viewerId = viewers[c.viewer];
    const [row] = await t.db.query<{ see: boolean; watch: boolean }>(
      `select coalesce(${canSeeVideoSql('$2')}, false) as see, coalesce(${canWatchVideoSql('$2')}, false) as watch from videos v where v.id = $1`,
      [videos[c.content], viewerId],
    );
    const label = `${c.content} video, ${c.viewer}`;
    assert.equal(row!.see, c.watch, `SQL see: ${label}`);
    assert.equal(row!.watch, c.watch, `SQL watch: ${label}`);
    const video = { authorId: viewers.author!, authorPrivate: false, visibility: 'public' as const, status: 'ready' as const, ...CONTENT_CAPTIONS[c.content] };
    const facts = c.viewer === 'anonymous' ? null : CONTENT_VIEWER_FACTS[c.viewer];
    const standing = facts ? { viewerId, followsAuthor: false, ...viewerContent(born(facts.yearsOld), facts.restricted, today) } : ANONYMOUS;
    assert.equal(canWatchVideo(video, standing), row!.watch, `JS and SQL: ${label}`);
  }
});
