// The engine host against an in-memory event log: restoring from a snapshot, and surviving one it cannot read.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { EngineEvent } from '@cliptide/recommender';
import { createEngineHost } from './engine-host.ts';
import type { CatalogueRow, RecommenderRepository } from './recommender.repository.ts';

const NOW = Date.UTC(2026, 10, 1);

function row(i: number): CatalogueRow {
  return {
    id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    author_id: `creator-${i % 4}`,
    visibility: 'public',
    status: 'ready',
    adult_only: false,
    author_private: false,
    author_birthdate: '1990-01-01',
    caption: `clip number ${i} about #topic${i % 3}`,
    duration_ms: 15_000,
    published_at: new Date(NOW - 86_400_000 * 3),
    home_region: 'default',
    hashtags: [`topic${i % 3}`],
  };
}

function world() {
  const rows = Array.from({ length: 12 }, (_, i) => row(i));
  const events: { id: number; event: EngineEvent }[] = [];
  const snapshots: { last_event_id: number; state: string }[] = [];
  const repo = {
    async append(event: EngineEvent) {
      events.push({ id: events.length + 1, event: structuredClone(event) });
      return events.length;
    },
    async eventsAfter(id: number, limit: number) {
      return events.filter((e) => e.id > id).slice(0, limit);
    },
    async latestSnapshot() {
      return snapshots.at(-1) ?? null;
    },
    async saveSnapshot(lastEventId: number, state: string) {
      snapshots.push({ last_event_id: lastEventId, state });
    },
    async catalogue() {
      return rows;
    },
    async audiences(ids: string[]) {
      return rows.filter((r) => ids.includes(r.id));
    },
    async authorsChangedSince() {
      return { now: new Date(NOW), authors: [] };
    },
  } as unknown as RecommenderRepository;
  const logs: { msg: string; obj: Record<string, unknown> }[] = [];
  const log = {
    info: (obj: object, msg: string) => logs.push({ msg, obj: obj as Record<string, unknown> }),
    error: (obj: object, msg: string) => logs.push({ msg, obj: obj as Record<string, unknown> }),
  };
  const host = () => createEngineHost({ repo, now: () => NOW, log });
  return { rows, events, snapshots, logs, host };
}

const page = (host: ReturnType<ReturnType<typeof world>['host']>, userId: string) =>
  host.recommend({ userId, region: 'default', count: 10, personalized: true, keywordFilters: [], follows: [], blockedCreators: [] }, { maySeeAdultOnly: true, restrictedMode: false });

test('a restart restores the snapshot and replays only the events after it', async () => {
  const w = world();
  const first = w.host();
  await first.start();
  const hidden = w.rows[0]!.id;
  await first.record({ type: 'not_interested', userId: 'viewer', at: NOW, target: { kind: 'video', id: hidden } });
  await first.stop(); // writes the final snapshot
  await first.record({ type: 'like', userId: 'viewer', at: NOW + 1, videoId: w.rows[1]!.id });

  const second = w.host();
  await second.start();
  const ready = w.logs.filter((l) => l.msg === 'recommender ready').at(-1)!;
  assert.equal(ready.obj.fromSnapshot, w.snapshots.at(-1)!.last_event_id);
  assert.equal(ready.obj.replayed, 1, 'only the like after the snapshot is replayed');
  const items = await page(second, 'viewer');
  assert.ok(items.length > 0);
  assert.ok(!items.some((item) => item.videoId === hidden), 'the not-interested video stays hidden after the restart');
});

test('a snapshot it cannot read is logged and the whole event log is learned again', async () => {
  const w = world();
  const first = w.host();
  await first.start();
  const hidden = w.rows[0]!.id;
  await first.record({ type: 'not_interested', userId: 'viewer', at: NOW, target: { kind: 'video', id: hidden } });
  // a snapshot written by some other version of the engine
  w.snapshots.push({ last_event_id: w.events.length, state: JSON.stringify({ version: 999, lists: 42 }) });

  const second = w.host();
  await second.start();
  assert.ok(w.logs.some((l) => l.msg.startsWith('recommender snapshot unreadable')), 'the bad snapshot is reported');
  const ready = w.logs.filter((l) => l.msg === 'recommender ready').at(-1)!;
  assert.equal(ready.obj.fromSnapshot, null);
  assert.equal(ready.obj.replayed, w.events.length, 'every logged event is replayed');
  const items = await page(second, 'viewer');
  assert.ok(items.length > 0);
  assert.ok(!items.some((item) => item.videoId === hidden), 'what was learned before the snapshot is learned again');
});
