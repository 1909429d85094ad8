// The upload studio: compose, upload (resumable, with real progress), then processing until live.
import { useEffect, useState } from 'react';
import { Redirect } from '../router/redirect.tsx';
import { paths } from '../router/routes.ts';
import { useSession } from '../session/session.tsx';
import { Loading } from '../ui/states.tsx';
import { ComposeForm } from './compose-form.tsx';
import { FilePicker } from './file-picker.tsx';
import { ProcessingStatus } from './processing-status.tsx';
import { ProgressMeter } from './progress-meter.tsx';
import { sameFile } from './pending-upload.ts';
import { finishUpload, restorePendingUpload, resumeUpload, useUploadState } from './upload-store.ts';

const MB = 1024 * 1024;

export function UploadStudioPage() {
  const { user } = useSession();
  if (user === undefined) return <Loading />;
  if (user === null) return <Redirect to={paths.login(paths.upload())} />;
  return <Studio />;
}

function Studio() {
  const upload = useUploadState();
  const [wrongFile, setWrongFile] = useState<string | null>(null);
  useEffect(() => {
    void restorePendingUpload();
  }, []);

  return (
    <div className="page studio-page">
      <h1>Upload video</h1>
      {(upload.stage === 'idle' || upload.stage === 'creating') && <ComposeForm busy={upload.stage === 'creating'} />}
      {upload.stage === 'checking' && <Loading label="Checking your last upload" />}
      {upload.stage === 'needs-file' && (
        <div className="resume">
          <p>
            Your upload of <strong>{upload.pending.file.name}</strong> stopped at {Math.round(upload.pending.progress * 100)}%. Choose the same file to
            continue where it left off.
          </p>
          <FilePicker
            file={null}
            label={`Choose ${upload.pending.file.name}`}
            onPick={(file) => {
              setWrongFile(sameFile(file, upload.pending.file) ? null : `That’s not ${upload.pending.file.name}. Choose the same file to resume.`);
              if (sameFile(file, upload.pending.file)) resumeUpload(file, upload.pending);
            }}
          />
          {wrongFile && (
            <p className="form-error" role="alert">
              {wrongFile}
            </p>
          )}
          <button type="button" className="link-button" onClick={() => finishUpload({ discard: true })}>
            Discard and start over
          </button>
        </div>
      )}
      {upload.stage === 'uploading' && (
        <div className="uploading" role="status">
          <h2>{upload.resumed ? 'Resuming upload' : 'Uploading'}</h2>
          <ProgressMeter
            label="Upload progress"
            value={upload.total > 0 ? upload.sent / upload.total : 0}
            detail={`${(upload.sent / MB).toFixed(1)} of ${(upload.total / MB).toFixed(1)} MB`}
          />
          <p className="muted-text">You can keep browsing. If you close the page, choose the file again to resume.</p>
          <button type="button" className="link-button" onClick={() => finishUpload({ discard: true })}>
            Cancel upload
          </button>
        </div>
      )}
      {upload.stage === 'upload-failed' && (
        <div className="processing is-failed" role="alert">
          <p>{upload.message}</p>
          {upload.pending && (
            <FilePicker file={null} label={`Choose ${upload.pending.file.name} to resume`} onPick={(file) => upload.pending && resumeUpload(file, upload.pending)} />
          )}
          <button type="button" className="button" onClick={() => finishUpload({ discard: true })}>
            Start over
          </button>
        </div>
      )}
      {upload.stage === 'processing' && <ProcessingStatus videoId={upload.videoId} onDone={() => finishUpload()} />}
    </div>
  );
}
