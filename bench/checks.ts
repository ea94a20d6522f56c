/** After a run, read the database itself: no slot may hold more than its capacity, and the counter column must agree. */
import Database from 'better-sqlite3';

export type CapacityCheck = {
  slots: number;
  bookings: number;
  /** Active bookings in the slots asked about (all slots when none are named). */
  measuredBookings: number;
  /** Slots whose active bookings (or booked column) exceed the capacity. */
  overbooked: number;
  /** Slots whose `booked` column differs from the count of their active bookings. */
  mismatched: number;
};

type Slot = { id: number; capacity: number; booked: number; active: number };

const readonly = (path: string) => {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  return db;
};

export const checkProductDb = (path: string, measured?: number[]): CapacityCheck => {
  const db = readonly(path);
  try {
    const rows = db
      .prepare(
        `SELECT s.id, s.capacity, s.booked,
           (SELECT count(*) FROM bookings b WHERE b.slot_id = s.id AND b.status IN ('booked', 'checked_in')) AS active
         FROM slots s`,
      )
      .all() as Slot[];
    return summarise(rows, measured);
  } finally {
    db.close();
  }
};

export const checkBaselineDb = (path: string, measured?: number[]): CapacityCheck => {
  const db = readonly(path);
  try {
    const rows = db
      .prepare('SELECT s.id, s.capacity, s.booked, (SELECT count(*) FROM bookings b WHERE b.slot_id = s.id) AS active FROM slots s')
      .all() as Slot[];
    return summarise(rows, measured);
  } finally {
    db.close();
  }
};

const summarise = (rows: Slot[], measured?: number[]): CapacityCheck => ({
  slots: rows.length,
  bookings: rows.reduce((sum, r) => sum + r.active, 0),
  measuredBookings: rows.filter((r) => !measured || measured.includes(r.id)).reduce((sum, r) => sum + r.active, 0),
  overbooked: rows.filter((r) => r.active > r.capacity || r.booked > r.capacity).length,
  mismatched: rows.filter((r) => r.booked !== r.active).length,
});
