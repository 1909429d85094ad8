// Password hashing adapter: argon2id (OWASP's recommended parameters by default).
// @node-rs/argon2 ships its compiled binary inside a platform npm package, so nothing is built or downloaded at install.
import { hash, verify } from '@node-rs/argon2';

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(hash: string, password: string): Promise<boolean>;
}

export interface Argon2Cost {
  /** KiB of memory per hash. */
  memoryCost?: number;
  /** Passes over the memory. */
  timeCost?: number;
}

/** OWASP's first argon2id option: 19 MiB, 2 passes, 1 lane. Tests pass lighter costs. */
const defaultCost = { memoryCost: 19_456, timeCost: 2 } as const;

export function createArgon2Hasher(cost: Argon2Cost = {}): PasswordHasher {
  // The library's default algorithm is argon2id (its enum is const, so it is left implicit; the unit test checks the output).
  const options = { parallelism: 1, ...defaultCost, ...cost };
  return {
    hash: (password) => hash(password, options),
    verify: async (stored, password) => {
      try {
        return await verify(stored, password);
      } catch {
        return false;
      }
    },
  };
}

export const argon2Hasher = createArgon2Hasher();
