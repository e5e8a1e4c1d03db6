import { Reason } from '../shared/reason.js';

export class CloseCaseRequestDto {
  @Reason('Why the case is closed.', 'Suspects convicted; no further cross-border action expected.')
  reason!: string;
}
