/**
 * The pages' one HTTP client: JSON in and out, and the API's error body turned into an
 * ApiFailure carrying its stable code, its message (in the language asked for) and the
 * per-field messages. Each page adds only its own headers and wording.
 */
import type { ApiError } from './types';

export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: Record<string, string> = {},
  ) {
    super(message);
  }
}

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export type RequestOptions = {
  /** Accept-Language of the request: the page's language, Indonesian by default. */
  lang?: string;
  headers?: Record<string, string>;
  /** The message when the server cannot be reached. */
  networkMessage: string;
  /** The message when a failed answer carries no error body. */
  failedMessage: (status: number) => string;
  /** Append the field messages to the message ("Data tidak valid. Wajib diisi."). */
  withFieldMessages?: boolean;
};

export const requestJson = async <T>(method: Method, url: string, body: unknown, options: RequestOptions): Promise<T> => {
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      credentials: 'same-origin',
      cache: 'no-store',
      headers: {
        Accept: 'application/json',
        'Accept-Language': options.lang ?? 'id',
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...options.headers,
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch {
    throw new ApiFailure(0, 'NETWORK', options.networkMessage);
  }
  if (res.status === 204) return null as T;
  const data: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const error = (data as Partial<ApiError> | null)?.error;
    const fields = error?.fields ?? {};
    const message = error?.message ?? options.failedMessage(res.status);
    const details = options.withFieldMessages ? Object.values(fields).filter((m) => m && m !== message) : [];
    throw new ApiFailure(res.status, error?.code ?? `HTTP_${res.status}`, [message, ...details].join(' '), fields);
  }
  return data as T;
};
