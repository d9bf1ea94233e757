/**
 * `npm run pin-hash -- <PIN>`: prints the scrypt hash of a kiosk maintenance PIN for the site
 * file's `maintenancePinHash`. The PIN itself is never stored.
 */
import { hashPin } from '../electron/core/intake/kiosk-maintenance';

const pin = process.argv[2] ?? '';
if (!/^\d{6,12}$/.test(pin)) {
  console.error('用法：npm run pin-hash -- <6-12 位数字 PIN>\nUsage: npm run pin-hash -- <PIN of 6-12 digits>');
  process.exit(2);
}
console.log(hashPin(pin));
