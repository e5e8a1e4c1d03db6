import { ERASURE_BASES, type ErasureBasis } from '@liaison/domain';
import { OneOf } from '../../../commands/http/field-validators.js';
import { Reason } from '../shared/reason.js';

export class ErasePersonalDataRequestDto {
  @OneOf(ERASURE_BASES, {
    description: 'The legal basis (Law Enforcement Directive 2016/680): retention period ended (Art. 5), unlawful processing, a legal obligation, or no longer necessary (Art. 16(2)).',
    example: 'retention-period-ended',
  })
  legalBasis!: ErasureBasis;

  @Reason('Why the data is erased. Recorded in the erasure log: do not repeat the erased data here.', 'Retention review 2026-12: no further need for the investigation.')
  reason!: string;
}
