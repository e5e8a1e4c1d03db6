/**
 * The "4x4" (Europol Regulation Art. 29). Source: A reliable in all instances, B mostly
 * reliable, C mostly unreliable, X cannot be assessed. Information: 1 not in doubt, 2 known
 * personally to the source, 3 not known personally but corroborated, 4 neither.
 */
export const SOURCE_RELIABILITIES = ['A', 'B', 'C', 'X'] as const;
export const INFORMATION_ACCURACIES = [1, 2, 3, 4] as const;
export type SourceReliability = (typeof SOURCE_RELIABILITIES)[number];
export type InformationAccuracy = (typeof INFORMATION_ACCURACIES)[number];

// A type alias, not an interface, so it is assignable to JsonObject in event payloads.
export type Evaluation = { source: SourceReliability; information: InformationAccuracy };

export function isEvaluation(value: unknown): value is Evaluation {
  if (typeof value !== 'object' || value === null) return false;
  const { source, information } = value as Record<string, unknown>;
  return (
    (SOURCE_RELIABILITIES as readonly unknown[]).includes(source) &&
    (INFORMATION_ACCURACIES as readonly unknown[]).includes(information)
  );
}

export const sameEvaluation = (a: Evaluation, b: Evaluation): boolean =>
  a.source === b.source && a.information === b.information;
