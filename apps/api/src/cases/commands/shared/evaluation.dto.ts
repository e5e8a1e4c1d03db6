import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { INFORMATION_ACCURACIES, SOURCE_RELIABILITIES, type InformationAccuracy, type SourceReliability } from '@liaison/domain';

/** The Europol 4x4: how reliable the source is (A–X) and how sound the information (1–4). */
export class EvaluationDto {
  @IsIn([...SOURCE_RELIABILITIES], { message: `$property must be one of ${SOURCE_RELIABILITIES.join(', ')}` })
  @ApiProperty({ enum: [...SOURCE_RELIABILITIES], description: 'A reliable … C mostly unreliable, X cannot be assessed.', example: 'B' })
  source!: SourceReliability;

  // Numbers, not strings: the pipe does no implicit conversion, so "2" is a 400.
  @IsIn([...INFORMATION_ACCURACIES], { message: `$property must be one of ${INFORMATION_ACCURACIES.join(', ')} (a number)` })
  @ApiProperty({ enum: [...INFORMATION_ACCURACIES], type: Number, description: '1 not in doubt … 4 neither known nor corroborated.', example: 2 })
  information!: InformationAccuracy;
}
