// The algorithm's fingerprint (decision 025): the running build's commit, a SHA-256 of the
// recommender's source and the model's non-personal parameters. Anyone can recompute the hash from
// the public code:  cd recommender/src && find . -type f | LC_ALL=C sort | xargs sha256sum | sha256sum
import { createHash } from 'node:crypto';
import type { AlgorithmFingerprint } from '@cliptide/contract';
import { MODEL } from '@cliptide/recommender';

export function sourceHash(files: readonly { path: string; bytes: Buffer }[]): string {
  const manifest = files.map((f) => `${createHash('sha256').update(f.bytes).digest('hex')}  ${f.path}\n`).join('');
  return createHash('sha256').update(manifest).digest('hex');
}

/** MODEL without its functions (how keys are extracted is code, hashed above). */
export function modelParameters(): Record<string, unknown> {
  return {
    tasks: MODEL.tasks,
    rates: MODEL.rates,
    matchScale: MODEL.matchScale,
    itemParts: MODEL.itemParts.map(({ keys: _keys, ...part }) => part),
    evidence: MODEL.evidence,
  };
}

export function algorithmFingerprint(commit: string | null, files: readonly { path: string; bytes: Buffer }[]): AlgorithmFingerprint {
  return {
    commit: commit ?? 'unknown',
    recommender: { sha256: sourceHash(files), files: files.length, scope: 'recommender/src: sha256 of `find . -type f | LC_ALL=C sort | xargs sha256sum`' },
    model: modelParameters(),
  };
}
