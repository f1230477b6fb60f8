import type { Language } from './language';

/** Vietnam's statutory holidays (Labour Code 2019 art. 112) by the tables' English names, as Vietnamese law names them. */
const VIETNAMESE_NAMES: Readonly<Record<string, string>> = {
  "New Year's Day": 'Tết Dương lịch',
  'Vietnamese New Year Holidays': 'Tết Nguyên đán',
  'Hung Kings Commemorations': 'Giỗ Tổ Hùng Vương',
  'Day of liberating the South for national reunification': 'Ngày Chiến thắng (Giải phóng miền Nam, thống nhất đất nước)',
  'Labour Day': 'Ngày Quốc tế Lao động',
  'National Day': 'Quốc khánh',
  'Vietnamese Culture Day': 'Ngày Văn hóa Việt Nam',
};

/**
 * A holiday table's name in a language: Vietnam's statutory holidays by their legal Vietnamese names; another
 * country's names stay as the tables give them (in English), since no Vietnamese names are known for them.
 */
export const holidayNameIn = (name: string, language: Language): string => (language === 'vi' ? (VIETNAMESE_NAMES[name] ?? name) : name);
