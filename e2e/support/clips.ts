// Small test videos made by ffmpeg on the spot (nothing downloaded), cached per run.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const DIR = join(tmpdir(), 'cliptide-e2e-clips-v2');

export interface ClipOptions {
  seconds?: number;
  /** Constant rate factor: lower is bigger (an upload slow enough to catch mid-way). */
  crf?: number;
  frequency?: number;
}

export function makeClip(name: string, options: ClipOptions = {}): string {
  const { seconds = 3, crf = 30, frequency = 440 } = options;
  mkdirSync(DIR, { recursive: true });
  const out = join(DIR, `${name}.mp4`);
  if (existsSync(out)) return out;
  execFileSync('/usr/bin/ffmpeg', [
    '-hide_banner', '-loglevel', 'error', '-y',
    '-f', 'lavfi', '-i', `testsrc2=size=360x640:rate=30`,
    '-f', 'lavfi', '-i', `sine=frequency=${frequency}`,
    '-t', String(seconds),
    '-c:v', 'libx264', '-preset', 'ultrafast', '-crf', String(crf), '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-shortest',
    '-movflags', '+faststart', `${out}.tmp.mp4`,
  ]);
  execFileSync('mv', [`${out}.tmp.mp4`, out]);
  return out;
}

/** A small PNG picture (for avatars). */
export function makePicture(name: string, color = 'orange'): string {
  mkdirSync(DIR, { recursive: true });
  const out = join(DIR, `${name}.png`);
  if (!existsSync(out)) {
    execFileSync('/usr/bin/ffmpeg', [
      '-hide_banner', '-loglevel', 'error', '-y',
      '-f', 'lavfi', '-i', `color=c=${color}:s=160x160,drawbox=x=40:y=40:w=80:h=80:color=white@0.8:t=fill`,
      '-frames:v', '1', out,
    ]);
  }
  return out;
}
