import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { friendlyMessage } from './error-messages.ts';
import { fieldOf, formErrors } from './form-errors.ts';
import { ApiError, problemFromResponse } from './problem.ts';

const problemResponse = (status: number, body: object) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/problem+json' } });

describe('API errors', () => {
  it('reads problem+json into an ApiError with its code and field issues', async () => {
    const error = await problemFromResponse(
      problemResponse(400, { type: 'x', title: 'Bad Request', status: 400, detail: 'nope', code: 'validation_failed', issues: [{ path: 'body.email', message: 'Invalid email address' }] }),
    );
    assert.equal(error.code, 'validation_failed');
    assert.deepEqual(error.issues, [{ path: 'body.email', message: 'Invalid email address' }]);
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

describe('form errors', () => {
  it('reads the field from where the server says it is', () => {
    assert.equal(fieldOf('body.email'), 'email');
    assert.equal(fieldOf('body.keywordFilters.3'), 'keywordFilters');
    assert.equal(fieldOf('query.q'), '');
    assert.equal(fieldOf('email'), '');
  });

  it('puts field problems next to their fields and says nothing twice', () => {
    const error = new ApiError(400, 'validation_failed', 'The request body is not valid', [
      { path: 'body.email', message: 'Invalid email address' },
      { path: 'body.password', message: 'at least 10 characters' },
    ]);
    assert.deepEqual(formErrors(error, ['username', 'email', 'password']), {
      fields: { email: 'Invalid email address', password: 'at least 10 characters' },
      general: null,
    });
  });

  it('says a problem it cannot place on a field once, in general', () => {
    const error = new ApiError(400, 'validation_failed', 'x', [{ path: 'body.region', message: 'one of default' }]);
    const shown = formErrors(error, ['username', 'email']);
    assert.deepEqual(shown.fields, {});
    assert.match(shown.general ?? '', /doesn’t look right/);
    assert.match(formErrors(new TypeError('Failed to fetch'), ['email']).general ?? '', /offline/);
  });

  it('places whole-request codes on the field they are about', () => {
    const shown = formErrors(new ApiError(409, 'email_taken', 'x'), ['username', 'email'], { email_taken: 'email' });
    assert.deepEqual(shown, { fields: { email: 'An account with that email already exists. Try logging in.' }, general: null });
    assert.ok(formErrors(new ApiError(409, 'email_taken', 'x'), ['username']).general);
  });
});
