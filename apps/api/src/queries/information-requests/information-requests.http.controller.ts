import { Controller, Get, NotFoundException, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import type { FastifyRequest } from 'fastify';
import { REQUEST_STATUSES, type RequestStatus } from '@liaison/projections';
import { RequireScopes, Scope } from '../../auth/index.js';
import { UuidParam } from '../../commands/http/path-params.js';
import { ApiRead } from '../../access/api-read.decorator.js';
import { PagedQueryDto, ReadQueryDto } from '../../access/read-query.dto.js';
import { ReadModelGateway } from '../../access/read-model.gateway.js';
import { namedQuery } from '../../access/query-catalog.js';
import { CountryFilter } from '../shared/country-query.js';
import { FlagFilter } from '../shared/flag-query.js';
import { InstantFilter } from '../shared/instant-filter.js';

export const REQUEST_DIRECTIONS = ['incoming', 'outgoing'] as const;

class ListInformationRequestsQueryDto extends PagedQueryDto {
  @ApiPropertyOptional({ enum: REQUEST_DIRECTIONS, description: 'incoming: your country is the requested one; outgoing: your country asked.' })
  @IsOptional()
  @IsIn([...REQUEST_DIRECTIONS], { message: `direction must be one of ${REQUEST_DIRECTIONS.join(', ')}` })
  direction?: (typeof REQUEST_DIRECTIONS)[number];

  @CountryFilter('DK') country?: string;

  @ApiPropertyOptional({ enum: REQUEST_STATUSES })
  @IsOptional()
  @IsIn([...REQUEST_STATUSES], { message: `status must be one of ${REQUEST_STATUSES.join(', ')}` })
  status?: RequestStatus;

  @FlagFilter('Only urgent (true) or only non-urgent (false) requests (Art. 4(4)).') urgent?: boolean;
  @InstantFilter('Open requests whose deadline in force falls before this instant.') dueBefore?: string;
  @FlagFilter('Only open requests past their deadline in force.') overdueOnly?: boolean;

  @ApiPropertyOptional({ format: 'uuid', description: 'Requests linked to this case.' })
  @IsOptional() @IsUUID('all', { message: 'caseId must be a UUID' }) caseId?: string;
}

@ApiTags('information requests (queries)')
@ApiBearerAuth()
@Controller('api/v1/information-requests')
export class InformationRequestsQueryController {
  constructor(private readonly gateway: ReadModelGateway) {}

  @Get()
  @RequireScopes(Scope.CasesRead)
  @ApiRead({
    summary: 'The request register: requests your country sent or received (Directive 2023/977), with each one\'s deadline in force (purpose required)',
    description: 'Each item carries its derived deadline (rule 8h / 3d / 7d and the instant, moved by clarification and judicial authorisation). Only the two countries of a request see it.',
  })
  list(@Req() req: FastifyRequest, @Query() q: ListInformationRequestsQueryDto) {
    const { direction, country, status, urgent, dueBefore, overdueOnly, caseId, limit, cursor } = q;
    return this.gateway.read(req, ...namedQuery('listInformationRequests', { direction, country, status, urgent, dueBefore, overdueOnly, caseId, limit, cursor }));
  }

  @Get(':requestId')
  @RequireScopes(Scope.CasesRead)
  @ApiRead({
    summary: 'One request with every recorded step and its deadline in force (purpose required)',
    notFound: 'No such request, or one your country is not a party to (INFORMATION_REQUEST_NOT_FOUND).',
  })
  async detail(@Req() req: FastifyRequest, @UuidParam('requestId') requestId: string, @Query() _q: ReadQueryDto) {
    const answer = await this.gateway.read(req, ...namedQuery('informationRequestDetail', { requestId }));
    if (!answer.data) throw new NotFoundException({ message: 'Information request not found', code: 'INFORMATION_REQUEST_NOT_FOUND' });
    return answer;
  }
}
