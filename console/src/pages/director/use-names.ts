import { useCallback } from 'react';
import { api, read } from '../../api/client.ts';
import { useRead } from './use-read.ts';

export interface Names {
  /** "W05 公安窗口（户籍出入境）", or the id while the list loads. */
  window: (id: string) => string;
  /** "王建国（W01）", or the account name for someone who is not a director. */
  director: (id: string) => string;
  windows: { id: string; name: string }[];
  directors: { id: string; name: string; windowId: string }[];
}

/** The county's windows and directors, to show names where the API answers with ids. */
export function useNames(): Names {
  const windows = useRead('windows', () => read(api().GET('/windows')));
  const directors = useRead('directors', () => read(api().GET('/directors')));
  const windowList = windows.data;
  const directorList = directors.data;
  const windowName = useCallback(
    (id: string) => {
      const found = windowList?.find((w) => w.id === id);
      return found ? `${id} ${found.name}` : id;
    },
    [windowList],
  );
  const directorName = useCallback(
    (id: string) => {
      const found = directorList?.find((d) => d.id === id);
      return found ? `${found.name}（${found.windowId}）` : id;
    },
    [directorList],
  );
  return { window: windowName, director: directorName, windows: windowList ?? [], directors: directorList ?? [] };
}
