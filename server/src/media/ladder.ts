// The HLS ladder: renditions named after their short side (what "720p" means for a vertical
// video too), never above the source, aspect kept, even dimensions for 4:2:0 chroma.
import type { Rung } from './media.types.ts';

interface Step {
  short: number;
  videoBitrate: number;
}

/** Short side → target video bit rate (H.264, veryfast, short-form content). */
export const LADDER_STEPS: readonly Step[] = [
  { short: 1080, videoBitrate: 4_500_000 },
  { short: 720, videoBitrate: 2_500_000 },
  { short: 480, videoBitrate: 1_200_000 },
  { short: 360, videoBitrate: 700_000 },
];

/** Peak rate allowed over the target (x264 VBV maxrate); bufsize is twice the target. */
export const PEAK_FACTOR = 1.1;
const SMALLEST = LADDER_STEPS[LADDER_STEPS.length - 1]!;
const MIN_BITRATE = 150_000;

const floorEven = (n: number) => Math.max(2, Math.floor(n / 2) * 2);
const roundEven = (n: number) => Math.max(2, Math.round(n / 2) * 2);

function rung(short: number, long: number, portrait: boolean, videoBitrate: number): Rung {
  return {
    name: `${short}p`,
    width: portrait ? short : long,
    height: portrait ? long : short,
    videoBitrate,
    maxBitrate: Math.round(videoBitrate * PEAK_FACTOR),
  };
}

/**
 * Renditions for a source of the given display size, largest first. Every standard step whose
 * short side fits the source; a source smaller than the smallest step gets one rendition of
 * its own size (rounded down to even), with a bit rate scaled by its pixel count.
 */
export function ladderFor(displayWidth: number, displayHeight: number): Rung[] {
  if (!(displayWidth > 0 && displayHeight > 0)) throw new RangeError(`no ladder for ${displayWidth}x${displayHeight}`);
  const portrait = displayHeight >= displayWidth;
  const srcShort = Math.min(displayWidth, displayHeight);
  const srcLong = Math.max(displayWidth, displayHeight);
  const longFor = (short: number) => Math.min(roundEven((short * srcLong) / srcShort), floorEven(srcLong));

  const fitting = LADDER_STEPS.filter((s) => s.short <= srcShort);
  if (fitting.length > 0) return fitting.map((s) => rung(s.short, longFor(s.short), portrait, s.videoBitrate));

  const short = floorEven(srcShort);
  const scaled = SMALLEST.videoBitrate * (short / SMALLEST.short) ** 2;
  return [rung(short, longFor(short), portrait, Math.max(MIN_BITRATE, Math.round(scaled / 1000) * 1000))];
}
