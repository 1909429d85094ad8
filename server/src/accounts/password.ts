// Password hashing adapter: argon2id with the library's OWASP-level defaults.
import argon2 from 'argon2';

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(hash: string, password: string): Promise<boolean>;
}

/** argon2id; the defaults are the library's (64 MiB, 3 passes). Tests pass lighter costs. */
export function createArgon2Hasher(cost: { memoryCost?: number; timeCost?: number } = {}): PasswordHasher {
  return {
    hash: (password) => argon2.hash(password, { type: argon2.argon2id, ...cost }),
    verify: async (hash, password) => {
      try {
        return await argon2.verify(hash, password);
      } catch {
        return false;
      }
    },
  };
}

export const argon2Hasher = createArgon2Hasher();
