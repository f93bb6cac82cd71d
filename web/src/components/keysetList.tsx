import { useInfiniteQuery, type UseInfiniteQueryResult, type InfiniteData } from "@tanstack/react-query";
import { useSearchParams } from "react-router";
import { query, type KeysetPage } from "../api/client";
import { useSession } from "../auth/session";
import { ProblemMessage } from "./ProblemMessage";

export type Filters<K extends string> = Record<K, string | undefined>;

export type KeysetQuery<T> = UseInfiniteQueryResult<InfiniteData<KeysetPage<T>>>;

/**
 * A keyset-paged list of the API whose filters live in the URL (a reload or a shared link keeps them): each "load more"
 * asks for the page before the last row seen. `toQuery` turns the URL's filters into the API's (a day into an instant).
 */
export function useKeysetList<T, K extends string = never>(
  path: string,
  keys: readonly K[] = [],
  toQuery: (filters: Filters<K>) => Record<string, string | undefined> = (filters) => filters,
  { pageSize = 25, refetchInterval }: { pageSize?: number; refetchInterval?: (rows: T[]) => number | false } = {},
) {
  const { call } = useSession();
  const [params, setParams] = useSearchParams();
  const filters = Object.fromEntries(keys.map((key) => [key, params.get(key) ?? undefined])) as Filters<K>;
  const apiFilters = toQuery(filters);
  const list: KeysetQuery<T> = useInfiniteQuery({
    queryKey: [path, apiFilters],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => call<KeysetPage<T>>(`${path}${query({ ...apiFilters, before: pageParam, limit: pageSize })}`),
    getNextPageParam: (page) => page.nextBefore,
    // A list of jobs reads itself again while one of them still runs.
    refetchInterval: refetchInterval && ((q) => refetchInterval(q.state.data?.pages.flatMap((page) => page.items) ?? [])),
  });
  const setFilters = (next: Partial<Filters<K>>) => {
    const search = new URLSearchParams();
    for (const key of keys) {
      const value = key in next ? next[key] : filters[key];
      if (value) search.set(key, value);
    }
    setParams(search);
  };
  const rows = list.data?.pages.flatMap((page) => page.items) ?? [];
  return { filters, setFilters, list, rows, apiFilters };
}

/** Below a list: the error if any, "Loading…", the empty message, and "Load more" while there are more pages. */
export function LoadMore<T>({ list, empty }: { list: KeysetQuery<T>; empty: string }) {
  const count = list.data?.pages.reduce((sum, page) => sum + page.items.length, 0) ?? 0;
  return (
    <>
      <ProblemMessage error={list.error} />
      {list.isPending && <p>Loading…</p>}
      {list.isSuccess && count === 0 && <p>{empty}</p>}
      {list.hasNextPage && (
        <button type="button" onClick={() => list.fetchNextPage()} disabled={list.isFetchingNextPage}>
          {list.isFetchingNextPage ? "Loading…" : "Load more"}
        </button>
      )}
    </>
  );
}
