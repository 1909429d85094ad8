// The tus endpoint in the OpenAPI document: it is served by @tus/server, not the router, so its
// operations are written out here (tus 1.0: creation, creation-with-upload, termination).
import type { OpenApiRegistry } from '../http/openapi.ts';
import { UPLOAD_PATH } from './tus.ts';

const problem = (description: string) => ({ description, content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } });
const tusResumable = { name: 'Tus-Resumable', in: 'header', required: true, schema: { type: 'string', const: '1.0.0' } };
const uploadOffset = { name: 'Upload-Offset', in: 'header', required: true, schema: { type: 'integer', minimum: 0 } };
const errors = {
  401: problem('unauthenticated: log in first'),
  404: problem('not_found: no such upload, or not yours'),
  413: problem('payload_too_large: larger than the upload limit'),
};

export function describeTusUploads(openapi: OpenApiRegistry) {
  const security = [{ session: [] }];
  openapi.addPath(UPLOAD_PATH, {
    post: {
      operationId: 'tusCreateUpload',
      summary: 'tus: create an upload for a draft video (optionally with its first bytes)',
      description: 'Upload-Metadata must carry `videoId` (from POST /api/v1/videos), and may carry `filename` and `filetype`.',
      tags: ['uploads'],
      security,
      parameters: [
        tusResumable,
        { name: 'Upload-Length', in: 'header', required: true, schema: { type: 'integer', minimum: 0 } },
        { name: 'Upload-Metadata', in: 'header', required: true, schema: { type: 'string' } },
      ],
      responses: { 201: { description: 'Created; Location names the upload' }, ...errors },
    },
  });
  openapi.addPath(`${UPLOAD_PATH}/{uploadId}`, {
    parameters: [{ name: 'uploadId', in: 'path', required: true, schema: { type: 'string' } }],
    head: {
      operationId: 'tusUploadOffset',
      summary: 'tus: how many bytes the server has (to resume)',
      tags: ['uploads'],
      security,
      parameters: [tusResumable],
      responses: { 200: { description: 'Upload-Offset and Upload-Length headers' }, ...errors },
    },
    patch: {
      operationId: 'tusAppend',
      summary: 'tus: append bytes at Upload-Offset; the last byte starts processing',
      tags: ['uploads'],
      security,
      parameters: [tusResumable, uploadOffset],
      requestBody: { required: true, content: { 'application/offset+octet-stream': { schema: { type: 'string', contentMediaType: 'application/octet-stream' } } } },
      responses: { 204: { description: 'Accepted; Upload-Offset is the new offset' }, 409: problem('the offset does not match'), ...errors },
    },
    delete: {
      operationId: 'tusTerminate',
      summary: 'tus: abandon an upload',
      tags: ['uploads'],
      security,
      parameters: [tusResumable],
      responses: { 204: { description: 'Terminated' }, ...errors },
    },
  });
}
