import type { Language } from '../i18n';

/**
 * The words of a scorecard sheet: column headers and cell values, in English or Vietnamese (a Vietnamese
 * sheet writes "Tài chính", not "financial"). Each table maps every accepted spelling to the core's value; matching
 * ignores case, surrounding and repeated spaces, and Unicode composition (NFC), so "Tài Chính" typed on any keyboard
 * matches. The first spelling per language is the one error messages suggest.
 */

type Spellings<T extends string> = Record<T, { en: readonly string[]; vi: readonly string[] }>;

export const normaliseWord = (text: string): string => text.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();

/** A closed set of words: `read` gives the core's value or null; `accepted` lists the spellings to suggest; `spell` writes one. */
export interface Vocabulary<T extends string> {
  read(text: string): T | null;
  accepted(language: Language): string[];
  spell(value: T, language: Language): string;
}

/** The lookup is built on the first `read`: Code.js loads on every execution, and most never read a scorecard sheet. */
function vocabulary<T extends string>(spellings: Spellings<T>): Vocabulary<T> {
  let lookup: Map<string, T> | undefined;
  const byWord = (): Map<string, T> => {
    if (lookup) return lookup;
    lookup = new Map<string, T>();
    for (const value of Object.keys(spellings) as T[]) {
      for (const word of [...spellings[value].en, ...spellings[value].vi]) lookup.set(normaliseWord(word), value);
    }
    return lookup;
  };
  return {
    read: (text) => byWord().get(normaliseWord(text)) ?? null,
    accepted: (language) => (Object.keys(spellings) as T[]).map((value) => spellings[value][language][0]),
    spell: (value, language) => spellings[value][language][0],
  };
}

export const COLUMN_HEADERS = {
  id: { en: ['ID'], vi: ['Mã'] },
  parent: { en: ['Parent'], vi: ['Thuộc'] },
  kind: { en: ['Kind', 'Type'], vi: ['Loại'] },
  name: { en: ['KPI', 'Name'], vi: ['Chỉ số', 'Tên'] },
  perspective: { en: ['Perspective'], vi: ['Khía cạnh'] },
  pillar: { en: ['Pillar'], vi: ['Trụ cột'] },
  method: { en: ['Method', 'Scoring'], vi: ['Cách chấm'] },
  direction: { en: ['Direction'], vi: ['Chiều'] },
  unit: { en: ['Unit'], vi: ['Đơn vị'] },
  target: { en: ['Target', 'Goal'], vi: ['Chỉ tiêu', 'Mục tiêu'] },
  baseline: { en: ['Baseline'], vi: ['Mức cơ sở', 'Mốc gốc'] },
  clamp: { en: ['Clamp'], vi: ['Giới hạn 0-1'] },
  min: { en: ['Min'], vi: ['Tối thiểu'] },
  max: { en: ['Max'], vi: ['Tối đa'] },
  redFlag: { en: ['Red flag'], vi: ['Cờ đỏ'] },
  scale: { en: ['Scale'], vi: ['Thang điểm'] },
  tolerance: { en: ['Tolerance'], vi: ['Dung sai'] },
  bands: { en: ['Bands'], vi: ['Các khoảng'] },
  amber: { en: ['Amber'], vi: ['Vàng'] },
  red: { en: ['Red'], vi: ['Đỏ'] },
  greenFrom: { en: ['Green from'], vi: ['Xanh từ'] },
  redBelow: { en: ['Red below'], vi: ['Đỏ dưới'] },
  floor: { en: ['Floor'], vi: ['Sàn'] },
  cap: { en: ['Cap'], vi: ['Trần'] },
  aggregation: { en: ['Aggregation'], vi: ['Cách tổng hợp'] },
  weight: { en: ['Weight'], vi: ['Trọng số'] },
  container: { en: ['Roll-up', 'Container method'], vi: ['Cách gộp'] },
  weights: { en: ['Weights'], vi: ['Kiểu trọng số'] },
  owner: { en: ['Owner'], vi: ['Người phụ trách'] },
  level: { en: ['Level'], vi: ['Cấp'] },
  payBase: { en: ['Pay base'], vi: ['Mức lương KPI chuẩn', 'Lương KPI'] },
  payGate: { en: ['Pay gate'], vi: ['Ngưỡng chi trả', 'Ngưỡng trả'] },
  payCap: { en: ['Pay cap'], vi: ['Trần chi trả', 'Trần trả'] },
  paySteps: { en: ['Pay steps'], vi: ['Bậc chi trả', 'Bậc trả'] },
  missing: { en: ['Missing data'], vi: ['Thiếu dữ liệu'] },
  actual: { en: ['Actual'], vi: ['Thực tế'] },
  previous: { en: ['Previous'], vi: ['Kỳ trước'] },
  guardedBy: { en: ['Guarded by'], vi: ['Kiểm soát bởi'] },
  /** A flagged gaming signal on the KPI (`G3: SUP-1, SUP-2`): its pay line asks for a review before paying. */
  signal: { en: ['Signal', 'Gaming signal'], vi: ['Tín hiệu', 'Tín hiệu làm đẹp số liệu'] },
} as const satisfies Spellings<string>;
export type Column = keyof typeof COLUMN_HEADERS;
export const COLUMNS = vocabulary<Column>(COLUMN_HEADERS);

