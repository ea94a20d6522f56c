import { describe, expect, it } from 'vitest';
import { serviceUnavailable, whatsappOnly } from '../../server/domain/contacts';
import { errorMessage } from '../../server/domain/messages';
import { requirementsOf } from '../../server/domain/requirements';

const civil = { label: 'Pencatatan Sipil', phone: '+6281200000002' };

describe('a service that cannot be had this way', () => {
  it('names its WhatsApp number when WhatsApp is its only way', () => {
    expect(whatsappOnly({ bookable: false, walkIn: false })).toBe(true);
    const e = serviceUnavailable({ bookable: false, walkIn: false, whatsapp: civil });
    expect(e.code).toBe('SERVICE_UNAVAILABLE');
    expect(errorMessage(e.code, 'id', e.params)).toBe('Layanan ini hanya dilayani melalui WhatsApp: hubungi Pencatatan Sipil di +6281200000002.');
    expect(errorMessage(e.code, 'en', e.params)).toBe('This service is handled by WhatsApp only: write to Pencatatan Sipil at +6281200000002.');
  });

  it('says only that this way is closed when another way is open, or when there is no number', () => {
    for (const service of [{ bookable: true, walkIn: false, whatsapp: civil }, { bookable: false, walkIn: false, whatsapp: null }, undefined]) {
      const e = serviceUnavailable(service);
      expect(errorMessage(e.code, 'id', e.params)).toBe('Layanan ini tidak tersedia untuk cara ini.');
    }
  });
});

describe('requirements of a service', () => {
  it('are given in both languages where the service has them, and not at all where it has none', () => {
    expect(requirementsOf({ requirementsId: ' Wajib masker dan sarung tangan. ', requirementsEn: 'Mask and gloves required.' })).toEqual({
      requirements: 'Wajib masker dan sarung tangan.',
      requirementsEn: 'Mask and gloves required.',
    });
    expect(requirementsOf({ requirementsId: '', requirementsEn: 'x' })).toEqual({});
  });
});
