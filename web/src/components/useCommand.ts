import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { RequestOptions } from "../api/client";
import { useSession } from "../auth/session";

/** A write to the API; on success the lists and details under `refreshes` are read again. */
export function useCommand<TResult, TInput = void>(
  toRequest: (input: TInput) => { path: string } & RequestOptions,
  refreshes: string[] = [],
  onDone?: (result: TResult) => void,
) {
  const { call } = useSession();
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (input: TInput) => {
      const { path, ...options } = toRequest(input);
      return call<TResult>(path, { method: "POST", ...options });
    },
    onSuccess: async (result) => {
      await Promise.all(
        refreshes.map((prefix) => queries.invalidateQueries({ predicate: (q) => String(q.queryKey[0]).startsWith(prefix) })),
      );
      onDone?.(result);
    },
  });
}
