import type { Projection } from '../runner/projection.js';
import { accessLogProjection } from './access-log/access-log.projection.js';
import { casesProjection } from './cases/cases.projection.js';
import { detentionRegisterProjection } from './detention-register/detention-register.projection.js';
import { extraditionTrackerProjection } from './extradition-tracker/extradition-tracker.projection.js';
import { handlersAbroadProjection } from './handlers-abroad/handlers-abroad.projection.js';
import { platformResponsivenessProjection } from './platform-responsiveness/platform-responsiveness.projection.js';
import { referralLedgerProjection } from './referral-ledger/referral-ledger.projection.js';
import { requestRegisterProjection } from './request-register/request-register.projection.js';
import { deadlinesBoardProjection } from './deadlines-board/deadlines-board.projection.js';
import { retentionReviewsProjection } from './retention-reviews/retention-reviews.projection.js';
import { searchProjection } from './search/search.projection.js';
import { informationExchangeStatisticsProjection } from './information-exchange-statistics/information-exchange-statistics.projection.js';

/** Every read model the service runs, in the order the runner applies each page. */
export const ALL_PROJECTIONS: readonly Projection[] = [
  casesProjection,
  detentionRegisterProjection,
  handlersAbroadProjection,
  extraditionTrackerProjection,
  accessLogProjection,
  referralLedgerProjection,
  platformResponsivenessProjection,
  requestRegisterProjection,
  deadlinesBoardProjection,
  informationExchangeStatisticsProjection,
  searchProjection,
  retentionReviewsProjection,
];
