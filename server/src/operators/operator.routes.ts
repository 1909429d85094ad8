// Operator routes: who holds which role (admins only).
import { operatorGrantsResponse } from '@cliptide/contract';
import type { Router } from '../http/route.ts';
import type { OperatorService } from './operator.service.ts';

export function operatorRoutes(route: Router, operators: OperatorService) {
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
}
