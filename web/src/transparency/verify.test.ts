// The browser's verifier against a tree built here from the RFC's definition (MTH with recursion),
// for every leaf of sizes 1..20; and an Ed25519 signature made with node:crypto checks in WebCrypto.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, generateKeyPairSync, sign } from 'node:crypto';
import { fromBase64, rootFromInclusion, toBase64, verifyCheckpointSignature, verifyInclusion } from './verify.ts';

const H = (...p: Buffer[]) => createHash('sha256').update(Buffer.concat(p)).digest();
const K = (n: number) => 2 ** Math.ceil(Math.log2(n) - 1);
const MTH = (d: Buffer[]): Buffer => (d.length === 1 ? H(Buffer.from([0]), d[0]!) : H(Buffer.from([1]), MTH(d.slice(0, K(d.length))), MTH(d.slice(K(d.length)))));
const PATH = (m: number, d: Buffer[]): Buffer[] => {
  if (d.length <= 1) return [];
  const k = K(d.length);
  return m < k ? [...PATH(m, d.slice(0, k)), MTH(d.slice(k))] : [...PATH(m - k, d.slice(k)), MTH(d.slice(0, k))];
};

test('inclusion proofs of every leaf verify; a changed entry or root does not', async () => {
  for (let n = 1; n <= 20; n++) {
    const entries = Array.from({ length: n }, (_, i) => `{"index":${i}}`);
    const d = entries.map((e) => Buffer.from(e));
    const root = MTH(d).toString('base64');
    for (let m = 0; m < n; m++) {
      const proof = PATH(m, d).map((h) => h.toString('base64'));
      assert.ok(await verifyInclusion(entries[m]!, m, n, proof, root), `${m} in ${n}`);
      assert.ok(!(await verifyInclusion(`${entries[m]} `, m, n, proof, root)));
      assert.ok(!(await verifyInclusion(entries[m]!, m, n, proof, MTH(d.slice(0, Math.max(1, n - 1))).toString('base64'))) || n === 1);
    }
  }
  assert.equal(await rootFromInclusion(new Uint8Array(32), 3, 3, []), null);
  assert.equal(toBase64(fromBase64('AAEC')), 'AAEC');
});

test('an Ed25519 checkpoint signature made by the server’s library verifies in WebCrypto', async () => {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const raw = publicKey.export({ format: 'der', type: 'spki' }).subarray(12).toString('base64');
  const note = 'cliptide/default\n3\nAAAA\n2026-12-02T00:00:00.000Z\n';
  const signature = sign(null, Buffer.from(note), privateKey).toString('base64');
  assert.equal(await verifyCheckpointSignature(note, signature, raw), true);
  assert.equal(await verifyCheckpointSignature(note.replace('3', '4'), signature, raw), false);
});
