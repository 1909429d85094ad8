/** A labelled progress bar with its percentage. */
export function ProgressMeter({ label, value, detail }: { label: string; value: number; detail?: string }) {
  const percent = Math.round(Math.min(1, Math.max(0, value)) * 100);
  return (
    <div className="meter">
      <div className="meter-track" role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent}>
        <div className="meter-fill" style={{ width: `${percent}%` }} />
      </div>
      <span className="meter-text">
        {percent}%{detail ? ` · ${detail}` : ''}
      </span>
    </div>
  );
}
