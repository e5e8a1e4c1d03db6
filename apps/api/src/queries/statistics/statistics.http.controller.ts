import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { statisticsCsvRows } from '@liaison/projections';
import { RequireAnyScope, Scope } from '../../auth/index.js';
import { ApiRead, READ_ENVELOPE } from '../../access/api-read.decorator.js';
import { ReadQueryDto } from '../../access/read-query.dto.js';
import { ReadModelGateway } from '../../access/read-model.gateway.js';
import { namedQuery } from '../../access/query-catalog.js';

class InformationExchangeQueryDto extends ReadQueryDto {
  @ApiProperty({ description: 'The calendar year reported (Art. 18(1): sent by 1 March for the previous calendar year).', example: 2025, minimum: 2023, maximum: 2999 })
  @Type(() => Number)
  @IsInt({ message: 'year must be a year such as 2025' })
  @Min(2023, { message: 'year must be 2023 or later (Directive 2023/977)' })
  @Max(2999, { message: 'year must be a year such as 2025' })
  year!: number;

  @ApiPropertyOptional({ enum: ['json', 'csv'], description: 'csv: the stable column layout documented in the README (also with Accept: text/csv).' })
  @IsOptional()
  @IsIn(['json', 'csv'], { message: 'format must be json or csv' })
  format?: 'json' | 'csv';
}

@ApiTags('statistics')
@ApiBearerAuth()
@Controller('api/v1/statistics')
export class StatisticsQueryController {
  constructor(private readonly gateway: ReadModelGateway) {}

  @Get('information-exchange')
  @RequireAnyScope(Scope.DashboardsRead, Scope.CasesRead)
  @ApiRead({
    ok: {
      description: 'JSON: `{ readAt, data }` with the figures; CSV: the same figures, one row per figure (header first).',
      content: {
        'application/json': { schema: READ_ENVELOPE as never },
        'text/csv': { schema: { type: 'string', example: 'year,reporting_country,figure,other_country,urgency,ground,count\r\n2025,SE,submitted,,urgent,,3\r\n' } },
      },
    },
    summary: 'Art. 18 statistics of your country\'s information exchange (Directive 2023/977) for one year: requests submitted; received and answered, urgent and not, by requesting country; refusals by requesting country and ground; Art. 5(2) deviations for judicial authorisation',
    description: 'Aggregates only, no personal data: no purpose needed, the read is still access-logged. The year is the UTC year of receipt. `?format=csv` or `Accept: text/csv` gives the stable layout year,reporting_country,figure,other_country,urgency,ground,count (README, "Statistics CSV").',
  })
  async informationExchange(@Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply, @Query() q: InformationExchangeQueryDto) {
    const answer = await this.gateway.read(req, ...namedQuery('informationExchangeStatistics', { year: q.year }));
    if (!wantsCsv(q.format, req.headers.accept)) return answer;
    void reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="information-exchange-${answer.data.country}-${q.year}.csv"`)
      .header('x-read-at', answer.readAt);
    // The layout is the read model's (statisticsCsvRows, documented in the README); every cell is a
    // year, a country code, a closed-list word or a count, so none needs quoting.
    return statisticsCsvRows(answer.data).map((row) => row.join(',')).join('\r\n') + '\r\n';
  }
}

/** The query parameter wins; otherwise text/csv named in Accept (before or without JSON). */
function wantsCsv(format: string | undefined, accept: string | undefined): boolean {
  if (format !== undefined) return format === 'csv';
  if (!accept) return false;
  const types = accept.split(',').map((t) => t.split(';')[0].trim().toLowerCase());
  const csv = types.indexOf('text/csv');
  const json = types.indexOf('application/json');
  return csv >= 0 && (json < 0 || csv < json);
}
