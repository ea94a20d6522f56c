/// <reference types="vite/client" />
/**
 * The ALTCHA widget's code, loaded by proofOfWork.ts when a screen first needs it: the custom
 * element, its styles, its SHA-256 solver and its words in Indonesian and English.
 */
import 'altcha/external';
import 'altcha/altcha.css';
import ShaWorker from 'altcha/workers/sha?worker';
import type { Lang } from './texts';

// The solver runs in a worker file served by the page's own origin: the CSP allows no blob: workers.
$altcha.algorithms.set('SHA-256', () => new ShaWorker());

const STRINGS: Record<Lang, Record<string, string>> = {
  id: {
    ariaLinkLabel: 'ALTCHA (situs web resmi)',
    cancel: 'Batal',
    enterCode: 'Masukkan kode',
    enterCodeAria: 'Masukkan kode yang Anda dengar. Tekan Spasi untuk memutar audio.',
    enterCodeFromImage: 'Untuk melanjutkan, masukkan kode dari gambar di bawah ini.',
    error: 'Pemeriksaan gagal. Coba lagi.',
    expired: 'Pemeriksaan kedaluwarsa. Coba lagi.',
    footer: '',
    getAudioChallenge: 'Dapatkan tantangan audio',
    label: 'Pemeriksaan keamanan otomatis',
    loading: 'Memuat…',
    reload: 'Muat ulang',
    verify: 'Periksa',
    verificationRequired: 'Pemeriksaan diperlukan.',
    verified: 'Pemeriksaan keamanan selesai',
    verifying: 'Memeriksa keamanan…',
    waitAlert: 'Sedang memeriksa… mohon tunggu.',
  },
  en: {
    ariaLinkLabel: 'ALTCHA (official website)',
    cancel: 'Cancel',
    enterCode: 'Enter code',
    enterCodeAria: 'Enter the code you hear. Press Space to play the audio.',
    enterCodeFromImage: 'To continue, enter the code from the image below.',
    error: 'The check failed. Please try again.',
    expired: 'The check has expired. Please try again.',
    footer: '',
    getAudioChallenge: 'Get an audio challenge',
    label: 'Automatic security check',
    loading: 'Loading…',
    reload: 'Reload',
    verify: 'Check',
    verificationRequired: 'The check is required.',
    verified: 'Security check done',
    verifying: 'Checking security…',
    waitAlert: 'Checking… please wait.',
  },
};
$altcha.i18n.set('id', STRINGS.id);
$altcha.i18n.set('en', STRINGS.en);

