import { useLoad, type Loaded } from '../../lib/useLoad.ts';

export type Read<T> = Loaded<T>;

/** Reads what a panel shows whenever `key` changes or `reload` is called (the console's one loader, keyed by a string). */
export const useRead = <T>(key: string, load: () => Promise<T>): Read<T> => useLoad(load, [key]);

export { useTick } from '../../lib/useTick.ts';
