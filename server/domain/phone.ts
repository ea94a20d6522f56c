/** Phone numbers and masking live in shared/ (the booking page uses them too). */
export * from '../../shared/phone';
