import { CloseCaseHttpController } from './close-case/close-case.http.controller.js';
import { DecideExtraditionHttpController } from './decide-extradition/decide-extradition.http.controller.js';
import { ErasePersonalDataHttpController } from './erase-personal-data/erase-personal-data.http.controller.js';
import { EndDetentionHttpController } from './end-detention/end-detention.http.controller.js';
import { ExtendCustodyHttpController } from './extend-custody/extend-custody.http.controller.js';
import { IdentifyHandlerAbroadHttpController } from './identify-handler-abroad/identify-handler-abroad.http.controller.js';
import { LinkHandlerToPersonHttpController } from './link-handler-to-person/link-handler-to-person.http.controller.js';
import { OpenCaseHttpController } from './open-case/open-case.http.controller.js';
import { RecordDetentionHttpController } from './record-detention/record-detention.http.controller.js';
import { RecordExtraditionConsentHttpController } from './record-extradition-consent/record-extradition-consent.http.controller.js';
import { RecordExtraditionStageHttpController } from './record-extradition-stage/record-extradition-stage.http.controller.js';
import { RecordNationalityHttpController } from './record-nationality/record-nationality.http.controller.js';
import { RequestExtraditionHttpController } from './request-extradition/request-extradition.http.controller.js';
import { RecordSurrenderHttpController } from './record-surrender/record-surrender.http.controller.js';
import { RegisterPersonHttpController } from './register-person/register-person.http.controller.js';
import { ReopenCaseHttpController } from './reopen-case/reopen-case.http.controller.js';
import { RetractNationalityHttpController } from './retract-nationality/retract-nationality.http.controller.js';
import { RevokeSharingHttpController } from './revoke-sharing/revoke-sharing.http.controller.js';
import { ShareCaseHttpController } from './share-case/share-case.http.controller.js';
import { LiftRestrictionHttpController } from './lift-restriction/lift-restriction.http.controller.js';
import { RectifyPersonHttpController } from './rectify-person/rectify-person.http.controller.js';
import { RestrictProcessingHttpController } from './restrict-processing/restrict-processing.http.controller.js';
import { ReviewRetentionHttpController } from './review-retention/review-retention.http.controller.js';
import { UpdateHandlerLocationHttpController } from './update-handler-location/update-handler-location.http.controller.js';

// Every case use case's controller, in one list the module registers (one per domain command).
export const CASE_COMMAND_CONTROLLERS: (new (...args: never[]) => unknown)[] = [
  OpenCaseHttpController,
  ShareCaseHttpController,
  RevokeSharingHttpController,
  CloseCaseHttpController,
  ReopenCaseHttpController,
  RegisterPersonHttpController,
  RecordNationalityHttpController,
  RetractNationalityHttpController,
  RecordDetentionHttpController,
  ExtendCustodyHttpController,
  EndDetentionHttpController,
  IdentifyHandlerAbroadHttpController,
  LinkHandlerToPersonHttpController,
  UpdateHandlerLocationHttpController,
  RequestExtraditionHttpController,
  RecordExtraditionConsentHttpController,
  RecordExtraditionStageHttpController,
  DecideExtraditionHttpController,
  RecordSurrenderHttpController,
  ErasePersonalDataHttpController,
  RestrictProcessingHttpController,
  LiftRestrictionHttpController,
  RectifyPersonHttpController,
  ReviewRetentionHttpController,
];
