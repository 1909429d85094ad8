// The runner against a stand-in process (node itself), so these stay unit tests.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { progressParser, runTool, STDERR_TAIL_BYTES } from './ffmpeg-runner.ts';
import { TranscodeFailed } from './media.errors.ts';

const node = process.execPath;
const script = (code: string) => ['-e', code];

test('progress lines become fractions of the duration, split chunks and N/A included', () => {
  const seen: number[] = [];
  const feed = progressParser(4000, (f) => seen.push(f));
  feed('frame=1\nout_time_us=N/A\nout_time_us=1000');
  feed('000\nprogress=continue\nout_time_us=500000\n');
  feed('out_time_us=3000000\nout_time_us=9000000\nprogress=end\n');
  assert.deepEqual(seen, [0.25, 0.75, 1]);
});

test('stdout is captured and progress reaches 1 on success', async () => {
  const seen: number[] = [];
  const out = await runTool(node, script('process.stdout.write("out_time_us=500000\\n")'), {
    timeoutMs: 10_000,
    durationMs: 1000,
    onProgress: (f) => seen.push(f),
    captureStdout: true,
  });
  assert.equal(out.stdout, 'out_time_us=500000\n');
  assert.deepEqual(seen, [0.5, 1]);
});

test('a non-zero exit throws TranscodeFailed with the tail of stderr', async () => {
  const noisy = `process.stderr.write("x".repeat(10000) + "\\nboom: bad input\\n"); process.exit(3)`;
  await assert.rejects(runTool(node, script(noisy), { timeoutMs: 10_000 }), (err: unknown) => {
    assert.ok(err instanceof TranscodeFailed);
    assert.equal(err.reason, 'exit');
    assert.equal(err.exitCode, 3);
    assert.equal(err.retryable, true);
    assert.match(err.message, /exited with 3: boom: bad input/);
    assert.equal(err.stderrTail.length, STDERR_TAIL_BYTES);
    return true;
  });
});

// A stand-in that never exits on its own: only a kill ends it, so a settled runTool proves the kill.
const forever = script('setInterval(() => {}, 1000)');
// A stand-in that reports progress, then never exits on its own.
const reportsThenForever = script('process.stdout.write("out_time_us=500000\\n"); setInterval(() => {}, 1000)');
// Without the kill these tests would hang; the guard turns a hang into a failure.
const HANG_GUARD = { timeout: 60_000 };

test('a timeout kills the process', HANG_GUARD, async () => {
  await assert.rejects(runTool(node, forever, { timeoutMs: 300 }), (err: unknown) => {
    assert.ok(err instanceof TranscodeFailed);
    assert.equal(err.reason, 'timeout');
    assert.equal(err.retryable, true);
    return true;
  });
});

test('an abort kills the process and is not worth a retry', HANG_GUARD, async () => {
  const controller = new AbortController();
  // abort once the process is running and has said so, not after a guessed delay
  const running = runTool(node, reportsThenForever, {
    timeoutMs: 600_000,
    durationMs: 1000,
    onProgress: () => controller.abort(),
    signal: controller.signal,
  });
  await assert.rejects(running, (err: unknown) => err instanceof TranscodeFailed && err.reason === 'aborted' && !err.retryable);
  await assert.rejects(runTool(node, script(''), { timeoutMs: 1000, signal: controller.signal }), /not started/);
});

test('a missing executable is a spawn fault', async () => {
  await assert.rejects(
    runTool('/nonexistent/ffmpeg', [], { timeoutMs: 1000 }),
    (err: unknown) => err instanceof TranscodeFailed && err.reason === 'spawn',
  );
});
