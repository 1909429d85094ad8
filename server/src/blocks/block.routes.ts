// HTTP for blocks and mutes (decision 022).
import { blockResult, cursorQuery, muteResult, relatedUserPage, usernameParams } from '@cliptide/contract';
import type { Router } from '../http/route.ts';
import type { BlockService } from './block.service.ts';

export function blockRoutes(route: Router, blocks: BlockService, limits: { writePerMinute: number }) {
  const rateLimit = { perAccount: limits.writePerMinute, perAddress: limits.writePerMinute * 4 };
  for (const [method, on] of [['PUT', true], ['DELETE', false]] as const) {
    route({
      method,
      url: '/api/v1/users/:username/block',
      summary: on
        ? 'Block an account: neither of you sees the other’s videos, comments or profile, or may follow, comment on or mention the other; follows between you end'
        : 'Unblock an account (follows ended by the block do not come back)',
      tag: 'safety',
      auth: 'required',
      params: usernameParams,
      response: blockResult,
      errors: ['not_found', 'validation_failed'],
      rateLimit,
      handler: ({ viewer, params }) => blocks.block(viewer.id, params.username, on),
    });
    route({
      method,
      url: '/api/v1/users/:username/mute',
      summary: on ? 'Mute an account: its videos stay out of your For You and Following feeds; it is not told' : 'Unmute an account',
      tag: 'safety',
      auth: 'required',
      params: usernameParams,
      response: muteResult,
      errors: ['not_found', 'validation_failed'],
      rateLimit,
      handler: ({ viewer, params }) => blocks.mute(viewer.id, params.username, on),
    });
  }
  route({
    method: 'GET',
    url: '/api/v1/me/blocks',
    summary: 'The accounts you blocked, most recent first',
    tag: 'safety',
    auth: 'required',
    query: cursorQuery,
    response: relatedUserPage,
    handler: ({ viewer, query }) => blocks.blocks(viewer.id, query.cursor),
  });
  route({
    method: 'GET',
    url: '/api/v1/me/mutes',
    summary: 'The accounts you muted, most recent first',
    tag: 'safety',
    auth: 'required',
    query: cursorQuery,
    response: relatedUserPage,
    handler: ({ viewer, query }) => blocks.mutes(viewer.id, query.cursor),
  });
}
