// In-browser verification of the transparency log (decision 025), with WebCrypto only: the leaf's
// hash, its RFC 9162 inclusion proof (§2.1.3.2) against a checkpoint's root, and the checkpoint's
// Ed25519 signature by the region's published key.

const bytes = (s: string): Uint8Array<ArrayBuffer> => new TextEncoder().encode(s);
export const fromBase64 = (s: string): Uint8Array<ArrayBuffer> => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));
export const toBase64 = (b: Uint8Array): string => btoa(String.fromCharCode(...b));

async function sha256(...parts: Uint8Array[]): Promise<Uint8Array> {
  const all = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    all.set(p, at);
    at += p.length;
  }
  return new Uint8Array(await crypto.subtle.digest('SHA-256', all));
}

export const leafHash = (entry: string) => sha256(Uint8Array.of(0), bytes(entry));
const nodeHash = (l: Uint8Array, r: Uint8Array) => sha256(Uint8Array.of(1), l, r);

/** RFC 9162 §2.1.3.2: the root this proof implies for the leaf, or null when the proof cannot be right. */
export async function rootFromInclusion(leaf: Uint8Array, index: number, size: number, proof: readonly Uint8Array[]): Promise<Uint8Array | null> {
  if (index < 0 || index >= size) return null;
  let fn = index;
  let sn = size - 1;
  let r = leaf;
  for (const p of proof) {
    if (sn === 0) return null;
    if (fn % 2 === 1 || fn === sn) {
      r = await nodeHash(p, r);
      while (fn % 2 === 0 && fn !== 0) {
        fn = Math.floor(fn / 2);
        sn = Math.floor(sn / 2);
      }
    } else {
      r = await nodeHash(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 ? r : null;
}

export async function verifyInclusion(entry: string, index: number, size: number, proof: readonly string[], rootHash: string): Promise<boolean> {
  const root = await rootFromInclusion(await leafHash(entry), index, size, proof.map(fromBase64));
  return root !== null && toBase64(root) === rootHash;
}

/** true/false: the signature checks (or not); null: this browser's WebCrypto has no Ed25519. */
export async function verifyCheckpointSignature(note: string, signature: string, publicKey: string): Promise<boolean | null> {
  let key: CryptoKey;
  try {
    key = await crypto.subtle.importKey('raw', fromBase64(publicKey), { name: 'Ed25519' }, false, ['verify']);
  } catch {
    return null;
  }
  return crypto.subtle.verify({ name: 'Ed25519' }, key, fromBase64(signature), bytes(note));
}
