// Wellbeing: screen time, the break reminder, restricted mode and the passcode.
import type { WellbeingPatch, WellbeingSettings } from '@cliptide/contract';
import { get, request } from './http.ts';

export type { WellbeingPatch, WellbeingSettings };

export const fetchWellbeing = (signal?: AbortSignal) => get<{ wellbeing: WellbeingSettings }>('/me/wellbeing', signal);
export const saveWellbeing = (patch: WellbeingPatch) => request<{ wellbeing: WellbeingSettings }>('PATCH', '/me/wellbeing', { body: patch });
/** 30 more minutes today; the passcode is left out when empty (an adult without one). */
export const extendScreenTime = (passcode: string) =>
  request<{ wellbeing: WellbeingSettings }>('POST', '/me/wellbeing/extend', { body: passcode ? { passcode } : {} });
