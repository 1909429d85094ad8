import assert from 'node:assert/strict';
import { test } from 'node:test';
import { safeText, SYNTH_SCENES, SYNTH_TONES, synthCommand } from './synth-command.ts';

test('a vertical mandelbrot clip: drawn at half size, panned, hue-shifted, scaled, with a melody', () => {
  const cmd = synthCommand({ outPath: '/tmp/a.mp4', seconds: 7, width: 540, height: 960, scene: 'mandelbrot', tone: 'melody', text: "Night #1: it's late" });
  assert.deepEqual(cmd.args, [
    '-hide_banner', '-nostdin', '-loglevel', 'error', '-y',
    '-f', 'lavfi', '-i', 'mandelbrot=s=304x540:r=30:maxiter=128:start_scale=2:end_scale=0.05:end_pts=280',
    '-f', 'lavfi', '-i', "aevalsrc='0.3*sin(2*PI*220*pow(2,(2*mod(floor(t*3)*7,5)+gte(mod(floor(t*3)*7,5),3))/12)*t)*exp(-3*mod(t,1/3))':s=24000:d=7",
    '-filter_threads', '2',
    '-vf',
    "crop=270:480:x='(iw-ow)/2*(1+sin(t*0.9))':y='(ih-oh)/2*(1+cos(t*0.7))',hue=h=t*40,scale=540:960," +
      "drawtext=font=Sans:text='Night #1 its late':fontsize=60:fontcolor=white:borderw=5:bordercolor=black@0.7:x=(w-text_w)/2:y=(h-text_h)/2,format=yuv420p",
    '-map', '0:v:0', '-map', '1:a:0', '-c:a', 'aac', '-b:a', '128k', '-ac', '2',
    '-c:v', 'libx264', '-preset', 'ultrafast', '-crf', '28', '-g', '60', '-threads', '2',
    '-t', '7', '-movflags', '+faststart', '/tmp/a.mp4',
  ]);
});

test('silent clips have no audio input at all', () => {
  const { args } = synthCommand({ outPath: '/tmp/s.mp4', seconds: 2, width: 360, height: 640, scene: 'smptebars', tone: 'sine', audio: false, fps: 25 });
  assert.deepEqual(args.slice(5, 9), ['-f', 'lavfi', '-i', 'smptebars=s=202x360:r=25']);
  assert.ok(!args.some((a) => a.includes('sine') || a === '1:a:0' || a === '-c:a'));
});

test('every scene and tone builds, and a key shifts the pitch', () => {
  for (const scene of SYNTH_SCENES) {
    for (const tone of SYNTH_TONES) {
      const { args } = synthCommand({ outPath: '/tmp/x.mp4', seconds: 2, width: 360, height: 640, scene, tone });
      assert.ok(args[8]?.startsWith(scene), `${scene} source`);
      assert.ok(args[12]?.includes(':s=24000') || args[12]?.includes('sample_rate=24000'), `${tone} source`);
    }
  }
  const up = synthCommand({ outPath: '/tmp/x.mp4', seconds: 2, width: 360, height: 640, scene: 'life', tone: 'sine', key: 12 });
  assert.equal(up.args[12], 'sine=frequency=440:sample_rate=24000:duration=2');
});

test('text keeps letters, digits and a few marks only', () => {
  assert.equal(safeText("Sunset: vibes, 'ok' [x] #chill @ana 100%!"), 'Sunset vibes ok x #chill @ana 100!');
  assert.equal(safeText('Ünïcødé çafé'), 'Ünïcødé çafé');
});
