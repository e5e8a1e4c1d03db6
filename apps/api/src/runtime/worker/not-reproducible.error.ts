/**
 * An access that cannot be rebuilt from a read model (it was computed from the log). Raised by the
 * audit code on the audit thread; defined here so the runtime can revive it on this side by name
 * without loading the audit code.
 */
export class NotReproducible extends Error {
  override readonly name = 'NotReproducible';
}
