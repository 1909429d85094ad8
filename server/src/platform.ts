// The composition root: builds every module from the configuration with explicit dependencies.
// main.ts runs it as a server or a worker; integration tests build it on a throwaway database.
import type { FastifyInstance } from 'fastify';
import type { Config } from './config/config.ts';
import type { Database } from './db/database.ts';
import { openDatabase } from './db/open.ts';
import { createBlobStore } from './storage/index.ts';
import { ensureLocalDir, removeAbandonedScratchDirs, removeStaleUploads } from './storage/local-files.ts';
import type { BlobStore } from './storage/blob-store.ts';
import { createRegions } from './regions/regions.ts';
import { blobKeys } from './storage/keys.ts';
import { createMedia } from './media/index.ts';
import { createAccountRepository } from './accounts/account.repository.ts';
import { createAccountService } from './accounts/account.service.ts';
import { createOperatorRepository } from './operators/operator.repository.ts';
import { createOperatorService } from './operators/operator.service.ts';
import { operatorRoutes } from './operators/operator.routes.ts';
import { createSharingService } from './sharing/sharing.service.ts';
import { createCollectionRepository } from './collections/collection.repository.ts';
import { createCollectionService } from './collections/collection.service.ts';
import { collectionRoutes } from './collections/collection.routes.ts';
import { sharingRoutes } from './sharing/sharing.routes.ts';
import { createModerationRepository } from './moderation/moderation.repository.ts';
import { createModerationService } from './moderation/moderation.service.ts';
import { moderationRoutes } from './moderation/moderation.routes.ts';
import { argon2Hasher, type PasswordHasher } from './accounts/password.ts';
import { createAvatarStore } from './accounts/avatar.ts';
import { accountRoutes } from './accounts/account.routes.ts';
import { createAccountSecurityRepository } from './accounts/account-security.repository.ts';
import { createAccountSecurityService } from './accounts/account-security.service.ts';
import { accountSecurityRoutes } from './accounts/account-security.routes.ts';
import { createMailRepository } from './mail/mail.repository.ts';
import { createMailService } from './mail/mail.service.ts';
import { createOutboxTransport, createSmtpTransport } from './mail/smtp-transport.ts';
import { createSendMailHandler } from './mail/mail.job.ts';
import { mailRoutes } from './mail/mail.routes.ts';
import { createVideoRepository } from './videos/video.repository.ts';
import { createVideoListRepository } from './videos/video-list.repository.ts';
import { createVideoService } from './videos/video.service.ts';
import { videoRoutes } from './videos/video.routes.ts';
import { createProcessVideoHandler, createPurgeMediaHandler, createRekeyMediaHandler } from './videos/processing.ts';
import { createJobRepository } from './jobs/job.repository.ts';
import { createWorker, type WorkerLog } from './jobs/worker.ts';
import type { Job } from './jobs/job.types.ts';
import { createSocialRepository } from './social/social.repository.ts';
import { createCommentRepository } from './social/comment.repository.ts';
import { createSocialService } from './social/social.service.ts';
import { socialRoutes } from './social/social.routes.ts';
import { createFeedService } from './feed/feed.service.ts';
import { createBlockRepository } from './blocks/block.repository.ts';
import { createBlockService } from './blocks/block.service.ts';
import { blockRoutes } from './blocks/block.routes.ts';
import { createRecommenderRepository } from './recommendation/recommender.repository.ts';
import { createEngineHost } from './recommendation/engine-host.ts';
import { createCatalogueEvents } from './recommendation/catalogue-events.ts';
import { createForYouService } from './recommendation/foryou.service.ts';
import { recommendationRoutes } from './recommendation/recommendation.routes.ts';
import { feedRoutes } from './feed/feed.routes.ts';
import { createSearchService } from './search/search.service.ts';
import { searchRoutes } from './search/search.routes.ts';
import { createPlaybackService } from './playback/playback.service.ts';
import { playbackRoutes } from './playback/playback.routes.ts';
import { createNotificationRepository } from './notifications/notification.repository.ts';
import { createNotificationService, NOTIFICATION_CHANNEL } from './notifications/notification.service.ts';
import { createNotificationHub } from './notifications/notification-hub.ts';
import { notificationRoutes } from './notifications/notification.routes.ts';
import { describeNotificationStream, notificationStream } from './notifications/notification-stream.ts';
import { parseCaption } from './videos/caption.ts';
import { registerTus } from './uploads/tus.ts';
import { describeTusUploads } from './uploads/tus.openapi.ts';
import { createLogRepository } from './transparency/log.repository.ts';
import { createRegionLog, createTransparency } from './transparency/transparency.service.ts';
import { transparencyRoutes } from './transparency/transparency.routes.ts';
import { algorithmFingerprint } from './transparency/algorithm.ts';
import { gitCommit, readSourceTree } from './storage/source-tree.ts';
import { createGateway } from './gateway/gateway.ts';
import { loadPolicy } from './gateway/policy.ts';
import { createAccountLookup } from './operators/account-lookup.service.ts';
import { createWellbeingRepository } from './wellbeing/wellbeing.repository.ts';
import { createWellbeingService } from './wellbeing/wellbeing.service.ts';
import { wellbeingRoutes } from './wellbeing/wellbeing.routes.ts';
import { createApp } from './http/app.ts';
import { createMetrics } from './http/metrics.ts';

