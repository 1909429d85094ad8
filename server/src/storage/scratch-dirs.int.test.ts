// Scratch directories of a job whose process died are removed when a platform starts; those of live
// processes are left alone.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { startTestPlatform } from '../testing/test-platform.ts';

test('start-up removes the scratch directories of interrupted jobs, not those in use', async () => {
  const dead = spawnSync(process.execPath, ['-e', '0']).pid!; // a process that has exited
  const abandoned = join(tmpdir(), `cliptide-job-${dead}-test01`);
  const live = join(tmpdir(), `cliptide-job-${process.pid}-test02`);
  for (const dir of [abandoned, live]) {
    mkdirSync(join(dir, 'out'), { recursive: true });
    writeFileSync(join(dir, 'out', 'seg-0001.m4s'), 'half an encode');
  }
  const p = await startTestPlatform();
  try {
    assert.equal(existsSync(abandoned), false, 'the dead process’s directory is gone');
    assert.equal(existsSync(live), true, 'a live process’s directory stays');
  } finally {
    await p.stop();
    rmSync(live, { recursive: true, force: true });
    rmSync(abandoned, { recursive: true, force: true });
  }
});
