// The visibility rule's SQL half on a real database (PGlite, or PostgreSQL in CI) agrees with its
// JavaScript half and with the table, case by case.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { openTestDatabase, type TestDatabase } from '../testing/test-platform.ts';
import { STANDINGS, STATUSES, VISIBILITIES, visibilityCases, type Standing } from './visibility.cases.ts';
import { canSeeVideo, canSeeVideoSql, canWatchVideo, canWatchVideoSql } from './visibility.ts';

let t: TestDatabase;
const ids = {} as Record<Standing, string | null>;
const videoIds = new Map<string, string>();

before(async () => {
  t = await openTestDatabase();
  for (const who of ['author', 'follower', 'stranger'] as const) {
    const [row] = await t.db.query<{ id: string }>(
      `insert into accounts (username, email, password_hash, birthdate, display_name, home_region)
       values ($1, $1 || '@example.test', 'x', '1990-01-01', $1, 'default') returning id`,
      [who],
    );
    ids[who] = row!.id;
  }
  ids.anonymous = null;
  await t.db.query('insert into follows (follower_id, followee_id) values ($1, $2)', [ids.follower, ids.author]);
  for (const visibility of VISIBILITIES) {
    for (const status of STATUSES) {
      const [row] = await t.db.query<{ id: string }>('insert into videos (author_id, visibility, status) values ($1, $2, $3) returning id', [ids.author, visibility, status]);
      videoIds.set(`${visibility}/${status}`, row!.id);
    }
  }
});
after(() => t.drop());

test('canSeeVideoSql and canWatchVideoSql agree with the predicates and the table', async () => {
  assert.equal(STANDINGS.length * videoIds.size, visibilityCases.length);
  for (const c of visibilityCases) {
    const viewerId = ids[c.viewer];
    const [row] = await t.db.query<{ see: boolean; watch: boolean }>(
      `select coalesce(${canSeeVideoSql('$2')}, false) as see, coalesce(${canWatchVideoSql('$2')}, false) as watch from videos v where v.id = $1`,
      [videoIds.get(`${c.visibility}/${c.status}`)!, viewerId],
    );
    const video = { authorId: ids.author!, visibility: c.visibility, status: c.status };
    const standing = { viewerId, followsAuthor: c.viewer === 'follower' };
    const label = `${c.visibility} ${c.status} video, ${c.viewer}`;
    assert.equal(row!.see, c.see, `SQL see: ${label}`);
    assert.equal(row!.watch, c.watch, `SQL watch: ${label}`);
    assert.equal(canSeeVideo(video, standing), row!.see, `JS and SQL see: ${label}`);
    assert.equal(canWatchVideo(video, standing), row!.watch, `JS and SQL watch: ${label}`);
  }
});
