/** The admin page's HTTP calls: JSON, the session cookie, and the API's Indonesian error message with its field messages. */
import { requestJson, type Method } from '../shared/apiClient';

export { ApiFailure } from '../shared/apiClient';

export const api = <T>(method: Method, path: string, body?: unknown): Promise<T> =>
  requestJson<T>(method, `/api${path}`, body, {
    // The page speaks Indonesian first, whatever the browser's own language.
    lang: 'id',
    networkMessage: 'Tidak dapat terhubung ke server. Periksa jaringan, lalu coba lagi.',
    failedMessage: (status) => `Permintaan gagal (kode ${status}).`,
    withFieldMessages: true,
  });
