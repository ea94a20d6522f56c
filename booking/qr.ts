/** The booking code as a QR for the kiosk's scanner, drawn in the phone as SVG; the library loads on demand. */
let qrModule: Promise<typeof import('qrcode')> | null = null;

/** Starts fetching the QR library early (when the form opens), so it is there by the confirmation. */
export const preloadQr = () => (qrModule ??= import('qrcode'));

/** The SVG text of the code's QR, or null when it could not be made (the code itself still works). */
export const qrSvg = async (code: string): Promise<string | null> => {
  try {
    const qr = await preloadQr();
    return await qr.toString(code, { type: 'svg', margin: 2, errorCorrectionLevel: 'M', color: { dark: '#000000', light: '#ffffff' } });
  } catch {
    return null;
  }
};
