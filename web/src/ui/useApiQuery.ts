import { useCallback, useEffect, useState } from 'react';
import { ApiError, api } from './api';

type Query = Record<string, string | number | undefined>;

interface ApiQuery<T> {
  data: T | undefined;
  error: ApiError | null;
  loading: boolean;
  reload: () => void;
}

/** GETs `path` whenever it or the query changes; stale responses are aborted. */
export function useApiQuery<T>(path: string, query?: Query): ApiQuery<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(true);
  const [version, setVersion] = useState(0);
  // A stable key so a new but equal query object does not refetch.
  const queryKey = JSON.stringify(query ?? {});

  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    api
      .get<T>(path, JSON.parse(queryKey) as Query, controller.signal)
      .then((result) => {
        setData(result);
        setError(null);
      })
      .catch((cause: unknown) => {
        if (controller.signal.aborted) return;
        setError(cause instanceof ApiError ? cause : new ApiError(0, null));
      })
      .finally(() => {
        if (!controller.signal.aborted) setLoading(false);
      });
    return () => controller.abort();
  }, [path, queryKey, version]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { data, error, loading, reload };
}
