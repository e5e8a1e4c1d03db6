import { ApiProperty } from '@nestjs/swagger';

/** What every case command answers: the gateway's result (see commands/command.gateway.ts). */
export class CaseCommandResultDto {
  @ApiProperty({ format: 'uuid', example: '3f1c9a52-6d0e-4b7a-9c21-5e8f0a4d2b61' })
  caseId!: string;

  @ApiProperty({ description: 'Stream revision after the command; send it back as If-Match to pin the next write.', example: 4 })
  revision!: number;

  @ApiProperty({ type: String, nullable: true, description: 'Global position of the last event written (decimal string).', example: '1287' })
  position!: string | null;

  @ApiProperty({ type: [String], description: 'Types of the events recorded.', example: ['DetentionRecorded'] })
  events!: string[];
}

// One subclass per generated id, so the OpenAPI document names the id each creating route returns.

export class PersonRegisteredResultDto extends CaseCommandResultDto {
  @ApiProperty({ format: 'uuid', example: '7d0c2f1e-3b4a-4c5d-8e9f-0a1b2c3d4e5f' })
  personId!: string;
}

export class DetentionRecordedResultDto extends CaseCommandResultDto {
  @ApiProperty({ format: 'uuid', example: 'b2e4d6f8-1a3c-4e5f-9a7b-2c4d6e8f0a1b' })
  detentionId!: string;
}

export class HandlerIdentifiedResultDto extends CaseCommandResultDto {
  @ApiProperty({ format: 'uuid', example: 'c5a7e9b1-2d4f-4a6c-8e0b-3d5f7a9c1e2d' })
  handlerId!: string;
}

export class ExtraditionRequestedResultDto extends CaseCommandResultDto {
  @ApiProperty({ format: 'uuid', example: 'e8b0c2d4-5f6a-4b7c-9d1e-4f6a8b0c2d3e' })
  extraditionId!: string;
}
