/** Log writes that failed since start, for /metrics and the logs once the sink works again. */
export const logSinkFailures = { count: 0, lastCode: undefined as string | undefined };

/**
 * A log sink that fails (stdout to a file on a full disk: ENOSPC; a closed pipe: EPIPE) must never take
 * the service down. Without a listener, Node turns the stream's 'error' into an uncaught exception and
 * the process exits (code 1, nothing in its log: issue 18). With one, the stream stays usable: lines
 * written while the disk is full are lost, later ones get through once it has room again.
 */
export function guardLogSinks(streams: NodeJS.WriteStream[] = [process.stdout, process.stderr]): void {
  for (const stream of streams) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      logSinkFailures.count++;
      logSinkFailures.lastCode = e.code;
    });
  }
}
