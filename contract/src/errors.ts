// The API's stable error codes and the HTTP status each one answers with. The server throws them,
// the OpenAPI document lists them, the web client turns them into words.

export const ERROR_STATUS = {
  validation_failed: 400,
  invalid_token: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  forbidden: 403,
  email_unverified: 403,
  wrong_password: 403,
  invalid_code: 403,
  comments_disabled: 403,
  age_restricted: 403,
  cross_border_denied: 403,
  purpose_denied: 403,
  screen_time_limit: 403,
  passcode_required: 403,
  wrong_passcode: 403,
  account_restricted: 403,
  account_suspended: 403,
  blocked: 403,
  not_found: 404,
  conflict: 409,
  username_taken: 409,
  email_taken: 409,
  upload_incomplete: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  too_young: 422,
  media_rejected: 422,
  rate_limited: 429,
  internal: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;
export const ERROR_CODES = Object.keys(ERROR_STATUS) as [ErrorCode, ...ErrorCode[]];