export interface PlatformOptions {
  /** An already-open database (tests); otherwise the configured one is opened and migrated. */
  db?: Database;
  storage?: BlobStore;
  passwords?: PasswordHasher;
  /** Run jobs in this process (default: config.jobs.concurrency > 0). */
  runWorker?: boolean;
  retryBaseMs?: number;
  pollMs?: number;
  now?: () => Date;
  /** Host the For You engine in this process (default true; the `worker` command does not). */
  recommender?: boolean;
  /** How often the engine's state is snapshotted to the database. */
  snapshotEveryMs?: number;
}

export async function createPlatform(config: Config, opts: PlatformOptions = {}) {
  ensureLocalDir(config.uploadDir);
  const db = opts.db ?? (await openDatabase(config));
  const storage = opts.storage ?? createBlobStore(config.storage);
  const regions = createRegions([{ name: config.region, db, storage }]);
  const home = regions.home;
  const metrics = createMetrics();
  const now = opts.now ?? (() => new Date());

  const jobsRepo = createJobRepository(home.db);
  let wake = () => {};
  const enqueue = async (job: Job, delayMs = 0) => {
    await jobsRepo.enqueue(job, { delayMs });
    wake();
  };

  const media = createMedia(config.ffmpeg);
  const log: WorkerLog = { info: () => {}, warn: () => {}, error: () => {} };
  const mail = createMailService({
    repo: createMailRepository(home.db),
    transport: config.mail ? createSmtpTransport(config.mail.smtpUrl, config.mail.from) : createOutboxTransport(),
    enqueueSend: (mailId) => enqueue({ type: 'send_mail', mailId }),
  });
  const passwords = opts.passwords ?? argon2Hasher;
  const security = createAccountSecurityService({
    repo: createAccountSecurityRepository(home.db),
    passwords,
    mail,
    linkOrigin: config.linkOrigin,
    region: regions.home.name,
    unverifiedPostingDays: config.unverifiedPostingDays,
    now,
    background: (work) => void work().catch((error: unknown) => log.error({ err: error }, 'account mail failed')),
  });
  const wellbeing = createWellbeingService({ repo: createWellbeingRepository(home.db), passwords, now, minuteMs: config.screenTimeMinuteMs });
  const accountsRepo = createAccountRepository(home.db);
  const accounts = createAccountService({
    accounts: accountsRepo,
    passwords,
    security,
    avatars: createAvatarStore(home.storage, (bytes, format) => media.reencodeImage(bytes, format)),
    regions: regions.names,
    defaultRegion: regions.home.name,
    now,
    onSignedUp: (accountId, band) => wellbeing.initialize(accountId, band),
  });
  const videosRepo = createVideoRepository(home.db);
  const moderationRepo = createModerationRepository(home.db);
  // where people post: a confirmed e-mail address (decision 024), no restriction, suspension or ban (decision 023)
  const mayPost = async (accountId: string) => {
    await security.assertMayPost(accountId);
    await moderation.assertMayPost(accountId);
  };
  const lists = createVideoListRepository(home.db);
  const socialRepo = createSocialRepository(home.db);
  const recommenderRepo = createRecommenderRepository(home.db);
  const nowMs = () => now().getTime();
  const catalogueEvents = createCatalogueEvents(recommenderRepo, nowMs);
  const engineHost = createEngineHost({
    repo: recommenderRepo,
    now: nowMs,
    snapshotEveryMs: opts.snapshotEveryMs ?? 60_000,
    log: { info: (o, m) => log.info(o, m), error: (o, m) => log.error(o, m) },
  });
  const videos = createVideoService({
    videos: videosRepo,
    lists,
    storage: home.storage,
    maxUploadBytes: config.limits.maxUploadBytes,
    enqueueProcessing: (videoId) => enqueue({ type: 'process_video', videoId }),
    enqueuePurge: (prefix) => enqueue({ type: 'purge_media', prefix }),
    enqueueRekey: (videoId) => enqueue({ type: 'rekey_media', videoId }),
    findAuthorId: (username, viewerId) => accounts.idVisibleTo(username, viewerId),
    onChanged: (videoId) => catalogueEvents.videoChanged(videoId),
    assertMayPost: mayPost,
  });
  const forYou = createForYouService({
    host: engineHost,
    repo: recommenderRepo,
    videos: videosRepo,
    region: regions.home.name,
    now: nowMs,
    findCreatorId: (username) => accounts.idOf(username),
    setPersonalized: (accountId, on) => accounts.setPersonalizedFeed(accountId, on),
    viewerContent: (viewerId) => wellbeing.contentFor(viewerId),
    assertFeedOpen: (viewerId) => wellbeing.assertFeedOpen(viewerId),
  });
  const notificationsRepo = createNotificationRepository(home.db);
  const notifications = createNotificationService({
    repo: notificationsRepo,
    findAccountId: (username) => accounts.idOf(username),
    canWatch: async (videoId, accountId) => (await videosRepo.findWatchable(videoId, accountId)) !== null,
    mentionsIn: (text) => parseCaption(text).mentions,
    now,
  });
  const notificationHub = createNotificationHub({
    repo: notificationsRepo,
    channel: NOTIFICATION_CHANNEL,
    onError: (error) => log.error({ err: error }, 'live notifications failed'),
  });
  // a notification is news, not the request's outcome: failing to record one never fails the like
  const tellAbout = (what: () => Promise<unknown>) => what().catch((error: unknown) => log.error({ err: error }, 'could not record a notification'));
  const blocks = createBlockService({ repo: createBlockRepository(home.db), findAccountId: (username) => accounts.idOf(username) });
  const social = createSocialService({
    social: socialRepo,
    comments: createCommentRepository(home.db),
    videos: videosRepo,
    findAccount: (username) => accounts.followTarget(username),
    blockStanding: (viewerId, otherId) => blocks.standing(viewerId, otherId),
    onEngagement: async (signal) => {
      await forYou.learn(signal);
      // screen time counts what the player reports, capped by the video's length and the ledger
      if (signal.kind === 'view') await wellbeing.recordWatch(signal.accountId, signal.watchedMs);
    },
    onActivity: (activity) => tellAbout(() => notifications.onActivity(activity)),
    assertMayPost: mayPost,
  });
  const moderation = createModerationService({
    repo: moderationRepo,
    canSeeVideo: async (videoId, viewerId) => (await videosRepo.findVisible(videoId, viewerId)) !== null,
    onVideoChanged: (videoId) => catalogueEvents.videoChanged(videoId),
    onVideoNarrowed: (videoId) => enqueue({ type: 'rekey_media', videoId }),
    // moderators read and change people's data only through the access gateway (decision 025)
    access: (req, read) => gateway.access(req, read),
    notifyDecision: (recipientId, decisionId) => tellAbout(() => notifications.onModerationDecision(recipientId, decisionId)),
    holdThreshold: config.moderation.holdThreshold,
  });
  const feed = createFeedService({ videos, assertFeedOpen: (viewerId) => wellbeing.assertFeedOpen(viewerId) });
  const search = createSearchService({ accounts, videos });
  const playback = createPlaybackService({ storage: home.storage, videos: videosRepo });

  const worker = createWorker({
    jobs: jobsRepo,
    concurrency: opts.runWorker === false ? 0 : config.jobs.concurrency,
    leaseMs: config.jobs.leaseMs,
    ...(opts.retryBaseMs !== undefined ? { retryBaseMs: opts.retryBaseMs } : {}),
    ...(opts.pollMs !== undefined ? { pollMs: opts.pollMs } : {}),
    log: { info: (o, m) => log.info(o, m), warn: (o, m) => log.warn(o, m), error: (o, m) => log.error(o, m) },
    onSettled: (job, outcome) => metrics.jobSettled(job.type, outcome),
    handlers: {
      process_video: createProcessVideoHandler({
        videos: videosRepo,
        media,
        storage: home.storage,
        limits: { maxDurationMs: config.limits.maxVideoMs, maxPixelFrames: config.limits.maxPixelFrames },
        transcodeTimeoutMs: config.limits.transcodeTimeoutMs,
        enqueuePurge: (prefix) => enqueue({ type: 'purge_media', prefix }),
        enqueueSourceSweep: (videoId) => enqueue({ type: 'purge_media', prefix: blobKeys.sources(videoId) }, config.uploadExpiryMs),
        onPublished: async (videoId) => {
          await catalogueEvents.videoChanged(videoId);
          const published = await videosRepo.processingState(videoId);
          const row = published ? await videosRepo.findWatchable(videoId, published.author_id) : null;
          if (row) await tellAbout(() => notifications.onPublished({ id: row.id, authorId: row.author_id, caption: row.caption }));
        },
      }),
      purge_media: createPurgeMediaHandler(home.storage),
      send_mail: createSendMailHandler(mail),
      rekey_media: createRekeyMediaHandler({ videos: videosRepo, storage: home.storage, enqueuePurge: (prefix) => enqueue({ type: 'purge_media', prefix }) }),
    },
  });
  wake = () => worker.wake();

  const operators = createOperatorService({ operators: createOperatorRepository(home.db), idOf: (username) => accounts.idOf(username) });

  // The access gateway and each region's transparency log (decision 025): keys and secret made on first start.
  const logHost = config.publicOrigin ? new URL(config.publicOrigin).host : 'cliptide';
  const transparency = createTransparency(
    regions.names.map((name) => createRegionLog({ repo: createLogRepository(regions.of(name).db), region: name, origin: `${logHost}/${name}`, now })),
  );
  await transparency.init();
  const gateway = createGateway({
    policy: loadPolicy(),
    // the subject's region's log; a subject of a region not served here is logged in this one
    record: (region, record) => transparency.of(regions.names.includes(region) ? region : home.name).append(record),
    now,
  });
  const accountLookup = createAccountLookup({
    gateway,
    subjectOf: (username) => accounts.subjectOf(username),
    personalRecord: (id) => accounts.personalRecord(id),
  });
  const algorithm = algorithmFingerprint(gitCommit(new URL('.', import.meta.url).pathname), readSourceTree(new URL('../../recommender/src', import.meta.url).pathname));
  const signCheckpoints = () =>
    Promise.all(transparency.regions.map((r) => transparency.of(r).signIfGrown())).catch((error: unknown) => log.error({ err: error }, 'signing a checkpoint failed'));
  const checkpointTimer = setInterval(() => void signCheckpoints(), config.checkpointEveryMs).unref();
  const collections = createCollectionService({
    collections: createCollectionRepository(home.db),
    idVisibleTo: (username, viewerId) => accounts.idVisibleTo(username, viewerId),
  });
  const sharing = createSharingService({
    publicVideo: (id) => videos.get(id, null),
    publicProfile: (username) => accounts.profile(username, null),
  });

  const { app, route, openapi } = await createApp({
    logLevel: config.logLevel,
    viewerForToken: (token) => accounts.viewerForToken(token),
    metrics,
    webDist: config.webDist,
    trustProxy: config.trustProxy,
    publicOrigin: config.publicOrigin,
    hsts: config.cookieSecure,
    metricsToken: config.metricsToken,
    page: (path, origin) => sharing.page(path, origin),
    // grids that play as feeds pause at the daily limit like the feeds do (decision 021)
    guards: { watching: (viewer) => wellbeing.assertFeedOpen(viewer.id) },
  });
  Object.assign(log, {
    info: (o: object, m: string) => app.log.info(o, m),
    warn: (o: object, m: string) => app.log.warn(o, m),
    error: (o: object, m: string) => app.log.error(o, m),
  });
  accountRoutes(route, accounts, { secure: config.cookieSecure }, config.rateLimits);
  transparencyRoutes(route, transparency, algorithm);
  accountSecurityRoutes(route, security, accounts, config.rateLimits);
  operatorRoutes(route, operators, accountLookup);
  sharingRoutes(route, sharing, config.publicOrigin);
  collectionRoutes(route, collections, config.rateLimits);
  mailRoutes(route, mail);
  moderationRoutes(route, moderation, { writePerMinute: config.rateLimits.writePerMinute, reportsPerMinute: config.moderation.reportsPerMinute }, now);
  videoRoutes(route, videos, config.rateLimits);
  socialRoutes(route, social, config.rateLimits);
  blockRoutes(route, blocks, config.rateLimits);
  feedRoutes(route, feed);
  wellbeingRoutes(route, wellbeing, config.rateLimits);
  recommendationRoutes(route, forYou);
  searchRoutes(route, search, config.rateLimits);
  playbackRoutes(app, playback);
  describeTusUploads(openapi);
  notificationRoutes(route, notifications, config.rateLimits);
  notificationStream(app, { hub: notificationHub, lastSeq: (accountId) => notificationsRepo.lastSeq(accountId) });
  describeNotificationStream(openapi);
  await notificationHub.start();
  const pruneNotifications = () => tellAbout(() => notifications.prune());
  void pruneNotifications();
  const pruneTimer = setInterval(pruneNotifications, 6 * 3600_000).unref();
  registerTus(app, {
    videos,
    uploadDir: config.uploadDir,
    maxUploadBytes: config.limits.maxUploadBytes,
    viewerFromCookie: async (header) => {
      const token = header ? app.parseCookie(header)[`cliptide_session`] : undefined;
      return token ? accounts.viewerForToken(token) : null;
    },
  });

  if (opts.recommender !== false) await engineHost.start();
  // abandoned tus uploads (untouched for UPLOAD_EXPIRY_HOURS): removed at start and every hour
  const sweepUploads = async () => {
    try {
      const removed = await removeStaleUploads(config.uploadDir, config.uploadExpiryMs);
      if (removed > 0) log.info({ removed }, 'removed abandoned uploads');
      return removed;
    } catch (error) {
      log.error({ err: error }, 'sweeping abandoned uploads failed');
      return 0;
    }
  };
  await sweepUploads();
  const uploadSweep = setInterval(() => void sweepUploads(), 3600_000);
  uploadSweep.unref();
  // scratch directories of jobs interrupted by a crash or a kill would otherwise stay forever
  const abandoned = await removeAbandonedScratchDirs();
  if (abandoned.length > 0) log.info({ directories: abandoned }, 'removed scratch directories of interrupted jobs');

  return {
    config,
    app: app as FastifyInstance,
    db,
    storage,
    worker,
    services: { accounts, security, mail, videos, social, feed, forYou, search, playback, notifications, operators, blocks, wellbeing, moderation, gateway, transparency, accountLookup },
    notificationHub,
    recommender: engineHost,
    catalogueEvents,
    repositories: { videos: videosRepo, jobs: jobsRepo },
    media,
    sweepUploads,
    async close() {
      clearInterval(uploadSweep);
      clearInterval(checkpointTimer);
      await worker.stop();
      if (opts.recommender !== false) await engineHost.stop();
      clearInterval(pruneTimer);
      await notificationHub.stop();
      await app.close();
      mail.close();
      if (!opts.db) await db.close();
    },
  };
}
export type Platform = Awaited<ReturnType<typeof createPlatform>>;
