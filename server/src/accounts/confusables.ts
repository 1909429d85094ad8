// Usernames that look alike (`aIice` and `alice`, `paypa1` and `paypal`, `rnaya` and `maya`) are one
// name: a new one is refused when its skeleton — in the spirit of Unicode TR39's, for the ASCII that
// usernames are made of — equals an existing one's. The same mapping runs in SQL (USERNAME_SKELETON_SQL)
// so that the database compares skeletons without reading every name; a test checks the two agree.

/** The skeleton: look-alike capitals and digits become the letter they imitate, then lower case, then look-alike pairs. */
export function usernameSkeleton(username: string): string {
  return username
    .replace(/[I1|]/g, 'l')
    .replace(/0/g, 'o')
    .toLowerCase()
    .replaceAll('rn', 'm')
    .replaceAll('vv', 'w');
}

/** The same skeleton of the `username` column, in SQL. */
export const USERNAME_SKELETON_SQL = `replace(replace(lower(translate(username, 'I1|0', 'lllo')), 'rn', 'm'), 'vv', 'w')`;
