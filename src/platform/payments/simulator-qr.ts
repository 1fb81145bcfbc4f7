/** The QR code on the simulator's checkout: a real code (the installed `qrcode` package) holding the wallet screen's address. */
import QRCode from 'qrcode';

/** A PNG data URL (the pages' CSP allows `data:` images), error correction M, as wallet apps print them. */
export function qrCodeDataUrl(text: string): Promise<string> {
  return QRCode.toDataURL(text, { errorCorrectionLevel: 'M', margin: 2, width: 240, color: { dark: '#000000', light: '#ffffff' } });
}
