/**
 * Runs a CLI's main with its arguments and turns the outcome into the exit code: main's own, or 1
 * with the error's message (never a stack: an operator's terminal and logs need the reason only).
 */
export function runCli(main: (args: string[]) => Promise<number>): void {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      console.error(err instanceof Error ? err.message : String(err));
      process.exitCode = 1;
    },
  );
}
