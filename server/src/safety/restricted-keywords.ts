// The restricted-mode keyword list (restricted-keywords.json: data, maintained by editing it) as
// one matcher, written once for JavaScript and once for SQL so both halves of the visibility rule
// hide the same captions. A keyword matches as a whole word or phrase, ignoring case.
import list from './restricted-keywords.json' with { type: 'json' };

const KEYWORD = /^[a-z0-9]+( [a-z0-9]+)*$/;

/** The list, checked: a malformed entry stops the server at start instead of matching wrongly. */
export function checkedKeywords(keywords: readonly string[]): string[] {
  for (const k of keywords) {
    if (!KEYWORD.test(k)) throw new Error(`restricted-keywords.json: "${k}" is not lower-case letters and digits separated by single spaces`);
  }
  return [...new Set(keywords)];
}

export const RESTRICTED_KEYWORDS: readonly string[] = checkedKeywords(list.keywords);

/**
 * One regular expression in the syntax JavaScript and PostgreSQL share: a keyword with no letter,
 * digit or underscore on either side. (Keywords hold only [a-z0-9 ], so nothing needs escaping and
 * the pattern is safe inside a SQL string literal.)
 */
export function keywordPattern(keywords: readonly string[]): string {
  return `(^|[^a-zA-Z0-9_])(${keywords.join('|')})($|[^a-zA-Z0-9_])`;
}

export const RESTRICTED_PATTERN = keywordPattern(RESTRICTED_KEYWORDS);
const restricted = new RegExp(RESTRICTED_PATTERN, 'i');

/** Does this caption (hashtags are part of it) contain a restricted keyword? */
export const hasRestrictedKeyword = (caption: string): boolean => restricted.test(caption);
