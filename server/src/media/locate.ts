// Finds ffmpeg and ffprobe: an explicit path from config first, then the system's (PATH),
// then the static binaries of the npm packages @ffmpeg-installer/ffmpeg and @ffprobe-installer/ffprobe.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

export type ToolName = 'ffmpeg' | 'ffprobe';

export interface ToolPaths {
  ffmpeg: string;
  ffprobe: string;
}

export interface LocateDeps {
  /** Whether `command -version` runs and exits 0 (spawn resolves a bare name through PATH). */
  runs: (command: string) => boolean;
  /** The path the npm fallback package offers, or null when it is not installed or unsupported here. */
  bundled: (name: ToolName) => string | null;
}

const require = createRequire(import.meta.url);
const bundledPackage: Record<ToolName, string> = {
  ffmpeg: '@ffmpeg-installer/ffmpeg',
  ffprobe: '@ffprobe-installer/ffprobe',
};

export const systemLocateDeps: LocateDeps = {
  runs: (command) => {
    const result = spawnSync(command, ['-version'], { stdio: 'ignore', timeout: 10_000, shell: false });
    return result.status === 0;
  },
  bundled: (name) => {
    try {
      const found = require(bundledPackage[name]) as { path?: unknown };
      return typeof found.path === 'string' ? found.path : null;
    } catch {
      return null;
    }
  },
};

export class ToolNotFound extends Error {
  override readonly name = 'ToolNotFound';
}

/** The command to spawn for `name`. Throws ToolNotFound with a message an operator can act on. */
export function locateTool(name: ToolName, explicitPath?: string, deps: LocateDeps = systemLocateDeps): string {
  if (explicitPath) {
    if (!deps.runs(explicitPath)) throw new ToolNotFound(`${name} at ${explicitPath} (from configuration) does not run`);
    return explicitPath;
  }
  if (deps.runs(name)) return name;
  const bundled = deps.bundled(name);
  if (bundled && deps.runs(bundled)) return bundled;
  throw new ToolNotFound(`${name} was not found on PATH nor in ${bundledPackage[name]}; install ffmpeg or set its path`);
}

export function locateTools(
  opts: { ffmpegPath?: string; ffprobePath?: string } = {},
  deps: LocateDeps = systemLocateDeps,
): ToolPaths {
  return { ffmpeg: locateTool('ffmpeg', opts.ffmpegPath, deps), ffprobe: locateTool('ffprobe', opts.ffprobePath, deps) };
}
