// Like, save and share with live counts: applied at once, confirmed by the server's numbers,
// rolled back (with a friendly message) when the request fails.
import { useEffect, useState } from 'react';
import { friendlyMessage } from '../api/error-messages.ts';
import type { Video } from '@cliptide/contract';
import { like, save, share, unlike, unsave } from '../api/videos.ts';
import { useSession } from '../session/session.tsx';
import { useToast } from '../ui/toast.tsx';
import { takeAction } from '../session/pending-action.ts';

interface Toggle {
  on: boolean;
  count: number;
}

export function useVideoActions(video: Video) {
  const { user, requireAuth } = useSession();
  const toast = useToast();
  const [liked, setLiked] = useState<Toggle>({ on: video.viewer.liked, count: video.counts.likes });
  const [saved, setSaved] = useState<Toggle>({ on: video.viewer.saved, count: video.counts.saves });
  const [shares, setShares] = useState(video.counts.shares);
  const [comments, setComments] = useState(video.counts.comments);

  async function flip(
    current: Toggle,
    set: (t: Toggle) => void,
    call: () => Promise<Toggle>,
    on: boolean,
  ) {
    const before = current;
    set({ on, count: Math.max(0, current.count + (on ? 1 : -1)) });
    try {
      set(await call());
    } catch (error) {
      set(before);
      toast(friendlyMessage(error));
    }
  }

  const setLike = (on: boolean) => {
    if (!requireAuth('Log in to like videos.', { kind: 'like', videoId: video.id }) || liked.on === on) return;
    void flip(liked, setLiked, async () => {
      const r = await (on ? like(video.id) : unlike(video.id));
      return { on: r.liked, count: r.likes };
    }, on);
  };

  const setSave = (on: boolean) => {
    if (!requireAuth('Log in to save videos.', { kind: 'save', videoId: video.id }) || saved.on === on) return;
    void flip(saved, setSaved, async () => {
      const r = await (on ? save(video.id) : unsave(video.id));
      return { on: r.saved, count: r.saves };
    }, on);
  };

  // back from logging in: finish the like or save that asked for it, on this video
  useEffect(() => {
    if (!user) return;
    const pending = takeAction((a) => (a.kind === 'like' || a.kind === 'save') && a.videoId === video.id);
    if (pending?.kind === 'like') setLike(true);
    if (pending?.kind === 'save') setSave(true);
  }, [user, video.id]);

  /** A share happened (a link copied or handed to the device): counted at once, corrected by the server. */
  const countShare = () => {
    setShares((n) => n + 1);
    share(video.id).then(
      (result) => setShares(result.shares),
      () => setShares((n) => Math.max(0, n - 1)),
    );
  };

  return {
    liked: liked.on,
    likes: liked.count,
    toggleLike: () => setLike(!liked.on),
    likeOnce: () => setLike(true),
    saved: saved.on,
    saves: saved.count,
    toggleSave: () => setSave(!saved.on),
    shares,
    countShare,
    comments,
    setComments,
  };
}

export type VideoActions = ReturnType<typeof useVideoActions>;
