// emmett-sqlite console.logs every failed transaction and sqlite3 can emit 'error' on a handle
// with no listener; under 50 concurrent appenders that would flood or kill the run. While a
// guarded section runs, such output and escapes are counted instead.

export interface GuardCounts {
  suppressedLogLines: number;
  escapedErrors: Record<string, number>;
}

export function errorCode(e: unknown): string {
  const code = (e as { code?: unknown } | null)?.code;
  if (typeof code === 'string') return code;
  return e instanceof Error ? e.constructor.name : typeof e;
}

export async function guarded<T>(counts: GuardCounts, fn: () => Promise<T>): Promise<T> {
  const originalLog = console.log;
  const escaped = (e: unknown): void => {
    const k = errorCode(e);
    counts.escapedErrors[k] = (counts.escapedErrors[k] ?? 0) + 1;
  };
  console.log = () => {
    counts.suppressedLogLines++;
  };
  process.on('uncaughtException', escaped);
  process.on('unhandledRejection', escaped);
  try {
    return await fn();
  } finally {
    console.log = originalLog;
    process.off('uncaughtException', escaped);
    process.off('unhandledRejection', escaped);
  }
}
