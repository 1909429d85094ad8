// Test fixtures, generated once per machine by ffmpeg (nothing downloaded) and cached in the
// temp dir: `await clip('portrait')` gives a path. Each takes a second or two to make.
import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runTool } from '../ffmpeg-runner.ts';
import { locateTool } from '../locate.ts';
import { synthCommand, type SynthOptions } from '../synth-command.ts';

export type ClipKind =
  | 'portrait' | 'hd' | 'landscape-rotated' | 'vfr' | 'odd' | 'silent' | 'tiny'
  | 'image' | 'audio-only' | 'text' | 'playlist' | 'corrupt' | 'huge';

export const CLIP_KINDS: readonly ClipKind[] = [
  'portrait', 'hd', 'landscape-rotated', 'vfr', 'odd', 'silent', 'tiny',
  'image', 'audio-only', 'text', 'playlist', 'corrupt', 'huge',
];

/** Bump when a recipe changes so stale cached files are not reused. */
const RECIPE_VERSION = 2;
export const CLIPS_DIR = join(tmpdir(), `cliptide-clips-v${RECIPE_VERSION}`);

const fileName: Record<ClipKind, string> = {
  portrait: 'portrait.mp4',
  hd: 'hd.mp4',
  'landscape-rotated': 'landscape-rotated.mp4',
  vfr: 'vfr.mp4',
  odd: 'odd.mp4',
  silent: 'silent.mp4',
  tiny: 'tiny.mp4',
  image: 'image.png',
  'audio-only': 'audio-only.m4a',
  text: 'notes.txt',
  playlist: 'playlist.m3u8',
  corrupt: 'corrupt.mp4',
  huge: 'huge.mp4',
};

const LAVFI_HEAD = ['-hide_banner', '-nostdin', '-loglevel', 'error', '-y'];
const X264 = ['-c:v', 'libx264', '-preset', 'ultrafast', '-threads', '2'];
const TONE = ['-f', 'lavfi', '-i', 'sine=frequency=330:sample_rate=48000'];

async function ffmpeg(args: string[]): Promise<void> {
  await runTool(locateTool('ffmpeg'), args, { timeoutMs: 60_000 });
}

async function synth(out: string, opts: Omit<SynthOptions, 'outPath' | 'threads'>): Promise<void> {
  await ffmpeg(synthCommand({ ...opts, outPath: out, threads: 2 }).args);
}

const recipes: Record<ClipKind, (out: string) => Promise<void>> = {
  portrait: (out) => synth(out, { seconds: 2, width: 360, height: 640, scene: 'testsrc2', tone: 'melody' }),
  // a ladder of three (720p, 480p, 360p): published at 360p first
  hd: (out) => synth(out, { seconds: 2, width: 720, height: 1280, scene: 'testsrc2', tone: 'melody' }),
  silent: (out) => synth(out, { seconds: 2, width: 360, height: 640, scene: 'smptebars', tone: 'sine', audio: false }),
  tiny: (out) => synth(out, { seconds: 2, width: 160, height: 284, scene: 'rgbtestsrc', tone: 'chord' }),
  'landscape-rotated': async (out) => {
    // Stored 640x360, displayed as 360x640: what a phone held upright writes.
    const stored = `${out}.stored.mp4`;
    await synth(stored, { seconds: 2, width: 640, height: 360, scene: 'testsrc2', tone: 'pulse' });
    await ffmpeg([...LAVFI_HEAD, '-i', stored, '-map', '0', '-c', 'copy', '-metadata:s:v:0', 'rotate=90', out]);
  },
  vfr: (out) =>
    // Frames dropped irregularly and timestamps kept: average 19.3 fps, r_frame_rate 30.
    ffmpeg([
      ...LAVFI_HEAD, '-f', 'lavfi', '-i', 'testsrc2=s=360x640:r=30', ...TONE, '-t', '2',
      '-vf', "select='not(eq(mod(n,4),1))*not(eq(mod(n,7),3))'", '-fps_mode', 'vfr',
      ...X264, '-c:a', 'aac', out,
    ]),
  odd: (out) =>
    // 4:4:4 because x264 cannot store odd sizes in 4:2:0; the transcode converts.
    ffmpeg([
      ...LAVFI_HEAD, '-f', 'lavfi', '-i', 'testsrc2=s=320x576:r=30', ...TONE, '-t', '2',
      '-vf', 'scale=321:577,format=yuv444p', ...X264, '-c:a', 'aac', out,
    ]),
  huge: (out) =>
    ffmpeg([...LAVFI_HEAD, '-f', 'lavfi', '-i', 'testsrc2=s=64x4000:r=30', '-t', '1', '-pix_fmt', 'yuv420p', ...X264, out]),
  image: (out) =>
    ffmpeg([...LAVFI_HEAD, '-f', 'lavfi', '-i', 'testsrc2=s=320x240', '-frames:v', '1', '-update', '1', out]),
  'audio-only': (out) => ffmpeg([...LAVFI_HEAD, ...TONE, '-t', '2', '-c:a', 'aac', '-b:a', '96k', out]),
  text: (out) => writeFile(out, 'Shopping list\n- milk\n- eggs\nThis is not a video.\n'),
  playlist: async (out) => {
    const local = await clip('portrait');
    await writeFile(out, `#EXTM3U\n#EXT-X-TARGETDURATION:2\n#EXTINF:2,\n${local}\n#EXTINF:2,\nhttp://127.0.0.1:9/evil.ts\n#EXT-X-ENDLIST\n`);
  },
  corrupt: async (out) => {
    // A real MP4 with its index (moov) at the end, cut in half: the index is gone.
    const whole = `${out}.whole.mp4`;
    await ffmpeg([...LAVFI_HEAD, '-f', 'lavfi', '-i', 'testsrc2=s=320x240:r=30', ...TONE, '-t', '2', ...X264, '-c:a', 'aac', whole]);
    const bytes = await readFile(whole);
    await writeFile(out, bytes.subarray(0, Math.floor(bytes.length / 2)));
  },
};

const pending = new Map<ClipKind, Promise<string>>();

/** Path of a cached generated file of this kind (made on first use; safe across processes). */
export function clip(kind: ClipKind): Promise<string> {
  let made = pending.get(kind);
  if (!made) {
    made = make(kind);
    pending.set(kind, made);
    made.catch(() => pending.delete(kind));
  }
  return made;
}

async function make(kind: ClipKind): Promise<string> {
  const path = join(CLIPS_DIR, fileName[kind]);
  const exists = await stat(path).then((s) => s.size > 0, () => false);
  if (exists) return path;
  const work = join(CLIPS_DIR, `.${randomUUID()}`);
  await mkdir(work, { recursive: true });
  try {
    const temp = join(work, fileName[kind]);
    await recipes[kind](temp);
    await rename(temp, path); // atomic: another process sees the whole file or none
    return path;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
