// A creator's keyword filter for comments: which keywords a comment contains, as whole words or
// phrases in any case ("spam" holds "SPAM!" but not "spammer"). Keywords are kept lowercased,
// trimmed and once each.

export const normaliseKeywords = (keywords: string[]): string[] => [...new Set(keywords.map((k) => k.trim().toLowerCase().replace(/\s+/g, ' ')).filter(Boolean))];

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The body contains one of the keywords, delimited by anything that is not a letter or a digit. */
export function matchesKeyword(body: string, keywords: string[]): boolean {
  const text = body.toLowerCase().normalize('NFC');
  return keywords.some((k) => new RegExp(`(?<![\\p{L}\\p{N}])${escape(k.normalize('NFC')).replace(/ /g, '\\s+')}(?![\\p{L}\\p{N}])`, 'u').test(text));
}
