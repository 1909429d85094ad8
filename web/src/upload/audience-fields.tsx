// Who can watch a video and whether it takes comments: the same two fields when posting and editing.
import { useId } from 'react';
import type { Visibility } from '@cliptide/contract';

interface AudienceFieldsProps {
  visibility: Visibility;
  onVisibility: (visibility: Visibility) => void;
  allowComments: boolean;
  onAllowComments: (allow: boolean) => void;
}

export function AudienceFields({ visibility, onVisibility, allowComments, onAllowComments }: AudienceFieldsProps) {
  const id = useId();
  return (
    <>
      <div className="field">
        <label htmlFor={id}>Who can watch</label>
        <select id={id} value={visibility} onChange={(e) => onVisibility(e.target.value as Visibility)}>
          <option value="public">Everyone</option>
          <option value="followers">Followers</option>
          <option value="private">Only me</option>
        </select>
      </div>
      <label className="check">
        <input type="checkbox" checked={allowComments} onChange={(e) => onAllowComments(e.target.checked)} />
        Allow comments
      </label>
    </>
  );
}
