/** The internal market's words (statement gadget, catalogue editor) in English and Vietnamese (../shared/GLOSSARY-VI.md). */
const en = {
  statement: 'Service statement',
  statementOf: (month: string, currency: string) => `Service statement ${month} (${currency})`,
  configure: 'Edit this gadget to choose the projects.',
  month: 'Month',
  customer: 'Internal customer',
  noCustomer: '(none)',
  service: 'Service',
  provider: 'Provider',
  requests: 'Requests',
  compliance: 'Compliance',
  agreed: 'Agreed',
  charge: 'Charge',
  credit: 'Service credit',
  net: 'Net',
  byCustomer: 'Totals per customer',
  byProvider: 'Totals per provider',
  noLines: 'No request or measured cycle of a catalogue service in this month.',
  noCatalogue: 'No service catalogue yet: a Jira administrator sets it on the app\'s admin page.',
  invalidCatalogue: 'The service catalogue no longer validates (a policy it names changed):',
};

export type MarketMessages = typeof en;

const vi: MarketMessages = {
  statement: 'Bảng kê dịch vụ',
  statementOf: (month: string, currency: string) => `Bảng kê dịch vụ ${month} (${currency})`,
  configure: 'Sửa gadget này để chọn dự án.',
  month: 'Tháng',
  customer: 'Khách hàng nội bộ',
  noCustomer: '(không có)',
  service: 'Dịch vụ',
  provider: 'Nhà cung cấp dịch vụ nội bộ',
  requests: 'Số yêu cầu',
  compliance: 'Tỷ lệ tuân thủ SLA',
  agreed: 'Mức cam kết',
  charge: 'Phí dịch vụ',
  credit: 'Khoản giảm trừ dịch vụ',
  net: 'Thực thu',
  byCustomer: 'Tổng theo khách hàng',
  byProvider: 'Tổng theo nhà cung cấp dịch vụ nội bộ',
  noLines: 'Tháng này không có yêu cầu hay chu kỳ đo được nào của dịch vụ trong danh mục.',
  noCatalogue: 'Chưa có danh mục dịch vụ: quản trị viên Jira thiết lập trên trang quản trị của ứng dụng.',
  invalidCatalogue: 'Danh mục dịch vụ không còn hợp lệ (một chính sách trong đó đã thay đổi):',
};

export const marketMessagesFor = (locale: string | undefined): MarketMessages => (locale?.toLowerCase().startsWith('vi') ? vi : en);
