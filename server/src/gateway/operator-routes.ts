// Every operator route (a route declaring `operator: [...]`) must be listed here, saying how it treats
// personal data (decision 025). `gateway.int.test.ts` walks the OpenAPI document and fails on a route
// missing from this list; for a 'gateway' route it also checks that calling it leaves a record in the log.
//
// Adding an operator route? Add one line:
//   'GET /api/v1/operator/things/{id}': { personalData: 'gateway' },            reads someone's data through gateway.access(...)
//   'GET /api/v1/operator/stats': { personalData: 'none', why: 'aggregate counts only' },
// (paths as in the OpenAPI document: `{param}`, not `:param`.)
// A route that does read personal data without the gateway is a known gap: 'ungated', with what it
// reads and what must change — listed, so the gap is visible and reviewed, never silent.
export type OperatorRouteUse = { personalData: 'gateway' } | { personalData: 'none'; why: string } | { personalData: 'ungated'; gap: string };

export const OPERATOR_ROUTES: Record<string, OperatorRouteUse> = {
  'GET /api/v1/operator/grants': { personalData: 'none', why: 'lists operator roles (usernames of operators, their roles and regions), no one else’s data' },
  'GET /api/v1/operator/accounts/{username}': { personalData: 'gateway' },
  'GET /api/v1/moderation/queue': { personalData: 'gateway' },
  'GET /api/v1/moderation/items/{id}': { personalData: 'gateway' },
  'POST /api/v1/moderation/items/{id}/claim': { personalData: 'gateway' },
  'POST /api/v1/moderation/items/{id}/release': { personalData: 'none', why: 'gives up the moderator’s own claim; answers nothing' },
  'POST /api/v1/moderation/items/{id}/decision': { personalData: 'gateway' },
  'GET /api/v1/operator/outbox': {
    personalData: 'ungated',
    gap: 'lists mails kept when no SMTP server is configured: recipients’ addresses and their links; should record one gateway decision per recipient shown (purpose support, class contact)',
  },
};
