// The facade the server uses: probe, validate, transcode. Nothing else in the server runs ffmpeg.
import { mkdir, mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { runTool } from './ffmpeg-runner.ts';
import { detectDialect, locateTools, type FfmpegDialect, type ToolPaths } from './locate.ts';
import { TranscodeFailed } from './media.errors.ts';
import { DEFAULT_MEDIA_LIMITS } from './media.types.ts';
import type { MediaInfo, MediaLimits, Refusal, Rung, TranscodeResult } from './media.types.ts';
import { AUDIO_BITRATE, MEDIA_PLAYLIST, POSTER_FILE, masterNameOf, rungsOf, transcodeCommand, type LadderPart } from './transcode-command.ts';
import { ladderFor } from './ladder.ts';
import { imageCommand, type ImageFormat } from './image-command.ts';
import { probeFile } from './probe.ts';
import { validateMedia } from './validate.ts';

export type ProbeResult = { ok: true; raw: unknown; info: MediaInfo } | { ok: false; refusal: Refusal };

export interface TranscodeRequest {
  inputPath: string;
  /** A fresh, private folder: everything is written under it (partial files stay there on failure). */
  outDir: string;
  info: MediaInfo;
  /** Which part of the ladder to write (default all of it); see LadderPart. */
  part?: LadderPart;
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
  timeoutMs: number;
}

export interface Media {
  /** A file that is not media is a refusal; ffprobe failing to run throws TranscodeFailed. */
  probe(inputPath: string): Promise<ProbeResult>;
  validate(info: MediaInfo, limits: MediaLimits): Refusal | null;
  /** Throws TranscodeFailed (check `retryable`) when ffmpeg fails, times out or is aborted. */
  transcode(req: TranscodeRequest): Promise<TranscodeResult>;
  /**
   * An image decoded and written anew (no metadata, at most 512 px a side); null when ffmpeg cannot
   * read it as an image of sane size.
   */
  reencodeImage(bytes: Buffer, format: ImageFormat): Promise<Buffer | null>;
  /** The binaries in use, for the start-up log. */
  readonly tools: ToolPaths & { dialect: FfmpegDialect };
}

export interface MediaOptions {
  ffmpegPath?: string;
  ffprobePath?: string;
  /** Threads per ffmpeg stage; omitted: ffmpeg decides. Tests and small boxes pass 1–2. */
  threads?: number;
  probeTimeoutMs?: number;
}

async function listFiles(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(root, join(e.parentPath, e.name)))
    .sort();
}

/** A legacy ffmpeg wrote renditions into '0', '1', …: give them their names, in the master playlist too. */
async function renameLegacyRenditions(outDir: string, rungs: readonly Rung[], masterName: string): Promise<void> {
  const masterPath = join(outDir, masterName);
  let master = await readFile(masterPath, 'utf8');
  for (const [i, rung] of rungs.entries()) {
    await rename(join(outDir, String(i)), join(outDir, rung.name));
    master = master.replace(new RegExp(`^${i}/`, 'm'), `${rung.name}/`);
  }
  await writeFile(masterPath, master);
}

/** BANDWIDTH per media playlist URI, as ffmpeg wrote it into the master playlist. */
export function bandwidths(master: string): Map<string, number> {
  const found = new Map<string, number>();
  const lines = master.split('\n').map((l) => l.trim());
  lines.forEach((line, i) => {
    const match = /^#EXT-X-STREAM-INF:.*?\bBANDWIDTH=(\d+)/.exec(line);
    const uri = lines[i + 1];
    if (match?.[1] && uri) found.set(uri, Number(match[1]));
  });
  return found;
}

export function createMedia(opts: MediaOptions = {}): Media {
  const located = locateTools(opts);
  const tools = { ...located, dialect: detectDialect(located.ffmpeg) };
  const threads = opts.threads;

  return {
    tools,

    async probe(inputPath) {
      const outcome = await probeFile(tools.ffprobe, inputPath, opts.probeTimeoutMs ? { timeoutMs: opts.probeTimeoutMs } : {});
      if (outcome.ok) return outcome;
      return { ok: false, refusal: validateMedia(outcome.failure, DEFAULT_MEDIA_LIMITS)! };
    },

    validate: (info, limits) => validateMedia(info, limits),

    async reencodeImage(bytes, format) {
      const dir = await mkdtemp(join(tmpdir(), `cliptide-image-${process.pid}-`));
      try {
        const inputPath = join(dir, 'in');
        const outputPath = join(dir, format === 'jpeg' ? 'out.jpg' : 'out.png');
        await writeFile(inputPath, bytes);
        try {
          await runTool(tools.ffmpeg, imageCommand({ inputPath, outputPath, format }).args, { timeoutMs: 20_000 });
        } catch (error) {
          if (error instanceof TranscodeFailed && error.reason === 'exit') return null;
          throw error;
        }
        return await readFile(outputPath);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },

    async transcode(req) {
      await mkdir(req.outDir, { recursive: true });
      const part = req.part ?? 'all';
      const command = transcodeCommand({
        inputPath: req.inputPath,
        outDir: req.outDir,
        info: req.info,
        part,
        dialect: tools.dialect,
        ...(threads ? { threads } : {}),
      });
      const { stderrTail } = await runTool(tools.ffmpeg, command.args, {
        timeoutMs: req.timeoutMs,
        durationMs: req.info.durationMs,
        ...(req.onProgress ? { onProgress: req.onProgress } : {}),
        ...(req.signal ? { signal: req.signal } : {}),
      });

      const ladder: Rung[] = ladderFor(req.info.width, req.info.height);
      const rungs = rungsOf(ladder, part);
      const master = masterNameOf(ladder, part);
      const poster = part === 'rest' ? null : POSTER_FILE;
      if (tools.dialect === 'legacy') await renameLegacyRenditions(req.outDir, rungs, master);
      const files = await listFiles(req.outDir);
      const expected = [master, ...(poster ? [poster] : []), ...rungs.map((r) => `${r.name}/${MEDIA_PLAYLIST}`)];
      const missing = expected.filter((f) => !files.includes(f));
      if (missing.length > 0) {
        throw new TranscodeFailed(`ffmpeg exited without writing ${missing.join(', ')}`, 'output', 0, stderrTail);
      }
      const written = bandwidths(await readFile(join(req.outDir, master), 'utf8'));
      const audio = req.info.hasAudio ? AUDIO_BITRATE : 0;
      return {
        master,
        poster,
        renditions: rungs.map((r) => ({
          name: r.name,
          width: r.width,
          height: r.height,
          bandwidth: written.get(`${r.name}/${MEDIA_PLAYLIST}`) ?? r.maxBitrate + audio,
        })),
        files,
      };
    },
  };
}
