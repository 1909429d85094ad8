// "Why this video": the recommender's own explanation of a For You item.
import type { Reason } from '../api/types.ts';
import { Dialog } from '../ui/dialog.tsx';

export function ReasonsDialog({ reasons, onClose }: { reasons: Reason[]; onClose: () => void }) {
  return (
    <Dialog label="Why you’re seeing this video" onClose={onClose} variant="sheet">
      <ul className="reasons">
        {reasons.length === 0 && <li>This video was picked from what’s popular right now.</li>}
        {reasons.map((reason) => (
          <li key={reason.code + reason.text} data-reason={reason.code}>
            {reason.text}
          </li>
        ))}
      </ul>
      <p className="muted-text">Cliptide’s recommender is open source: every item says why it was shown.</p>
    </Dialog>
  );
}
