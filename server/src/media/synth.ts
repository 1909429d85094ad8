// Generates a clip with ffmpeg's own sources (see synth-command.ts); nothing is downloaded.
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { runTool } from './ffmpeg-runner.ts';
import { locateTool } from './locate.ts';
import { synthCommand, type SynthOptions } from './synth-command.ts';

const DEJAVU = '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf';

/** Writes the clip to opts.outPath and returns that path. */
export async function synthClip(
  opts: SynthOptions,
  tool: { ffmpegPath?: string; timeoutMs?: number } = {},
): Promise<string> {
  const ffmpeg = locateTool('ffmpeg', tool.ffmpegPath);
  await mkdir(dirname(opts.outPath), { recursive: true });
  const fontFile = opts.fontFile ?? (existsSync(DEJAVU) ? DEJAVU : undefined);
  const { args } = synthCommand({ ...opts, ...(fontFile ? { fontFile } : {}) });
  await runTool(ffmpeg, args, { timeoutMs: tool.timeoutMs ?? 60_000 + opts.seconds * 10_000 });
  return opts.outPath;
}
