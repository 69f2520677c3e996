/**
 * Freeze an object and everything reachable from it, in place, and return it.
 *
 * @example
 * const settings = deepFreeze({ ops: { add: 1 } });
 * Object.isFrozen(settings.ops); // true
 */
export function deepFreeze<T>(value: T): T {
  freezeReachable(value, new WeakSet());
  return value;
}

function freezeReachable(value: unknown, seen: WeakSet<object>): void {
  if (value === null || typeof value !== 'object' || seen.has(value)) return;
  seen.add(value);
  Object.freeze(value);
  for (const key of Object.keys(value)) freezeReachable((value as Record<string, unknown>)[key], seen);
}
