import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';

/**
 * The OpenAPI document served at /docs/openapi.json. Every operation's statuses, security and summary
 * come from the route decorators (ApiCommand, ApiRead, Public …); this adds what belongs to the whole
 * API. `npm run lint:openapi` lints it with @redocly/cli (0 errors), the contract spec checks each
 * operation documents every status it can answer, and the e2e specs validate every answer against it.
 */
export function openApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Liaison API')
    .setDescription('Cross-border case sharing for Nordic police liaison officers. Every call needs a bearer JWT from a trusted national identity provider.')
    .setVersion('1')
    // Relative: the document describes the node that serves it, wherever it is deployed.
    .addServer('/', 'The node serving this document')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    .build();
  // package.json says UNLICENSED: not open source; DocumentBuilder's setLicense would add an empty url.
  config.info.license = { name: 'UNLICENSED (proprietary)' };
  return SwaggerModule.createDocument(app, config);
}
