import type { Me, ProfileInput, SignupInput } from '@cliptide/contract';
import { get, request } from './http.ts';

export type { SignupInput };

export const signup = (input: SignupInput) => request<{ user: Me }>('POST', '/auth/signup', { body: input });
export const login = (login: string, password: string) =>
  request<{ user: Me }>('POST', '/auth/login', { body: { login, password } });
export const logout = () => request<void>('POST', '/auth/logout');
export const fetchMe = (signal?: AbortSignal) => get<{ user: Me }>('/me', signal);
export const updateProfile = (input: ProfileInput) => request<{ user: Me }>('PATCH', '/me', { body: input });
export const uploadAvatar = (image: Blob) => request<{ user: Me }>('PUT', '/me/avatar', { raw: image });
