// Master playlists of a ladder written in parts (the first playable rung, then the rest): one master
// listing every variant, largest bandwidth first, as a one-run ladder's master would.

interface Variant {
  /** The #EXT-X-STREAM-INF line. */
  info: string;
  uri: string;
  bandwidth: number;
}

function variantsOf(master: string): { header: string[]; variants: Variant[] } {
  const lines = master.split('\n').map((l) => l.trim()).filter((l) => l !== '');
  if (lines[0] !== '#EXTM3U') throw new Error('not an HLS playlist');
  const header: string[] = [];
  const variants: Variant[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.startsWith('#EXT-X-STREAM-INF:')) {
      const uri = lines[++i];
      if (!uri || uri.startsWith('#')) throw new Error('a variant without its URI');
      variants.push({ info: line, uri, bandwidth: Number(/\bBANDWIDTH=(\d+)/.exec(line)?.[1] ?? 0) });
    } else if (variants.length === 0) {
      header.push(line);
    }
  }
  return { header, variants };
}

/** One master playlist with the variants of all `masters` (their header tags from the first). */
export function mergeMasterPlaylists(...masters: string[]): string {
  const parsed = masters.map(variantsOf);
  const header = parsed[0]?.header ?? ['#EXTM3U'];
  const seen = new Set<string>();
  const variants = parsed
    .flatMap((p) => p.variants)
    .filter((v) => !seen.has(v.uri) && seen.add(v.uri))
    .sort((a, b) => b.bandwidth - a.bandwidth);
  return [...header, ...variants.flatMap((v) => [v.info, v.uri]), ''].join('\n');
}
