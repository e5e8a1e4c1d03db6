import { readAllAfter, type EventStore } from '@liaison/event-store';
import { ProjectionInstance, type Projection } from '@liaison/projections';

const PAGE = 4096;

/**
 * A private in-memory copy of a read model exactly as it stood at `upTo`: the projection's own
 * evolve over $all from 0 up to and including that position — the same fold, in the same order,
 * that the live runner had applied when its checkpoint was `upTo`.
 */
export async function replayReadModel(store: EventStore, projection: Projection, upTo: bigint): Promise<ProjectionInstance> {
  const model = new ProjectionInstance(projection, ':memory:');
  try {
    for (let after: bigint | undefined; upTo >= 0n;) {
      const page = await readAllAfter(store, after, PAGE);
      const kept = page.length && page[page.length - 1].position > upTo ? page.filter((e) => e.position <= upTo) : page;
      model.apply(kept);
      if (model.error) throw new Error(`${projection.name} failed on replay: ${model.error}`);
      if (kept.length < page.length || page.length < PAGE) break;
      after = page[page.length - 1].position;
    }
    return model;
  } catch (e) {
    model.close();
    throw e;
  }
}
