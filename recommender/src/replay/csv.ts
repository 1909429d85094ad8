/**
 * Interaction logs for offline replay. CSV with a header; columns (any order):
 *   user_id, item_id, timestamp           required
 *   label (0/1) or watch_ratio (number)   one of them; watch_ratio ≥ threshold counts as positive
 *   creator_id, tags (space separated)    optional content features
 *   duration_ms                           optional
 * Timestamps: epoch seconds, epoch milliseconds, or ISO 8601.
 */
export interface LogRow {
  userId: string;
  itemId: string;
  at: number;
  positive: boolean;
  /** watched fraction when known (watch_ratio), else 1 for positives and 0.1 for negatives */
  watchRatio: number;
  creatorId: string | null;
  tags: string[];
  durationMs: number | null;
}

export const DEFAULT_POSITIVE_THRESHOLD = 0.8;

export class LogFormatError extends Error {}

export function parseCsvLine(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i] as string;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

export function parseTimestamp(text: string): number {
  const n = Number(text);
  if (text.trim() !== '' && Number.isFinite(n)) return n < 1e11 ? n * 1000 : n;
  const parsed = Date.parse(text);
  if (Number.isNaN(parsed)) throw new LogFormatError(`bad timestamp "${text}"`);
  return parsed;
}

/** Parses the log and sorts it by time (stable, so equal timestamps keep file order). */
export function parseLog(text: string, positiveThreshold = DEFAULT_POSITIVE_THRESHOLD): LogRow[] {
  const lines = text.split(/\r?\n/).filter((l) => l.trim().length > 0);
  const header = parseCsvLine(lines[0] ?? '').map((h) => h.trim().toLowerCase());
  const col = (name: string): number => header.indexOf(name);
  const [u, i, t, l, w, c, g, d] = ['user_id', 'item_id', 'timestamp', 'label', 'watch_ratio', 'creator_id', 'tags', 'duration_ms'].map(col) as number[];
  if ((u as number) < 0 || (i as number) < 0 || (t as number) < 0) throw new LogFormatError('header needs user_id, item_id and timestamp');
  if ((l as number) < 0 && (w as number) < 0) throw new LogFormatError('header needs label or watch_ratio');
  const rows: LogRow[] = [];
  for (let n = 1; n < lines.length; n++) {
    const f = parseCsvLine(lines[n] as string);
    const get = (k: number | undefined): string => (k !== undefined && k >= 0 ? (f[k] ?? '').trim() : '');
    const ratioText = get(w);
    const ratio = ratioText === '' ? null : Number(ratioText);
    if (ratio !== null && !Number.isFinite(ratio)) throw new LogFormatError(`line ${n + 1}: bad watch_ratio "${ratioText}"`);
    const positive = get(l) !== '' ? get(l) === '1' || get(l).toLowerCase() === 'true' : (ratio ?? 0) >= positiveThreshold;
    const duration = Number(get(d));
    rows.push({
      userId: get(u),
      itemId: get(i),
      at: parseTimestamp(get(t)),
      positive,
      watchRatio: ratio ?? (positive ? 1 : 0.1),
      creatorId: get(c) || null,
      tags: get(g).split(/\s+/).filter((x) => x.length > 0),
      durationMs: get(d) !== '' && Number.isFinite(duration) && duration > 0 ? duration : null,
    });
  }
  return rows.map((r, k) => ({ r, k })).sort((a, b) => a.r.at - b.r.at || a.k - b.k).map((x) => x.r);
}
