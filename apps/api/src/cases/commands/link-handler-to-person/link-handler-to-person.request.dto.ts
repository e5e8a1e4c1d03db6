import { HANDLER_RELATIONS, type HandlerRelation } from '@liaison/domain';
import { OneOf, Uuid } from '../../../commands/http/field-validators.js';

export class LinkHandlerToPersonRequestDto {
  @Uuid({ description: 'A person registered in the case.', example: '7d0c2f1e-3b4a-4c5d-8e9f-0a1b2c3d4e5f' })
  personId!: string;

  @OneOf(HANDLER_RELATIONS, { description: 'What the handler did to or for the person.', example: 'recruited' })
  relation!: HandlerRelation;
}
