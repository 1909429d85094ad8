// Blocks and mutes as SQL fragments, for the queries of any module that must respect them (the
// visibility rule, comments, accounts, notifications, For You). No database handle here: only
// repositories run these. `a`, `b`, `viewer` are SQL expressions (a column or a parameter such
// as '$2', bound to null for anonymous viewers — a null matches no block).

/** A block stands between `a` and `b`, whichever of them made it. */
export const blockBetweenSql = (a: string, b: string): string =>
  `exists(select 1 from blocks bk where (bk.blocker_id = ${a} and bk.blocked_id = ${b}) or (bk.blocker_id = ${b} and bk.blocked_id = ${a}))`;

/** `viewer` muted `creator`: the creator's videos stay out of the viewer's feeds. */
export const mutedSql = (viewer: string, creator: string): string =>
  `exists(select 1 from mutes mu where mu.muter_id = ${viewer} and mu.muted_id = ${creator})`;

/** The ids (text[]) of the creators whose videos the viewer's For You never offers: blocked either way, or muted. */
export const hiddenCreatorsSql = (viewer: string): string =>
  `coalesce((select array_agg(hc.id::text) from (
     select bk.blocked_id as id from blocks bk where bk.blocker_id = ${viewer}
     union select bk.blocker_id from blocks bk where bk.blocked_id = ${viewer}
     union select mu.muted_id from mutes mu where mu.muter_id = ${viewer}) hc), '{}')`;
