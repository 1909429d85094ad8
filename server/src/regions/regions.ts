// Regions: every account has a home region; its personal data is read and written through that
// region's handle (its database and its storage). One region, `default`, unless configured.
import type { Database } from '../db/database.ts';
import type { BlobStore } from '../storage/blob-store.ts';
import { DomainError } from '../shared/errors.ts';

export interface RegionHandle {
  name: string;
  db: Database;
  storage: BlobStore;
}

export interface Regions {
  /** The region this deployment serves. */
  readonly home: RegionHandle;
  readonly names: readonly string[];
  /** The handle for an account's home region. */
  of(name: string): RegionHandle;
}

export function createRegions(handles: RegionHandle[]): Regions {
  const byName = new Map(handles.map((h) => [h.name, h]));
  const home = handles[0];
  if (!home) throw new Error('at least one region is required');
  return {
    home,
    names: handles.map((h) => h.name),
    of(name) {
      const handle = byName.get(name);
      if (!handle) throw new DomainError('forbidden', `Region "${name}" is not served here`);
      return handle;
    },
  };
}
