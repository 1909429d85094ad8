// Small test videos made by ffmpeg on the spot (nothing downloaded), cached per run.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const DIR = join(tmpdir(), 'cliptide-e2e-clips-v1');

export interface ClipOptions {
  seconds?: number;
  /** Film-grain noise makes the clip incompressible: big enough to watch an upload progress. */
  noisy?: boolean;
  frequency?: number;
}

export function makeClip(name: string, options: ClipOptions = {}): string {
  const { seconds = 3, noisy = false, frequency = 440 } = options;
  mkdirSync(DIR, { recursive: true });
  const out = join(DIR, `${name}.mp4`);
  if (existsSync(out)) return out;
  const filter = noisy ? ['-vf', 'noise=alls=60:allf=t+u'] : [];
  execFileSync('/usr/bin/ffmpeg', [
    '-hide_banner', '-loglevel', 'error', '-y',
    '-f', 'lavfi', '-i', `testsrc2=size=360x640:rate=30`,
    '-f', 'lavfi', '-i', `sine=frequency=${frequency}`,
    '-t', String(seconds), ...filter,
    '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-shortest',
    '-movflags', '+faststart', `${out}.tmp.mp4`,
  ]);
  execFileSync('mv', [`${out}.tmp.mp4`, out]);
  return out;
}
