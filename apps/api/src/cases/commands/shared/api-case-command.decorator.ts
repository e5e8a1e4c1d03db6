import { Scope } from '../../../auth/index.js';
import { ApiCommand } from '../../../commands/http/api-command.decorator.js';
import { CaseCommandResultDto } from './case-command-result.dto.js';

export const CASE_COMMANDS_TAG = 'cases (commands)';

export interface CaseCommandDoc {
  summary: string;
  description?: string;
  /** 201 for routes that create something (case, person, detention …), else 200. */
  created?: boolean;
  result?: typeof CaseCommandResultDto;
  /** Sharing is managed with its own scope; everything else needs cases:write. */
  scope?: typeof Scope.CasesWrite | typeof Scope.CasesShare;
  /** OpenCase has no case to miss. */
  notFound?: boolean;
}

/** The shared command contract (ApiCommand), with the case's defaults. */
export function ApiCaseCommand(doc: CaseCommandDoc): MethodDecorator {
  return ApiCommand({ ...doc, aggregate: 'case', result: doc.result ?? CaseCommandResultDto, scope: doc.scope ?? Scope.CasesWrite });
}
