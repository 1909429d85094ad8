// The studio's form: the file, its caption, who can see it and whether comments are allowed.
import { useState, type FormEvent } from 'react';
import type { Visibility } from '@cliptide/contract';
import { AudienceFields } from './audience-fields.tsx';
import { CaptionInput } from './caption-input.tsx';
import { FilePicker } from './file-picker.tsx';
import { startNewUpload } from './upload-store.ts';

export function ComposeForm({ busy }: { busy: boolean }) {
  const [file, setFile] = useState<File | null>(null);
  const [caption, setCaption] = useState('');
  const [visibility, setVisibility] = useState<Visibility>('public');
  const [allowComments, setAllowComments] = useState(true);
  const [adultOnly, setAdultOnly] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  function pick(picked: File) {
    setProblem(picked.type && !picked.type.startsWith('video/') ? 'That file doesn’t look like a video.' : null);
    setFile(picked);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!file || problem) return;
    void startNewUpload(file, { caption: caption.trim(), visibility, allowComments, adultOnly });
  }

  return (
    <form className="studio" onSubmit={submit}>
      <FilePicker file={file} onPick={pick} />
      <div className="studio-details">
        {problem && (
          <p className="form-error" role="alert">
            {problem}
          </p>
        )}
        <CaptionInput value={caption} onChange={setCaption} />
        <AudienceFields visibility={visibility} onVisibility={setVisibility} allowComments={allowComments} onAllowComments={setAllowComments} adultOnly={adultOnly} onAdultOnly={setAdultOnly} />
        <button type="submit" className="button button-primary button-wide" disabled={!file || busy || problem !== null}>
          {busy ? 'Starting…' : 'Post'}
        </button>
      </div>
    </form>
  );
}
