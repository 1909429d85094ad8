// The public enforcement report: reports and decisions per month and category, live. No personal data.
import type { EnforcementReport } from '@cliptide/contract';
import { fetchEnforcement } from '../api/moderation.ts';
import { Empty, ErrorState, Loading } from '../ui/states.tsx';
import { useResource } from '../ui/use-resource.ts';
import { ACTION_WORDS, CATEGORY_WORDS } from './words.ts';

export function EnforcementPage() {
  const report = useResource('enforcement', (signal) => fetchEnforcement(signal));
  if (report.error) return <ErrorState error={report.error} onRetry={report.retry} />;
  if (!report.data) return <Loading label="Loading the enforcement report" />;
  return <Enforcement report={report.data} />;
}

function Enforcement({ report }: { report: EnforcementReport }) {
  const months = [...new Set([...report.rows.map((r) => r.month), ...report.reports.map((r) => r.month)])].sort().reverse();
  return (
    <div className="page settings-page enforcement-page">
      <h1>Enforcement report</h1>
      <p className="field-hint">
        How many reports people sent and what moderators decided, per month and community-guidelines category. Counted live from the
        decision record; it names nobody. Generated {new Date(report.generatedAt).toLocaleString()}.
      </p>
      {months.length === 0 && <Empty>Nothing reported yet.</Empty>}
      {months.map((month) => (
        <section key={month} aria-label={month} className="enforcement-month">
          <h2>{month}</h2>
          <table className="enforcement-table">
            <caption className="visually-hidden">Reports in {month}</caption>
            <thead>
              <tr>
                <th scope="col">Category</th>
                <th scope="col">Reports</th>
              </tr>
            </thead>
            <tbody>
              {report.reports
                .filter((r) => r.month === month)
                .map((r) => (
                  <tr key={r.category}>
                    <th scope="row">{CATEGORY_WORDS[r.category]}</th>
                    <td>{r.count}</td>
                  </tr>
                ))}
            </tbody>
          </table>
          <table className="enforcement-table">
            <caption className="visually-hidden">Decisions in {month}</caption>
            <thead>
              <tr>
                <th scope="col">Category</th>
                <th scope="col">Decision</th>
                <th scope="col">Count</th>
              </tr>
            </thead>
            <tbody>
              {report.rows
                .filter((r) => r.month === month)
                .map((r) => (
                  <tr key={`${r.category}/${r.action}`}>
                    <th scope="row">{CATEGORY_WORDS[r.category]}</th>
                    <td>{ACTION_WORDS[r.action]}</td>
                    <td>{r.count}</td>
                  </tr>
                ))}
            </tbody>
          </table>
        </section>
      ))}
    </div>
  );
}
