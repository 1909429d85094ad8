// Operator routes: who holds which role (admins only).
import { OPERATOR_ROLES, operatorAccount, operatorAccountParams, operatorAccountQuery, operatorGrantsResponse } from '@cliptide/contract';
import type { Router } from '../http/route.ts';
import type { OperatorService } from './operator.service.ts';
import type { AccountLookup } from './account-lookup.service.ts';

export function operatorRoutes(route: Router, operators: OperatorService, lookup: AccountLookup) {
  route({
    method: 'GET',
    url: '/api/v1/operator/grants',
    summary: 'Every operator role granted, with its jurisdiction',
    tag: 'operators',
    auth: 'required',
    operator: ['admin'],
    response: operatorGrantsResponse,
    handler: async () => ({ items: await operators.list() }),
  });
  route({
    method: 'GET',
    url: '/api/v1/operator/accounts/:username',
    summary: "An account's personal data, read through the access gateway (the decision is logged first)",
    tag: 'operators',
    auth: 'required',
    // every role may ask; the gateway's policy decides, and logs refusals too
    operator: OPERATOR_ROLES,
    params: operatorAccountParams,
    query: operatorAccountQuery,
    response: operatorAccount,
    errors: ['not_found', 'cross_border_denied', 'purpose_denied'],
    handler: async ({ viewer, params, query }) => lookup.lookup(viewer, params.username, query.purpose),
  });
}
