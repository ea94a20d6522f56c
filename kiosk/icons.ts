/** Pictograms drawn as inline SVG, so they show on a kiosk without an emoji font. */
const svg = (body: string) =>
  `<svg viewBox="0 0 24 24" width="1em" height="1em" fill="none" stroke="currentColor" stroke-width="1.9" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true">${body}</svg>`;

export const ICONS = {
  elderly: svg('<circle cx="10" cy="3.8" r="2.2" fill="currentColor"/><path d="M10.2 7.2 9.2 14M9.2 14 7 22M9.2 14l3 8M9.8 9.2l4.4 2.2M14.2 11.4 15.4 22"/>'),
  disabled: svg('<circle cx="9" cy="3.6" r="2.1" fill="currentColor"/><path d="M9 6.6v6h6l2 6.2M9 9h4.5"/><path d="M6.2 11.4a5.2 5.2 0 1 0 7.6 6.4"/>'),
  pregnant: svg('<circle cx="11" cy="3.8" r="2.2" fill="currentColor"/><path d="M11 7.2 10.4 14M10.4 14 9.4 22M10.4 14l2 8M11 8.6c5.4 1 5.6 5.4.4 5.6M11 9.4l2.6 2.4"/>'),
} as const;
