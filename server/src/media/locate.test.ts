import assert from 'node:assert/strict';
import { test } from 'node:test';
import { detectDialect, locateTool, locateTools, systemLocateDeps, ToolNotFound, type LocateDeps } from './locate.ts';

const fake = (running: string[], bundled: string | null = null): LocateDeps => ({
  runs: (command) => running.includes(command),
  bundled: () => bundled,
});

test('an explicit path wins and must run', () => {
  assert.equal(locateTool('ffmpeg', '/opt/ff/ffmpeg', fake(['/opt/ff/ffmpeg', 'ffmpeg'])), '/opt/ff/ffmpeg');
  assert.throws(() => locateTool('ffmpeg', '/nope/ffmpeg', fake(['ffmpeg'])), ToolNotFound);
});

test('PATH comes before the npm fallback', () => {
  assert.equal(locateTool('ffprobe', undefined, fake(['ffprobe', '/nm/ffprobe'], '/nm/ffprobe')), 'ffprobe');
  assert.equal(locateTool('ffprobe', undefined, fake(['/nm/ffprobe'], '/nm/ffprobe')), '/nm/ffprobe');
  assert.throws(() => locateTool('ffprobe', undefined, fake([], '/nm/ffprobe')), /not found on PATH/);
});

test('the npm packages offer a binary on this machine', () => {
  assert.match(systemLocateDeps.bundled('ffmpeg') ?? '', /ffmpeg$/);
  assert.match(systemLocateDeps.bundled('ffprobe') ?? '', /ffprobe$/);
  const tools = locateTools();
  assert.ok(tools.ffmpeg && tools.ffprobe);
});

test('the dialect is read from the binary: Debian 5.1 is modern, the npm fallback (2018) legacy', () => {
  assert.equal(detectDialect(locateTools().ffmpeg), 'modern');
  const bundled = systemLocateDeps.bundled('ffmpeg');
  if (bundled) assert.equal(detectDialect(bundled), 'legacy');
});
