import { FreeText } from '../../../commands/http/field-validators.js';

export class WithdrawRequestRequestDto {
  @FreeText(500, { description: 'Why the request is withdrawn.', example: 'Information obtained nationally (fictional)' })
  reason!: string;
}
