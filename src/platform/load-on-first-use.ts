/**
 * A module loaded at its first use, and once: a library that only some requests need (sending mail, a
 * feed, a photo's metadata) stays out of an idle server's memory. A load that fails is tried again
 * at the next use.
 */
export function loadOnFirstUse<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () => {
    loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    });
    return loading;
  };
}

/**
 * A CommonJS package's exports as `import()` returns them: tsx adds them as named exports, while Node,
 * and the server's bundle that puts the package in a chunk of its own, give only `default`
 * (`module.exports`). `key` is one of the package's own exports.
 */
export function commonJsExports<T extends object>(loaded: T, key: keyof T): T {
  return loaded[key] === undefined ? (loaded as T & { default: T }).default : loaded;
}
