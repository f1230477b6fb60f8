import type { PhraseBook, Rule } from './messages-vi';
import { CONFIG_SCHEMA_PHRASES, ZOD_PHRASES } from './zod-messages-vi';

/**
 * The Jira app's refusals and admin-page checks in Vietnamese, its page of the one phrase catalogue (messages-vi.ts): what they
 * answer beside a code (FORBIDDEN, JIRA_ERROR, NO_CONFIG…), rendered in the caller's app language. Jira's own words inside a
 * message (a JQL error) stay as Jira wrote them.
 */

/** The configuration's kinds of id, as the glossary names them. */
const KIND_VI: Readonly<Record<string, string>> = { policy: 'chính sách', scorecard: 'thẻ điểm', perspective: 'khía cạnh', objective: 'mục tiêu', kpi: 'KPI' };

const FORGE_PHRASES: readonly Rule[] = [
  // The configuration's report zone (forge-app/src/config/schema.ts) is checked by the core's zone schema: a schema
  // issue, without a code. The core's calendar errors are said by their codes (error-catalogue.ts).
  [/^expected an IANA time zone such as (\S+) or (\S+)$/, 'cần một múi giờ IANA như $1 hoặc $2'],
  // The Jira app's service catalogue: a service chosen by JQL (forge-app/src/config/catalogue-store.ts).
  [/^(services\.\d+): jql: expected the JQL that finds the service's requests, such as (".*")$/, '$1: jql: cần câu JQL tìm các yêu cầu của dịch vụ, ví dụ $2'],
  // The Jira app's admin page (forge-app/src/resolvers): "try on issue" and the typed actuals.
  [/^expected an issue key such as (\S+), got (.+)$/, 'cần mã yêu cầu như $1, nhưng nhận $2'],
  [/^no issue (\S+) that you may browse$/, 'không có yêu cầu $1 mà bạn được xem'],
  [/^month must be YYYY-MM, got (.+)$/, 'tháng phải có dạng YYYY-MM, nhưng nhận $1'],
  // The Jira app's configuration check (forge-app/src/config), shown at each field of the admin page.
  [/^leave out ORDER BY: the sync orders by updated itself$/, 'bỏ "ORDER BY" đi: lần đồng bộ tự sắp xếp theo trường "updated"'],
  [/^give the JQL of the issues to measure, e\.g\. (.+)$/, 'hãy nhập JQL của các yêu cầu cần đo, ví dụ "$1"'],
  [/^name the request type field \(for JSM: (\w+)\)$/, 'hãy ghi trường loại yêu cầu (với JSM: $1)'],
  [/^the configuration must be a JSON object$/, 'cấu hình phải là một đối tượng JSON'],
  [/^a policy id needs at least one character other than spaces$/, 'mã chính sách cần ít nhất một ký tự không phải dấu cách'],
  [/^policy id (".*") starts or ends with spaces; remove them$/, 'mã chính sách $1 bắt đầu hoặc kết thúc bằng dấu cách; hãy bỏ các dấu cách đó'],
  [/^policy ids starting with "jsm:" are reserved for JSM's own SLA metrics$/, 'mã chính sách bắt đầu bằng "jsm:" được dành cho các chỉ số SLA của chính JSM'],
  [/^policy id "_tickets" is reserved by the app$/, 'mã chính sách "_tickets" được ứng dụng dành riêng'],
  [/^(policy|scorecard|perspective|objective|kpi) id (".*") is used twice$/i, (_, kind: string, id: string) => `mã ${KIND_VI[kind.toLowerCase()]} ${id} được dùng hai lần`],
  [/^(guardedBy |cascadesFrom )?(".*") is not a KPI of (?:the parent )?scorecard (".*")$/, '$1$2 không phải là KPI của thẻ điểm $3'],
  [/^a perspective weight must not be negative$/, 'trọng số của khía cạnh không được âm'],
  // The portal's iNPS question (forge-app/src/resolvers/inps.ts), read by the request's customer.
  [/^only a signed-in customer can answer \(anonymous portal visitors cannot\)$/, 'chỉ khách hàng đã đăng nhập mới trả lời được (khách vãng lai trên cổng thông tin thì không)'],
  [/^expected a whole number from 0 to 10, got (.+)$/, 'cần một số nguyên từ 0 đến 10, nhưng nhận $1'],
  [/^at most (\d+) characters, got (\d+)$/, 'tối đa $1 ký tự, nhưng có $2'],
  [/^expected text$/, 'cần văn bản'],
  [/^Jira did not answer as expected; try again later \(the details are in the app's logs\)\.$/, 'Jira không trả lời như mong đợi; hãy thử lại sau (chi tiết có trong nhật ký của ứng dụng).'],
  [/^sign in to see scorecards$/, 'hãy đăng nhập để xem thẻ điểm'],
  [/^you are not among the viewers of scorecard (".*")$/, 'bạn không có tên trong danh sách người được xem thẻ điểm $1'],
  [/^only a signed-in user can choose a language$/, 'chỉ người dùng đã đăng nhập mới chọn được ngôn ngữ'],
  [/^only Jira administrators can change the SLA configuration$/, 'chỉ quản trị viên Jira mới thay đổi được cấu hình SLA'],
  [/^you may not browse any Jira project$/, 'bạn không được xem dự án Jira nào'],
  [/^save a configuration first$/, 'hãy lưu cấu hình trước'],
  [/^no service catalogue yet: an admin sets it on the app's admin page$/, 'chưa có danh mục dịch vụ: quản trị viên Jira thiết lập trên trang quản trị của ứng dụng'],
  [/^expected the calendar text, e\.g\. (.+)$/, 'cần văn bản mô tả lịch, ví dụ $1'],
  [/^expected a whole year from 1900 to 2300, got (.+)$/, 'cần một năm nguyên từ 1900 đến 2300, nhưng nhận $1'],
  [/^give a JQL query to test$/, 'hãy nhập một câu JQL để thử'],
  [/^Jira refuses this JQL: (.+)$/, 'Jira từ chối câu JQL này: $1'],
  [/^expected a list of project keys, got (.+)$/, 'cần một danh sách mã dự án, nhưng nhận $1'],
  [/^KPI (".*") takes its actual from (\S+); typed values are for KPIs without a source$/, 'KPI $1 lấy số thực tế từ $2; chỉ KPI không có nguồn mới nhập tay được'],
  [/^must be a number \(or null to remove it\), not (.+)$/, 'phải là một số (hoặc null để xóa giá trị), không phải $1'],
  [
    /^must be \{ numerator, denominator \} \(numbers, denominator not negative\), or null to remove it, not (.+)$/,
    'phải là tử số và mẫu số (hai số, mẫu số không âm), hoặc null để xóa giá trị, không phải $1',
  ],
];

/** The Jira app's page of the phrase catalogue (resolvers and views): `errorInLanguage(error, language, FORGE_PHRASE_BOOK)`. */
export const FORGE_PHRASE_BOOK: PhraseBook = {
  phrases: [...FORGE_PHRASES, ...CONFIG_SCHEMA_PHRASES, ...ZOD_PHRASES],
  endings: [],
  // A typed value of a KPI whose months are summed as numerator and denominator (resolvers/scorecard-actuals.ts).
  places: [[/^aggregation ratio-of-sums$/, 'cách gộp "ratio-of-sums"']],
};
