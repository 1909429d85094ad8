import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Notification } from '@cliptide/contract';
import { dayLabel, groupInbox, whatHappened, whoDidIt } from './group.ts';

const now = new Date(2026, 11, 2, 15, 0);
let seq = 100;
const person = (name: string) => ({ id: `00000000-0000-4000-8000-${name.padStart(12, '0')}`, username: name, displayName: name, avatarUrl: null });
function n(kind: Notification['kind'], actor: string, at: Date, video: string | null = 'v1', read = false): Notification {
  return {
    id: String(seq--),
    kind,
    actor: person(actor),
    video: video ? { id: video, caption: '', poster: null } : null,
    comment: kind === 'comment' ? { id: 'c', body: 'nice' } : null,
    createdAt: at.toISOString(),
    read,
  };
}
const today = (h: number) => new Date(2026, 11, 2, h);
const yesterday = (h: number) => new Date(2026, 11, 1, h);

describe('the inbox', () => {
  it('names days as people do', () => {
    assert.equal(dayLabel(today(1).toISOString(), now), 'Today');
    assert.equal(dayLabel(yesterday(23).toISOString(), now), 'Yesterday');
    assert.match(dayLabel(new Date(2026, 10, 20).toISOString(), now), /20/);
    assert.match(dayLabel(new Date(2025, 10, 20).toISOString(), now), /2025/);
  });

  it('groups by day and tells a video’s likes of one day as one entry', () => {
    const items = [
      n('like', 'maya', today(14)),
      n('comment', 'leo', today(13)),
      n('like', 'sam', today(12)),
      n('like', 'ivy', today(11), 'v2'),
      n('like', 'nora', today(10)),
      n('like', 'maya', yesterday(9)),
    ];
    const days = groupInbox(items, now);
    assert.deepEqual(days.map((d) => d.label), ['Today', 'Yesterday']);
    const [likes, comment, otherVideo] = days[0]!.entries;
    assert.deepEqual(likes!.actors.map((a) => a.username), ['maya', 'sam', 'nora']);
    assert.equal(likes!.count, 3);
    assert.equal(comment!.kind, 'comment');
    assert.equal(otherVideo!.video?.id, 'v2');
    assert.equal(days[1]!.entries.length, 1, 'yesterday’s like of the same video is its own entry');
  });

  it('says who and what: one, two, or one and N others', () => {
    const many = groupInbox(['a', 'b', 'c', 'd', 'e'].map((who) => n('like', who, today(9))), now)[0]!.entries[0]!;
    assert.deepEqual(whoDidIt(many), { named: [person('a')], others: 4 });
    const two = groupInbox(['a', 'b'].map((who) => n('like', who, today(9))), now)[0]!.entries[0]!;
    assert.deepEqual(whoDidIt(two).named.map((p) => p.username), ['a', 'b']);
    assert.equal(whatHappened(many), 'liked your video');
    assert.equal(whatHappened(groupInbox([n('mention', 'a', today(9))], now)[0]!.entries[0]!), 'mentioned you in a video');
  });

  it('an entry is read only when all it holds is read', () => {
    const entry = groupInbox([n('like', 'a', today(9), 'v1', true), n('like', 'b', today(8), 'v1', false)], now)[0]!.entries[0]!;
    assert.equal(entry.read, false);
  });
});
