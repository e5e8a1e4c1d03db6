import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsObject, ValidateNested } from 'class-validator';
import { EvaluationDto } from './evaluation.dto.js';

/** A required nested evaluation; IsObject first so `"evaluation": "B2"` is a clear 400. */
export function Evaluation(description: string): PropertyDecorator {
  return applyDecorators(
    IsDefined({ message: '$property is required' }),
    IsObject({ message: '$property must be an object { source, information }' }),
    ValidateNested(),
    Type(() => EvaluationDto),
    ApiProperty({ type: EvaluationDto, description }),
  );
}
