/** The counter page's HTTP calls: JSON, the session cookie, and the API's Indonesian error message. */
import type { ApiError } from '../shared/types';

export class ApiFailure extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message);
  }
}

/** The error body's message, with its field messages ("Data yang dikirim tidak valid. Kata sandi: Wajib diisi."). */
export const errorText = (body: unknown, status: number): { code: string; message: string } => {
  const error = (body as Partial<ApiError> | null)?.error;
  if (error?.message) {
    const fields = Object.values(error.fields ?? {}).filter((m) => m && m !== error.message);
    return { code: error.code, message: [error.message, ...fields].join(' ') };
  }
  return { code: 'HTTP_' + status, message: `Permintaan gagal (kode ${status}). Coba lagi.` };
};

export const api = async <T>(method: 'GET' | 'POST' | 'PATCH', path: string, body?: unknown): Promise<T | null> => {
  let res: Response;
  try {
    res = await fetch(`/api${path}`, {
      method,
      credentials: 'same-origin',
      // The interface speaks Indonesian first, whatever the browser's own language.
      headers: { Accept: 'application/json', 'Accept-Language': 'id', ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch {
    throw new ApiFailure(0, 'NETWORK', 'Tidak dapat terhubung ke server. Periksa jaringan, lalu coba lagi.');
  }
  if (res.status === 204) return null;
  const data: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const { code, message } = errorText(data, res.status);
    throw new ApiFailure(res.status, code, message);
  }
  return data as T;
};
