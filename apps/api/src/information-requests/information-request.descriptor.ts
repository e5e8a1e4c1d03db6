import { informationRequestDecider, informationRequestStreamId } from '@liaison/domain';
import { aggregateDescriptor } from '../commands/aggregate-descriptor.js';

/** The information-request aggregate on the shared command path: stream information-request-<requestId>, answers name `requestId`. */
export const INFORMATION_REQUEST_AGGREGATE = aggregateDescriptor({
  name: 'information request', idField: 'requestId', streamId: informationRequestStreamId, decider: informationRequestDecider,
});
