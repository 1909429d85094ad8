// Clips generated from ffmpeg's own sources (lavfi): nothing downloaded. For the demo
// catalogue and test fixtures. Pure: builds the command; synth.ts runs it.
import type { ToolCommand } from './media.types.ts';

export const SYNTH_SCENES = ['mandelbrot', 'life', 'cellauto', 'gradients', 'testsrc2', 'smptebars', 'rgbtestsrc'] as const;
export type SynthScene = (typeof SYNTH_SCENES)[number];
export const SYNTH_TONES = ['sine', 'chord', 'arpeggio', 'melody', 'pulse', 'sweep'] as const;
export type SynthTone = (typeof SYNTH_TONES)[number];

export interface SynthOptions {
  outPath: string;
  seconds: number;
  width: number;
  height: number;
  scene: SynthScene;
  tone: SynthTone;
  fps?: number;
  /** Default true; false writes a clip with no audio stream at all. */
  audio?: boolean;
  /** Drawn large in the middle (letters, digits, spaces and # @ . ! ? - only). */
  text?: string;
  /** Semitones above A3 (220 Hz) for the tone, so clips sound different. Default 0. */
  key?: number;
  /** Hue rotation speed, degrees per second. Default 40. */
  hueSpeed?: number;
  threads?: number;
  /** A TrueType font for `text`; omitted: fontconfig's 'Sans'. */
  fontFile?: string;
}

/**
 * Scenes are drawn smaller, panned and hue-shifted there (the hue filter is the costly step), then
 * scaled up: half size, and a quarter for life (big square cells). Cell scenes keep sharp edges.
 */
const DRAW_SCALE: Partial<Record<SynthScene, number>> = { life: 0.25 };
const SHARP: ReadonlySet<SynthScene> = new Set(['life', 'cellauto']);
/** Extra border drawn around the picture so the frame can pan across it. */
const PAN_MARGIN = 1 / 8;

const even = (n: number) => Math.max(2, Math.round(n / 2) * 2);

function sceneSource(scene: SynthScene, size: string, fps: number, seconds: number): string {
  const common = `s=${size}:r=${fps}`;
  switch (scene) {
    case 'mandelbrot':
      return `mandelbrot=${common}:maxiter=128:start_scale=2:end_scale=0.05:end_pts=${seconds * 40}`;
    case 'life':
      return `life=${common}:ratio=0.3:mold=12:life_color=#ffd166:death_color=#ef476f:mold_color=#118ab2`;
    case 'cellauto':
      return `cellauto=${common}:rule=30:random_fill_ratio=0.5:scroll=1`;
    case 'gradients':
      return `gradients=${common}:nb_colors=4:speed=0.05:type=radial`;
    case 'testsrc2':
    case 'smptebars':
    case 'rgbtestsrc':
      return `${scene}=${common}`;
  }
}

/** Tones sit well under 6 kHz: 24 kHz sampling halves the per-sample expression cost of 48 kHz. */
const SAMPLE_RATE = 24_000;

/** Expressions for aevalsrc; f is the base frequency. Commas are inside quotes for the filter parser. */
function toneSource(tone: SynthTone, f: number, seconds: number): string {
  const tail = `:s=${SAMPLE_RATE}:d=${seconds}`;
  const note = 'floor(t*3)';
  const step = `mod(${note}*7,5)`;
  const semis = `(2*${step}+gte(${step},3))`;
  switch (tone) {
    case 'sine':
      return `sine=frequency=${f}:sample_rate=${SAMPLE_RATE}:duration=${seconds}`;
    case 'chord':
      return `aevalsrc='0.12*(sin(2*PI*${f}*t)+sin(2*PI*${f * 1.26}*t)+sin(2*PI*${f * 1.5}*t))*(0.6+0.4*sin(2*PI*t/2))'${tail}`;
    case 'arpeggio':
      return `aevalsrc='0.3*sin(2*PI*${f}*t*pow(2,(4*eq(mod(floor(t*4),4),1)+7*eq(mod(floor(t*4),4),2)+12*eq(mod(floor(t*4),4),3))/12))*exp(-5*mod(t,0.25))'${tail}`;
    case 'melody':
      return `aevalsrc='0.3*sin(2*PI*${f}*pow(2,${semis}/12)*t)*exp(-3*mod(t,1/3))'${tail}`;
    case 'pulse':
      return `aevalsrc='0.5*sin(2*PI*${f / 4}*t)*exp(-12*mod(t,0.5))+0.08*sin(2*PI*${f}*t)'${tail}`;
    case 'sweep':
      return `aevalsrc='0.25*sin(2*PI*${f}*t*(1+0.25*sin(2*PI*t/4)))'${tail}`;
  }
}

/** Keeps only characters that need no escaping in a filter graph. */
export const safeText = (text: string) => text.replace(/[^\p{L}\p{N} #@.!?-]/gu, '').trim().slice(0, 60);

export function synthCommand(opts: SynthOptions): ToolCommand {
  const fps = opts.fps ?? 30;
  const audio = opts.audio ?? true;
  const scale = DRAW_SCALE[opts.scene] ?? 0.5;
  const innerW = even(opts.width * scale);
  const innerH = even(opts.height * scale);
  const srcW = even(innerW * (1 + PAN_MARGIN));
  const srcH = even(innerH * (1 + PAN_MARGIN));
  const filters = [
    `crop=${innerW}:${innerH}:x='(iw-ow)/2*(1+sin(t*0.9))':y='(ih-oh)/2*(1+cos(t*0.7))'`,
    `hue=h=t*${opts.hueSpeed ?? 40}`,
    `scale=${opts.width}:${opts.height}${SHARP.has(opts.scene) ? ':flags=neighbor' : ''}`,
  ];
  const text = opts.text ? safeText(opts.text) : '';
  if (text) {
    const font = opts.fontFile ? `fontfile=${opts.fontFile}` : 'font=Sans';
    const size = Math.round(Math.min(opts.width, opts.height) / 9);
    filters.push(
      `drawtext=${font}:text='${text}':fontsize=${size}:fontcolor=white:borderw=${Math.max(2, Math.round(size / 12))}:bordercolor=black@0.7:x=(w-text_w)/2:y=(h-text_h)/2`,
    );
  }
  filters.push('format=yuv420p');
  const threads = String(opts.threads ?? 2);
  const frequency = Math.round(220 * 2 ** ((opts.key ?? 0) / 12) * 100) / 100;

  return {
    command: 'ffmpeg',
    args: [
      '-hide_banner', '-nostdin', '-loglevel', 'error', '-y',
      '-f', 'lavfi', '-i', sceneSource(opts.scene, `${srcW}x${srcH}`, fps, opts.seconds),
      ...(audio ? ['-f', 'lavfi', '-i', toneSource(opts.tone, frequency, opts.seconds)] : []),
      '-filter_threads', threads,
      '-vf', filters.join(','),
      '-map', '0:v:0',
      ...(audio ? ['-map', '1:a:0', '-c:a', 'aac', '-b:a', '128k', '-ac', '2'] : []),
      '-c:v', 'libx264', '-preset', 'ultrafast', '-crf', '28', '-g', String(fps * 2),
      '-threads', threads,
      '-t', String(opts.seconds),
      '-movflags', '+faststart',
      opts.outPath,
    ],
  };
}
