// The access gateway and the transparency log (decision 025): operator reads of personal data, each
// region's RFC 9162 log of every gateway decision, its signed checkpoints, proofs and keys, the
// public report, people's own access log, and the algorithm's fingerprint.
import { z } from 'zod';
import { timestamp } from './common.ts';
import { jurisdiction, operatorRole } from './operators.ts';
import { MAX_TRANSPARENCY_ENTRIES } from './limits.ts';

export const ACCESS_PURPOSES = ['support', 'moderation', 'security', 'legal', 'audit'] as const;
export const accessPurpose = z.enum(ACCESS_PURPOSES).meta({ id: 'AccessPurpose' });
export const DATA_CLASSES = ['profile', 'contact', 'birthdate', 'account', 'activity', 'content', 'credentials'] as const;
export const dataClass = z.enum(DATA_CLASSES).meta({ id: 'DataClass' });

const b64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64');
const index = z.coerce.number().int().min(0);

export const regionParams = z.object({ region: jurisdiction });

export const operatorAccountQuery = z.object({ purpose: accessPurpose });
export const operatorAccountParams = z.object({ username: z.string().min(1).max(64) });
export const operatorAccount = z
  .object({
    username: z.string(),
    displayName: z.string(),
    bio: z.string(),
    email: z.string(),
    birthdate: z.string(),
    region: z.string(),
    createdAt: timestamp,
    counts: z.object({ videos: z.number().int(), followers: z.number().int(), following: z.number().int(), likes: z.number().int() }),
    access: z.object({ region: z.string(), index: z.number().int().meta({ description: 'the leaf that recorded this read in the region’s transparency log' }) }),
  })
  .meta({ id: 'OperatorAccount' });

export const checkpoint = z
  .object({
    region: z.string(),
    origin: z.string(),
    treeSize: z.number().int(),
    rootHash: b64,
    timestamp,
    keyId: z.string(),
    note: z.string().meta({ description: 'the signed text: origin, tree size, root hash (base64) and timestamp, each on a line' }),
    signature: b64.meta({ description: 'Ed25519 over the UTF-8 bytes of note' }),
  })
  .meta({ id: 'Checkpoint' });

export const inclusionQuery = z.object({ index, size: index });
export const inclusionProofResponse = z.object({ index: z.number().int(), treeSize: z.number().int(), leafHash: b64, proof: z.array(b64) }).meta({ id: 'InclusionProof' });
export const consistencyQuery = z.object({ from: z.coerce.number().int().min(1), to: z.coerce.number().int().min(1) });
export const consistencyProofResponse = z.object({ from: z.number().int(), to: z.number().int(), proof: z.array(b64) }).meta({ id: 'ConsistencyProof' });
export const entriesQuery = z.object({ start: index, end: index.optional() });
export const logEntry = z
  .object({ index: z.number().int(), entry: z.string().meta({ description: 'the leaf: canonical JSON of the gateway record' }), leafHash: b64 })
  .meta({ id: 'LogEntry' });
export const entriesResponse = z.object({ start: z.number().int(), end: z.number().int(), items: z.array(logEntry).max(MAX_TRANSPARENCY_ENTRIES) });

export const signingKey = z.object({ keyId: z.string(), algorithm: z.literal('Ed25519'), publicKey: b64.meta({ description: 'the raw 32-byte key' }), createdAt: timestamp });
export const keysResponse = z.object({ region: z.string(), keys: z.array(signingKey) }).meta({ id: 'TransparencyKeys' });

const counts = z.record(z.string(), z.number().int());
export const transparencyMonth = z.object({
  month: z.string().regex(/^\d{4}-\d{2}$/),
  total: z.number().int(),
  denied: z.number().int(),
  byRole: counts,
  byPurpose: counts,
  byJurisdiction: counts,
});
export const transparencyReport = z
  .object({ region: z.string(), months: z.array(transparencyMonth), checkpoint: checkpoint.nullable(), keys: z.array(signingKey) })
  .meta({ id: 'TransparencyReport' });

export const accessRecord = z
  .object({
    region: z.string(),
    index: z.number().int(),
    entry: z.string(),
    time: timestamp,
    role: operatorRole,
    jurisdiction: z.string(),
    purpose: z.string(),
    dataClasses: z.array(z.string()),
    decision: z.enum(['allowed', 'denied']),
    reason: z.string().nullable(),
  })
  .meta({ id: 'AccessRecord' });
export const myAccessLog = z.object({ items: z.array(accessRecord) });

export const algorithmResponse = z
  .object({
    commit: z.string(),
    recommender: z.object({ sha256: z.string(), files: z.number().int(), scope: z.string() }),
    model: z.record(z.string(), z.unknown()).meta({ description: "the ranker's non-personal parameters: tasks with score weights and priors, learning rates, item parts" }),
  })
  .meta({ id: 'AlgorithmFingerprint' });

export type AccessPurpose = z.output<typeof accessPurpose>;
export type DataClass = z.output<typeof dataClass>;
export type OperatorAccount = z.output<typeof operatorAccount>;
export type Checkpoint = z.output<typeof checkpoint>;
export type InclusionProof = z.output<typeof inclusionProofResponse>;
export type ConsistencyProof = z.output<typeof consistencyProofResponse>;
export type LogEntry = z.output<typeof logEntry>;
export type SigningKey = z.output<typeof signingKey>;
export type TransparencyReport = z.output<typeof transparencyReport>;
export type TransparencyMonth = z.output<typeof transparencyMonth>;
export type AccessRecord = z.output<typeof accessRecord>;
export type AlgorithmFingerprint = z.output<typeof algorithmResponse>;
