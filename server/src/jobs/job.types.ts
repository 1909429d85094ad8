// Every job the queue carries, as one discriminated union keyed on `type`.
// A handler map typed over Job['type'] makes an unhandled new job type a compile error.

export type Job =
  | { type: 'process_video'; videoId: string }
  | { type: 'purge_media'; prefix: string }
  | { type: 'rekey_media'; videoId: string }
  | { type: 'send_mail'; mailId: string };

export type JobType = Job['type'];
export type JobOf<K extends JobType> = Extract<Job, { type: K }>;

/** What a handler says happened. Throwing means "a fault worth retrying". */
export type JobOutcome = { kind: 'done' } | { kind: 'rejected'; reason: string };

export interface JobContext {
  jobId: number;
  attempt: number;
  signal: AbortSignal;
}

export type JobHandler<K extends JobType> = {
  run(job: JobOf<K>, ctx: JobContext): Promise<JobOutcome>;
  /** Called once when the last attempt failed; lets the domain record the failure. */
  onGiveUp?(job: JobOf<K>, error: string): Promise<void>;
};

export type JobHandlers = { [K in JobType]: JobHandler<K> };
