// The inbox's shape: notifications grouped by day, and the likes of one video on one day told
// as one line ("maya and 12 others liked your video").
import type { Notification } from '@cliptide/contract';

export interface InboxEntry {
  key: string;
  kind: Notification['kind'];
  /** Who did it, newest first (likes may be many). */
  actors: Notification['actor'][];
  /** How many people in all (actors lists at most a few). */
  count: number;
  video: Notification['video'];
  comment: Notification['comment'];
  /** moderation_decision: what was decided, under which rule. */
  decision?: Notification['decision'];
  createdAt: string;
  read: boolean;
}

export interface InboxDay {
  label: string;
  entries: InboxEntry[];
}

const MAX_ACTORS = 3;

/** A day's label as a person says it: Today, Yesterday, or the date. */
export function dayLabel(iso: string, now: Date): string {
  const day = new Date(iso);
  const start = (d: Date) => new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
  const days = Math.round((start(now) - start(day)) / 86_400_000);
  if (days === 0) return 'Today';
  if (days === 1) return 'Yesterday';
  return day.toLocaleDateString(undefined, { day: 'numeric', month: 'long', ...(day.getFullYear() !== now.getFullYear() ? { year: 'numeric' } : {}) });
}

/** Groups newest-first notifications into days; likes of the same video on a day become one entry. */
export function groupInbox(items: Notification[], now: Date): InboxDay[] {
  const days: InboxDay[] = [];
  for (const n of items) {
    const label = dayLabel(n.createdAt, now);
    let day = days[days.length - 1];
    if (!day || day.label !== label) days.push((day = { label, entries: [] }));
    const same = n.kind === 'like' && n.video ? day.entries.find((e) => e.kind === 'like' && e.video?.id === n.video?.id) : undefined;
    if (same) {
      if (!same.actors.some((a) => a.id === n.actor.id)) {
        same.count++;
        if (same.actors.length < MAX_ACTORS) same.actors.push(n.actor);
      }
      same.read &&= n.read;
      continue;
    }
    day.entries.push({ key: n.id, kind: n.kind, actors: [n.actor], count: 1, video: n.video, comment: n.comment, decision: n.decision ?? null, createdAt: n.createdAt, read: n.read });
  }
  return days;
}

/** What happened, in words (without the actors' names, which the page renders as links). */
export function whatHappened(entry: InboxEntry): string {
  switch (entry.kind) {
    case 'like':
      return 'liked your video';
    case 'comment':
      return 'commented on your video';
    case 'reply':
      return 'replied to your comment';
    case 'mention':
      return entry.comment ? 'mentioned you in a comment' : 'mentioned you in a video';
    case 'follow':
      return 'started following you';
    case 'follow_request':
      return 'asked to follow you';
    case 'moderation_decision':
      return 'A moderator made a decision about your content';
  }
}

/** "maya", "maya and leo", "maya and 12 others". */
export function whoDidIt(entry: InboxEntry): { named: InboxEntry['actors']; others: number } {
  if (entry.count <= 2) return { named: entry.actors.slice(0, entry.count), others: 0 };
  return { named: entry.actors.slice(0, 1), others: entry.count - 1 };
}
