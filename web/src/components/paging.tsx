import { useInfiniteQuery } from "@tanstack/react-query";
import { useSearchParams } from "react-router";
import { query, type KeysetPage } from "../api/client";
import { useSession } from "../auth/session";
import { ProblemMessage } from "./ProblemMessage";

/** A keyset-paged list of the API: each "load more" asks for the page before the last row seen. */
export function usePagedList<T>(path: string, filters: Record<string, string | undefined>, pageSize = 25) {
  const { call } = useSession();
  return useInfiniteQuery({
    queryKey: [path, filters],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => call<KeysetPage<T>>(`${path}${query({ ...filters, before: pageParam, limit: pageSize })}`),
    getNextPageParam: (page) => page.nextBefore,
  });
}

/** Filters kept in the URL, so a filtered list survives a reload and can be shared. */
export function useUrlFilters<K extends string>(keys: readonly K[]) {
  const [params, setParams] = useSearchParams();
  const values = Object.fromEntries(keys.map((key) => [key, params.get(key) ?? undefined])) as Record<K, string | undefined>;
  const apply = (next: Partial<Record<K, string>>) => {
    const search = new URLSearchParams();
    for (const key of keys) {
      const value = key in next ? next[key] : values[key];
      if (value) search.set(key, value);
    }
    setParams(search);
  };
  return [values, apply] as const;
}

/** The rows of every page loaded so far, the error if any, and the "load more" button while there are more. */
export function PagedFooter({ list, empty }: { list: ReturnType<typeof usePagedList<unknown>>; empty: string }) {
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

export function rowsOf<T>(list: { data?: { pages: KeysetPage<T>[] } }): T[] {
  return list.data?.pages.flatMap((page) => page.items) ?? [];
}
