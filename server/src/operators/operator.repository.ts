// SQL for operator grants.
import type { OperatorRole } from '@cliptide/contract';
import type { Queryable } from '../db/database.ts';

export interface GrantRow {
  username: string;
  role: OperatorRole;
  jurisdiction: string;
  granted_at: Date;
}

export function createOperatorRepository(db: Queryable) {
  return {
    /** True when the grant is new. */
    async grant(accountId: string, role: OperatorRole, jurisdiction: string): Promise<boolean> {
      const rows = await db.query(
        `insert into operator_grants (account_id, role, jurisdiction) values ($1, $2, $3) on conflict do nothing returning role`,
        [accountId, role, jurisdiction],
      );
      return rows.length > 0;
    },

    /** True when there was such a grant. */
    async revoke(accountId: string, role: OperatorRole, jurisdiction: string): Promise<boolean> {
      const rows = await db.query(`delete from operator_grants where account_id = $1 and role = $2 and jurisdiction = $3 returning role`, [
        accountId,
        role,
        jurisdiction,
      ]);
      return rows.length > 0;
    },

    list(): Promise<GrantRow[]> {
      return db.query<GrantRow>(
        `select a.username, g.role, g.jurisdiction, g.granted_at from operator_grants g join accounts a on a.id = g.account_id
         order by a.username, g.role, g.jurisdiction`,
      );
    },
  };
}
export type OperatorRepository = ReturnType<typeof createOperatorRepository>;
