// The access gateway (decision 025): the one call through which anyone but its owner reads or changes
// a person's personal data. It checks the policy, records the decision (allowed or denied) in the
// subject's region's transparency log, and only once the record is stored runs `read`.
import type { OperatorGrant } from '@cliptide/contract';
import { DomainError } from '../shared/errors.ts';
import { decide, type Policy } from './policy.ts';
import type { GatewayRecord } from '../transparency/transparency.service.ts';

export interface AccessRequest {
  /** The operator acting, with the grants they hold. */
  actor: { id: string; grants: readonly OperatorGrant[] };
  role: OperatorGrant['role'];
  jurisdiction: string;
  purpose: string;
  /** Whose data: the account and the region whose cell holds it. */
  subject: { id: string; region: string };
  dataClasses: readonly string[];
}

export interface Access<T> {
  value: T;
  /** Where the decision was recorded. */
  record: { region: string; index: number };
}

export interface GatewayDeps {
  policy: Policy;
  /** Appends to the transparency log of `region` (the subject's); resolves once stored. */
  record: (region: string, record: GatewayRecord) => Promise<number>;
  now: () => Date;
}

export function createGateway({ policy, record, now }: GatewayDeps) {
  return {
    policy,
    async access<T>(req: AccessRequest, read: () => Promise<T>): Promise<Access<T>> {
      const holds = req.actor.grants.some((g) => g.role === req.role && g.jurisdiction === req.jurisdiction);
      const verdict = holds
        ? decide(policy, { role: req.role, jurisdiction: req.jurisdiction, purpose: req.purpose, dataClasses: req.dataClasses, subjectRegion: req.subject.region })
        : ({ decision: 'denied', code: 'forbidden', reason: 'no_grant' } as const);
      const index = await record(req.subject.region, {
        time: now(),
        actorId: req.actor.id,
        role: req.role,
        jurisdiction: req.jurisdiction,
        purpose: req.purpose,
        dataClasses: req.dataClasses,
        decision: verdict.decision,
        reason: verdict.reason,
        subjectId: req.subject.id,
      });
      if (verdict.decision === 'denied') {
        const why =
          verdict.code === 'cross_border_denied'
            ? `The access policy does not let ${req.role} in ${req.jurisdiction} read data held in ${req.subject.region}`
            : verdict.code === 'purpose_denied'
              ? `The access policy does not let ${req.role} read ${req.dataClasses.join(', ')} for ${req.purpose}`
              : `You do not hold the role ${req.role} for ${req.jurisdiction}`;
        throw new DomainError(verdict.code, `${why} (this refusal is logged as entry #${index} of ${req.subject.region})`);
      }
      return { value: await read(), record: { region: req.subject.region, index } };
    },

    /**
     * Which of the actor's grants to act under for this request: one the policy allows if any (same
     * jurisdiction first), else the closest one, so that its refusal is what gets logged.
     */
    chooseGrant(grants: readonly OperatorGrant[], purpose: string, dataClasses: readonly string[], subjectRegion: string): OperatorGrant | null {
      const score = (g: OperatorGrant) => {
        const v = decide(policy, { role: g.role, jurisdiction: g.jurisdiction, purpose, dataClasses, subjectRegion });
        return (v.decision === 'allowed' ? 0 : 2) + (g.jurisdiction === subjectRegion ? 0 : 1);
      };
      return [...grants].sort((a, b) => score(a) - score(b))[0] ?? null;
    },
  };
}
export type Gateway = ReturnType<typeof createGateway>;
