/** Optimistic concurrency failure. actual is undefined when the stream does not exist. */
export class WrongExpectedVersion extends Error {
  override readonly name = 'WrongExpectedVersion';
  constructor(
    readonly streamId: string,
    readonly expected: bigint | 'no_stream' | 'stream_exists' | 'any',
    readonly actual: bigint | undefined,
  ) {
    super(`Wrong expected version on ${streamId}: expected ${String(expected)}, actual ${actual === undefined ? 'no stream' : String(actual)}`);
  }
}

export class StreamNotFound extends Error {
  override readonly name = 'StreamNotFound';
  constructor(readonly streamId: string) {
    super(`Stream not found: ${streamId}`);
  }
}
