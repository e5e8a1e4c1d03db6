import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsObject, ValidateNested } from 'class-validator';
import { REFUSAL_GROUNDS } from '@liaison/domain';
import { Flag, FreeText, Instant, OneOf } from '../../../commands/http/field-validators.js';

/** One ground of the closed list in Art. 6(1) Directive 2023/977, with the reason (refusals are reasoned). */
export class RefusalGroundDto {
  @OneOf(REFUSAL_GROUNDS, { description: 'Art. 6(1) point (a)–(h).', example: 'g' })
  ground!: string;

  @FreeText(2000, { description: 'Why this ground applies.', example: 'Punishable by a fine only in the requested state (fictional)' })
  reason!: string;
}

export class RefuseRequestRequestDto {
  @IsArray({ message: '$property must be a list of { ground, reason }' })
  @ArrayMinSize(1, { message: '$property must name at least one Art. 6(1) ground' })
  @ArrayMaxSize(8, { message: '$property may list each of the 8 grounds at most once' })
  @ArrayUnique((g: { ground?: unknown } | null) => g?.ground, { message: '$property must name each ground once' })
  @IsObject({ each: true, message: 'each of $property must be an object { ground, reason }' })
  @ValidateNested({ each: true })
  @Type(() => RefusalGroundDto)
  @ApiProperty({ type: [RefusalGroundDto], description: 'One or more Art. 6(1) grounds, each with its reason.' })
  grounds!: RefusalGroundDto[];

  @Flag({ optional: true, description: 'Only the affected part is refused (Art. 6(1) last subparagraph).', example: false })
  partial?: boolean;

  @Instant({ optional: true, description: 'When it was refused; defaults to now. After the deadline in force it is refused (422).' })
  refusedAt?: string;
}
