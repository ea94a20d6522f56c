/**
 * The proof of booking as a PNG, drawn in the phone on an offscreen canvas and downloaded as
 * giliran-<code>.png: cheap Android phones keep an image in the gallery where an .ics goes nowhere.
 * 720 px wide (an HD phone's screen), as tall as its words need. The QR is drawn module by module
 * from the bundled qrcode library (the same one that draws the page's SVG): nothing is fetched.
 * Loaded on the first tap (proof.ts), so the booking page does not carry it.
 */
import type { ProofData } from './proof';
import { preloadQr } from './qr';

const WIDTH = 720;
const PAD = 40;
const INNER = WIDTH - 2 * PAD;
const QR_SIZE = 336;
const INK = '#1a1a1a';
const MUTED = '#4d4d4d';
const PRIMARY = '#0b4f8a';
const SOFT = '#f3f5f8';
const LINE = '#c9ced6';
const SANS = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'DejaVu Sans', sans-serif";
const MONO = "ui-monospace, 'Roboto Mono', 'DejaVu Sans Mono', Menlo, monospace";

type Ctx = CanvasRenderingContext2D;

/** Splits a text into lines that fit `width` at the context's current font; a word longer than a line is cut. */
export const wrap = (ctx: Ctx, text: string, width: number): string[] => {
  const lines: string[] = [];
  for (const paragraph of text.split(/\n/)) {
    let line = '';
    // Spaces only: a no-break space ("08.00–09.00\u00a0WIB") keeps its words together.
    for (const word of paragraph.split(/[ \t]+/).filter(Boolean)) {
      const candidate = line ? `${line} ${word}` : word;
      if (ctx.measureText(candidate).width <= width) {
        line = candidate;
        continue;
      }
      if (line) lines.push(line);
      line = word;
      while (ctx.measureText(line).width > width && line.length > 1) {
        let cut = line.length - 1;
        while (cut > 1 && ctx.measureText(line.slice(0, cut)).width > width) cut--;
        lines.push(line.slice(0, cut));
        line = line.slice(cut);
      }
    }
    lines.push(line);
  }
  return lines;
};

