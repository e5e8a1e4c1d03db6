import { applyDecorators, BadRequestException, Injectable, Param, ParseUUIDPipe, type PipeTransform } from '@nestjs/common';
import { ApiParam } from '@nestjs/swagger';
import { isCountryCode } from '@liaison/domain';

// Path parameters get the same field-level 400 body as DTO fields, so clients parse one shape.

function badParam(name: string, message: string): BadRequestException {
  return new BadRequestException({ message: 'Validation failed', error: 'Bad Request', errors: [{ field: name, messages: [message] }] });
}

/** `@UuidParam('caseId')`: the id must be a UUID (ParseUUIDPipe), else 400. */
export function UuidParam(name: string): ParameterDecorator {
  return Param(name, new ParseUUIDPipe({ version: 'all', exceptionFactory: () => badParam(name, `${name} must be a UUID`) }));
}

@Injectable()
export class ParseCountryPipe implements PipeTransform<string, string> {
  constructor(private readonly name: string) {}

  transform(value: string): string {
    // Case-sensitive like the domain: 'se' is rejected rather than silently normalised.
    if (!isCountryCode(value)) throw badParam(this.name, `${this.name} must be an uppercase ISO 3166-1 alpha-2 country code`);
    return value;
  }
}

export function CountryParam(name: string): ParameterDecorator {
  return Param(name, new ParseCountryPipe(name));
}

/** OpenAPI docs for the path parameters a route uses. */
export function ApiCaseParams(...names: string[]): MethodDecorator {
  return applyDecorators(
    ...names.map((name) =>
      name === 'country'
        ? ApiParam({ name, description: 'ISO 3166-1 alpha-2, uppercase.', example: 'DK' })
        : ApiParam({ name, format: 'uuid', description: `${name} (UUID).`, example: '3f1c9a52-6d0e-4b7a-9c21-5e8f0a4d2b61' }),
    ),
  );
}
