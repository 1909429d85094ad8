// The author's own controls on a video: change its caption, who can watch and whether comments
// are open, or delete it (with everything attached) after a second, explicit confirmation.
import { useState, type FormEvent } from 'react';
import type { Video, Visibility } from '@cliptide/contract';
import { formErrors, noFormErrors, type FormErrors } from '../api/form-errors.ts';
import { deleteVideo, updateVideo } from '../api/videos.ts';
import { Dialog } from '../ui/dialog.tsx';
import { useToast } from '../ui/toast.tsx';
import { AudienceFields } from '../upload/audience-fields.tsx';
import { CaptionInput } from '../upload/caption-input.tsx';

interface ManageVideoDialogProps {
  video: Video;
  onClose: () => void;
  /** The saved video after an edit, null after the video was deleted. */
  onChanged: (video: Video | null) => void;
}

export function ManageVideoDialog({ video, onClose, onChanged }: ManageVideoDialogProps) {
  const toast = useToast();
  const [caption, setCaption] = useState(video.caption);
  const [visibility, setVisibility] = useState<Visibility>(video.visibility);
  const [allowComments, setAllowComments] = useState(video.allowComments);
  const [adultOnly, setAdultOnly] = useState(video.adultOnly);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<FormErrors<'caption'>>(noFormErrors);

  async function run(action: () => Promise<void>) {
    setBusy(true);
    setErrors(noFormErrors);
    try {
      await action();
    } catch (err) {
      setErrors(formErrors(err, ['caption']));
      setBusy(false);
    }
  }

  const save = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      const { video: saved } = await updateVideo(video.id, { caption: caption.trim(), visibility, allowComments, adultOnly });
      toast('Saved.');
      onChanged(saved);
      onClose();
    });
  };

  const remove = () =>
    void run(async () => {
      await deleteVideo(video.id);
      toast('Video deleted.');
      onChanged(null);
    });

  return (
    <Dialog label="Edit or delete your video" onClose={onClose} variant="sheet">
      <form className="form manage-video" onSubmit={save}>
        {video.status === 'ready' && (
          <>
            <CaptionInput value={caption} onChange={setCaption} error={errors.fields.caption} />
            <AudienceFields visibility={visibility} onVisibility={setVisibility} allowComments={allowComments} onAllowComments={setAllowComments} adultOnly={adultOnly} onAdultOnly={setAdultOnly} />
            <button type="submit" className="button button-primary" disabled={busy}>
              Save changes
            </button>
          </>
        )}
        {errors.general && (
          <p className="form-error" role="alert">
            {errors.general}
          </p>
        )}
        <div className="danger-zone" role="group" aria-label="Delete this video">
          {confirmDelete ? (
            <>
              <p>Delete this video for good? Its likes, comments and views go with it.</p>
              <div className="row">
                <button type="button" className="button button-danger" disabled={busy} onClick={remove}>
                  Yes, delete it
                </button>
                <button type="button" className="button" disabled={busy} onClick={() => setConfirmDelete(false)}>
                  Keep it
                </button>
              </div>
            </>
          ) : (
            <button type="button" className="button" disabled={busy} onClick={() => setConfirmDelete(true)}>
              Delete video…
            </button>
          )}
        </div>
      </form>
    </Dialog>
  );
}
