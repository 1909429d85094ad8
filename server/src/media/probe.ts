// Probing an upload: a look at its first bytes (so ffprobe never opens a playlist or reads a
// text file as "video"), then ffprobe on local files only, without a shell, under a timeout.
import { open } from 'node:fs/promises';
import { resolve } from 'node:path';
import { runTool } from './ffmpeg-runner.ts';
import { TranscodeFailed } from './media.errors.ts';
import type { MediaInfo, ProbeFailure, ToolCommand } from './media.types.ts';
import { looksLikeProbe, parseProbe } from './probe-parse.ts';

export const PROBE_TIMEOUT_MS = 30_000;
const SNIFF_BYTES = 4096;

export type ProbeOutcome = { ok: true; raw: unknown; info: MediaInfo } | { ok: false; failure: ProbeFailure };

/** `file:` keeps a name starting with '-' or holding ':' from being read as an option or protocol. */
export const fileUrl = (path: string) => `file:${resolve(path)}`;

export function probeCommand(inputPath: string): ToolCommand {
  return {
    command: 'ffprobe',
    args: [
      '-v', 'error',
      '-protocol_whitelist', 'file',
      '-print_format', 'json',
      '-show_format',
      '-show_streams',
      '-i', fileUrl(inputPath),
    ],
  };
}

/** Classifies the first bytes of a file; null when it may be media. Pure. */
export function sniff(head: Uint8Array): ProbeFailure | null {
  if (head.length === 0) return { failed: true, cause: 'empty', detail: 'zero bytes' };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
  } catch {
    return null; // not UTF-8: binary, maybe media
  }
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (/^#EXTM3U/i.test(start) || /^ffconcat/i.test(start) || /^<\?xml[\s\S]*<MPD/i.test(start)) {
    return { failed: true, cause: 'playlist', detail: start.slice(0, 40) };
  }
  // Tab, line feed, carriage return and form feed are text; other control bytes mean binary.
  // eslint-disable-next-line no-control-regex
  if (/[\x00-\x08\x0B\x0E-\x1F\x7F]/.test(text)) return null;
  return { failed: true, cause: 'text', detail: start.slice(0, 40) };
}

async function readHead(path: string): Promise<Uint8Array> {
  const file = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await file.read(buffer, 0, SNIFF_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await file.close();
  }
}

/**
 * Probes `inputPath`. A file that is not media comes back as a failure (the upload's fault);
 * an ffprobe that cannot run or runs past its time throws TranscodeFailed (our fault, retry).
 */
export async function probeFile(
  ffprobe: string,
  inputPath: string,
  opts: { timeoutMs?: number; signal?: AbortSignal } = {},
): Promise<ProbeOutcome> {
  const sniffed = sniff(await readHead(inputPath));
  if (sniffed) return { ok: false, failure: sniffed };
  const { args } = probeCommand(inputPath);
  let stdout: string;
  try {
    ({ stdout } = await runTool(ffprobe, args, {
      timeoutMs: opts.timeoutMs ?? PROBE_TIMEOUT_MS,
      captureStdout: true,
      ...(opts.signal ? { signal: opts.signal } : {}),
    }));
  } catch (err) {
    if (err instanceof TranscodeFailed && err.reason === 'exit') {
      return { ok: false, failure: { failed: true, cause: 'unreadable', detail: err.message } };
    }
    throw err;
  }
  let raw: unknown;
  try {
    raw = JSON.parse(stdout);
  } catch {
    return { ok: false, failure: { failed: true, cause: 'unreadable', detail: 'ffprobe printed no JSON' } };
  }
  if (!looksLikeProbe(raw)) {
    return { ok: false, failure: { failed: true, cause: 'unreadable', detail: 'ffprobe found no format' } };
  }
  return { ok: true, raw, info: parseProbe(raw) };
}
