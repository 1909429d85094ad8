// Short messages ("Link copied", friendly API errors): one at a time — a new one replaces the
// last. The toast lives in the top layer (a manual popover) so it shows above an open modal
// dialog too, and while a dialog is open it moves to the top of the screen, away from the
// dialog's buttons (sheets and their buttons sit at the bottom).
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useAnyDialogOpen } from './open-dialogs.ts';

interface Toast {
  id: number;
  message: string;
}

const SHOWN_MS = 3000;
const ToastContext = createContext<(message: string) => void>(() => {});

export function ToastProvider({ children }: { children: ReactNode }) {
  const [toast, setToast] = useState<Toast | null>(null);
  const nextId = useRef(1);
  const region = useRef<HTMLDivElement>(null);
  const dialogOpen = useAnyDialogOpen();
  const notify = useCallback((message: string) => {
    const id = nextId.current++;
    setToast({ id, message });
    window.setTimeout(() => setToast((t) => (t?.id === id ? null : t)), SHOWN_MS);
  }, []);
  const value = useMemo(() => notify, [notify]);

  // (re)enter the top layer after a dialog opens or closes, so the toast is above it
  useEffect(() => {
    const element = region.current;
    if (!element || typeof element.showPopover !== 'function') return;
    if (element.matches(':popover-open')) element.hidePopover();
    element.showPopover();
  }, [dialogOpen, toast?.id]);

  return (
    <ToastContext.Provider value={value}>
      {children}
      <div ref={region} className={dialogOpen ? 'toasts is-over-dialog' : 'toasts'} popover="manual" role="status" aria-live="polite">
        {toast && (
          <div key={toast.id} className="toast">
            {toast.message}
          </div>
        )}
      </div>
    </ToastContext.Provider>
  );
}

export const useToast = () => useContext(ToastContext);
