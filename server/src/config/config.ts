// Configuration: parsed once from the environment at start-up; nothing else reads process.env.
// A bad value stops start-up with a message that names the variable.
import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');
const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
/** Off, or the operator's proxies: addresses, CIDR ranges, or proxy-addr's names (loopback, linklocal, uniquelocal). */
const trustProxy = z
  .string()
  .transform((v) => (['false', '0', 'no', 'off'].includes(v.trim()) ? [] : v.split(',').map((p) => p.trim()).filter(Boolean)))
  .refine(
    (list) =>
      list.every((p) => {
        if (['loopback', 'linklocal', 'uniquelocal'].includes(p)) return true;
        const [address, bits, ...rest] = p.split('/');
        return rest.length === 0 && isIP(address!) !== 0 && (bits === undefined || /^\d{1,3}$/.test(bits));
      }),
    'a comma-separated list of proxy addresses or CIDR ranges (e.g. 10.0.0.0/8,127.0.0.1), or false; "true" would trust a forged X-Forwarded-For',
  );
const regionName = z.string().regex(/^[a-z][a-z0-9-]{0,31}$/, 'a region name is lower-case letters, digits and dashes');

const schema = z
  .object({
    PORT: int(0, 65535).default(8080),
    HOST: z.string().min(1).default('0.0.0.0'),
    DATA_DIR: z.string().min(1).default('./data'),
    DATABASE_URL: z.string().url().startsWith('postgres', 'must be a postgres:// or postgresql:// URL').optional(),
    REGION: regionName.default('default'),
    STORAGE: z.enum(['local', 's3']).default('local'),
    S3_ENDPOINT: z.string().url().optional(),
    S3_REGION: z.string().default('us-east-1'),
    S3_BUCKET: z.string().optional(),
    S3_ACCESS_KEY_ID: z.string().optional(),
    S3_SECRET_ACCESS_KEY: z.string().optional(),
    S3_FORCE_PATH_STYLE: bool.default(true),
    MAX_UPLOAD_MB: int(1, 100_000).default(500),
    MAX_VIDEO_SECONDS: int(1, 24 * 3600).default(600),
    MAX_VIDEO_GIGAPIXELS: int(1, 1_000_000).default(160),
    TRANSCODE_TIMEOUT_SECONDS: int(10, 24 * 3600).default(1800),
    UPLOAD_EXPIRY_HOURS: z.coerce.number().positive().max(24 * 365).default(24),
    WORKER_CONCURRENCY: int(0, 64).default(1),
    JOB_LEASE_SECONDS: int(2, 24 * 3600).default(120),
    FFMPEG_PATH: z.string().optional(),
    FFPROBE_PATH: z.string().optional(),
    SEED_DEMO: bool.default(true),
    RATE_LIMIT_AUTH_PER_MINUTE: int(1, 100_000).default(20),
    RATE_LIMIT_UPLOAD_PER_MINUTE: int(1, 100_000).default(30),
    RATE_LIMIT_WRITE_PER_MINUTE: int(1, 100_000).default(120),
    RATE_LIMIT_SEARCH_PER_MINUTE: int(1, 100_000).default(60),
    REPORT_HOLD_THRESHOLD: int(1, 1000).default(5),
    RATE_LIMIT_REPORT_PER_MINUTE: int(1, 100_000).default(10),
    TRUST_PROXY: trustProxy.default([]),
    COOKIE_SECURE: bool.default(false),
    PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
    METRICS_TOKEN: z.string().min(16, 'at least 16 characters').optional(),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    WEB_DIST: z.string().optional(),
    TRANSPARENCY_CHECKPOINT_SECONDS: int(1, 7 * 24 * 3600).default(300),
    SMTP_URL: z.url({ protocol: /^smtps?$/, error: 'an smtp:// or smtps:// URL, e.g. smtps://user:password@mail.example.org:465' }).optional(),
    MAIL_FROM: z.string().min(3).optional(),
    UNVERIFIED_POSTING_DAYS: int(0, 3650).default(7),
    SCREEN_TIME_MINUTE_MS: int(10, 60_000).default(60_000),
  })
  .superRefine((env, ctx) => {
    if (env.STORAGE === 's3') {
      for (const key of ['S3_BUCKET', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const) {
        if (!env[key]) ctx.addIssue({ code: 'custom', path: [key], message: 'required when STORAGE=s3' });
      }
    }
    if (env.SMTP_URL && !env.MAIL_FROM) ctx.addIssue({ code: 'custom', path: ['MAIL_FROM'], message: 'required with SMTP_URL (e.g. "Cliptide <no-reply@example.org>")' });
  });

export type StorageConfig =
  | { kind: 'local'; root: string }
  | {
      kind: 's3';
      endpoint?: string;
      region: string;
      bucket: string;
      accessKeyId: string;
      secretAccessKey: string;
      forcePathStyle: boolean;
    };

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  database: { kind: 'pglite'; dir: string } | { kind: 'postgres'; url: string };
  region: string;
  storage: StorageConfig;
  uploadDir: string;
  limits: { maxUploadBytes: number; maxVideoMs: number; maxPixelFrames: number; transcodeTimeoutMs: number };
  /** An unfinished tus upload, or the source of a video that failed, is removed after this long. */
  uploadExpiryMs: number;
  jobs: { concurrency: number; leaseMs: number };
  ffmpeg: { ffmpegPath?: string; ffprobePath?: string };
  seedDemo: boolean;
  /** How long one minute of screen time is (60 000 ms; shorter only for tests and demos). */
  screenTimeMinuteMs: number;
  rateLimits: RateLimits;
  /** Proxies whose X-Forwarded-For is believed; empty: none. */
  trustProxy: string[];
  cookieSecure: boolean;
  /** The origin the site is served from (PUBLIC_URL), or null: the Host each request names. */
  publicOrigin: string | null;
  metricsToken: string | null;
  logLevel: string;
  webDist: string;
  /** How often each region's access log signs a checkpoint when it has grown (also signed on demand). */
  checkpointEveryMs: number;
  /** SMTP (SMTP_URL + MAIL_FROM), or null: mails go to the outbox in the database. */
  mail: { smtpUrl: string; from: string } | null;
  /** Where links in mails point: PUBLIC_URL, else http://localhost:PORT. */
  linkOrigin: string;
  /** Days an account with an unconfirmed address may still upload and comment. */
  unverifiedPostingDays: number;
  moderation: { holdThreshold: number; reportsPerMinute: number };
}

