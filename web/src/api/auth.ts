import type { MeResponse, ProfileInput, SignupInput } from '@cliptide/contract';
import { get, request } from './http.ts';

export type { SignupInput };

export const signup = (input: SignupInput) => request<MeResponse>('POST', '/auth/signup', { body: input });
// log-in (two steps with two-factor sign-in) lives in account-security.ts
export const logout = () => request<void>('POST', '/auth/logout');
export const fetchMe = (signal?: AbortSignal) => get<MeResponse>('/me', signal);
export const updateProfile = (input: ProfileInput) => request<MeResponse>('PATCH', '/me', { body: input });
export const uploadAvatar = (image: Blob) => request<MeResponse>('PUT', '/me/avatar', { raw: image });
