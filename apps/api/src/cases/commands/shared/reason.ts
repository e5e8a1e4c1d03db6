import { FreeText } from '../../../commands/http/field-validators.js';

/** The domain keeps reasons (close, reopen, retract, extend) to 1000 characters. */
export const REASON_MAX = 1000;

export const Reason = (description: string, example: string, optional = false): PropertyDecorator =>
  FreeText(REASON_MAX, { description, example, optional });
