// What the demo catalogue contains: creators and their videos on a handful of topics.
export const DEMO_PASSWORD = 'cliptide-demo';

export const demoCreators = [
  { username: 'maya', displayName: 'Maya Fractal', birthdate: '1994-03-12', bio: 'Zooming into infinity. Maths is beautiful.', follows: ['leo', 'nora'] },
  { username: 'leo', displayName: 'Leo Life', birthdate: '1989-11-02', bio: 'Cellular automata and generative art.', follows: ['maya'] },
  { username: 'nora', displayName: 'Nora Waves', birthdate: '1998-07-21', bio: 'Colour fields and ambient sound.', follows: ['maya', 'sam'] },
  { username: 'sam', displayName: 'Sam Retro', birthdate: '1985-01-30', bio: 'Test cards, bars and tone. Broadcast nostalgia.', follows: ['nora'] },
  { username: 'ivy', displayName: 'Ivy Pixels', birthdate: '2001-09-09', bio: 'Pixel rules, tiny worlds.', follows: ['leo', 'maya', 'sam'] },
];

type DemoVideo = { creator: string; scene: string; tone: number; seconds: number; title: string; caption: string };

const v = (creator: string, scene: string, tone: number, title: string, caption: string, seconds = 6): DemoVideo => ({ creator, scene, tone, seconds, title, caption });

export const demoVideos: DemoVideo[] = [
  v('maya', 'mandelbrot', 0, 'Deep zoom', 'Falling into the Mandelbrot set #fractals #math #satisfying'),
  v('maya', 'mandelbrot', 1, 'Seahorse valley', 'Seahorse valley never gets old #fractals #math'),
  v('maya', 'mandelbrot', 2, 'Spirals', 'Spirals all the way down @leo #fractals #satisfying'),
  v('maya', 'mandelbrot', 3, 'Minibrot', 'Found a minibrot! #fractals #math #chill'),
  v('leo', 'life', 4, 'Glider gun', 'A glider gun doing its thing #gameoflife #generative'),
  v('leo', 'life', 5, 'Soup', 'Random soup settles down #gameoflife #generative #satisfying'),
  v('leo', 'life', 6, 'Oscillators', 'Oscillators everywhere #gameoflife #math'),
  v('leo', 'life', 7, 'Methuselah', 'This one lives for ages #gameoflife #generative'),
  v('nora', 'gradients', 0, 'Sunset', 'Sunset colours for your evening #ambient #colors #chill'),
  v('nora', 'gradients', 2, 'Ocean', 'Ocean gradient with a soft drone #ambient #colors'),
  v('nora', 'gradients', 4, 'Aurora', 'Aurora vibes #ambient #chill #colors'),
  v('nora', 'gradients', 6, 'Dawn', 'Dawn in four colours @maya #ambient #colors'),
  v('sam', 'testsrc2', 1, 'Test card', 'Test card from the good old days #retro #tech'),
  v('sam', 'smptebars', 3, 'Colour bars', 'Bars and tone, 1 kHz #retro #tech #broadcast'),
  v('sam', 'testsrc2', 5, 'Signal check', 'Signal check in progress #retro #broadcast'),
  v('sam', 'smptebars', 7, 'Off air', 'Off air — see you tomorrow #retro #broadcast #chill'),
  v('ivy', 'cellauto', 0, 'Rule 30', 'Rule 30, chaos from one cell #pixelart #generative #math'),
  v('ivy', 'cellauto', 3, 'Rule 110', 'Rule 110 is Turing complete! #pixelart #math'),
  v('ivy', 'cellauto', 5, 'Triangles', 'Sierpinski out of nowhere #pixelart #fractals'),
  v('ivy', 'cellauto', 6, 'Noise', 'Pixel noise meditation #pixelart #chill'),
  v('maya', 'mandelbrot', 5, 'Elephant valley', 'Elephant valley tour #fractals #chill'),
  v('nora', 'gradients', 7, 'Night', 'Night gradient to fall asleep to #ambient #chill'),
];
