import { ProblemError, type ProblemBody } from "./problem";

export interface RequestOptions {
  method?: string;
  body?: unknown;
  form?: FormData;
}

/** Calls the platform's API with the session's bearer token; any non-2xx answer becomes a ProblemError. */
export async function request<T>(token: string | null, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: "application/json, application/problem+json" };
  if (token) headers.Authorization = `Bearer ${token}`;
  let body: BodyInit | undefined;
  if (options.form) {
    body = options.form;
  } else if (options.body !== undefined) {
    headers["Content-Type"] = "application/json";
    body = JSON.stringify(options.body);
  }

  const response = await fetch(path, { method: options.method ?? (body ? "POST" : "GET"), headers, body });
  const text = await response.text();
  const parsed: unknown = text ? JSON.parse(text) : undefined;
  if (!response.ok) {
    throw new ProblemError(response.status, (parsed as ProblemBody | undefined) ?? { status: response.status });
  }
  return parsed as T;
}

/** Downloads a file the API serves only to a signed-in caller: a plain link would carry no bearer token. */
export async function download(token: string | null, path: string, fileName: string): Promise<void> {
  const url = URL.createObjectURL(await fetchBlob(token, path));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.click();
  URL.revokeObjectURL(url);
}

/** A file the API serves only with the bearer token, as a Blob (a download, or a PDF shown through an object URL). */
export async function fetchBlob(token: string | null, path: string): Promise<Blob> {
  const response = await fetch(path, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  if (!response.ok) {
    const text = await response.text();
    throw new ProblemError(response.status, text ? (JSON.parse(text) as ProblemBody) : { status: response.status });
  }
  return response.blob();
}

/** A query string of the defined, non-empty values. */
export function query(params: Record<string, string | number | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== "") search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}

export interface KeysetPage<T> {
  items: T[];
  nextBefore: string | null;
}
