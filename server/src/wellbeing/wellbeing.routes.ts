// HTTP for wellbeing: the settings and today's screen time, changing them, and the passcode extension.
import { extendBody, wellbeingPatchBody, wellbeingResponse } from '@cliptide/contract';
import type { Router } from '../http/route.ts';
import type { WellbeingService } from './wellbeing.service.ts';

export function wellbeingRoutes(route: Router, wellbeing: WellbeingService, limits: { writePerMinute: number; authPerMinute: number }) {
  route({
    method: 'GET',
    url: '/api/v1/me/wellbeing',
    summary: 'Your screen-time limit, today’s and this week’s watch time, the break reminder and restricted mode',
    tag: 'wellbeing',
    auth: 'required',
    response: wellbeingResponse,
    handler: async ({ viewer }) => ({ wellbeing: await wellbeing.get(viewer.id) }),
  });

  route({
    method: 'PATCH',
    url: '/api/v1/me/wellbeing',
    summary: 'Change the limit (40–120 minutes or off), the break reminder, restricted mode, the time zone or the passcode (13–17: loosening takes the passcode)',
    tag: 'wellbeing',
    auth: 'required',
    body: wellbeingPatchBody,
    response: wellbeingResponse,
    errors: ['passcode_required', 'wrong_passcode', 'age_restricted', 'rate_limited'],
    rateLimit: { perAccount: limits.writePerMinute, perAddress: limits.writePerMinute * 4 },
    handler: async ({ viewer, body }) => ({ wellbeing: await wellbeing.update(viewer.id, body) }),
  });

  route({
    method: 'POST',
    url: '/api/v1/me/wellbeing/extend',
    summary: '30 more minutes today, with your passcode',
    tag: 'wellbeing',
    auth: 'required',
    body: extendBody,
    response: wellbeingResponse,
    errors: ['passcode_required', 'wrong_passcode', 'conflict', 'rate_limited'],
    rateLimit: { perAccount: limits.authPerMinute, perAddress: limits.authPerMinute * 4 },
    handler: async ({ viewer, body }) => ({ wellbeing: await wellbeing.extend(viewer.id, body.passcode) }),
  });
}
