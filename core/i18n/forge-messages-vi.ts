import type { PhraseBook, Rule } from './messages-vi';
import { ZOD_PHRASES } from './zod-messages-vi';

/**
 * The Jira app's refusals in Vietnamese, its resolvers' page of the one phrase catalogue (messages-vi.ts): what they
 * answer beside a code (FORBIDDEN, JIRA_ERROR, NO_CONFIG…), rendered in the caller's app language. Jira's own words inside a
 * message (a JQL error) stay as Jira wrote them.
 */

const FORGE_PHRASES: readonly Rule[] = [
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
];

/** The Jira app's resolvers' page of the phrase catalogue: `inLanguage(message, language, FORGE_PHRASE_BOOK)`. */
export const FORGE_PHRASE_BOOK: PhraseBook = { phrases: [...FORGE_PHRASES, ...ZOD_PHRASES], endings: [], places: [] };
