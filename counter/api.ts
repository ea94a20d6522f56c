/** The counter page's HTTP calls: JSON, the session cookie, and the API's Indonesian error message. */
import { requestJson } from '../shared/apiClient';

export { ApiFailure } from '../shared/apiClient';

export const api = <T>(method: 'GET' | 'POST' | 'PATCH', path: string, body?: unknown): Promise<T | null> =>
  requestJson<T | null>(method, `/api${path}`, body, {
    // The interface speaks Indonesian first, whatever the browser's own language.
    lang: 'id',
    networkMessage: 'Tidak dapat terhubung ke server. Periksa jaringan, lalu coba lagi.',
    failedMessage: (status) => `Permintaan gagal (kode ${status}). Coba lagi.`,
    withFieldMessages: true,
  });