/** `History 1`, `Lịch sử 2`…: earlier periods, oldest first. */
export const HISTORY_HEADER = /^(history|lịch sử)\b/i;

export const KINDS = vocabulary({
  scorecard: { en: ['Scorecard'], vi: ['Thẻ điểm'] },
  perspective: { en: ['Perspective'], vi: ['Khía cạnh'] },
  objective: { en: ['Objective'], vi: ['Mục tiêu'] },
  kpi: { en: ['KPI'], vi: ['Chỉ số'] },
});

export const PERSPECTIVE_WORDS = vocabulary({
  financial: { en: ['Financial', 'Finance'], vi: ['Tài chính'] },
  customer: { en: ['Customer'], vi: ['Khách hàng'] },
  'internal-process': { en: ['Internal process', 'Internal-process', 'Internal processes'], vi: ['Quy trình nội bộ'] },
  'learning-growth': { en: ['Learning & growth', 'Learning and growth', 'Learning-growth'], vi: ['Đào tạo và phát triển', 'Học hỏi & phát triển', 'Học hỏi và phát triển'] },
});

export const PILLAR_WORDS = vocabulary({
  speed: { en: ['Speed'], vi: ['Tốc độ'] },
  accuracy: { en: ['Accuracy'], vi: ['Chính xác', 'Độ chính xác'] },
  satisfaction: { en: ['Satisfaction'], vi: ['Mức độ hài lòng', 'Hài lòng', 'Sự hài lòng'] },
  volume: { en: ['Volume'], vi: ['Khối lượng'] },
  other: { en: ['Other'], vi: ['Khác'] },
});

export const DIRECTION_WORDS = vocabulary({
  higher: { en: ['higher'], vi: ['cao'] },
  lower: { en: ['lower'], vi: ['thấp'] },
});

/** Scoring methods (docs/SCORING.md); the Vietnamese names are listed in sheets-addon/README.md. */
export const METHOD_WORDS = vocabulary({
  ratio: { en: ['ratio'], vi: ['tỷ lệ so với chỉ tiêu', 'tỷ lệ', 'tỉ lệ'] },
  progress: { en: ['progress'], vi: ['tiến độ từ mức cơ sở', 'tiến độ'] },
  performance: { en: ['performance'], vi: ['thang min-max'] },
  'goal-red-flag': { en: ['goal/red flag', 'goal-red-flag', 'goal red flag'], vi: ['chỉ tiêu/cờ đỏ', 'mục tiêu/cờ đỏ'] },
  stabilize: { en: ['stabilize', 'stabilise'], vi: ['ổn định quanh chỉ tiêu', 'ổn định'] },
  binary: { en: ['binary', 'yes/no'], vi: ['đạt/không đạt'] },
  bands: { en: ['bands'], vi: ['theo khoảng'] },
});

/** How a KPI's values combine over a period (the core's `aggregation`; `mean` is `average`). */
export const AGGREGATION_WORDS = vocabulary({
  sum: { en: ['sum'], vi: ['tổng'] },
  average: { en: ['average', 'mean'], vi: ['trung bình'] },
  last: { en: ['last'], vi: ['giá trị cuối kỳ', 'cuối kỳ'] },
  min: { en: ['min'], vi: ['nhỏ nhất'] },
  max: { en: ['max'], vi: ['lớn nhất'] },
  'ratio-of-sums': { en: ['ratio of sums', 'ratio-of-sums'], vi: ['tổng tử số / tổng mẫu số', 'tổng tử / tổng mẫu'] },
});

export const CONTAINER_WORDS = vocabulary({
  weighted: { en: ['weighted', 'weighted average'], vi: ['bình quân gia quyền'] },
  average: { en: ['average'], vi: ['trung bình'] },
  min: { en: ['min'], vi: ['nhỏ nhất'] },
  max: { en: ['max'], vi: ['lớn nhất'] },
  sum: { en: ['sum'], vi: ['tổng'] },
});

export const WEIGHTS_WORDS = vocabulary({
  relative: { en: ['relative'], vi: ['tương đối'] },
  absolute: { en: ['absolute'], vi: ['tuyệt đối'] },
});

export const LEVEL_WORDS = vocabulary({
  company: { en: ['company'], vi: ['công ty'] },
  department: { en: ['department'], vi: ['phòng ban', 'bộ phận'] },
  person: { en: ['person'], vi: ['cá nhân'] },
});

export const MISSING_WORDS = vocabulary({
  ignore: { en: ['ignore'], vi: ['bỏ qua'] },
  zero: { en: ['zero'], vi: ['tính là 0'] },
  'carry-forward': { en: ['carry forward', 'carry-forward'], vi: ['lấy kỳ trước'] },
  strict: { en: ['strict'], vi: ['nghiêm ngặt'] },
});
