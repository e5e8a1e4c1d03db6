import { actionDayDecider, actionDayStreamId } from '@liaison/domain';
import { aggregateDescriptor } from '../commands/aggregate-descriptor.js';

/** Referral action days on the shared command path: stream action-day-<actionDayId>, answers name `actionDayId`. */
export const ACTION_DAY_AGGREGATE = aggregateDescriptor({ name: 'action day', idField: 'actionDayId', streamId: actionDayStreamId, decider: actionDayDecider });
