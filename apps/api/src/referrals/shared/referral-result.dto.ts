import { ApiProperty } from '@nestjs/swagger';

/** What every referral command answers (the shared command path's result, named by referralId). */
export class ReferralCommandResultDto {
  @ApiProperty({ format: 'uuid', description: 'Derived from the normalised locator: the same content always has the same id.' })
  referralId!: string;

  @ApiProperty({ description: 'Stream revision after the command; send it back as If-Match to pin the next write.', example: 2 })
  revision!: number;

  @ApiProperty({ type: String, nullable: true, description: 'Global position of the last event written (decimal string); null when nothing changed.', example: '1287' })
  position!: string | null;

  @ApiProperty({ type: [String], description: 'Types of the events recorded; empty when the command changed nothing (e.g. your country had already referred this content).', example: ['ContentReferred'] })
  events!: string[];
}

export const REFERRAL_COMMANDS_TAG = 'referrals (commands)';
