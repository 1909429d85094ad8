// Setting the scene through the API (not the UI) where a spec is not about that step:
// accounts, a published video, a follow. Cookies are kept per Account.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { UploadTarget, Video } from '@cliptide/contract';

export class Account {
  cookie = '';
  constructor(
    readonly baseUrl: string,
    readonly username: string,
  ) {}

  async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.baseUrl}/api/v1${path}`, {
      method,
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), cookie: this.cookie },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) this.cookie = setCookie.split(';')[0] ?? '';
    if (!response.ok) throw new Error(`${method} ${path} -> ${response.status} ${await response.text()}`);
    return (response.status === 204 ? undefined : await response.json()) as T;
  }
}

export async function signupByApi(baseUrl: string, username: string): Promise<Account> {
  const account = new Account(baseUrl, username);
  await account.call('POST', '/auth/signup', {
    username,
    email: `${username}@example.test`,
    password: 'correct horse battery',
    birthdate: '1990-04-01',
  });
  return account;
}

/** Creates a video and sends its file in one tus creation-with-upload request. */
export async function uploadByApi(account: Account, file: string, caption: string): Promise<string> {
  const created = await account.call<{ video: Video; upload: UploadTarget }>('POST', '/videos', {
    caption,
    visibility: 'public',
    allowComments: true,
  });
  const bytes = readFileSync(file);
  const metadata = { ...created.upload.metadata, filename: basename(file), filetype: 'video/mp4' };
  const encoded = Object.entries(metadata)
    .map(([k, v]) => `${k} ${Buffer.from(v).toString('base64')}`)
    .join(',');
  const response = await fetch(new URL(created.upload.url, account.baseUrl), {
    method: 'POST',
    headers: {
      cookie: account.cookie,
      'tus-resumable': '1.0.0',
      'upload-length': String(bytes.length),
      'upload-metadata': encoded,
      'content-type': 'application/offset+octet-stream',
    },
    body: bytes,
  });
  if (response.status !== 201) throw new Error(`tus upload -> ${response.status} ${await response.text()}`);
  const offset = Number(response.headers.get('upload-offset'));
  if (offset !== bytes.length) throw new Error(`tus upload stopped at ${offset} of ${bytes.length}`);
  return created.video.id;
}

export async function waitUntilReady(account: Account, videoId: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const { video } = await account.call<{ video: Video }>('GET', `/videos/${videoId}`);
    if (video.status === 'ready') return;
    if (video.status === 'failed') throw new Error(`video ${videoId} failed: ${video.error?.reason}`);
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`video ${videoId} not ready after ${timeoutMs} ms`);
}
