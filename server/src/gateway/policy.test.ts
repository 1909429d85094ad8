// The policy file parses, and `decide` is deny by default: the allow/deny matrix over every role,
// purpose and jurisdiction pair, and a crossBorder rule admitting exactly its pair.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ACCESS_PURPOSES, OPERATOR_ROLES } from '@cliptide/contract';
import { decide, loadPolicy, parsePolicy, PolicyError } from './policy.ts';

const policy = loadPolicy();
const lookup = ['profile', 'contact', 'birthdate', 'account', 'activity'];

test('the repository policy: who may look up an account, for what, from where', () => {
  const allowed: string[] = [];
  for (const role of OPERATOR_ROLES) {
    for (const purpose of ACCESS_PURPOSES) {
      for (const jurisdiction of ['eu', 'us']) {
        const v = decide(policy, { role, jurisdiction, purpose, dataClasses: lookup, subjectRegion: 'eu' });
        if (v.decision === 'allowed') allowed.push(`${role}/${purpose}/${jurisdiction}`);
        else if (jurisdiction === 'us' && decide(policy, { role, jurisdiction: 'eu', purpose, dataClasses: lookup, subjectRegion: 'eu' }).decision === 'allowed') {
          assert.equal(v.code, 'cross_border_denied', `${role}/${purpose} from us`);
        } else assert.equal(v.code, 'purpose_denied', `${role}/${purpose}/${jurisdiction}`);
      }
    }
  }
  assert.deepEqual(allowed, ['admin/support/eu', 'admin/security/eu', 'admin/legal/eu', 'support/support/eu']);
  const mod = decide(policy, { role: 'moderator', jurisdiction: 'eu', purpose: 'moderation', dataClasses: ['contact'], subjectRegion: 'eu' });
  assert.deepEqual(mod, { decision: 'denied', code: 'purpose_denied', reason: 'data:contact' });
  assert.equal(decide(policy, { role: 'moderator', jurisdiction: 'eu', purpose: 'moderation', dataClasses: ['content'], subjectRegion: 'eu' }).decision, 'allowed');
});

test('a crossBorder rule admits its pair, its purposes and its data classes, nothing more', () => {
  const bridged = parsePolicy({
    ...policy,
    crossBorder: [{ role: 'auditor', from: 'us', to: 'eu', purposes: ['audit'], dataClasses: ['account'], why: 'a joint audit' }],
  });
  const ask = (jurisdiction: string, subjectRegion: string, dataClasses: string[]) =>
    decide(bridged, { role: 'auditor', jurisdiction, purpose: 'audit', dataClasses, subjectRegion }).decision;
  assert.equal(ask('us', 'eu', ['account']), 'allowed');
  assert.equal(ask('eu', 'us', ['account']), 'denied', 'not the other way round');
  assert.equal(ask('us', 'eu', ['account', 'activity']), 'denied', 'not other data');
  assert.equal(ask('jp', 'eu', ['account']), 'denied');
});

test('a malformed policy stops start-up with a readable message', () => {
  assert.throws(() => parsePolicy({ ...policy, rules: [{ role: 'janitor', purposes: ['support'], dataClasses: ['profile'] }] }), PolicyError);
  assert.throws(() => parsePolicy({ ...policy, rules: [{ role: 'support', purposes: ['gossip'], dataClasses: ['profile'] }] }), /rules\.0\.purposes/);
  assert.throws(() => parsePolicy({ ...policy, crossBorder: [{ role: 'admin', from: 'us', to: 'eu', purposes: ['legal'], dataClasses: ['contact'] }] }), /why/);
});
