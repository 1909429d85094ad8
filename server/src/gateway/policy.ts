// The gateway's policy as data (policy.json, validated at start) and the one function that applies
// it. Deny by default: a request is allowed only when a rule grants its role the purpose and every
// data class asked for, and the operator's jurisdiction is the subject's region (or a crossBorder
// rule allows that pair).
import { z } from 'zod';
import { ACCESS_PURPOSES, DATA_CLASSES, OPERATOR_ROLES, jurisdiction, type OperatorGrant } from '@cliptide/contract';
import policyFile from './policy.json' with { type: 'json' };

const role = z.enum(OPERATOR_ROLES);
const purpose = z.enum(ACCESS_PURPOSES);
const dataClass = z.enum(DATA_CLASSES);

export const policySchema = z
  .object({
    $comment: z.string().optional(),
    version: z.literal(1),
    purposes: z.record(purpose, z.string()),
    dataClasses: z.record(dataClass, z.string()),
    rules: z.array(z.object({ role, purposes: z.array(purpose).min(1), dataClasses: z.array(dataClass).min(1) }).strict()),
    crossBorder: z.array(
      z
        .object({ role, from: jurisdiction, to: jurisdiction, purposes: z.array(purpose).min(1), dataClasses: z.array(dataClass).min(1), why: z.string().min(1) })
        .strict(),
    ),
  })
  .strict();
export type Policy = z.output<typeof policySchema>;

export class PolicyError extends Error {}

export function parsePolicy(value: unknown): Policy {
  const parsed = policySchema.safeParse(value);
  if (!parsed.success) {
    throw new PolicyError(`The gateway policy is not valid:\n${parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n')}`);
  }
  return parsed.data;
}

/** The repository's policy file, validated (a bad file stops start-up). */
export const loadPolicy = (): Policy => parsePolicy(policyFile);

export interface AccessQuestion {
  role: OperatorGrant['role'];
  jurisdiction: string;
  purpose: string;
  dataClasses: readonly string[];
  /** The region whose cell holds the subject's personal data. */
  subjectRegion: string;
}

export type Verdict =
  | { decision: 'allowed'; reason: null }
  | { decision: 'denied'; code: 'purpose_denied' | 'cross_border_denied'; reason: string };

export function decide(policy: Policy, q: AccessQuestion): Verdict {
  const covers = (r: { purposes: readonly string[]; dataClasses: readonly string[] }) =>
    r.purposes.includes(q.purpose) && q.dataClasses.every((c) => r.dataClasses.includes(c));
  const rules: { purposes: readonly string[]; dataClasses: readonly string[] }[] = policy.rules.filter((r) => r.role === q.role);
  if (!rules.some((r) => r.purposes.includes(q.purpose))) return { decision: 'denied', code: 'purpose_denied', reason: `purpose:${q.purpose}` };
  if (!rules.some(covers)) {
    const allowed = new Set(rules.filter((r) => r.purposes.includes(q.purpose)).flatMap((r) => r.dataClasses));
    return { decision: 'denied', code: 'purpose_denied', reason: `data:${q.dataClasses.filter((c) => !allowed.has(c)).join(',')}` };
  }
  if (q.jurisdiction !== q.subjectRegion) {
    const bridge = policy.crossBorder.some((r) => r.role === q.role && r.from === q.jurisdiction && r.to === q.subjectRegion && covers(r as { purposes: readonly string[]; dataClasses: readonly string[] }));
    if (!bridge) return { decision: 'denied', code: 'cross_border_denied', reason: `cross_border:${q.jurisdiction}->${q.subjectRegion}` };
  }
  return { decision: 'allowed', reason: null };
}
