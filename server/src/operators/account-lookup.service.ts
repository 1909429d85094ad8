// An operator looks up an account (support, moderation, audit): the personal data is read only
// through the access gateway, which logs the decision first (decision 025).
import type { AccessPurpose, OperatorAccount } from '@cliptide/contract';
import { DomainError } from '../shared/errors.ts';
import type { Gateway } from '../gateway/gateway.ts';
import type { OperatorGrant } from '@cliptide/contract';
import type { AccountRow } from '../accounts/account.views.ts';

/** What the lookup page shows, by the policy's data classes. */
export const ACCOUNT_LOOKUP_CLASSES = ['profile', 'contact', 'birthdate', 'account', 'activity'] as const;

export interface AccountLookupDeps {
  gateway: Gateway;
  subjectOf: (username: string) => Promise<{ id: string; region: string } | null>;
  personalRecord: (id: string) => Promise<AccountRow | null>;
}

export function createAccountLookup({ gateway, subjectOf, personalRecord }: AccountLookupDeps) {
  return {
    async lookup(operator: { id: string; grants: readonly OperatorGrant[] }, username: string, purpose: AccessPurpose): Promise<OperatorAccount> {
      const subject = await subjectOf(username.replace(/^@/, ''));
      if (!subject) throw new DomainError('not_found', `No account is called @${username}`);
      const grant = gateway.chooseGrant(operator.grants, purpose, ACCOUNT_LOOKUP_CLASSES, subject.region);
      if (!grant) throw new DomainError('forbidden', 'Only operators may look up accounts');
      const { value: row, record } = await gateway.access(
        { actor: operator, role: grant.role, jurisdiction: grant.jurisdiction, purpose, subject, dataClasses: ACCOUNT_LOOKUP_CLASSES },
        () => personalRecord(subject.id),
      );
      if (!row) throw new DomainError('not_found', `No account is called @${username}`);
      return {
        username: row.username,
        displayName: row.display_name,
        bio: row.bio,
        email: row.email,
        birthdate: typeof row.birthdate === 'string' ? row.birthdate : row.birthdate.toISOString().slice(0, 10),
        region: row.home_region,
        createdAt: row.created_at.toISOString(),
        counts: { videos: row.video_count, followers: row.follower_count, following: row.following_count, likes: row.like_count },
        access: record,
      };
    },
  };
}
export type AccountLookup = ReturnType<typeof createAccountLookup>;
