import { useCallback, useRef, useState } from 'react';
import { Icon } from '../ui/icons.tsx';

interface Heart {
  id: number;
  x: number;
  y: number;
}

export function useHearts() {
  const [list, setList] = useState<Heart[]>([]);
  const nextId = useRef(1);
  const add = useCallback((x: number, y: number) => setList((l) => [...l, { id: nextId.current++, x, y }]), []);
  const remove = useCallback((id: number) => setList((l) => l.filter((h) => h.id !== id)), []);
  return { list, add, remove };
}

/** The heart that pops where a double-tap landed. */
export function HeartBurst({ hearts, onDone }: { hearts: Heart[]; onDone: (id: number) => void }) {
  return (
    <>
      {hearts.map((h) => (
        <span
          key={h.id}
          className="heart-burst"
          style={{ left: h.x, top: h.y }}
          aria-hidden="true"
          onAnimationEnd={() => onDone(h.id)}
        >
          <Icon name="heart" size={96} />
        </span>
      ))}
    </>
  );
}
