// Limits of the contract as plain numbers, importable without zod (the web client's inputs use them).
export const MAX_CAPTION_LENGTH = 2200;
export const MAX_AVATAR_BYTES = 5 * 1024 * 1024;
export const MAX_DISPLAY_NAME_LENGTH = 50;
export const MAX_BIO_LENGTH = 300;
export const MAX_COMMENT_LENGTH = 500;
export const MAX_KEYWORD_FILTERS = 100;
export const MAX_KEYWORD_LENGTH = 50;
export const MIN_PASSWORD_LENGTH = 10;
/** Entries of a transparency log answered by one `entries` request. */
export const MAX_TRANSPARENCY_ENTRIES = 256;
/** The daily screen-time limit may be set between these (minutes), or off. */
export const MIN_DAILY_LIMIT_MINUTES = 40;
export const MAX_DAILY_LIMIT_MINUTES = 120;
export const MIN_BREAK_REMINDER_MINUTES = 5;
export const MAX_BREAK_REMINDER_MINUTES = 180;
/** One passcode extension adds this many minutes to today's limit. */
export const SCREEN_TIME_EXTENSION_MINUTES = 30;
export const MAX_REPORT_NOTE_LENGTH = 500;
export const MAX_COMMENT_FILTER_KEYWORDS = 200;
