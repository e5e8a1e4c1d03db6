import { describeProjectionContract } from '../../testing/projection-contract.js';
import { generateReferralWorkload } from '../../testing/referral-workload.js';
import { platformResponsivenessProjection } from './platform-responsiveness.projection.js';

describeProjectionContract(platformResponsivenessProjection, () => generateReferralWorkload({ referrals: 300, seed: 7 }));
