/** Injectable time source, so specs can freeze or advance "now" without touching the system clock. */
export type Clock = () => Date;
export const CLOCK = Symbol('CLOCK');
export const systemClock: Clock = () => new Date();
