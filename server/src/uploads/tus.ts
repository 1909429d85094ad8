// Resumable uploads with the tus protocol (@tus/server + a local file store); its errors answered
// as problem+json like the rest of the API.
// A draft from POST /api/v1/videos names itself in the upload metadata (`videoId`); only its author may
// create, continue or terminate that upload, and the finished file starts the processing job.
import { join } from 'node:path';
import { FileStore } from '@tus/file-store';
import { Server, type Upload } from '@tus/server';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { NodeRequest, sendNodeResponse } from 'srvx/node';
import { DomainError } from '../shared/errors.ts';
import { problem, toProblem } from '../http/problem.ts';
import type { VideoService } from '../videos/video.service.ts';
import type { Viewer } from '../http/route.ts';
import { removeLocalFiles } from '../storage/local-files.ts';
import { asProblemResponse } from './tus-problem.ts';

export const UPLOAD_PATH = '/api/v1/uploads';

/** Where and how a client sends a draft's file: the `upload` of POST /api/v1/videos's answer. */
export const uploadOffer = (videoId: string, maxBytes: number) => ({ url: UPLOAD_PATH, protocol: 'tus' as const, metadata: { videoId }, maxBytes });

export interface TusDeps {
  videos: VideoService;
  uploadDir: string;
  maxUploadBytes: number;
  /** Resolves the session from a request's Cookie header. */
  viewerFromCookie: (cookieHeader: string | null) => Promise<Viewer | null>;
}

/** Errors from hooks become problem+json bodies with the right status. */
function tusError(error: unknown): { status_code: number; body: string } {
  const p = error instanceof DomainError ? toProblem(error) : problem(500, 'internal', 'The upload could not be handled');
  return { status_code: p.status, body: JSON.stringify(p) };
}

export function registerTus(app: FastifyInstance, deps: TusDeps) {
  const requireViewer = async (req: Request) => {
    const viewer = await deps.viewerFromCookie(req.headers.get('cookie'));
    if (!viewer) throw tusError(new DomainError('unauthenticated', 'You need to log in to upload'));
    return viewer;
  };

  const tus = new Server({
    path: UPLOAD_PATH,
    // (no tus expiration: with it, a creation-with-upload answers 404 once onUploadFinish has moved
    // the file; abandoned uploads are swept by age instead, see removeStaleUploads)
    datastore: new FileStore({ directory: deps.uploadDir }),
    maxSize: deps.maxUploadBytes,
    respectForwardedHeaders: true,
    relativeLocation: true,
    // the web client uploads from its own origin; no cross-origin uploads
    allowedOrigins: () => false,
    async onIncomingRequest(req, uploadId) {
      const viewer = await requireViewer(req);
      try {
        await deps.videos.assertUploadOwner(uploadId, viewer.id);
      } catch (error) {
        throw tusError(error);
      }
    },
    async onUploadCreate(req, upload: Upload) {
      const viewer = await requireViewer(req);
      try {
        await deps.videos.beginUpload(upload.metadata?.videoId ?? undefined, viewer.id, upload.id, upload.size);
      } catch (error) {
        throw tusError(error);
      }
      return {};
    },
    async onUploadFinish(_req, upload: Upload) {
      try {
        const localPath = join(deps.uploadDir, upload.id);
        await deps.videos.finishUpload(upload.id, localPath);
        // The source now lives in blob storage; the tus copy is no longer needed.
        await removeLocalFiles(localPath, `${localPath}.json`);
      } catch (error) {
        throw tusError(error);
      }
      return {};
    },
  });

  // tus reads the raw request stream itself.
  app.register(async (scope) => {
    scope.addContentTypeParser('application/offset+octet-stream', (_req, _payload, done) => done(null));
    const handle = async (request: FastifyRequest, reply: FastifyReply) => {
      reply.hijack();
      const response = await tus.handleWeb(new NodeRequest({ req: request.raw, res: reply.raw }));
      await sendNodeResponse(reply.raw, await asProblemResponse(response, deps.maxUploadBytes));
    };
    scope.all(UPLOAD_PATH, handle);
    scope.all(`${UPLOAD_PATH}/*`, handle);
  });
  return tus;
}
