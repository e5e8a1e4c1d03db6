import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsOptional, Matches, MaxLength, IsString } from 'class-validator';

/** Mirrors the domain's MAX_LOCATOR_LENGTH. */
export const LOCATOR_MAX = 2048;

/** A content locator: URL or platform id. Personal data: never logged, read with a purpose. */
export function Locator(description: string): PropertyDecorator {
  return applyDecorators(
    IsString({ message: '$property must be a string' }),
    Matches(/\S/, { message: '$property must not be blank' }),
    MaxLength(LOCATOR_MAX, { message: `$property must be at most ${LOCATOR_MAX} characters` }),
    ApiProperty({ description, type: String, maxLength: LOCATOR_MAX, example: 'https://www.tiktok.example/@fictional.user/video/7300000000000000001' }),
  );
}

/** A SHA-256 digest in lowercase or uppercase hex. */
export function Sha256(description: string, optional = false): PropertyDecorator {
  return applyDecorators(
    ...(optional ? [IsOptional()] : []),
    Matches(/^[0-9a-fA-F]{64}$/, { message: '$property must be a SHA-256 digest in hex (64 characters)' }),
    ApiProperty({ description, required: !optional, type: String, pattern: '^[0-9a-fA-F]{64}$', example: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' }),
  );
}
