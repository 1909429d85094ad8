// Building blocks shared by every module's schemas: ids, cursors, pages, timestamps.
import { z } from 'zod';

export const timestamp = z.iso.datetime({ offset: true });
export const cursorQuery = z.object({ cursor: z.string().max(500).optional() });

export const page = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), nextCursor: z.string().nullable() });
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
