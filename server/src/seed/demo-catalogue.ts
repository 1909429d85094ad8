// The demo catalogue: on first start with an empty database, a few creators and 20+ short vertical
// videos with sound, captions and hashtags on a handful of topics — generated locally with ffmpeg's
// lavfi sources, so nothing is downloaded. They go through the real pipeline (source → probe → HLS).
import { join } from 'node:path';
import { SYNTH_TONES, synthClip, type SynthScene } from '../media/index.ts';
import type { Platform } from '../platform.ts';
import { removeLocalFiles, withScratchDir } from '../storage/local-files.ts';
import { demoCreators, demoVideos, DEMO_PASSWORD } from './demo-content.ts';

export async function seedDemoCatalogue(platform: Platform, opts: { limit?: number } = {}): Promise<number> {
  const { accounts, videos, social } = platform.services;
  if (await accounts.hasAccounts()) return 0;
  const log = platform.app.log;
  log.info('seeding the demo catalogue (generated with ffmpeg)');

  const ids = new Map<string, string>();
  for (const c of demoCreators) {
    const { user } = await accounts.signup({ username: c.username, email: `${c.username}@demo.cliptide.local`, password: DEMO_PASSWORD, birthdate: c.birthdate, displayName: c.displayName }, { verified: true });
    await accounts.updateProfile(user.id, { bio: c.bio });
    ids.set(c.username, user.id);
  }
  // A small social graph so Following and counts are not empty.
  for (const c of demoCreators) {
    for (const other of c.follows) await social.follow(ids.get(c.username)!, other, true);
  }

  const list = demoVideos.slice(0, opts.limit ?? demoVideos.length);
  const videoIds: string[] = [];
  const started = Date.now();
  await withScratchDir('demo', async (work) => {
    for (const [i, v] of list.entries()) {
      const authorId = ids.get(v.creator)!;
      const { video } = await videos.create(authorId, { caption: v.caption, visibility: 'public', allowComments: true });
      videoIds.push(video.id);
      const outPath = join(work, `${i}.mp4`);
      await synthClip({
        outPath,
        seconds: v.seconds,
        width: 540,
        height: 960,
        scene: v.scene as SynthScene,
        tone: SYNTH_TONES[v.tone % SYNTH_TONES.length]!,
        key: v.tone * 2,
        text: v.title,
      });
      await videos.ingestLocalFile(video.id, outPath);
      await removeLocalFiles(outPath);
    }
  });
  log.info({ videos: list.length }, 'demo catalogue queued for processing');
  void reportWhenProcessed(platform, videoIds, started);
  return list.length;
}

/** Says in the log when the demo videos are playable (the jobs run in the background). */
async function reportWhenProcessed(platform: Platform, videoIds: string[], started: number): Promise<void> {
  const log = platform.app.log;
  try {
    for (;;) {
      const { ready, failed } = await platform.services.videos.processingSummary(videoIds);
      if (ready + failed >= videoIds.length) {
        const seconds = Math.round((Date.now() - started) / 1000);
        if (failed > 0) log.warn({ ready, failed, seconds }, 'demo catalogue processed, with failures');
        else log.info({ ready, seconds }, 'demo catalogue ready: every demo video is playable');
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 3000).unref());
    }
  } catch (error) {
    // the platform stopping while we wait ends the watch; nothing to report
    log.debug({ err: error }, 'stopped watching the demo catalogue');
  }
}
