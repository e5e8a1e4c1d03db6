import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Length, Matches, Max, MaxLength, Min } from 'class-validator';

/** Parameters every read accepts. */
export class ReadQueryDto {
  @ApiPropertyOptional({ description: 'Wait (briefly) until read models include this global position, e.g. the `position` a command returned. 503 + Retry-After if they do not get there in time.', example: '42' })
  @IsOptional()
  @Matches(/^\d{1,19}$/, { message: 'minPosition must be a non-negative integer' })
  minPosition?: string;

  @ApiPropertyOptional({ description: 'Why you are reading this (LED Art. 25), 3-500 characters; required for case and personal data unless sent as the X-Purpose header. Recorded in the access log, visible to supervisors.', example: 'Custody review for the Malmö detention' })
  @IsOptional()
  @IsString()
  @Length(3, 500)
  purpose?: string;
}

/** A read paged by an opaque cursor; the page size is the subclass's (its limits differ per query). */
export class CursorQueryDto extends ReadQueryDto {
  @ApiPropertyOptional({ description: 'Opaque cursor from the previous page\'s nextCursor.' })
  @IsOptional()
  @IsString()
  @MaxLength(512)
  cursor?: string;
}

export class PagedQueryDto extends CursorQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}
