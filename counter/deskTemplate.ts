/** The counter desk's markup: the current ticket, the actions, the queue, the no-shows and the three dialogs (filled by view.ts and main.ts). */
export const DESK_HTML = `
  <header class="head" id="head"></header>
  <main class="desk">
    <section class="left">
      <div class="card current" id="current" aria-live="polite"></div>
      <div class="actions" id="actions"></div>
    </section>
    <section class="right">
      <div class="card waiting-card">
        <h2>Antrean menunggu <span class="en">Waiting</span></h2>
        <div id="waiting"></div>
      </div>
      <div class="card noshow-card">
        <h2>Tidak hadir hari ini <span class="en">Today's no-shows</span> <span class="hint">pilih, lalu <kbd>K</kbd></span></h2>
        <div id="noshows"></div>
      </div>
    </section>
  </main>
  <footer class="foot"><p class="message" id="message" role="status" aria-live="polite"></p>
    <p class="keys">Pintasan: <kbd>P</kbd> panggil · <kbd>U</kbd> ulang · <kbd>M</kbd> mulai · <kbd>S</kbd> selesai · <kbd>T</kbd> tidak hadir · <kbd>A</kbd> alihkan · <kbd>K</kbd> kembalikan · <kbd>J</kbd> jeda · <kbd>N</kbd> cek KTP</p></footer>
  <dialog id="transfer-dialog" aria-labelledby="transfer-title">
    <h2 id="transfer-title">Alihkan ke layanan <span class="en">Transfer to</span></h2>
    <p class="muted" id="transfer-what"></p>
    <div class="transfer-list" id="transfer-list"></div>
    <form class="urgent-form" id="urgent-form" hidden novalidate>
      <p class="urgent-what" id="urgent-what"></p>
      <label>Alasan kasus mendesak <span class="en">Why it is urgent</span>
        <input id="urgent-reason" name="reason" maxlength="300" autocomplete="off" required />
      </label>
      <p class="form-error" id="urgent-error" role="alert"></p>
      <button type="submit" class="btn primary">Alihkan sebagai kasus mendesak</button>
    </form>
    <button type="button" class="btn ghost" id="transfer-cancel"><kbd>Esc</kbd> Batal</button>
  </dialog>
  <dialog id="urgent-ticket-dialog" aria-labelledby="urgent-ticket-title">
    <h2 id="urgent-ticket-title">Nomor mendesak <span class="en">Urgent ticket</span></h2>
    <p class="muted">Untuk warga dengan keperluan mendesak pada layanan yang tutup hari ini. Alasannya dicatat.</p>
    <form class="urgent-form" id="urgent-ticket-form" novalidate>
      <label>Layanan <span class="en">Service</span><select id="urgent-ticket-service" name="service"></select></label>
      <label>Alasan kasus mendesak <span class="en">Why it is urgent</span><input name="reason" maxlength="300" autocomplete="off" required /></label>
      <label>Prioritas <span class="en">Priority</span><select name="priority">
        <option value="">Tidak ada</option><option value="elderly">Lansia</option><option value="disabled">Disabilitas</option><option value="pregnant">Ibu hamil</option>
      </select></label>
      <p class="form-error" id="urgent-ticket-error" role="alert"></p>
      <button type="submit" class="btn primary">Terbitkan nomor</button>
    </form>
    <button type="button" class="btn ghost" id="urgent-ticket-cancel"><kbd>Esc</kbd> Batal</button>
  </dialog>
  <dialog id="requeue-dialog" aria-labelledby="requeue-title">
    <h2 id="requeue-title">Kembalikan ke antrean? <span class="en">Requeue?</span></h2>
    <p id="requeue-what"></p>
    <div class="dialog-buttons">
      <button type="button" class="btn primary" id="requeue-yes" autofocus><kbd>Enter</kbd> Ya, kembalikan</button>
      <button type="button" class="btn ghost" id="requeue-cancel"><kbd>Esc</kbd> Batal</button>
    </div>
  </dialog>`;
