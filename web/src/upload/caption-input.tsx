// The caption box, suggesting #hashtags and @people while a tag is being typed.
import { useEffect, useRef, useState } from 'react';
import { MAX_CAPTION_LENGTH } from '@cliptide/contract/limits';
import { search } from '../api/discovery.ts';

interface Suggestion {
  insert: string;
  label: string;
}

const TAG_AT_CARET = /(^|\s)([#@])([\p{L}\p{N}_.]{1,30})$/u;

export function CaptionInput({ value, onChange, error }: { value: string; onChange: (value: string) => void; error?: string | undefined }) {
  const area = useRef<HTMLTextAreaElement>(null);
  const [suggestions, setSuggestions] = useState<Suggestion[]>([]);
  const [token, setToken] = useState<{ sigil: string; word: string } | null>(null);

  useEffect(() => {
    if (!token) return setSuggestions([]);
    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      search(token.word, controller.signal)
        .then((r) =>
          setSuggestions(
            token.sigil === '#'
              ? r.hashtags.slice(0, 5).map((h) => ({ insert: `#${h.tag}`, label: `#${h.tag} · ${h.videoCount} videos` }))
              : r.users.slice(0, 5).map((u) => ({ insert: `@${u.username}`, label: `@${u.username} · ${u.displayName}` })),
          ),
        )
        .catch(() => setSuggestions([]));
    }, 200);
    return () => {
      controller.abort();
      window.clearTimeout(timer);
    };
  }, [token]);

  function update(next: string) {
    onChange(next);
    const caret = area.current?.selectionStart ?? next.length;
    const match = TAG_AT_CARET.exec(next.slice(0, caret));
    setToken(match ? { sigil: match[2]!, word: match[3]! } : null);
  }

  function pick(suggestion: Suggestion) {
    const caret = area.current?.selectionStart ?? value.length;
    const before = value.slice(0, caret).replace(/[#@][\p{L}\p{N}_.]*$/u, suggestion.insert + ' ');
    onChange(before + value.slice(caret));
    setToken(null);
    area.current?.focus();
  }

  return (
    <div className="field">
      <label htmlFor="caption">Caption</label>
      <textarea
        id="caption"
        ref={area}
        rows={3}
        maxLength={MAX_CAPTION_LENGTH}
        aria-invalid={error ? true : undefined}
        aria-describedby="caption-hint"
        placeholder="Describe your video. Add #hashtags and @mentions"
        value={value}
        onChange={(e) => update(e.target.value)}
      />
      {suggestions.length > 0 && (
        <ul className="suggestions" aria-label="Suggestions">
          {suggestions.map((s) => (
            <li key={s.insert}>
              <button type="button" className="chip" onClick={() => pick(s)}>
                {s.label}
              </button>
            </li>
          ))}
        </ul>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <p className="field-hint" id="caption-hint">
        {value.length}/{MAX_CAPTION_LENGTH}
      </p>
    </div>
  );
}
