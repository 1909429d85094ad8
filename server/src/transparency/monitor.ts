// An independent witness of a region's access log (`npm run audit -- monitor`): over HTTP only, it
// fetches the signed checkpoint, checks its signature with the keys it pinned the first time it saw
// the log, and checks a consistency proof from the last checkpoint it saw. A smaller tree, a different
// root at the same size, or a failed proof is a fork or a rewritten history: it alarms.
import type { Checkpoint, ConsistencyProof, SigningKey } from '@cliptide/contract';
import { verifyConsistency } from './merkle.ts';
import { parseCheckpointNote, verifyNote } from './signing.ts';

export interface MonitorState {
  baseUrl: string;
  region: string;
  keys: Record<string, string>;
  last: { treeSize: number; rootHash: string; timestamp: string } | null;
}

export type MonitorOutcome = { ok: true; message: string; state: MonitorState } | { ok: false; alarm: string };

async function getJson<T>(url: string): Promise<T> {
  const res = await fetch(url, { headers: { accept: 'application/json' } });
  if (!res.ok) throw new Error(`GET ${url} answered ${res.status}`);
  return (await res.json()) as T;
}

const b = (s: string) => Buffer.from(s, 'base64');

export async function monitorOnce(baseUrl: string, region: string, previous: MonitorState | null): Promise<MonitorOutcome> {
  const api = `${baseUrl.replace(/\/$/, '')}/api/v1/transparency/${encodeURIComponent(region)}`;
  const keys = { ...(previous?.keys ?? {}) };
  const published = await getJson<{ keys: SigningKey[] }>(`${api}/keys`);
  if (Object.keys(keys).length === 0) for (const k of published.keys) keys[k.keyId] = k.publicKey;
  for (const k of published.keys) {
    if (keys[k.keyId] !== undefined && keys[k.keyId] !== k.publicKey) return { ok: false, alarm: `ALARM: key ${k.keyId} of ${region} is published with different bytes than first seen` };
  }
  const cp = await getJson<Checkpoint>(`${api}/checkpoint`);
  const key = keys[cp.keyId];
  if (!key) return { ok: false, alarm: `ALARM: the checkpoint of ${region} is signed by key ${cp.keyId}, which this witness has not pinned` };
  if (!verifyNote(cp.note, cp.signature, key)) return { ok: false, alarm: `ALARM: the checkpoint of ${region} (size ${cp.treeSize}) has a bad signature` };
  const body = parseCheckpointNote(cp.note);
  if (!body || body.treeSize !== cp.treeSize || body.rootHash !== cp.rootHash) return { ok: false, alarm: `ALARM: the checkpoint of ${region} does not match its signed note` };

  const last = previous?.last ?? null;
  if (last) {
    if (cp.treeSize < last.treeSize) return { ok: false, alarm: `ALARM: the log of ${region} shrank from ${last.treeSize} to ${cp.treeSize} entries (history rewritten)` };
    if (cp.treeSize === last.treeSize && cp.rootHash !== last.rootHash) {
      return { ok: false, alarm: `ALARM: fork: two different roots signed for size ${cp.treeSize} of ${region}` };
    }
    if (cp.treeSize > last.treeSize && last.treeSize > 0) {
      const proof = await getJson<ConsistencyProof>(`${api}/proof/consistency?from=${last.treeSize}&to=${cp.treeSize}`);
      if (!verifyConsistency(last.treeSize, cp.treeSize, proof.proof.map(b), b(last.rootHash), b(cp.rootHash))) {
        return { ok: false, alarm: `ALARM: the log of ${region} at size ${cp.treeSize} is not an extension of the one seen at size ${last.treeSize} (fork or rewritten history)` };
      }
    }
  }
  const message = last
    ? `ok: ${region} grew from ${last.treeSize} to ${cp.treeSize} entries, consistent; root ${cp.rootHash}`
    : `ok: ${region} first seen at ${cp.treeSize} entries; root ${cp.rootHash}; pinned key(s) ${Object.keys(keys).join(', ')}`;
  return { ok: true, message, state: { baseUrl, region, keys, last: { treeSize: cp.treeSize, rootHash: cp.rootHash, timestamp: cp.timestamp } } };
}
