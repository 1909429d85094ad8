// A small local state file (the transparency monitor's last seen checkpoint): read whole, written
// whole through a temporary file and a rename, so a crash never leaves half a state.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export function readStateFile(path: string): string | null {
  return existsSync(path) ? readFileSync(path, 'utf8') : null;
}

export function writeStateFile(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, path);
}
