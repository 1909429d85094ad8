// The layering rules in eslint.config.js fire: ESLint's own API lints in-memory snippets placed at
// paths where they break a rule (nothing is written to disk).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';

const eslint = new ESLint({ cwd: fileURLToPath(new URL('../..', import.meta.url)) });

async function lint(filePath: string, code: string) {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.map((m) => ({ rule: m.ruleId, message: m.message }));
}

test('a route that imports a repository breaks layering/routes-call-services, and the message says so', async () => {
  const messages = await lint(
    'server/src/videos/probe.routes.ts',
    "import { createVideoRepository } from './video.repository.ts';\nexport const probe = createVideoRepository;\n",
  );
  assert.deepEqual(
    messages.map((m) => m.rule),
    ['layering/routes-call-services'],
  );
  assert.match(messages[0]!.message, /\[layering\/routes-call-services\] Routes validate, call a service and answer/);
});

test('each technology stays behind its adapter', async () => {
  const messages = await lint(
    'server/src/videos/probe.service.ts',
    [
      "import pg from 'pg';",
      "import { spawn } from 'node:child_process';",
      "import { readFile } from 'node:fs/promises';",
      "import { maybeOne } from '../db/database.ts';",
      "import type { FastifyReply } from 'fastify';",
      'export const probe = [pg, spawn, readFile, maybeOne] as unknown as FastifyReply;',
      '',
    ].join('\n'),
  );
  assert.deepEqual(messages.map((m) => m.rule).sort(), [
    'layering/only-db-opens-databases',
    'layering/only-media-runs-ffmpeg',
    'layering/only-repositories-run-sql',
    'layering/only-storage-touches-files',
    'layering/services-know-no-http',
  ]);
});

test('the web client and the engine never import the server', async () => {
  const messages = await lint('web/src/probe.ts', "import { canSeeVideo } from '../../server/src/videos/visibility.ts';\nexport const probe = canSeeVideo;\n");
  assert.deepEqual(messages.map((m) => m.rule), ['layering/clients-stay-out-of-server']);
});

test('the adapters themselves may use their technology', async () => {
  assert.deepEqual(await lint('server/src/storage/probe.ts', "import { readFile } from 'node:fs/promises';\nexport const probe = readFile;\n"), []);
  assert.deepEqual(await lint('server/src/media/probe-runner.ts', "import { spawn } from 'node:child_process';\nexport const probe = spawn;\n"), []);
});
