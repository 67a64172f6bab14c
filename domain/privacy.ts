/**
 * Personal data shown to staff who do not need it whole: phone numbers become 138****1234,
 * identity numbers keep their first and last four characters.
 */
export function maskPhone(phone: string): string {
  // Masking a masked number leaves it as it is (a stream's stored state is redacted again with each event).
  if (/^\d{3}\*+\d{4}$/.test(phone)) return phone;
  const digits = phone.replace(/[^\d]/g, '');
  if (digits.length < 7) return '*'.repeat(digits.length);
  return `${digits.slice(0, 3)}${'*'.repeat(digits.length - 7)}${digits.slice(-4)}`;
}

export function maskIdNumber(idNumber: string): string {
  if (idNumber.length <= 8) return '*'.repeat(idNumber.length);
  return `${idNumber.slice(0, 4)}${'*'.repeat(idNumber.length - 8)}${idNumber.slice(-4)}`;
}
