import { SHARING_LEVELS, type SharingLevel } from '@liaison/domain';
import { Country, OneOf } from '../../../commands/http/field-validators.js';

export class ShareCaseRequestDto {
  @Country({ description: 'Partner country to share with (not the owner).', example: 'DK' })
  partnerCountry!: string;

  @OneOf(SHARING_LEVELS, { description: "'read' to consult, 'contribute' to add facts too.", example: 'contribute' })
  level!: SharingLevel;
}
