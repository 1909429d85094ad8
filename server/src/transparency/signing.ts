// Ed25519 keys and signed checkpoints (node:crypto). A checkpoint's note is the signed text:
//   <origin>\n<tree size>\n<root hash, base64>\n<timestamp, ISO 8601>\n
// Shared by the server, `npm run audit` and the tests; the browser verifies the same bytes.
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto';

const SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

export interface KeyPair {
  keyId: string;
  /** raw 32 bytes, base64 */
  publicKey: string;
  /** PKCS#8 DER, base64 */
  privateKey: string;
}

export function keyIdOf(publicKey: string): string {
  return createHash('sha256').update(Buffer.from(publicKey, 'base64')).digest('hex').slice(0, 16);
}

export function generateSigningKey(): KeyPair {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const raw = publicKey.export({ format: 'der', type: 'spki' }).subarray(SPKI_PREFIX.length).toString('base64');
  return { keyId: keyIdOf(raw), publicKey: raw, privateKey: privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64') };
}

export interface CheckpointBody {
  origin: string;
  treeSize: number;
  rootHash: string;
  timestamp: string;
}

export function checkpointNote(c: CheckpointBody): string {
  return `${c.origin}\n${c.treeSize}\n${c.rootHash}\n${c.timestamp}\n`;
}

export function parseCheckpointNote(note: string): CheckpointBody | null {
  const m = /^([^\n]+)\n(\d+)\n([A-Za-z0-9+/=]+)\n([^\n]+)\n$/.exec(note);
  if (!m) return null;
  return { origin: m[1]!, treeSize: Number(m[2]), rootHash: m[3]!, timestamp: m[4]! };
}

export function signNote(note: string, privateKey: string): string {
  const key = createPrivateKey({ key: Buffer.from(privateKey, 'base64'), format: 'der', type: 'pkcs8' });
  return sign(null, Buffer.from(note, 'utf8'), key).toString('base64');
}

export function verifyNote(note: string, signature: string, publicKey: string): boolean {
  try {
    const key = createPublicKey({ key: Buffer.concat([SPKI_PREFIX, Buffer.from(publicKey, 'base64')]), format: 'der', type: 'spki' });
    return verify(null, Buffer.from(note, 'utf8'), key, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}
