import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { runBlobStoreContract } from './blob-store.contract.ts';
import { createS3Store } from './s3.store.ts';

// s3rver signs its ListObjectsV2 continuation tokens with DES, which OpenSSL 3 only offers through
// its legacy provider: run it in a child process started with that provider.
const serverScript = `
const { default: S3rver } = await import(process.argv[1]);
const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: process.argv[2], configureBuckets: [{ name: 'media' }] });
const { port } = await server.run();
process.stdout.write(JSON.stringify({ port }) + '\\n');
process.stdin.on('end', () => server.close().then(() => process.exit(0)));
process.stdin.resume();
`;

async function startS3rver(directory: string): Promise<{ port: number; stop(): Promise<void> }> {
  const entry = pathToFileURL(createRequire(import.meta.url).resolve('s3rver')).href;
  const child = spawn(process.execPath, ['--openssl-legacy-provider', '--input-type=module', '-e', serverScript, entry, directory], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const exited = once(child, 'exit');
  const lines = createInterface({ input: child.stdout });
  const [first] = (await Promise.race([once(lines, 'line'), exited.then(() => [null])])) as [string | null];
  if (first === null) throw new Error('s3rver exited before listening');
  const { port } = JSON.parse(first) as { port: number };
  return {
    port,
    async stop() {
      child.stdin.end();
      await exited;
    },
  };
}

test('s3 store (against s3rver): blob store contract', async (t) => {
  const directory = await mkdtemp(join(tmpdir(), 'cliptide-s3rver-'));
  const server = await startS3rver(directory);
  t.after(async () => {
    await server.stop();
    await rm(directory, { recursive: true, force: true });
  });

  let stores = 0;
  await runBlobStoreContract(t, {
    makeStore: async ({ pageSize }) =>
      createS3Store({
        endpoint: `http://127.0.0.1:${server.port}`,
        region: 'us-east-1',
        bucket: 'media',
        accessKeyId: 'S3RVER',
        secretAccessKey: 'S3RVER',
        forcePathStyle: true,
        // Each store gets its own key prefix, as regions sharing one bucket would.
        prefix: `region-${++stores}`,
        ...(pageSize === undefined ? {} : { pageSize }),
      }),
  });
});
