// The Cliptide API contract: every request and response schema, shared by the server (which
// validates and serialises with them and generates OpenAPI from them), the web client and the
// end-to-end tests (which import their types). See docs/decisions/014-one-contract.md.
export * from './errors.ts';
export * from './limits.ts';
export * from './problem.ts';
export * from './common.ts';
export * from './accounts.ts';
export * from './videos.ts';
export * from './social.ts';
export * from './feed.ts';
export * from './search.ts';
export * from './notifications.ts';
export * from './operators.ts';
export * from './transparency.ts';
export * from './account-security.ts';
export * from './wellbeing.ts';
export * from './moderation.ts';
export * from './blocks.ts';
export * from './sharing.ts';
export * from './collections.ts';
