// Integration-test support: a real platform on a throwaway database — in-memory PGlite, or a schema of
// its own on the PostgreSQL server when CLIPTIDE_TEST_DB=postgres (TEST_DATABASE_URL) — with real
// storage in a temp dir and real ffmpeg.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { parseConfig, type Config } from '../config/config.ts';
import type { Database } from '../db/database.ts';
import { migrate } from '../db/migrate.ts';
import { openPglite } from '../db/pglite.database.ts';
import { openPostgres } from '../db/postgres.database.ts';
import { createPlatform, type Platform, type PlatformOptions } from '../platform.ts';
import { createArgon2Hasher } from '../accounts/password.ts';
import { blobKeys } from '../storage/keys.ts';

export interface TestDatabase {
  db: Database;
  /** On PostgreSQL: a DATABASE_URL that reaches this test's schema, for a second process. */
  url?: string;
  drop(): Promise<void>;
}

/** A migrated, empty database for one test file. */
export async function openTestDatabase(): Promise<TestDatabase> {
  // eslint-disable-next-line no-restricted-properties -- test selection of the database driver
  const env = process.env;
  if (env.CLIPTIDE_TEST_DB === 'postgres') {
    const url = env.TEST_DATABASE_URL;
    if (!url) throw new Error('CLIPTIDE_TEST_DB=postgres needs TEST_DATABASE_URL');
    const schema = `t_${randomBytes(6).toString('hex')}`;
    const admin = await openPostgres({ url, max: 1 });
    await admin.exec(`create schema ${schema}`);
    const db = await openPostgres({ url, searchPath: schema });
    await migrate(db);
    return {
      db,
      url: `${url}${url.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`,
      async drop() {
        await db.close();
        await admin.exec(`drop schema ${schema} cascade`);
        await admin.close();
      },
    };
  }
  const db = await openPglite();
  await migrate(db);
  return { db, drop: () => db.close() };
}

export interface TestPlatform extends Platform {
  dataDir: string;
  /** Set when the test database is a PostgreSQL schema that other processes can reach. */
  databaseUrl: string | undefined;
  stop(): Promise<void>;
}

export async function startTestPlatform(env: Record<string, string> = {}, opts: PlatformOptions = {}): Promise<TestPlatform> {
  const dataDir = await mkdtemp(join(tmpdir(), 'cliptide-test-'));
  const config: Config = parseConfig({
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    SEED_DEMO: 'false',
    RATE_LIMIT_AUTH_PER_MINUTE: '10000',
    RATE_LIMIT_UPLOAD_PER_MINUTE: '10000',
    RATE_LIMIT_WRITE_PER_MINUTE: '10000',
    RATE_LIMIT_SEARCH_PER_MINUTE: '10000',
    WEB_DIST: join(dataDir, 'no-web'),
    ...env,
  });
  const testDb = opts.db ? null : await openTestDatabase();
  // Real argon2id at a lighter cost, so that tests sign up many people quickly.
  const passwords = createArgon2Hasher({ memoryCost: 4096, timeCost: 2 });
  const platform = await createPlatform(config, { retryBaseMs: 200, pollMs: 100, passwords, ...opts, ...(testDb ? { db: testDb.db } : {}) });
  await platform.app.ready();
  return Object.assign(platform, {
    dataDir,
    databaseUrl: testDb?.url,
    async stop() {
      await platform.close();
      await testDb?.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  });
}

export interface Session {
  cookie: string;
  id: string;
  username: string;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** One API call through Fastify's injector. */
export async function api(p: Platform, method: Method, url: string, opts: { as?: Session | null; body?: unknown } = {}): Promise<LightMyRequestResponse> {
  return p.app.inject({
    method,
    url,
    headers: opts.as ? { cookie: opts.as.cookie } : {},
    ...(opts.body !== undefined ? { payload: opts.body as Record<string, unknown> } : {}),
  });
}

let counter = 0;
export async function signup(p: Platform, username = `user${Date.now().toString(36)}${counter++}`, birthdate = '1995-05-05'): Promise<Session> {
  const res = await api(p, 'POST', '/api/v1/auth/signup', {
    body: { username, email: `${username}@example.test`, password: 'correct horse battery', birthdate },
  });
  if (res.statusCode !== 201) throw new Error(`signup failed: ${res.statusCode} ${res.body}`);
  const cookie = String(res.headers['set-cookie']).split(';')[0]!;
  const user = res.json().user as { id: string; username: string };
  return { cookie, id: user.id, username: user.username };
}

/**
 * A published video without running ffmpeg (for tests of social features and feeds): a draft that is
 * marked ready with a made-up media prefix. Media tests upload real files instead.
 */
export async function publishedVideo(p: Platform, author: Session, opts: { caption?: string; visibility?: 'public' | 'followers' | 'private'; allowComments?: boolean; adultOnly?: boolean } = {}): Promise<string> {
  const created = await p.services.videos.create(author.id, {
    caption: opts.caption ?? 'a test video #test',
    visibility: opts.visibility ?? 'public',
    allowComments: opts.allowComments ?? true,
    adultOnly: opts.adultOnly ?? false,
  });
  const id = created.video.id;
  await p.repositories.videos.publish(id, { mediaPrefix: blobKeys.ladder(id, 'test'), durationMs: 2000, width: 360, height: 640, hasAudio: true, renditions: [] });
  await p.catalogueEvents.videoChanged(id);
  return id;
}

/** An OpenAPI operation that answers an endless event stream (walkers of the document skip it). */
export function isEventStream(operation: unknown): boolean {
  const responses = (operation as { responses?: Record<string, { content?: Record<string, unknown> }> } | undefined)?.responses ?? {};
  return Object.values(responses).some((r) => r.content !== undefined && 'text/event-stream' in r.content);
}
