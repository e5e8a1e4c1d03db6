import { ApiProperty } from '@nestjs/swagger';

/** What every information-request command answers (the shared command path's result, named by requestId). */
export class InformationRequestCommandResultDto {
  @ApiProperty({ format: 'uuid', description: 'The request (generated when it was filed; the same for a retry with the same Idempotency-Key).' })
  requestId!: string;

  @ApiProperty({ description: 'Stream revision after the command; send it back as If-Match to pin the next write.', example: 2 })
  revision!: number;

  @ApiProperty({ type: String, nullable: true, description: 'Global position of the last event written (decimal string); null when nothing changed.', example: '1287' })
  position!: string | null;

  @ApiProperty({ type: [String], description: 'Types of the events recorded; empty when the command changed nothing.', example: ['InformationRequested'] })
  events!: string[];
}

export const INFORMATION_REQUEST_COMMANDS_TAG = 'information requests (commands)';
