// `npm run admin -- <command>`: operator roles, made and withdrawn from the command line (there is no
// default admin; the first one is made here). Reads the same configuration as the server. On the
// embedded database it works while the server is stopped (PGlite has one writer) and says so if not.
//   grant  <username> <role> [--jurisdiction <region>]   role: admin, moderator, support, auditor
//   revoke <username> <role> [--jurisdiction <region>]
//   list
//   trust|untrust <username>   a trusted flagger: one report of theirs holds a video from For You (decision 023)
import { parseArgs } from 'node:util';
import { OPERATOR_ROLES, jurisdiction as jurisdictionSchema, operatorRole } from '@cliptide/contract';
import { ConfigError, loadConfig } from '../config/config.ts';
import { createPlatform } from '../platform.ts';
import { DatabaseInUseError, DomainError } from '../shared/errors.ts';

const USAGE = `usage: npm run admin -- grant|revoke <username> <role> [--jurisdiction <region>]
       npm run admin -- list
       npm run admin -- trust|untrust <username>
roles: ${OPERATOR_ROLES.join(', ')}; the jurisdiction defaults to this deployment's region`;

class UsageError extends Error {}

async function run(argv: string[]): Promise<string> {
  const { positionals, values } = parseArgs({ args: argv, allowPositionals: true, options: { jurisdiction: { type: 'string' } } });
  const [command, username, role] = positionals;
  if (command !== 'list' && command !== 'grant' && command !== 'revoke' && command !== 'trust' && command !== 'untrust') throw new UsageError(USAGE);
  if ((command === 'trust' || command === 'untrust') && (!username || positionals.length > 2)) throw new UsageError(USAGE);
  const config = loadConfig();
  const platform = await createPlatform(config, { runWorker: false, recommender: false });
  try {
    const operators = platform.services.operators;
    if (command === 'list') {
      const grants = await operators.list();
      if (grants.length === 0) return 'no operator roles are granted';
      return grants.map((g) => `@${g.username}\t${g.role}\t${g.jurisdiction}\tsince ${g.grantedAt}`).join('\n');
    }
    if (command === 'trust' || command === 'untrust') {
      const name = username!.replace(/^@/, '');
      const id = await platform.services.accounts.idOf(name);
      if (!id) throw new DomainError('not_found', `No account is called @${name}`);
      await platform.services.moderation.setTrustedFlagger(id, command === 'trust');
      return command === 'trust' ? `@${name} is now a trusted flagger` : `@${name} is no longer a trusted flagger`;
    }
    if (!username || !role || positionals.length > 3) throw new UsageError(USAGE);
    const parsedRole = operatorRole.safeParse(role);
    if (!parsedRole.success) throw new UsageError(`unknown role "${role}": use one of ${OPERATOR_ROLES.join(', ')}`);
    const region = jurisdictionSchema.safeParse(values.jurisdiction ?? config.region);
    if (!region.success) throw new UsageError(`"${values.jurisdiction}" is not a region name`);
    const name = username.replace(/^@/, '');
    if (command === 'grant') {
      const added = await operators.grant(name, parsedRole.data, region.data);
      return added ? `@${name} is now ${parsedRole.data} for ${region.data}` : `@${name} was already ${parsedRole.data} for ${region.data}`;
    }
    const removed = await operators.revoke(name, parsedRole.data, region.data);
    return removed ? `@${name} is no longer ${parsedRole.data} for ${region.data}` : `@${name} was not ${parsedRole.data} for ${region.data}`;
  } finally {
    await platform.close();
  }
}

run(process.argv.slice(2)).then(
  (message) => console.log(message),
  (error: unknown) => {
    const known = error instanceof UsageError || error instanceof ConfigError || error instanceof DatabaseInUseError || error instanceof DomainError;
    console.error(known ? (error as Error).message : error);
    process.exitCode = error instanceof UsageError ? 2 : 1;
  },
);
