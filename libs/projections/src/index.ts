// Public surface of @liaison/projections: the runner, the access rule, the read models and their queries.
export * from './runner/projection.js';
export * from './runner/projection-runner.js';
export * from './runner/position-waiters.js';
export * from './runner/projection-instance.js';
export * from './runner/projection-files.js';
export * from './runner/rebuild-projection.js';
export * from './access/access-policy.js';
export * from './access/referral-access.js';
export * from './access/request-access.js';
export * from './read-models/all-projections.js';
export {
  InvalidCursor, InvalidQueryParameter, DEFAULT_LIMIT, MAX_LIMIT, type Page, type PageOptions, type CaseLabel,
} from './read-models/shared/read-model-helpers.js';
export * from './read-models/cases/cases.projection.js';
export * from './read-models/cases/cases.queries.js';
export type { Correction } from './read-models/cases/person-corrections.js';
export {
  RESTRICTION_EVENTS, type RestrictionMarker, type RestrictionOption,
} from './read-models/shared/restrictions.js';
export type { PersonView, DetentionView, HandlerView, ExtraditionView, CaseDetailParts } from './read-models/cases/case-detail-parts.js';
export * from './read-models/detention-register/detention-register.projection.js';
export * from './read-models/detention-register/detention-register.queries.js';
export * from './read-models/handlers-abroad/handlers-abroad.projection.js';
export * from './read-models/handlers-abroad/handlers-abroad.queries.js';
export * from './read-models/extradition-tracker/extradition-tracker.projection.js';
export * from './read-models/extradition-tracker/extradition-tracker.queries.js';
export * from './read-models/access-log/access-log.events.js';
export * from './read-models/access-log/access-log.projection.js';
export * from './read-models/access-log/access-log.queries.js';
export { REFERRAL_STATUSES, type ReferralStatus } from './read-models/referral-ledger/referral-ledger.fold.js';
export * from './read-models/referral-ledger/referral-ledger.projection.js';
export * from './read-models/referral-ledger/referral-ledger.queries.js';
export * from './read-models/referral-ledger/action-days.queries.js';
export * from './read-models/referral-ledger/follow-up.queries.js';
export type { ReferralStep } from './read-models/referral-ledger/referral-timeline.js';
export * from './read-models/platform-responsiveness/platform-responsiveness.projection.js';
export * from './read-models/platform-responsiveness/platform-responsiveness.queries.js';
export { INFORMATION_REQUEST_EVENTS, REFUSAL_GROUND_CODES } from './read-models/shared/information-request-clock.js';
export { REQUEST_STATUSES, type RequestStatus } from './read-models/request-register/request-register.fold.js';
export * from './read-models/request-register/request-register.projection.js';
export * from './read-models/request-register/request-register.queries.js';
export type { RequestStep } from './read-models/request-register/request-timeline.js';
export * from './read-models/deadlines-board/deadlines-board.projection.js';
export * from './read-models/deadlines-board/deadlines-board.queries.js';
export * from './read-models/information-exchange-statistics/information-exchange-statistics.projection.js';
export * from './read-models/information-exchange-statistics/information-exchange-statistics.queries.js';
export * from './read-models/search/search.projection.js';
export * from './read-models/search/search.queries.js';
export * from './read-models/retention-reviews/retention-reviews.projection.js';
export * from './read-models/retention-reviews/retention-reviews.queries.js';
