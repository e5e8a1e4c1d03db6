import { caseDecider, caseStreamId } from '@liaison/domain';
import { aggregateDescriptor } from '../commands/aggregate-descriptor.js';

/** The case aggregate on the shared command path: stream case-<caseId>, answers name `caseId`. */
export const CASE_AGGREGATE = aggregateDescriptor({ name: 'case', idField: 'caseId', streamId: caseStreamId, decider: caseDecider });
