import assert from 'node:assert/strict';
import { test } from 'node:test';
import { passwordProblem } from './password-policy.ts';

const who = { username: 'alice_smith', email: 'alice@example.test' };

test('a new password is at least 10 characters and not a common one', () => {
  assert.match(passwordProblem('short1234', who)!, /at least 10/);
  assert.match(passwordProblem('1234567890', who)!, /most common/, 'in the top 10,000');
  assert.match(passwordProblem('QWERTYUIOP', who)!, /most common/, 'case does not help');
  assert.match(passwordProblem('Alice_Smith', who)!, /username/);
  assert.equal(passwordProblem('correct horse battery', who), null);
  assert.equal(passwordProblem('cliptide-demo', who), null, 'the demo password stays valid');
});
