import cliProgress from 'cli-progress';

// Progress of the seal's phases on stderr (stdout stays for the result). A bar when stderr is a
// terminal; otherwise (a log file, CI, a pipe) one plain line per tenth, because a bar's carriage
// returns make a log unreadable. Counts and rates only: never an event's content.

export interface Progress {
  start(phase: string, total: number): void;
  update(done: number): void;
  stop(): void;
}

export function progressOn(stream: NodeJS.WriteStream): Progress {
  return stream.isTTY ? new BarProgress(stream) : new PlainProgress((line) => stream.write(`${line}\n`), () => performance.now());
}

class BarProgress implements Progress {
  private bar: cliProgress.SingleBar | undefined;

  constructor(private readonly stream: NodeJS.WriteStream) {}

  start(phase: string, total: number): void {
    this.stop();
    this.bar = new cliProgress.SingleBar({
      stream: this.stream,
      format: `${phase.padEnd(14)} [{bar}] {percentage}% | {value}/{total} events | ETA {eta_formatted}`,
      hideCursor: true,
      etaBuffer: 50,
    }, cliProgress.Presets.shades_classic);
    this.bar.start(Math.max(total, 1), 0);
  }

  update(done: number): void {
    this.bar?.update(done);
  }

  stop(): void {
    this.bar?.stop();
    this.bar = undefined;
  }
}

/** One line at each tenth of the phase and one when it ends, with the rate so far. */
export class PlainProgress implements Progress {
  private phase = '';
  private total = 0;
  private done = 0;
  private nextTenth = 1;
  private startedAt = 0;

  constructor(private readonly write: (line: string) => void, private readonly now: () => number) {}

  start(phase: string, total: number): void {
    this.stop();
    this.phase = phase;
    this.total = total;
    this.done = 0;
    this.nextTenth = 1;
    this.startedAt = this.now();
  }

  update(done: number): void {
    this.done = done;
    if (this.total <= 0) return;
    let line: string | undefined;
    while (this.nextTenth <= 10 && done * 10 >= this.total * this.nextTenth) {
      line = `${this.phase}: ${fmt(done)} / ${fmt(this.total)} events (${this.nextTenth * 10}%), ${fmt(this.rate())} events/s`;
      this.nextTenth++;
    }
    if (line !== undefined) this.write(line);
  }

  stop(): void {
    if (this.phase === '') return;
    const seconds = (this.now() - this.startedAt) / 1000;
    this.write(`${this.phase}: done, ${fmt(this.done)} events in ${seconds.toFixed(1)} s (${fmt(this.rate())} events/s)`);
    this.phase = '';
  }

  private rate(): number {
    const seconds = (this.now() - this.startedAt) / 1000;
    return seconds > 0 ? Math.round(this.done / seconds) : 0;
  }
}

const fmt = (n: number): string => n.toLocaleString('en-US');
