// Pick a video or drop it here; shows a preview once chosen.
import { useEffect, useState, type DragEvent } from 'react';
import { Icon } from '../ui/icons.tsx';

interface FilePickerProps {
  file: File | null;
  onPick: (file: File) => void;
  label?: string;
}

export function FilePicker({ file, onPick, label = 'Select a video to upload' }: FilePickerProps) {
  const [over, setOver] = useState(false);
  const [preview, setPreview] = useState<string | null>(null);

  useEffect(() => {
    if (!file) return setPreview(null);
    const url = URL.createObjectURL(file);
    setPreview(url);
    return () => URL.revokeObjectURL(url);
  }, [file]);

  function drop(event: DragEvent) {
    event.preventDefault();
    setOver(false);
    const dropped = event.dataTransfer.files[0];
    if (dropped) onPick(dropped);
  }

  return (
    <div
      className={over ? 'dropzone is-over' : 'dropzone'}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={drop}
    >
      {preview ? (
        <video className="preview" src={preview} controls muted playsInline aria-label="Preview of the chosen video" />
      ) : (
        <div className="dropzone-empty">
          <Icon name="upload" size={40} />
          <p>{label}</p>
          <p className="muted-text">or drag and drop a file · MP4, MOV or WebM</p>
        </div>
      )}
      <label className="button">
        {file ? 'Choose another file' : 'Choose file'}
        <input
          type="file"
          accept="video/*"
          className="visually-hidden"
          aria-label="Video file"
          onChange={(e) => {
            const picked = e.target.files?.[0];
            e.target.value = '';
            if (picked) onPick(picked);
          }}
        />
      </label>
    </div>
  );
}
