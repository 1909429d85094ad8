// Opaque cursors for keyset pagination: base64url JSON of the last item's sort key.
import { z } from 'zod';
import { DomainError } from './errors.ts';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

const keySchema = z.tuple([z.string(), z.string()]);
export type CursorKey = z.infer<typeof keySchema>;

export const encodeCursor = (key: CursorKey): string => Buffer.from(JSON.stringify(key)).toString('base64url');

export function decodeCursor(cursor: string | undefined): CursorKey | null {
  if (!cursor) return null;
  try {
    return keySchema.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
  } catch {
    throw new DomainError('validation_failed', 'The cursor is not valid', [{ path: 'query.cursor', message: 'not a cursor from this API' }]);
  }
}

/** Rows fetched with limit + 1: the page and, when there is more, the cursor after its last item. */
export function pageOf<Row, T>(rows: Row[], limit: number, key: (row: Row) => CursorKey, map: (row: Row) => T): Page<T> {
  const more = rows.length > limit;
  const pageRows = more ? rows.slice(0, limit) : rows;
  const last = pageRows[pageRows.length - 1];
  return { items: pageRows.map(map), nextCursor: more && last ? encodeCursor(key(last)) : null };
}
