/** Puts the ticket into the print area, sizes the page to it, and prints through the browser. */
import type { PaperWidth } from './settings';
import { pageRule, printTicketHtml, pxToMm, type PrintInput } from './printTicket';

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

export const preparePrint = async (area: HTMLElement, pageStyle: HTMLStyleElement, input: PrintInput, paper: PaperWidth): Promise<void> => {
  area.className = `print-area paper-${paper}`;
  area.innerHTML = printTicketHtml(input);
  await nextFrame();
  // The area is laid out off-screen at the paper's width, so its height is the printed height.
  pageStyle.textContent = pageRule(paper, pxToMm(area.getBoundingClientRect().height));
};

/**
 * Chromium started with --kiosk-printing prints straight to the default printer without a
 * dialog; otherwise the print dialog opens.
 */
export const printNow = async (): Promise<void> => {
  await nextFrame();
  window.print();
};