/** One drawing pass: with `draw` false it only measures, answering the height the image needs. */
const layout = (ctx: Ctx, p: ProofData, modules: { size: number; get: (r: number, c: number) => number } | null, draw: boolean): number => {
  let y = 0;
  const text = (s: string, font: string, color: string, size: number, opts: { center?: boolean; lineHeight?: number; x?: number; width?: number } = {}) => {
    ctx.font = font;
    const x = opts.x ?? PAD;
    const width = opts.width ?? INNER;
    const lh = opts.lineHeight ?? Math.round(size * 1.3);
    for (const line of wrap(ctx, s, width)) {
      if (draw) {
        ctx.fillStyle = color;
        ctx.textAlign = opts.center ? 'center' : 'left';
        ctx.fillText(line, opts.center ? x + width / 2 : x, y + size);
      }
      y += lh;
    }
  };

  // The office's band.
  ctx.font = `700 28px ${SANS}`;
  const officeLines = wrap(ctx, p.office, INNER);
  const band = 32 + 22 + 10 + officeLines.length * 36 + 22;
  if (draw) {
    ctx.fillStyle = PRIMARY;
    ctx.fillRect(0, 0, WIDTH, band);
  }
  y = 32;
  text('GILIRAN', `700 18px ${SANS}`, '#ffffff', 18, { lineHeight: 32 });
  text(p.office, `700 28px ${SANS}`, '#ffffff', 28, { lineHeight: 36 });
  y = band + 36;

  text(p.title, `700 40px ${SANS}`, INK, 40, { center: true, lineHeight: 52 });
  y += 12;
  text(p.codeLabel, `400 22px ${SANS}`, MUTED, 22, { center: true, lineHeight: 30 });
  text(p.code, `700 72px ${MONO}`, INK, 72, { center: true, lineHeight: 88 });
  y += 8;

  // The QR, with its quiet zone, on white.
  if (modules) {
    const quiet = 4;
    const cells = modules.size + 2 * quiet;
    const cell = Math.floor(QR_SIZE / cells);
    const side = cell * cells;
    const x0 = Math.round((WIDTH - side) / 2);
    if (draw) {
      ctx.fillStyle = '#ffffff';
      ctx.fillRect(x0, y, side, side);
      ctx.strokeStyle = LINE;
      ctx.lineWidth = 2;
      ctx.strokeRect(x0 - 1, y - 1, side + 2, side + 2);
      ctx.fillStyle = '#000000';
      for (let r = 0; r < modules.size; r++) {
        for (let c = 0; c < modules.size; c++) {
          if (modules.get(r, c)) ctx.fillRect(x0 + (c + quiet) * cell, y + (r + quiet) * cell, cell, cell);
        }
      }
    }
    y += side + 28;
  }

  // What, when, who.
  for (const row of p.rows) {
    if (draw) {
      ctx.fillStyle = LINE;
      ctx.fillRect(PAD, y, INNER, 2);
    }
    y += 14;
    text(row.label, `400 22px ${SANS}`, MUTED, 22, { lineHeight: 30 });
    text(row.value, `700 28px ${SANS}`, INK, 28, { lineHeight: 36 });
    y += 10;
  }
  y += 12;

  // At the kiosk.
  const boxTop = y;
  y += 20;
  const boxX = PAD + 20;
  const boxWidth = INNER - 40;
  const measureBox = () => {
    const save = y;
    const wasDraw = draw;
    draw = false;
    text(p.kiosk, `700 28px ${SANS}`, INK, 28, { x: boxX, width: boxWidth, lineHeight: 36 });
    if (p.checkIn) text(p.checkIn, `400 24px ${SANS}`, INK, 24, { x: boxX, width: boxWidth, lineHeight: 32 });
    draw = wasDraw;
    const height = y - save;
    y = save;
    return height;
  };
  const boxHeight = measureBox() + 40;
  if (draw) {
    ctx.fillStyle = SOFT;
    ctx.fillRect(PAD, boxTop, INNER, boxHeight);
    ctx.fillStyle = PRIMARY;
    ctx.fillRect(PAD, boxTop, 8, boxHeight);
  }
  text(p.kiosk, `700 28px ${SANS}`, INK, 28, { x: boxX, width: boxWidth, lineHeight: 36 });
  if (p.checkIn) text(p.checkIn, `400 24px ${SANS}`, INK, 24, { x: boxX, width: boxWidth, lineHeight: 32 });
  y = boxTop + boxHeight + PAD;
  return y;
};

/** Draws the proof on a new canvas (not in the page). */
export const drawProof = async (p: ProofData): Promise<HTMLCanvasElement> => {
  let modules: { size: number; get: (r: number, c: number) => number } | null = null;
  try {
    const qr = await preloadQr();
    // The same settings as the page's SVG (qr.ts).
    modules = qr.create(p.code, { errorCorrectionLevel: 'M' }).modules;
  } catch {
    // Without the QR the code itself still works at the kiosk.
  }
  const canvas = document.createElement('canvas');
  canvas.width = WIDTH;
  const measuring = canvas.getContext('2d');
  if (!measuring) throw new Error('no 2d canvas');
  canvas.height = Math.ceil(layout(measuring, p, modules, false));
  // Resizing clears the canvas and its state: draw on a fresh context state.
  const ctx = canvas.getContext('2d')!;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.textBaseline = 'alphabetic';
  layout(ctx, p, modules, true);
  return canvas;
};

const toBlob = (canvas: HTMLCanvasElement): Promise<Blob> =>
  new Promise((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('toBlob failed'))), 'image/png'));

/** Draws the proof and hands it to the browser as a download; answers the file's name. */
export const downloadProofImage = async (p: ProofData): Promise<string> => {
  const blob = await toBlob(await drawProof(p));
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = p.fileName;
  a.hidden = true;
  document.body.append(a);
  try {
    a.click();
  } finally {
    a.remove();
    // Some browsers read the blob after the click's task: let go of it a little later.
    setTimeout(() => URL.revokeObjectURL(url), 30_000);
  }
  return p.fileName;
};
