/** The admin page's HTTP calls: JSON, the session cookie, and the API's Indonesian error message with its field messages. */
import type { ApiError } from '../shared/types';

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

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export const api = async <T>(method: Method, path: string, body?: unknown): Promise<T> => {
  let res: Response;
  try {
    res = await fetch(`/api${path}`, {
      method,
      credentials: 'same-origin',
      // The page speaks Indonesian first, whatever the browser's own language.
      headers: { Accept: 'application/json', 'Accept-Language': 'id', ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch {
    throw new ApiFailure(0, 'NETWORK', 'Tidak dapat terhubung ke server. Periksa jaringan, lalu coba lagi.');
  }
  if (res.status === 204) return null as T;
  const data: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const error = (data as Partial<ApiError> | null)?.error;
    const fields = error?.fields ?? {};
    const details = Object.values(fields).filter((m) => m && m !== error?.message);
    throw new ApiFailure(res.status, error?.code ?? `HTTP_${res.status}`, [error?.message ?? `Permintaan gagal (kode ${res.status}).`, ...details].join(' '), fields);
  }
  return data as T;
};
