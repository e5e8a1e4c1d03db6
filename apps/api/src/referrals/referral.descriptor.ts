import { referralDecider, referralStreamId } from '@liaison/domain';
import { aggregateDescriptor } from '../commands/aggregate-descriptor.js';

/** The referral aggregate on the shared command path: stream referral-<referralId>, answers name `referralId`. */
export const REFERRAL_AGGREGATE = aggregateDescriptor({ name: 'referral', idField: 'referralId', streamId: referralStreamId, decider: referralDecider });
