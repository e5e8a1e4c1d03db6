import { RecordAcknowledgementHttpController } from './record-acknowledgement/record-acknowledgement.http.controller.js';
import { RecordNoResponseHttpController } from './record-no-response/record-no-response.http.controller.js';
import { RecordOutcomeHttpController } from './record-outcome/record-outcome.http.controller.js';
import { RecordReappearanceHttpController } from './record-reappearance/record-reappearance.http.controller.js';
import { ReferContentHttpController } from './refer-content/refer-content.http.controller.js';
import { SendReferralHttpController } from './send-referral/send-referral.http.controller.js';
import { WithdrawReferralHttpController } from './withdraw-referral/withdraw-referral.http.controller.js';

// Every referral use case's controller (one per domain command).
export const REFERRAL_COMMAND_CONTROLLERS: (new (...args: never[]) => unknown)[] = [
  ReferContentHttpController,
  SendReferralHttpController,
  RecordAcknowledgementHttpController,
  RecordOutcomeHttpController,
  RecordNoResponseHttpController,
  RecordReappearanceHttpController,
  WithdrawReferralHttpController,
];
