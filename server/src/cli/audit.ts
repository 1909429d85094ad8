// `npm run audit -- <command>`: checks a region's transparency log (decision 025).
//   verify --region <r>                    recompute the tree from the stored entries and check every
//                                          stored checkpoint; exits 1 naming the first bad entry.
//                                          Reads the server's configuration; on the embedded database
//                                          the server must be stopped (PGlite has one writer).
//   monitor <base-url> --region <r> [--state <file>]
//                                          an independent witness over HTTP: verifies the signed
//                                          checkpoint and its consistency with the last one seen
//                                          (kept in the state file); exits 1 with ALARM on a fork.
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config/config.ts';
import { createPlatform } from '../platform.ts';
import { DatabaseInUseError, DomainError } from '../shared/errors.ts';
import { monitorOnce, type MonitorState } from '../transparency/monitor.ts';
import { readStateFile, writeStateFile } from '../storage/state-file.ts';

const USAGE = `usage: npm run audit -- verify [--region <region>]
       npm run audit -- monitor <base-url> [--region <region>] [--state <file>]`;

class UsageError extends Error {}
class AuditFailed extends Error {}

async function run(argv: string[]): Promise<string> {
  const { positionals, values } = parseArgs({ args: argv, allowPositionals: true, options: { region: { type: 'string' }, state: { type: 'string' } } });
  const [command, target] = positionals;
  if (command === 'verify') {
    if (positionals.length > 1) throw new UsageError(USAGE);
    const config = loadConfig();
    const region = values.region ?? config.region;
    const platform = await createPlatform(config, { runWorker: false, recommender: false });
    try {
      const report = await platform.services.transparency.of(region).verify();
      if (report.problems.length > 0) throw new AuditFailed(`FAILED: the access log of ${region} does not verify:\n  ${report.problems.join('\n  ')}`);
      return `ok: the access log of ${region} verifies: ${report.entries} entries, ${report.checkpoints} signed checkpoints, every signature and root checked`;
    } finally {
      await platform.close();
    }
  }
  if (command === 'monitor') {
    if (!target || positionals.length > 2 || !/^https?:\/\//.test(target)) throw new UsageError(USAGE);
    const region = values.region ?? 'default';
    const statePath = values.state ?? `./.cliptide-witness/${new URL(target).host.replace(/[^a-z0-9.-]/gi, '_')}-${region}.json`;
    const saved = readStateFile(statePath);
    const previous = saved ? (JSON.parse(saved) as MonitorState) : null;
    const outcome = await monitorOnce(target, region, previous);
    if (!outcome.ok) throw new AuditFailed(outcome.alarm);
    writeStateFile(statePath, `${JSON.stringify(outcome.state, null, 2)}\n`);
    return outcome.message;
  }
  throw new UsageError(USAGE);
}

run(process.argv.slice(2)).then(
  (message) => console.log(message),
  (error: unknown) => {
    const known = error instanceof UsageError || error instanceof ConfigError || error instanceof DatabaseInUseError || error instanceof DomainError || error instanceof AuditFailed;
    console.error(known ? (error as Error).message : error);
    process.exitCode = error instanceof UsageError ? 2 : 1;
  },
);
