// A modal surface: a sheet from the bottom on phones, a panel or centred box on desktop.
// A native <dialog> opened with showModal(): the page behind is inert and hidden from screen
// readers, Tab stays inside (it wraps from the last control to the first), Escape and the
// backdrop close it, and focus goes back to what opened it.
import { useEffect, useRef, type KeyboardEvent, type MouseEvent, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { Icon } from './icons.tsx';
import { dialogClosed, dialogOpened } from './open-dialogs.ts';

interface DialogProps {
  label: string;
  onClose: () => void;
  variant?: 'sheet' | 'center';
  children: ReactNode;
}

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

export function Dialog({ label, onClose, variant = 'center', children }: DialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const close = useRef(onClose);
  close.current = onClose;
  // once per opening: a parent re-rendering must not move the focus while someone types
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    const opener = document.activeElement as HTMLElement | null;
    if (!element.open) element.showModal();
    panel.current?.focus();
    dialogOpened();
    return () => {
      dialogClosed();
      if (element.open) element.close();
      if (opener?.isConnected) opener.focus({ preventScroll: true });
    };
  }, []);

  function onKeyDown(event: KeyboardEvent<HTMLDialogElement>) {
    event.stopPropagation(); // keys pressed in a dialog are the dialog's, never the feed's
    if (event.key === 'Escape') {
      event.preventDefault(); // closed by React (below), so the opener gets the focus back
      close.current();
      return;
    }
    if (event.key !== 'Tab' || !panel.current) return;
    const items = [...panel.current.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.offsetParent !== null || el === document.activeElement);
    const first = items[0];
    const last = items.at(-1);
    if (!first || !last) return;
    const active = document.activeElement;
    if (event.shiftKey && (active === first || active === panel.current)) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && active === last) {
      event.preventDefault();
      first.focus();
    }
  }

  function onBackdrop(event: MouseEvent<HTMLDialogElement>) {
    // the <dialog> fills the screen; a click on it (not on the panel) is a click on the backdrop
    if (event.target === event.currentTarget) close.current();
  }

  return createPortal(
    <dialog
      ref={dialog}
      className={`dialog-backdrop dialog-${variant}`}
      aria-label={label}
      onCancel={(event) => {
        event.preventDefault(); // React closes it, so the opener gets the focus back
        close.current();
      }}
      onClick={onBackdrop}
      onKeyDown={onKeyDown}
    >
      <div ref={panel} className="dialog-panel" tabIndex={-1}>
        <header className="dialog-header">
          <h2>{label}</h2>
          <button type="button" className="icon-button" aria-label="Close" onClick={() => close.current()}>
            <Icon name="close" />
          </button>
        </header>
        {children}
      </div>
    </dialog>,
    document.body,
  );
}
