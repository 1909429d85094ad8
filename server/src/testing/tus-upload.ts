// Sends a file to the tus endpoint a draft names, with a real tus client (tus-js-client), as the
// web studio does. Resolves with the upload's URL once every byte is accepted.
import * as tus from 'tus-js-client';
import type { UploadTarget } from '@cliptide/contract';

export function tusUpload(
  base: string,
  target: Pick<UploadTarget, 'url' | 'metadata'>,
  cookie: string,
  bytes: Buffer,
  file: { filename: string; filetype?: string },
  opts: Partial<tus.UploadOptions> = {},
): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    const upload = new tus.Upload(bytes, {
      endpoint: base + target.url,
      metadata: { ...target.metadata, ...file },
      headers: { cookie },
      retryDelays: [],
      ...opts,
      onError: reject,
      onSuccess: () => resolve(upload.url!),
    });
    upload.start();
  });
}
