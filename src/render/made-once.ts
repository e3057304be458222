// Pure, like the rest of render/: the memos of rendered teasers and cards use it.
/** A Map's or WeakMap's value for `key`, made by `make` and added the first time it is asked for. */
export function madeOnce<K, V>(map: { get(key: K): V | undefined; set(key: K, value: V): unknown }, key: K, make: () => V): V {
  const found = map.get(key);
  if (found !== undefined) return found;
  const made = make();
  map.set(key, made);
  return made;
}
