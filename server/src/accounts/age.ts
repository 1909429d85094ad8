// Age from a birthdate (YYYY-MM-DD), in whole years on the given day (UTC).
export function ageOn(birthdate: string, today: Date): number {
  const [y, m, d] = birthdate.split('-').map(Number) as [number, number, number];
  let age = today.getUTCFullYear() - y;
  const beforeBirthday = today.getUTCMonth() + 1 < m || (today.getUTCMonth() + 1 === m && today.getUTCDate() < d);
  if (beforeBirthday) age -= 1;
  return age;
}

export const MIN_SIGNUP_AGE = 13;
export const ADULT_AGE = 18;
