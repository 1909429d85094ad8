// Operator roles: granted and revoked by the `admin` command (there is no default admin), listed to
// admins. What a role may read or change is the access gateway's policy; this only says who holds which.
import type { OperatorGrantListing, OperatorRole } from '@cliptide/contract';
import { DomainError } from '../shared/errors.ts';
import type { OperatorRepository } from './operator.repository.ts';

export interface OperatorDeps {
  operators: OperatorRepository;
  idOf: (username: string) => Promise<string | null>;
}

export function createOperatorService({ operators, idOf }: OperatorDeps) {
  async function accountId(username: string): Promise<string> {
    const id = await idOf(username);
    if (!id) throw new DomainError('not_found', `No account is called @${username}`);
    return id;
  }
  return {
    async grant(username: string, role: OperatorRole, jurisdiction: string) {
      return operators.grant(await accountId(username), role, jurisdiction);
    },
    async revoke(username: string, role: OperatorRole, jurisdiction: string) {
      return operators.revoke(await accountId(username), role, jurisdiction);
    },
    async list(): Promise<OperatorGrantListing[]> {
      return (await operators.list()).map((g) => ({
        username: g.username,
        role: g.role,
        jurisdiction: g.jurisdiction,
        grantedAt: g.granted_at.toISOString(),
      }));
    },
  };
}
export type OperatorService = ReturnType<typeof createOperatorService>;
