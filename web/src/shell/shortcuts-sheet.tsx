// The keyboard shortcuts, in a sheet that `?` opens from anywhere (and the "Keyboard shortcuts"
// button in the desktop navigation), so they can be found without reading the docs.
import { useEffect, useState } from 'react';
import { Dialog } from '../ui/dialog.tsx';
import { anyDialogOpen } from '../ui/open-dialogs.ts';

const SHORTCUTS: [keys: string[], what: string][] = [
  [['↓', 'j'], 'Next video'],
  [['↑', 'k'], 'Previous video'],
  [['Space'], 'Play or pause (when no button has the focus)'],
  [['m'], 'Sound on or off'],
  [['l'], 'Like or unlike'],
  [['←', '→'], 'Seek 5 seconds back or forward (on the seek bar)'],
  [['Tab'], 'Move between the current video’s controls'],
  [['↑', '↓'], 'Move between the buttons beside the video (on those buttons)'],
  [['Esc'], 'Close a sheet or dialog'],
  [['?'], 'Show these shortcuts'],
];

function typing(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

/** Opens the sheet on `?`; returns [open, setOpen] for a visible button too. */
export function useShortcutsSheet(): [boolean, (open: boolean) => void] {
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== '?' || event.ctrlKey || event.metaKey || event.altKey || typing(event.target) || anyDialogOpen()) return;
      event.preventDefault();
      setOpen(true);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return [open, setOpen];
}

export function ShortcutsSheet({ onClose }: { onClose: () => void }) {
  return (
    <Dialog label="Keyboard shortcuts" onClose={onClose} variant="sheet">
      <dl className="shortcuts">
        {SHORTCUTS.map(([keys, what]) => (
          <div key={what} className="shortcut">
            <dt>
              {keys.map((key, i) => (
                <span key={key}>
                  {i > 0 && <span className="muted-text"> or </span>}
                  <kbd>{key}</kbd>
                </span>
              ))}
            </dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
    </Dialog>
  );
}
