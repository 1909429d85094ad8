// Re-encoding an uploaded image (an avatar): one frame decoded and written anew, so nothing but the
// picture survives — no EXIF (GPS, camera serial), no ICC or XMP blocks, no trailing bytes. The
// decoder refuses pictures above MAX_IMAGE_PIXELS (a small file can claim a huge size), and the
// output is scaled to fit AVATAR_SIDE.

export type ImageFormat = 'jpeg' | 'png';

export const MAX_IMAGE_PIXELS = 50_000_000;
export const AVATAR_SIDE = 512;

export interface ImageCommand {
  args: string[];
}

export function imageCommand(opts: { inputPath: string; outputPath: string; format: ImageFormat }): ImageCommand {
  const fit = `scale='min(${AVATAR_SIDE},iw)':'min(${AVATAR_SIDE},ih)':force_original_aspect_ratio=decrease`;
  return {
    args: [
      '-hide_banner', '-nostdin', '-loglevel', 'error', '-y',
      '-protocol_whitelist', 'file',
      '-max_pixels', String(MAX_IMAGE_PIXELS),
      '-i', opts.inputPath,
      '-map', '0:v:0', '-frames:v', '1',
      '-map_metadata', '-1', '-fflags', '+bitexact', '-flags:v', '+bitexact',
      '-vf', fit,
      ...(opts.format === 'jpeg' ? ['-c:v', 'mjpeg', '-q:v', '3', '-pix_fmt', 'yuvj420p', '-f', 'image2'] : ['-c:v', 'png', '-pix_fmt', 'rgba', '-f', 'image2']),
      opts.outputPath,
    ],
  };
}
