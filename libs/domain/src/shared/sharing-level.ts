/** 'read': may consult the case. 'contribute': may also add facts, never manage sharing. */
export const SHARING_LEVELS = ['read', 'contribute'] as const;
export type SharingLevel = (typeof SHARING_LEVELS)[number];