export interface RateLimits {
  authPerMinute: number;
  uploadPerMinute: number;
  writePerMinute: number;
  searchPerMinute: number;
}

export class ConfigError extends Error {}

export function parseConfig(env: Record<string, string | undefined>): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(environment)'}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const dataDir = resolve(e.DATA_DIR);
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir,
    database: e.DATABASE_URL ? { kind: 'postgres', url: e.DATABASE_URL } : { kind: 'pglite', dir: resolve(dataDir, 'db') },
    region: e.REGION,
    storage:
      e.STORAGE === 's3'
        ? {
            kind: 's3',
            ...(e.S3_ENDPOINT ? { endpoint: e.S3_ENDPOINT } : {}),
            region: e.S3_REGION,
            bucket: e.S3_BUCKET!,
            accessKeyId: e.S3_ACCESS_KEY_ID!,
            secretAccessKey: e.S3_SECRET_ACCESS_KEY!,
            forcePathStyle: e.S3_FORCE_PATH_STYLE,
          }
        : { kind: 'local', root: resolve(dataDir, 'media') },
    uploadDir: resolve(dataDir, 'uploads'),
    limits: {
      maxUploadBytes: e.MAX_UPLOAD_MB * 1024 * 1024,
      maxVideoMs: e.MAX_VIDEO_SECONDS * 1000,
      maxPixelFrames: e.MAX_VIDEO_GIGAPIXELS * 1e9,
      transcodeTimeoutMs: e.TRANSCODE_TIMEOUT_SECONDS * 1000,
    },
    uploadExpiryMs: Math.round(e.UPLOAD_EXPIRY_HOURS * 3600_000),
    jobs: { concurrency: e.WORKER_CONCURRENCY, leaseMs: e.JOB_LEASE_SECONDS * 1000 },
    ffmpeg: {
      ...(e.FFMPEG_PATH ? { ffmpegPath: e.FFMPEG_PATH } : {}),
      ...(e.FFPROBE_PATH ? { ffprobePath: e.FFPROBE_PATH } : {}),
    },
    seedDemo: e.SEED_DEMO,
    screenTimeMinuteMs: e.SCREEN_TIME_MINUTE_MS,
    rateLimits: {
      authPerMinute: e.RATE_LIMIT_AUTH_PER_MINUTE,
      uploadPerMinute: e.RATE_LIMIT_UPLOAD_PER_MINUTE,
      writePerMinute: e.RATE_LIMIT_WRITE_PER_MINUTE,
      searchPerMinute: e.RATE_LIMIT_SEARCH_PER_MINUTE,
    },
    trustProxy: e.TRUST_PROXY,
    cookieSecure: e.COOKIE_SECURE,
    publicOrigin: e.PUBLIC_URL ? new URL(e.PUBLIC_URL).origin : null,
    metricsToken: e.METRICS_TOKEN ?? null,
    logLevel: e.LOG_LEVEL,
    mail: e.SMTP_URL ? { smtpUrl: e.SMTP_URL, from: e.MAIL_FROM! } : null,
    linkOrigin: e.PUBLIC_URL ? new URL(e.PUBLIC_URL).origin : `http://localhost:${e.PORT}`,
    unverifiedPostingDays: e.UNVERIFIED_POSTING_DAYS,
    moderation: { holdThreshold: e.REPORT_HOLD_THRESHOLD, reportsPerMinute: e.RATE_LIMIT_REPORT_PER_MINUTE },
    webDist: resolve(e.WEB_DIST ?? new URL('../../../web/dist', import.meta.url).pathname),
    checkpointEveryMs: e.TRANSPARENCY_CHECKPOINT_SECONDS * 1000,
  };
}

/** The process environment, read here and nowhere else. */
export const loadConfig = (): Config => parseConfig(process.env);
