// The words for report categories, policies and decisions, shared by every moderation screen.
import type { DecisionAction, PolicyReason, ReportCategory } from '@cliptide/contract';

export const CATEGORY_WORDS: Record<ReportCategory, string> = {
  minor_safety: 'Minor safety',
  child_sexual_exploitation: 'Child sexual exploitation',
  harassment: 'Harassment or bullying',
  hate: 'Hate',
  violence: 'Violence or dangerous acts',
  self_harm: 'Self-harm',
  nudity: 'Nudity or sexual content',
  spam: 'Spam or scam',
  impersonation: 'Impersonation',
  intellectual_property: 'Intellectual property',
  other: 'Something else',
};

export const POLICY_WORDS: Record<PolicyReason, string> = {
  ...(Object.fromEntries(Object.entries(CATEGORY_WORDS).filter(([k]) => k !== 'other')) as Record<Exclude<ReportCategory, 'other'>, string>),
  no_violation: 'No violation',
};

export const ACTION_WORDS: Record<DecisionAction, string> = {
  dismiss: 'No action',
  label_adult: 'Labelled 18+',
  remove: 'Removed',
  restrict: 'Posting restricted',
  suspend: 'Account suspended',
  ban: 'Account banned',
  appeal_upheld: 'Appeal: decision upheld',
  appeal_reversed: 'Appeal: decision reversed',
};
