// The one place that spawns ffmpeg/ffprobe: no shell, an argument array, a hard timeout,
// an AbortSignal, progress from `-progress pipe:1`, and the tail of stderr for the error.
import { spawn } from 'node:child_process';
import { TranscodeFailed } from './media.errors.ts';

export const STDERR_TAIL_BYTES = 4096;

export interface RunOptions {
  timeoutMs: number;
  signal?: AbortSignal;
  /** Keep stdout (ffprobe's JSON) instead of reading it as `-progress` key=value lines. */
  captureStdout?: boolean;
  /** Length of the input, to turn out_time_us into a fraction. */
  durationMs?: number | null;
  onProgress?: (fraction: number) => void;
}

export interface RunOutput {
  stdout: string;
  stderrTail: string;
}

/**
 * Feeds `-progress` output (key=value lines, possibly split across chunks) and calls
 * onProgress with the fraction done, 0..1, never going backwards.
 */
export function progressParser(durationMs: number, onProgress: (fraction: number) => void): (chunk: string) => void {
  let pending = '';
  let last = -1;
  return (chunk) => {
    pending += chunk;
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      const [key, value] = line.trim().split('=', 2);
      let fraction: number | null = null;
      if (key === 'out_time_us' && value !== undefined && /^\d+$/.test(value) && durationMs > 0) {
        fraction = Math.min(1, Number(value) / 1000 / durationMs);
      } else if (key === 'progress' && value === 'end') {
        fraction = 1;
      }
      if (fraction !== null && fraction > last) {
        last = fraction;
        onProgress(fraction);
      }
    }
  };
}

const tail = (text: string) => (text.length > STDERR_TAIL_BYTES ? text.slice(-STDERR_TAIL_BYTES) : text);
const lastLine = (text: string) => text.trim().split('\n').pop()?.trim() ?? '';

/** Runs `executable args` to completion; throws TranscodeFailed on a non-zero exit, timeout, abort or spawn error. */
export function runTool(executable: string, args: readonly string[], opts: RunOptions): Promise<RunOutput> {
  const tool = executable.split('/').pop() ?? executable;
  if (opts.signal?.aborted) {
    return Promise.reject(new TranscodeFailed(`${tool} was not started: aborted`, 'aborted', null, ''));
  }
  return new Promise((resolve, reject) => {
    const child = spawn(executable, args, { shell: false, stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
    let stdout = '';
    let stderr = '';
    let stopped: 'timeout' | 'aborted' | null = null;
    const progress =
      opts.onProgress && opts.durationMs ? progressParser(opts.durationMs, opts.onProgress) : null;

    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      if (opts.captureStdout) stdout += chunk;
      progress?.(chunk);
    });
    child.stderr.on('data', (chunk: string) => {
      stderr = tail(stderr + chunk);
    });

    const stop = (why: 'timeout' | 'aborted') => {
      if (stopped || child.exitCode !== null) return;
      stopped = why;
      child.kill('SIGKILL');
    };
    const timer = setTimeout(() => stop('timeout'), opts.timeoutMs);
    const onAbort = () => stop('aborted');
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    const cleanUp = () => {
      clearTimeout(timer);
      opts.signal?.removeEventListener('abort', onAbort);
    };

    child.on('error', (err) => {
      cleanUp();
      reject(new TranscodeFailed(`${tool} could not start: ${err.message}`, 'spawn', null, stderr));
    });
    child.on('close', (code, signal) => {
      cleanUp();
      if (stopped === 'timeout') {
        reject(new TranscodeFailed(`${tool} ran past ${opts.timeoutMs} ms and was killed`, 'timeout', null, stderr));
      } else if (stopped === 'aborted') {
        reject(new TranscodeFailed(`${tool} was aborted`, 'aborted', null, stderr));
      } else if (code !== 0) {
        const why = lastLine(stderr) || (signal ? `killed by ${signal}` : 'no message');
        reject(new TranscodeFailed(`${tool} exited with ${code ?? signal}: ${why}`, 'exit', code, stderr));
      } else {
        progress?.('progress=end\n');
        resolve({ stdout, stderrTail: stderr });
      }
    });
  });
}
