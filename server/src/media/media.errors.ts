// Faults of the media tools. A refusal (the upload is not a video we take) is a value, not an
// error; these are thrown only when running ffmpeg/ffprobe went wrong, which is worth a retry
// (except an abort, which the caller asked for).

/** exit: non-zero exit; output: exited 0 without writing what it should have. */
export type FaultReason = 'exit' | 'output' | 'timeout' | 'aborted' | 'spawn';

export class TranscodeFailed extends Error {
  override readonly name = 'TranscodeFailed';
  constructor(
    message: string,
    readonly reason: FaultReason,
    /** Exit code, or null when killed or never started. */
    readonly exitCode: number | null,
    /** The last ~4 KB of the tool's stderr. */
    readonly stderrTail: string,
  ) {
    super(message);
  }

  /** Worth running again later: every fault except an abort the caller asked for. */
  get retryable(): boolean {
    return this.reason !== 'aborted';
  }
}
