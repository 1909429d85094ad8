import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fieldMessages, friendlyMessage } from './error-messages.ts';
import { ApiError, problemFromResponse } from './problem.ts';

describe('API errors', () => {
  it('reads problem+json into an ApiError with its code and field issues', async () => {
    const response = new Response(
      JSON.stringify({ type: 'x', title: 'Bad Request', status: 400, detail: 'nope', code: 'validation_failed', issues: [{ path: 'email', message: 'Invalid email' }] }),
      { status: 400, headers: { 'content-type': 'application/problem+json' } },
    );
    const error = await problemFromResponse(response);
    assert.equal(error.code, 'validation_failed');
    assert.deepEqual(fieldMessages(error), { email: 'Invalid email' });
  });

  it('falls back to the status when the body is not a problem', async () => {
    const error = await problemFromResponse(new Response('<html>bad gateway</html>', { status: 502 }));
    assert.equal(error.code, 'internal');
    assert.equal((await problemFromResponse(new Response('', { status: 429 }))).code, 'rate_limited');
  });

  it('maps every code to a friendly sentence, and network failures too', () => {
    assert.match(friendlyMessage(new ApiError(400, 'too_young', 'x')), /at least 13/);
    assert.match(friendlyMessage(new ApiError(409, 'username_taken', 'x')), /username is taken/);
    assert.match(friendlyMessage(new ApiError(418, 'something_new', 'x')), /went wrong/);
    assert.match(friendlyMessage(new TypeError('Failed to fetch')), /offline/);
  });
});
