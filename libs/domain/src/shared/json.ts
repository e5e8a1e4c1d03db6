// Event payloads travel through any store adapter as plain JSON. Declared here (not imported
// from @liaison/event-store) because the domain must not depend on infrastructure; the two
// shapes are structurally identical, so events satisfy the store's Decider type as-is.
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };
