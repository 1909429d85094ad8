// Cliptide's entry point.
//   serve   API + in-process workers (+ the demo catalogue on first start)   — the default
//   worker  only the job workers, against the configured (PostgreSQL) database
//   migrate bring the database schema up to date and exit
import { ConfigError, loadConfig } from './config/config.ts';
import { createPlatform } from './platform.ts';
import { DatabaseInUseError } from './shared/errors.ts';
import { seedDemoCatalogue } from './seed/demo-catalogue.ts';

async function main(command: string) {
  const config = loadConfig();
  if (command === 'migrate') {
    const platform = await createPlatform(config, { runWorker: false, recommender: false });
    await platform.close();
    console.log('database is up to date');
    return;
  }
  const platform = await createPlatform(config, { runWorker: command !== 'serve' || config.jobs.concurrency > 0, recommender: command === 'serve' });
  const shutdown = async (signal: string) => {
    platform.app.log.info({ signal }, 'shutting down');
    await platform.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  if (command === 'worker') {
    platform.worker.start();
    platform.app.log.info({ worker: platform.worker.workerId }, 'worker started');
    return;
  }
  await platform.app.listen({ port: config.port, host: config.host });
  platform.worker.start();
  if (config.seedDemo) {
    seedDemoCatalogue(platform).catch((error: unknown) => platform.app.log.error({ err: error }, 'demo catalogue failed'));
  }
}

const command = process.argv[2] ?? 'serve';
if (!['serve', 'worker', 'migrate'].includes(command)) {
  console.error(`unknown command "${command}": use serve, worker or migrate`);
  process.exit(2);
}
main(command).catch((error: unknown) => {
  console.error(error instanceof ConfigError || error instanceof DatabaseInUseError ? error.message : error);
  process.exit(1);
});
