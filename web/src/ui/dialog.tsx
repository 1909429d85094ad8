// A modal surface: a sheet from the bottom on phones, a panel or centred box on desktop.
// Focus moves in on open and back on close; Escape and the backdrop close it.
import { useEffect, useRef, type ReactNode } from 'react';
import { Icon } from './icons.tsx';

interface DialogProps {
  label: string;
  onClose: () => void;
  variant?: 'sheet' | 'center';
  children: ReactNode;
}

export function Dialog({ label, onClose, variant = 'center', children }: DialogProps) {
  const panel = useRef<HTMLDivElement>(null);
  const close = useRef(onClose);
  close.current = onClose;
  // once per opening: a parent re-rendering must not move the focus while someone types
  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    panel.current?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        event.stopPropagation();
        close.current();
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => {
      window.removeEventListener('keydown', onKey, true);
      previous?.focus?.({ preventScroll: true });
    };
  }, []);
  return (
    <div className={`dialog-backdrop dialog-${variant}`} onClick={onClose}>
      <div
        ref={panel}
        className="dialog-panel"
        role="dialog"
        aria-modal="true"
        aria-label={label}
        tabIndex={-1}
        onClick={(event) => event.stopPropagation()}
      >
        <header className="dialog-header">
          <h2>{label}</h2>
          <button type="button" className="icon-button" aria-label="Close" onClick={onClose}>
            <Icon name="close" />
          </button>
        </header>
        {children}
      </div>
    </div>
  );
}
