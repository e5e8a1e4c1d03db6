import { BadRequestException, ValidationPipe } from '@nestjs/common';
import type { ValidationError } from '@nestjs/common';
import { validateSync, type ValidatorOptions } from 'class-validator';

export interface FieldError {
  field: string;
  messages: string[];
}

function flatten(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((e) => {
    const field = parent ? `${parent}.${e.property}` : e.property;
    const own = e.constraints ? [{ field, messages: Object.values(e.constraints) }] : [];
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

/**
 * Every rule on our DTOs is synchronous, and class-validator's async validate() wraps each check of
 * each field in a promise: on the command path that was ~40% of validation time. A DTO rule declared
 * async would be skipped by validateSync, so the spec of this pipe keeps that from happening unseen.
 */
class SyncValidationPipe extends ValidationPipe {
  protected override validate(object: object, validatorOptions?: ValidatorOptions): ValidationError[] {
    return validateSync(object, validatorOptions);
  }
}

/** Whitelisting rejects unknown fields so a typo is a 400, not silently dropped data. */
export function createValidationPipe(): ValidationPipe {
  return new SyncValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) =>
      new BadRequestException({ message: 'Validation failed', error: 'Bad Request', errors: flatten(errors) }),
  });
}
