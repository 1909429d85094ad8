// Share a video: copy its link, hand it to the device's share sheet (Web Share API, where the browser
// has one), or copy the code that embeds it in another page (public videos only; the code is the
// server's oEmbed answer).
import { useEffect, useState } from 'react';
import type { Video } from '@cliptide/contract';
import { fetchOEmbed } from '../api/sharing.ts';
import { paths } from '../router/routes.ts';
import { Dialog } from '../ui/dialog.tsx';
import { useToast } from '../ui/toast.tsx';
import { copyText } from './copy-text.ts';
import type { VideoActions } from './use-video-actions.ts';

interface ShareSheetProps {
  video: Video;
  actions: VideoActions;
  onClose: () => void;
}

export function ShareSheet({ video, actions, onClose }: ShareSheetProps) {
  const toast = useToast();
  const link = new URL(paths.video(video.id), window.location.origin).href;
  const [embed, setEmbed] = useState<string | null>(null);
  const canShare = typeof navigator.share === 'function';

  useEffect(() => {
    if (video.visibility !== 'public') return;
    const controller = new AbortController();
    fetchOEmbed(link, controller.signal).then(
      (o) => setEmbed(o.html ?? null),
      () => setEmbed(null),
    );
    return () => controller.abort();
  }, [link, video.visibility]);

  async function copyLink() {
    toast((await copyText(link)) ? 'Link copied' : link);
    actions.countShare();
    onClose();
  }

  async function shareWithDevice() {
    try {
      await navigator.share({ url: link, title: video.caption || `A video by @${video.author.username}` });
      actions.countShare();
      onClose();
    } catch {
      // dismissed: nothing was shared
    }
  }

  async function copyEmbed() {
    if (!embed) return;
    toast((await copyText(embed)) ? 'Embed code copied' : 'Select the code and copy it');
    onClose();
  }

  return (
    <Dialog label="Share" onClose={onClose} variant="sheet">
      <div className="share-sheet">
        <button type="button" className="button button-primary" onClick={() => void copyLink()}>
          Copy link
        </button>
        {canShare && (
          <button type="button" className="button" onClick={() => void shareWithDevice()}>
            Share…
          </button>
        )}
        {video.visibility === 'public' ? (
          embed && (
            <div className="share-embed">
              <label htmlFor={`embed-${video.id}`}>Embed in a page</label>
              <textarea id={`embed-${video.id}`} readOnly rows={3} value={embed} onFocus={(e) => e.currentTarget.select()} />
              <button type="button" className="button" onClick={() => void copyEmbed()}>
                Copy embed code
              </button>
            </div>
          )
        ) : (
          <p className="muted-text">Only public videos can be embedded in other pages.</p>
        )}
      </div>
    </Dialog>
  );
}
