// "Report": what is wrong with a video, comment or account, in the guidelines' words, and an
// optional note. A real modal dialog (decision 019); one open report per target.
import { useId, useState, type FormEvent } from 'react';
import type { ReportCategory, ReportTargetType } from '@cliptide/contract';
import { MAX_REPORT_NOTE_LENGTH } from '@cliptide/contract/limits';
import { formErrors, noFormErrors, type FormErrors } from '../api/form-errors.ts';
import { sendReport } from '../api/moderation.ts';
import { Link } from '../router/link.tsx';
import { Dialog } from '../ui/dialog.tsx';
import { useToast } from '../ui/toast.tsx';
import { CATEGORY_WORDS } from './words.ts';

const WHAT: Record<ReportTargetType, string> = { video: 'video', comment: 'comment', account: 'account', sound: 'sound' };

export function ReportDialog({ target, onClose }: { target: { type: ReportTargetType; id: string }; onClose: () => void }) {
  const toast = useToast();
  const noteId = useId();
  const [category, setCategory] = useState<ReportCategory | null>(null);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<FormErrors<'category' | 'note'>>(noFormErrors);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!category) {
      setErrors({ fields: { category: 'Choose what is wrong' }, general: null });
      return;
    }
    setBusy(true);
    setErrors(noFormErrors);
    try {
      await sendReport(target, category, note.trim() || undefined);
      toast('Thanks — a moderator will look at it.');
      onClose();
    } catch (error) {
      setErrors(formErrors(error, ['category', 'note']));
      setBusy(false);
    }
  }

  return (
    <Dialog label={`Report this ${WHAT[target.type]}`} onClose={onClose} variant="sheet">
      <form className="form report-form" onSubmit={(e) => void submit(e)}>
        <fieldset className="field report-categories" aria-describedby={errors.fields.category ? `${noteId}-cat` : undefined}>
          <legend>What’s wrong?</legend>
          {(Object.keys(CATEGORY_WORDS) as ReportCategory[]).map((c) => (
            <label key={c} className="check">
              <input type="radio" name="category" value={c} checked={category === c} onChange={() => setCategory(c)} />
              {CATEGORY_WORDS[c]}
            </label>
          ))}
          {errors.fields.category && (
            <p className="field-error" id={`${noteId}-cat`} role="alert">
              {errors.fields.category}
            </p>
          )}
        </fieldset>
        <div className="field">
          <label htmlFor={noteId}>Anything a moderator should know? (optional)</label>
          <textarea id={noteId} value={note} maxLength={MAX_REPORT_NOTE_LENGTH} rows={3} onChange={(e) => setNote(e.target.value)} />
          {errors.fields.note && <p className="field-error">{errors.fields.note}</p>}
        </div>
        <p className="field-hint">
          The person you report isn’t told who reported them. See what happens to your reports in <Link to="/settings/reports">your reports</Link>.
        </p>
        {errors.general && (
          <p className="form-error" role="alert">
            {errors.general}
          </p>
        )}
        <button type="submit" className="button button-primary" disabled={busy}>
          Send report
        </button>
      </form>
    </Dialog>
  );
}
