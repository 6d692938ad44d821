/** Wraps an object so that calls of its `list*` methods are counted. */
export function countingLists<T extends object>(target: T): { readonly proxy: T; readonly calls: () => number } {
  let calls = 0;
  const proxy = new Proxy(target, {
    get(obj, key, receiver) {
      const value: unknown = Reflect.get(obj, key, receiver);
      if (typeof key === 'string' && key.startsWith('list') && typeof value === 'function') {
        return (...args: unknown[]) => {
          calls++;
          return (value as (...a: unknown[]) => unknown).apply(obj, args);
        };
      }
      return value;
    },
  });
  return { proxy, calls: () => calls };
}
