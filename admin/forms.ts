/** Reading the admin forms into the API's request bodies. */
import type { SlotRow } from './state';

export const formData = (form: HTMLFormElement) => {
  const data = new FormData(form);
  const str = (name: string) => String(data.get(name) ?? '').trim();
  return {
    str,
    /** A number, or null when the field is empty ("no limit"). */
    intOrNull: (name: string) => (str(name) === '' ? null : Number(str(name))),
    int: (name: string) => Number(str(name)),
    bool: (name: string) => data.get(name) !== null,
    has: (name: string) => data.has(name),
  };
};

/** The rows of a slot editor table as they are on screen now. */
export const readRows = (root: ParentNode, prefix: string, withWeekday: boolean): SlotRow[] =>
  [...root.querySelectorAll<HTMLTableRowElement>(`[data-rows="${prefix}"] tr[data-row]`)].map((tr) => {
    const value = (col: string) => (tr.querySelector(`[data-col="${col}"]`) as HTMLInputElement | null)?.value ?? '';
    return {
      ...(withWeekday ? { weekday: Number(tr.dataset.weekday) } : {}),
      start: value('start'),
      end: value('end'),
      capacity: Number(value('capacity')),
    };
  });

export const sortRows = (rows: SlotRow[]): SlotRow[] => [...rows].sort((a, b) => (a.weekday ?? 0) - (b.weekday ?? 0) || a.start.localeCompare(b.start));
