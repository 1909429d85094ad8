// Who can watch a video, whether it takes comments and whether it is for adults only: the same fields
// when posting and editing.
import { useId } from 'react';
import type { Visibility } from '@cliptide/contract';

interface AudienceFieldsProps {
  visibility: Visibility;
  onVisibility: (visibility: Visibility) => void;
  allowComments: boolean;
  onAllowComments: (allow: boolean) => void;
  adultOnly: boolean;
  onAdultOnly: (adultOnly: boolean) => void;
}

export function AudienceFields({ visibility, onVisibility, allowComments, onAllowComments, adultOnly, onAdultOnly }: AudienceFieldsProps) {
  const id = useId();
  const adultHint = useId();
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
      <label className="check">
        <input type="checkbox" checked={adultOnly} aria-describedby={adultHint} onChange={(e) => onAdultOnly(e.target.checked)} />
        For adults (18+)
      </label>
      <p className="field-hint" id={adultHint}>
        Only signed-in adults without restricted mode will see it; never anyone under 18.
      </p>
    </>
  );
}
