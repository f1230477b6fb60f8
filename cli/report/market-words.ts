/**
 * The Internal market section's words in English and Vietnamese (`--lang`), part of the report's words. Vietnamese
 * follows docs/GLOSSARY-VI.md: Bảng kê dịch vụ, Phí dịch vụ, Khoản giảm trừ dịch vụ, Khách hàng nội bộ, Nhà cung cấp
 * dịch vụ nội bộ. Option names (`--statement`, `--html`, `--json`) stay as the user types them.
 */
export const MARKET_EN = {
  title: (currency: string, latestMonths: string | null) => `Internal market: statement (${currency})${latestMonths ? `, the latest ${latestMonths} months` : ''}`,
  statementHeaders: ['Period', 'Customer', 'Service', 'Provider', 'Requests', 'Met', 'Breached', 'Compliance', 'Agreed', 'Charge', 'Credit rate', 'Credit', 'Net'],
  noLines: 'No request or cycle of a catalogued service.',
  earlierLines: (lines: string) => `${lines} lines of earlier months: --statement FILE.csv, --html or --json list every line.`,
  customerTotals: 'Totals per customer',
  providerTotals: 'Totals per provider',
  totalsHeaders: (who: 'customer' | 'provider') => ['Period', who === 'customer' ? 'Customer' : 'Provider', 'Requests', 'Charge', 'Credit', 'Net'],
  olaTitle: (service: string, provider: string, ownerField: string) => `OLA chain: ${service} (${provider}), owner field ${ownerField}`,
  olaHeaders: ['Owner', 'Budget h', 'Cycles held', 'Within budget', 'Held median h', 'Held p90 h', 'Breaches attributed'],
  moreOwners: (owners: string) => `${owners} more owners without a budget in --html and --json.`,
  olaSummary: (cycles: string, breached: string, unallocated: string) =>
    `${cycles} cycles, ${breached} breached; ${unallocated} unallocated (no owner over its budget: the budgets do not cover the goal).`,
  notes: [
    "Charge = requests × price per request + the customer's share of the monthly cost (largest remainder by requests).",
    "Credit = charge × the credit rate of the tier below which compliance fell; net = charge − credit. Amounts are rounded to the currency's minor unit.",
    "Held time is working time on the goal's calendar while the clock ran (paused time is nobody's); a breach is attributed to the owner that went over its budget first.",
  ],
};

export const MARKET_VI: typeof MARKET_EN = {
  title: (currency: string, latestMonths: string | null) => `Thị trường nội bộ: bảng kê dịch vụ (${currency})${latestMonths ? `, ${latestMonths} tháng gần nhất` : ''}`,
  statementHeaders: [
    'Tháng', 'Khách hàng nội bộ', 'Dịch vụ', 'Nhà cung cấp dịch vụ nội bộ', 'Số yêu cầu', 'Đạt', 'Vi phạm', 'Tỷ lệ tuân thủ', 'Mức cam kết',
    'Phí dịch vụ', 'Tỷ lệ giảm trừ', 'Khoản giảm trừ dịch vụ', 'Thực thu',
  ],
  noLines: 'Không có yêu cầu hay chu kỳ nào của một dịch vụ trong danh mục.',
  earlierLines: (lines: string) => `Còn ${lines} hàng của các tháng trước: --statement TỆP.csv, --html hoặc --json liệt kê đủ mọi hàng.`,
  customerTotals: 'Tổng theo khách hàng nội bộ',
  providerTotals: 'Tổng theo nhà cung cấp dịch vụ nội bộ',
  totalsHeaders: (who: 'customer' | 'provider') => [
    'Tháng', who === 'customer' ? 'Khách hàng nội bộ' : 'Nhà cung cấp dịch vụ nội bộ', 'Số yêu cầu', 'Phí dịch vụ', 'Khoản giảm trừ dịch vụ', 'Thực thu',
  ],
  olaTitle: (service: string, provider: string, ownerField: string) => `Chuỗi OLA: ${service} (${provider}), trường người phụ trách ${ownerField}`,
  olaHeaders: [
    'Người phụ trách', 'Quỹ thời gian (giờ)', 'Số chu kỳ đã giữ', 'Tỷ lệ trong quỹ thời gian', 'Thời gian giữ trung vị (giờ)',
    'Thời gian giữ phân vị 90 (giờ)', 'Số vi phạm phải chịu',
  ],
  moreOwners: (owners: string) => `Còn ${owners} người phụ trách không có quỹ thời gian: xem --html hoặc --json.`,
  olaSummary: (cycles: string, breached: string, unallocated: string) =>
    `${cycles} chu kỳ, ${breached} vi phạm; ${unallocated} vi phạm chưa quy được cho ai (không người phụ trách nào vượt quỹ thời gian của mình: tổng các quỹ thời gian chưa phủ hết mức SLA).`,
  notes: [
    'Phí dịch vụ = số yêu cầu × đơn giá mỗi yêu cầu + phần chi phí hằng tháng của khách hàng nội bộ (phân bổ theo số yêu cầu, làm tròn theo phần dư lớn nhất).',
    'Khoản giảm trừ dịch vụ = phí dịch vụ × tỷ lệ giảm trừ của bậc có ngưỡng mà tỷ lệ tuân thủ đã xuống dưới; thực thu = phí dịch vụ − khoản giảm trừ dịch vụ. Số tiền được làm tròn đến đơn vị nhỏ nhất của loại tiền.',
    'Thời gian giữ là thời gian làm việc theo lịch của mức SLA trong lúc đồng hồ SLA chạy (thời gian tạm dừng không tính cho ai); một vi phạm được quy cho người phụ trách vượt quỹ thời gian của mình đầu tiên.',
  ],
};
