// For You settings: switch personalisation off (EU DSA), filter out keywords and hashtags,
// and start For You afresh. Each change is saved as it is made.
import { useState, type FormEvent } from 'react';
import { MAX_KEYWORD_FILTERS, MAX_KEYWORD_LENGTH } from '@cliptide/contract/limits';
import { formErrors, noFormErrors, type FormErrors } from '../api/form-errors.ts';
import { fetchFeedPreferences, refreshForYou, saveFeedPreferences, type FeedPreferences } from '../api/feed-controls.ts';
import { Redirect } from '../router/redirect.tsx';
import { paths } from '../router/routes.ts';
import { useSession } from '../session/session.tsx';
import { ErrorState, Loading } from '../ui/states.tsx';
import { useToast } from '../ui/toast.tsx';
import { useResource } from '../ui/use-resource.ts';

export function FeedSettingsPage() {
  const { user } = useSession();
  const preferences = useResource('feed-preferences', async (signal) => (await fetchFeedPreferences(signal)).preferences);
  if (user === undefined) return <Loading />;
  if (user === null) return <Redirect to={paths.login(paths.feedSettings())} />;
  if (preferences.error) return <ErrorState error={preferences.error} onRetry={preferences.retry} />;
  if (!preferences.data) return <Loading label="Loading your For You settings" />;
  return <FeedSettings preferences={preferences.data} onSaved={preferences.set} />;
}

function FeedSettings({ preferences, onSaved }: { preferences: FeedPreferences; onSaved: (p: FeedPreferences) => void }) {
  const toast = useToast();
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<FormErrors<'personalized' | 'keywordFilters'>>(noFormErrors);
  const [keyword, setKeyword] = useState('');
  const [confirmRefresh, setConfirmRefresh] = useState(false);

  async function save(patch: Partial<FeedPreferences>, done: string) {
    setBusy(true);
    setErrors(noFormErrors);
    try {
      onSaved((await saveFeedPreferences(patch)).preferences);
      toast(done);
      return true;
    } catch (err) {
      setErrors(formErrors(err, ['personalized', 'keywordFilters']));
      return false;
    } finally {
      setBusy(false);
    }
  }

  async function addKeyword(event: FormEvent) {
    event.preventDefault();
    const word = keyword.trim().replace(/^#/, '').toLowerCase();
    if (!word) return;
    if (preferences.keywordFilters.includes(word)) return setKeyword('');
    if (preferences.keywordFilters.length >= MAX_KEYWORD_FILTERS) {
      return setErrors({ fields: { keywordFilters: `You can filter at most ${MAX_KEYWORD_FILTERS} words.` }, general: null });
    }
    if (await save({ keywordFilters: [...preferences.keywordFilters, word] }, `Videos with “${word}” are filtered out`)) setKeyword('');
  }

  async function refresh() {
    setBusy(true);
    setErrors(noFormErrors);
    try {
      await refreshForYou();
      setConfirmRefresh(false);
      toast('For You starts fresh — your follows are kept');
    } catch (err) {
      setErrors(formErrors(err, []));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="page auth-page settings-page">
      <h1>For You settings</h1>

      <section className="card form" aria-labelledby="personalized-heading">
        <h2 id="personalized-heading">Personalisation</h2>
        <label className="switch-row">
          <input
            type="checkbox"
            role="switch"
            checked={preferences.personalized}
            disabled={busy}
            onChange={(e) =>
              void save(
                { personalized: e.target.checked },
                e.target.checked ? 'For You is personalised again' : 'For You is no longer personalised',
              )
            }
          />
          <span>Personalise For You from what I watch</span>
        </label>
        {errors.fields.personalized && (
          <p className="field-error" role="alert">
            {errors.fields.personalized}
          </p>
        )}
        <p className="field-hint">
          {preferences.personalized
            ? 'For You learns from what you watch, like and skip, and says why it shows each video.'
            : 'For You shows what is popular in your region and recent, the same for everyone there. Following stays in time order.'}
        </p>
      </section>

      <section className="card form" aria-labelledby="filters-heading">
        <h2 id="filters-heading">Keyword and hashtag filters</h2>
        <p className="field-hint">Videos whose caption or hashtags contain these words are not shown in For You.</p>
        <form className="row" onSubmit={addKeyword}>
          <label htmlFor="keyword" className="visually-hidden">
            Word or hashtag to filter
          </label>
          <input
            id="keyword"
            value={keyword}
            maxLength={MAX_KEYWORD_LENGTH}
            placeholder="e.g. spoilers or #horror"
            onChange={(e) => setKeyword(e.target.value)}
            aria-invalid={errors.fields.keywordFilters ? true : undefined}
            aria-describedby={errors.fields.keywordFilters ? 'keyword-error' : undefined}
          />
          <button type="submit" className="button" disabled={busy || keyword.trim() === ''}>
            Add filter
          </button>
        </form>
        {errors.fields.keywordFilters && (
          <p className="field-error" id="keyword-error" role="alert">
            {errors.fields.keywordFilters}
          </p>
        )}
        {preferences.keywordFilters.length === 0 ? (
          <p className="muted-text">No filters yet.</p>
        ) : (
          <ul className="chips" aria-label="Filtered words">
            {preferences.keywordFilters.map((word) => (
              <li key={word}>
                <button
                  type="button"
                  className="chip"
                  aria-label={`Remove filter ${word}`}
                  disabled={busy}
                  onClick={() => void save({ keywordFilters: preferences.keywordFilters.filter((w) => w !== word) }, `“${word}” is no longer filtered`)}
                >
                  {word} ×
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="card form" aria-labelledby="refresh-heading">
        <h2 id="refresh-heading">Refresh For You</h2>
        <p className="field-hint">Forget the interests For You has learned about you and start again. The people you follow stay.</p>
        {confirmRefresh ? (
          <div className="row">
            <button type="button" className="button button-primary" disabled={busy} onClick={() => void refresh()}>
              Yes, start fresh
            </button>
            <button type="button" className="button" disabled={busy} onClick={() => setConfirmRefresh(false)}>
              Cancel
            </button>
          </div>
        ) : (
          <button type="button" className="button" disabled={busy} onClick={() => setConfirmRefresh(true)}>
            Refresh For You…
          </button>
        )}
      </section>

      {errors.general && (
        <p className="form-error" role="alert">
          {errors.general}
        </p>
      )}
    </div>
  );
}
