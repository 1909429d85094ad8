// Public transparency endpoints (decision 025): each region's signed checkpoint, proofs, entries and
// keys (anyone may audit), the monthly report, the algorithm's fingerprint, and a person's own
// access log (who read their data, with each entry's leaf index for its proof).
import {
  algorithmResponse,
  checkpoint,
  consistencyProofResponse,
  consistencyQuery,
  entriesQuery,
  entriesResponse,
  inclusionProofResponse,
  inclusionQuery,
  keysResponse,
  myAccessLog,
  regionParams,
  transparencyReport,
  type AlgorithmFingerprint,
} from '@cliptide/contract';
import type { Router } from '../http/route.ts';
import type { Transparency } from './transparency.service.ts';

export function transparencyRoutes(route: Router, transparency: Transparency, algorithm: AlgorithmFingerprint) {
  const base = '/api/v1/transparency/:region';
  const tag = 'transparency';
  route({
    method: 'GET',
    url: '/api/v1/transparency/algorithm',
    summary: "The running build's commit, a hash of the recommender's source and the model's non-personal parameters",
    tag,
    auth: 'none',
    response: algorithmResponse,
    handler: async () => algorithm,
  });
  route({
    method: 'GET',
    url: `${base}/checkpoint`,
    summary: "The region's latest signed checkpoint of its access log (a fresh one when the log has grown)",
    tag,
    auth: 'none',
    params: regionParams,
    response: checkpoint,
    errors: ['not_found'],
    handler: async ({ params }) => transparency.of(params.region).checkpoint(),
  });
  route({
    method: 'GET',
    url: `${base}/proof/inclusion`,
    summary: 'RFC 9162 inclusion proof of the leaf at index in the tree of size',
    tag,
    auth: 'none',
    params: regionParams,
    query: inclusionQuery,
    response: inclusionProofResponse,
    errors: ['not_found'],
    handler: async ({ params, query }) => transparency.of(params.region).inclusion(query.index, query.size),
  });
  route({
    method: 'GET',
    url: `${base}/proof/consistency`,
    summary: 'RFC 9162 consistency proof between the trees of size from and to',
    tag,
    auth: 'none',
    params: regionParams,
    query: consistencyQuery,
    response: consistencyProofResponse,
    errors: ['not_found'],
    handler: async ({ params, query }) => transparency.of(params.region).consistency(query.from, query.to),
  });
  route({
    method: 'GET',
    url: `${base}/entries`,
    summary: 'Leaves [start, end) of the access log (a bounded page)',
    tag,
    auth: 'none',
    params: regionParams,
    query: entriesQuery,
    response: entriesResponse,
    errors: ['not_found'],
    handler: async ({ params, query }) => transparency.of(params.region).entries(query.start, query.end),
  });
  route({
    method: 'GET',
    url: `${base}/keys`,
    summary: "The region's published Ed25519 checkpoint keys",
    tag,
    auth: 'none',
    params: regionParams,
    response: keysResponse,
    errors: ['not_found'],
    handler: async ({ params }) => ({ region: params.region, keys: await transparency.of(params.region).keys() }),
  });
  route({
    method: 'GET',
    url: `${base}/report`,
    summary: 'Accesses per month by role, purpose and jurisdiction, denials, the latest checkpoint and the keys',
    tag,
    auth: 'none',
    params: regionParams,
    response: transparencyReport,
    errors: ['not_found'],
    handler: async ({ params }) => transparency.of(params.region).report(),
  });
  route({
    method: 'GET',
    url: '/api/v1/me/access-log',
    summary: 'Every gateway decision about my personal data (who, from where, why, when), with its leaf index',
    tag,
    auth: 'required',
    response: myAccessLog,
    handler: async ({ viewer }) => ({ items: transparency.regions.includes(viewer.homeRegion) ? await transparency.of(viewer.homeRegion).about(viewer.id) : [] }),
  });
}
