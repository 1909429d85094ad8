// Account security calls: e-mail verification and change, password reset and change, sessions,
// two-factor sign-in, and the operator's outbox.
import type {
  EmailChangeResponse,
  LoginResponse,
  MeResponse,
  OutboxResponse,
  RecoveryCodesResponse,
  SessionsResponse,
  SignedOutResponse,
  TotpSetupResponse,
  TwoFactorStatus,
} from '@cliptide/contract';
import { get, request, withCursor } from './http.ts';

export const loginWithPassword = (login: string, password: string) => request<LoginResponse>('POST', '/auth/login', { body: { login, password } });
export const loginWithCode = (challenge: string, code: string) => request<MeResponse>('POST', '/auth/login/totp', { body: { challenge, code } });
export const verifyEmail = (token: string) => request<MeResponse>('POST', '/auth/verify-email', { body: { token } });
export const resendVerification = () => request<void>('POST', '/me/email/verification', { body: {} });
export const changeEmail = (email: string, password: string) => request<EmailChangeResponse>('POST', '/me/email', { body: { email, password } });
export const requestPasswordReset = (email: string) => request<void>('POST', '/auth/password-reset', { body: { email } });
export const resetPassword = (token: string, password: string) => request<void>('POST', '/auth/password-reset/confirm', { body: { token, password } });
export const changePassword = (currentPassword: string, newPassword: string) =>
  request<SignedOutResponse>('POST', '/me/password', { body: { currentPassword, newPassword } });
export const fetchSessions = (signal?: AbortSignal) => get<SessionsResponse>('/me/sessions', signal);
export const signOutSession = (id: string) => request<void>('DELETE', `/me/sessions/${encodeURIComponent(id)}`);
export const signOutOthers = () => request<SignedOutResponse>('POST', '/me/sessions/sign-out-others', { body: {} });
export const fetchTwoFactor = (signal?: AbortSignal) => get<TwoFactorStatus>('/me/two-factor', signal);
export const setupTwoFactor = () => request<TotpSetupResponse>('POST', '/me/two-factor/setup', { body: {} });
export const confirmTwoFactor = (code: string) => request<RecoveryCodesResponse>('POST', '/me/two-factor/confirm', { body: { code } });
export const disableTwoFactor = (password: string, code: string) => request<void>('POST', '/me/two-factor/disable', { body: { password, code } });
export const fetchOutbox = (cursor: string | null, signal?: AbortSignal) => get<OutboxResponse>(withCursor('/operator/outbox', cursor), signal);
