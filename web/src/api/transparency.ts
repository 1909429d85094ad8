// The transparency log's public endpoints, the person's own access log, and the operator lookup.
import type { AccessPurpose, AccessRecord, Checkpoint, InclusionProof, OperatorAccount, SigningKey, TransparencyReport } from '@cliptide/contract';
import { get } from './http.ts';

const base = (region: string) => `/transparency/${encodeURIComponent(region)}`;

export const fetchMyAccessLog = (signal?: AbortSignal) => get<{ items: AccessRecord[] }>('/me/access-log', signal);
export const fetchCheckpoint = (region: string, signal?: AbortSignal) => get<Checkpoint>(`${base(region)}/checkpoint`, signal);
export const fetchKeys = (region: string, signal?: AbortSignal) => get<{ region: string; keys: SigningKey[] }>(`${base(region)}/keys`, signal);
export const fetchInclusionProof = (region: string, index: number, size: number, signal?: AbortSignal) =>
  get<InclusionProof>(`${base(region)}/proof/inclusion?index=${index}&size=${size}`, signal);
export const fetchReport = (region: string, signal?: AbortSignal) => get<TransparencyReport>(`${base(region)}/report`, signal);
export const lookupAccount = (username: string, purpose: AccessPurpose) =>
  get<OperatorAccount>(`/operator/accounts/${encodeURIComponent(username)}?purpose=${purpose}`);
