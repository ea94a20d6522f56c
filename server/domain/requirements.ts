/**
 * A service's requirements (OKI: "wajib masker dan sarung tangan") where a visitor reads about a
 * booking: the booking answer, the confirmation screen, the WhatsApp confirmation and reminder.
 * Absent when the service asks nothing, so that no empty line is shown or sent.
 */
export const requirementsOf = (service: { requirementsId: string; requirementsEn: string }): { requirements?: string; requirementsEn?: string } =>
  service.requirementsId.trim()
    ? { requirements: service.requirementsId.trim(), ...(service.requirementsEn.trim() ? { requirementsEn: service.requirementsEn.trim() } : {}) }
    : {};
