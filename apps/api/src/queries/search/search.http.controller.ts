import { Controller, Get, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiExtraModels, ApiProperty, ApiPropertyOptional, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min, ValidateBy } from 'class-validator';
import type { FastifyRequest } from 'fastify';
import {
  InvalidQueryParameter, SEARCH_DEFAULT_LIMIT, SEARCH_KINDS, SEARCH_MAX_LENGTH, SEARCH_MAX_LIMIT, SEARCH_MAX_WORDS, searchExpression,
} from '@liaison/projections';
import { RequireScopes, Scope } from '../../auth/index.js';
import { ApiRead } from '../../access/api-read.decorator.js';
import { CursorQueryDto } from '../../access/read-query.dto.js';
import { ReadModelGateway } from '../../access/read-model.gateway.js';
import { namedQuery } from '../../access/query-catalog.js';
import { IncludeRestricted, includeRestricted } from '../shared/include-restricted.js';

/** The read model's own reading of the text, so the 400 says what it would say (and before any read). */
const SEARCH_TEXT_PROBLEM = new WeakMap<object, string>();
const SearchText = ValidateBy({
  name: 'searchText',
  validator: {
    validate: (value, args) => {
      try {
        searchExpression(String(value));
        return true;
      } catch (e) {
        if (!(e instanceof InvalidQueryParameter)) throw e;
        if (args?.object) SEARCH_TEXT_PROBLEM.set(args.object, e.message);
        return false;
      }
    },
    defaultMessage: (args) => (args?.object && SEARCH_TEXT_PROBLEM.get(args.object)) || 'q is not a usable search',
  },
});

class SearchQueryDto extends CursorQueryDto {
  @ApiProperty({
    description: `What to look for: case titles, case ids, persons' pseudonyms, names and aliases, handlers' aliases and platforms, detention facilities. `
      + `Words (letters and digits; everything else separates them) are matched as word prefixes, all of them required, case- and accent-insensitively `
      + `(ø and æ also as o and ae); text of letters, digits and hyphens also matches case ids by prefix. At least two letters or digits, at most ${SEARCH_MAX_WORDS} words and ${SEARCH_MAX_LENGTH} characters. `
      + 'Quotes, operators and other search syntax are read as plain text.',
    example: 'Ungdom',
    maxLength: SEARCH_MAX_LENGTH,
  })
  @IsString({ message: 'q must be text' })
  @MaxLength(SEARCH_MAX_LENGTH, { message: `q must be at most ${SEARCH_MAX_LENGTH} characters` })
  @SearchText
  q!: string;

  @ApiPropertyOptional({ minimum: 1, maximum: SEARCH_MAX_LIMIT, default: SEARCH_DEFAULT_LIMIT })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number' })
  @Min(1, { message: 'limit must be at least 1' })
  @Max(SEARCH_MAX_LIMIT, { message: `limit must be at most ${SEARCH_MAX_LIMIT}` })
  limit?: number;

  @IncludeRestricted() includeRestricted?: boolean;
}

class SearchHitDto {
  @ApiProperty() caseId!: string;
  @ApiProperty({ example: 'Operation Nordlys (fictional): hired teenagers, Copenhagen violence wave' }) caseTitle!: string;
  @ApiProperty({ example: 'H2' }) handlingCode!: string;
  @ApiProperty({ type: String, nullable: true, description: 'The H3 handling text.' }) handlingText!: string | null;
  @ApiProperty({ example: 'SE' }) ownerCountry!: string;
  @ApiProperty({ enum: SEARCH_KINDS }) kind!: string;
  @ApiProperty({ description: 'The case id for a case hit, else the person\'s, handler\'s or detention\'s id within the case.' }) refId!: string;
  @ApiProperty({ description: 'The case title, the person\'s pseudonym (else name), the handler\'s alias or the facility.', example: 'Ungdom A' }) label!: string;
  @ApiProperty({ type: [String], description: 'The other searchable values: a person\'s name beside a pseudonym and aliases, a handler\'s platforms.' }) also!: string[];
  @ApiProperty({ type: String, nullable: true, description: 'For a detention: the detained person\'s pseudonym or name.' }) person!: string | null;
}

class SearchPageDto {
  @ApiProperty({ type: [SearchHitDto] }) items!: SearchHitDto[];
  @ApiPropertyOptional({ description: 'Present when there are more hits: pass back as `cursor`.' }) nextCursor?: string;
}

@ApiTags('search')
@ApiBearerAuth()
@ApiExtraModels(SearchPageDto, SearchHitDto)
@Controller('api/v1/search')
export class SearchQueryController {
  constructor(private readonly gateway: ReadModelGateway) {}

  @Get()
  @RequireScopes(Scope.CasesRead)
  @ApiRead({
    ok: {
      description: '`{ readAt, data }`: data is a page of hits, best first, each with its case (title, handling code).',
      schema: { type: 'object', required: ['readAt', 'data'], properties: { readAt: { type: 'string', example: '6684' }, data: { $ref: getSchemaPath(SearchPageDto) } } },
    },
    summary: 'Search the cases your country may see: titles, ids, persons (pseudonyms, names, aliases), handlers (aliases, platforms), facilities (purpose required)',
    description: 'Full-text search (SQLite FTS5) under the same access rule as every read: only cases your country owns or that are shared with it, '
      + 'so a case not shared with you gives no hit at all. Hits name persons, so the search is a personal-data read: purpose required (X-Purpose), access-logged with the cases it returned. '
      + 'A text the search cannot use (no word, too long, too many words) is a 400 naming `q`.',
  })
  find(@Req() req: FastifyRequest, @Query() q: SearchQueryDto) {
    return this.gateway.read(req, ...namedQuery('search', {
      q: q.q, limit: q.limit, cursor: q.cursor, includeRestricted: includeRestricted(req, q.includeRestricted),
    }));
  }
}
