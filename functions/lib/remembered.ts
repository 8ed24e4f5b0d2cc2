/**
 * `make`, answering each key once and then from memory for as long as the
 * Worker runs: for what is costly to make and never changes, such as Intl's
 * formats for a locale or the limits formatted for one. The key is the first
 * argument unless `keyOf` says otherwise.
 */
export function remembered<Args extends unknown[], Value>(make: (...args: Args) => Value, keyOf: (...args: Args) => unknown = (...args) => args[0]): (...args: Args) => Value {
  const made = new Map<unknown, Value>();
  return (...args) => {
    const key = keyOf(...args);
    if (!made.has(key)) made.set(key, make(...args));
    return made.get(key)!;
  };
}
