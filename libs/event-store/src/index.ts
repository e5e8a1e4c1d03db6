export * from './event-store.port.js';
export * from './event-store.errors.js';
export * from './handle-command.js';
export * from './sqlite/sqlite-event-store.js';
export * from './state-cache.js';
export * from './hash-chain.js';
export * from './chain-verifier.js';
export * from './event-id.js';
