import type { ErrorBody, ErrorCode, ErrorDetail } from '@contracts/common';
import type { Lang } from './i18n';

/** A failed API call, carrying the server's bilingual error body. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode;
  readonly messageVi: string;
  readonly messageEn: string;
  readonly details: ErrorDetail[];
  readonly requestId: string | null;

  constructor(status: number, body: ErrorBody['error'] | null) {
    const fallback = networkFallback(status);
    super(body?.message ?? fallback.vi);
    this.name = 'ApiError';
    this.status = status;
    this.code = body?.code ?? (status === 401 ? 'UNAUTHENTICATED' : 'INTERNAL');
    this.messageVi = body?.message ?? fallback.vi;
    this.messageEn = body?.messageEn ?? fallback.en;
    this.details = body?.details ?? [];
    this.requestId = body?.requestId ?? null;
  }

  /** The message in the user's language. */
  text(lang: Lang): string {
    return lang === 'vi' ? this.messageVi : this.messageEn;
  }
}

function networkFallback(status: number): { vi: string; en: string } {
  if (status === 0) {
    return {
      vi: 'Không kết nối được máy chủ. Vui lòng kiểm tra mạng và thử lại.',
      en: 'Cannot reach the server. Please check the network and try again.',
    };
  }
  return {
    vi: `Máy chủ trả về lỗi không xác định (mã ${status}).`,
    en: `The server returned an unexpected error (status ${status}).`,
  };
}

// The CSRF token lives only in memory: it comes from the last login or /auth/me response.
let csrfToken: string | null = null;
let unauthorizedHandler: (() => void) | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called on any 401 outside the login form (expired or revoked session). */
export function onUnauthorized(handler: (() => void) | null): void {
  unauthorizedHandler = handler;
}

type Query = Record<string, string | number | undefined>;
type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  signal?: AbortSignal;
  /** Leave a 401 to the caller instead of redirecting to /login (the login form itself). */
  allowUnauthorized?: boolean;
}

export async function request<T>(method: Method, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(withQuery(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, null);
  }

  if (response.status === 204) return undefined as T;
  const payload: unknown = await response.json().catch(() => null);
  if (response.ok) return payload as T;

  const error = new ApiError(response.status, errorBodyOf(payload));
  if (response.status === 401 && !options.allowUnauthorized) unauthorizedHandler?.();
  throw error;
}

/** Sends a file as the raw request body with its name in x-file-name (attachments; PUT for a person's photo). */
export async function upload<T>(path: string, file: File, method: 'POST' | 'PUT' = 'POST'): Promise<T> {
  const headers: Record<string, string> = {
    accept: 'application/json',
    'content-type': file.type || 'application/octet-stream',
    'x-file-name': encodeURIComponent(file.name),
  };
  if (csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, { method, headers, credentials: 'same-origin', body: file });
  } catch {
    throw new ApiError(0, null);
  }
  if (response.status === 204) return undefined as T;
  const payload: unknown = await response.json().catch(() => null);
  if (response.ok) return payload as T;
  const error = new ApiError(response.status, errorBodyOf(payload));
  if (response.status === 401) unauthorizedHandler?.();
  throw error;
}

export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) => request<T>('GET', path, { query, signal }),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, { body }),
  put: <T>(path: string, body?: unknown) => request<T>('PUT', path, { body }),
  patch: <T>(path: string, body?: unknown) => request<T>('PATCH', path, { body }),
  upload,
};

/** A GET URL with its query string (for download links). */
export function urlWithQuery(path: string, query?: Query): string {
  return withQuery(path, query);
}

function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

function errorBodyOf(payload: unknown): ErrorBody['error'] | null {
  if (typeof payload !== 'object' || payload === null || !('error' in payload)) return null;
  const error = (payload as { error: unknown }).error;
  if (typeof error !== 'object' || error === null || !('message' in error)) return null;
  const partial = error as Partial<ErrorBody['error']>;
  return {
    code: partial.code ?? 'INTERNAL',
    message: partial.message ?? '',
    messageEn: partial.messageEn ?? partial.message ?? '',
    details: Array.isArray(partial.details) ? partial.details : [],
    requestId: partial.requestId ?? '',
  };
}
