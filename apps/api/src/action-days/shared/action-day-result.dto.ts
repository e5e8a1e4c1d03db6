import { ApiProperty } from '@nestjs/swagger';

export const ACTION_DAY_TAG = 'referral action days';

export class ActionDayCommandResultDto {
  @ApiProperty({ format: 'uuid' }) actionDayId!: string;
  @ApiProperty({ example: 0 }) revision!: number;
  @ApiProperty({ type: String, nullable: true, example: '1287' }) position!: string | null;
  @ApiProperty({ type: [String], example: ['ReferralActionDayPlanned'] }) events!: string[];
}

export class BulkImportResultDto {
  @ApiProperty({ format: 'uuid' }) actionDayId!: string;
  @ApiProperty({ description: 'SHA-256 of the file as sent; the same file again changes nothing.' }) fileSha256!: string;
  @ApiProperty({ description: 'Rows in the file.', example: 2145 }) rows!: number;
  @ApiProperty({ description: 'False when this exact file had been imported before (nothing recorded this time).' }) imported!: boolean;
  @ApiProperty({ description: 'Events recorded, by type.', example: { ContentReferred: 2140, ReferralSentToPlatform: 2140, CoReferrerJoined: 5 } })
  recorded!: Record<string, number>;
  @ApiProperty({ description: 'Rows that changed nothing (already recorded, or a repeated line).', example: 0 }) unchangedRows!: number;
  @ApiProperty({ type: String, nullable: true, description: 'Highest global position written; pass as X-Min-Position to read your writes.' }) position!: string | null;
}
