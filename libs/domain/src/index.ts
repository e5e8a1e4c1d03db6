// Public surface of @liaison/domain. The testing helpers are deliberately not exported:
// they depend on Jest.
export * from './shared/command-metadata.js';
export * from './shared/country-code.js';
export * from './shared/data-subject-category.js';
export * from './shared/domain-error.js';
export * from './shared/evaluation.js';
export * from './shared/handling-code.js';
export * from './shared/json.js';
export * from './shared/sharing-level.js';
export * from './case/case.commands.js';
export * from './case/case.events.js';
export * from './case/case.state.js';
export * from './case/case.decider.js';
export {
  RESTRICTION_GROUNDS, RECTIFIABLE_FIELDS, type RestrictionGround, type RectifiableField, type RectifiedValue,
} from './case/person-lifecycle.js';
export {
  EXTRADITION_ROUTES, EXTRADITION_STAGES, routePlan, routeInapplicability,
  type ExtraditionRoute, type ExtraditionStage, type ExtraditionDeadlineFor, type RoutePlan, type StageRule,
  type StageRequirement,
} from './case/extradition-routes.js';
export * from './referral/referral.commands.js';
export * from './referral/referral.events.js';
export * from './referral/referral.state.js';
export * from './referral/referral.decider.js';
export { normaliseLocator, referralIdFor, isSha256Hex } from './referral/locator.js';
export { MAX_LOCATOR_LENGTH } from './referral/referral.guards.js';
export { MAX_FOLLOW_UP_DAYS } from './referral/commands/send-referral-to-platform/send-referral-to-platform.decide.js';
export * from './action-day/action-day.commands.js';
export * from './action-day/action-day.events.js';
export * from './action-day/action-day.state.js';
export * from './action-day/action-day.decider.js';
export { MAX_FILE_ROWS } from './action-day/action-day.guards.js';
export * from './information-request/information-request.commands.js';
export * from './information-request/information-request.events.js';
export * from './information-request/information-request.state.js';
export * from './information-request/information-request.decider.js';
export {
  deadlineFor, deadlineRuleFor, shiftDeadline, addCalendarDays, instantOfLocalTime, requireTimeZone,
  URGENT_DIRECT_HOURS, URGENT_INDIRECT_DAYS, OTHER_REQUEST_DAYS, type Deadline, type DeadlineInput,
} from './information-request/deadline-policy.js';
export { type RequestSide } from './information-request/information-request.guards.js';
export {
  MAX_INFORMATION_SOUGHT_LENGTH, MAX_PURPOSE_LENGTH, MAX_AUTHORITY_LENGTH,
} from './information-request/commands/file-information-request/file-information-request.decide.js';
export { MAX_EXPECTED_DELAY_DAYS } from './information-request/commands/note-judicial-authorisation-pending/note-judicial-authorisation-pending.decide.js';
export { PERSONAL_DATA_POLICY } from './personal-data.js';
export { ERASURE_BASES, type ErasureBasis } from './case/commands/erase-personal-data/erasure-basis.js';
