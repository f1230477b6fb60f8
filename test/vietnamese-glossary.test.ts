/**
 * One word for one idea in every door (docs/GLOSSARY-VI.md): every Vietnamese string of the core, the Forge app, the
 * Sheets add-on and the CLI is swept for the variants the glossary replaces, and the words the doors share (status,
 * target, methods, aggregations, pay) are checked to be the same word everywhere.
 */
import { describe, expect, it } from 'vitest';
import { adminMessagesFor } from '../forge-app/src/i18n/admin-messages';
import { messagesFor } from '../forge-app/src/i18n/messages';
import { scorecardEditorMessagesFor } from '../forge-app/src/i18n/scorecard-editor-messages';
import { translate, type MessageKey } from '../sheets-addon/src/i18n';
import { AGGREGATION_WORDS, COLUMN_HEADERS, CONTAINER_WORDS, KINDS, METHOD_WORDS, PILLAR_WORDS } from '../sheets-addon/src/scorecard/vocabulary';
import { isVietnamese, productStrings } from './helpers/catalogue-strings';

/** A variant the glossary replaces, and the word to use instead. Letters, not `\b`: `\b` does not see Vietnamese letters. */
const REPLACED: ReadonlyArray<readonly [RegExp, string]> = [
  [/xoá/iu, 'Xóa'],
  [/huỷ/iu, 'Hủy'],
  [/tuỳ/iu, 'tùy'],
  [/(?<!\p{L})khoá(?!\p{L})/iu, 'khóa'],
  [/(?<!\p{L})hoá(?!\p{L})/iu, 'hóa (hóa đơn)'],
  [/(?<!xuống )(?<!\p{L})dòng(?!\p{L})/iu, 'Hàng (a row of a sheet; "xuống dòng" is a line break)'],
  [/chạy (chỉ )?số/iu, 'Làm đẹp số liệu'],
  [/thẻ điểm cao nhất/iu, 'thẻ điểm gốc'],
  [/tỷ lệ đạt SLA/iu, 'Tỷ lệ tuân thủ SLA'],
  [/trung bình có trọng số/iu, 'Bình quân gia quyền'],
  [/mốc gốc/iu, 'Mức cơ sở'],
  [/học hỏi (&|và) phát triển/iu, 'Đào tạo và phát triển'],
  [/đúng ngay lần đầu/iu, 'Tỷ lệ làm đúng ngay từ đầu (FTR)'],
  [/(?<!\p{L})thưởng(?!\p{L})/iu, 'Lương KPI (KPI pay is not a bonus)'],
  [/(?<!\p{L})tỉ lệ/iu, 'Tỷ lệ'],
  [/khối văn phòng/iu, 'Khối hỗ trợ (Back Office)'],
  [/số ngày thu tiền bình quân/iu, 'Số ngày phải thu (DSO)'],
  [/Quý \d{4}-Q\d/u, 'Quý II/2025'],
  [/\d+h \d{2}m/u, 'durations in words: 2 giờ 05 phút'],
];

describe('VI3: every Vietnamese string follows the glossary', () => {
  it('VI3: no Vietnamese string in the core or a door uses a word the glossary replaces', () => {
    const shown = productStrings().filter((s) => isVietnamese(s.text) && !s.acceptedOnly);
    // The sweep sees the catalogues of every door (a file list that lost one would pass vacuously).
    expect(new Set(shown.map((s) => s.file.split('/')[0]))).toEqual(new Set(['cli', 'core', 'forge-app', 'sheets-addon']));
    const offences = shown.flatMap((s) => REPLACED.filter(([variant]) => variant.test(s.text)).map(([, word]) => `${s.file}:${s.line} "${s.text}" → ${word}`));
    expect(offences).toEqual([]);
  });

  it('VI3: the sweep itself catches each replaced variant', () => {
    for (const sample of ['Xoá', 'Huỷ', 'tuỳ chọn', 'khoá', 'hoá đơn', 'có 2 dòng', 'chạy số', 'thẻ điểm cao nhất', 'Tỷ lệ đạt SLA', 'Trung bình có trọng số', 'Mốc gốc', 'Học hỏi & phát triển', 'Đúng ngay lần đầu', 'Thưởng', 'tỉ lệ', 'Khối văn phòng', 'Số ngày thu tiền bình quân', 'Quý 2025-Q2', 'còn 2h 05m']) {
      expect(REPLACED.some(([variant]) => variant.test(sample)), sample).toBe(true);
    }
    for (const fine of ['Xóa', 'tùy chọn', 'hóa đơn', 'nghỉ hoán đổi', 'có 2 hàng', 'cách nhau bằng dấu phẩy hoặc xuống dòng', 'Làm đẹp số liệu', 'Quý II/2025', 'còn 2 giờ 05 phút', 'Tỷ lệ tuân thủ SLA']) {
      expect(REPLACED.filter(([variant]) => variant.test(fine)).map(([, word]) => word), fine).toEqual([]);
    }
  });
});

describe('VI3: the words the doors share are one word', () => {
  const forge = messagesFor('vi');
  const editor = scorecardEditorMessagesFor('vi');
  const sheets = (key: string) => translate('vi', key as MessageKey);
  const same = (words: string[]) => expect(new Set(words.map((w) => w.toLocaleLowerCase('vi'))).size, words.join(' | ')).toBe(1);

  it('VI3: met / breached are Đạt / Vi phạm wherever a state is shown', () => {
    expect([forge.met, forge.states.met, adminMessagesFor('vi').states.met]).toEqual(['Đạt', 'Đạt', 'Đạt']);
    expect([forge.breached, forge.states.breached, adminMessagesFor('vi').states.breached]).toEqual(['Vi phạm', 'Vi phạm', 'Vi phạm']);
  });

  it('VI3: target is Chỉ tiêu and objective Mục tiêu, in the gadget, the editor, the sidebar and the sheet columns', () => {
    same(['Chỉ tiêu', forge.target, editor.target, sheets('target'), COLUMN_HEADERS.target.vi[0]]);
    same(['Mục tiêu', forge.kinds.objective, sheets('kind-objective'), KINDS.spell('objective', 'vi')]);
  });

  it('VI3: status green / amber / red are Đạt / Cần theo dõi / Không đạt in the gadget and the sidebar', () => {
    expect(['GREEN', 'AMBER', 'RED'].map((s) => forge.ragLabels[s])).toEqual(['Đạt', 'Cần theo dõi', 'Không đạt']);
    expect(['GREEN', 'AMBER', 'RED'].map(sheets)).toEqual(['Đạt', 'Cần theo dõi', 'Không đạt']);
  });

  it('VI3: scoring methods, roll-ups, aggregations and pillars have the same names in Forge and Sheets', () => {
    for (const method of ['ratio', 'progress', 'performance', 'goal-red-flag', 'stabilize', 'binary', 'bands'] as const) {
      same([forge.scoringMethods[method], sheets(`method-${method}`), METHOD_WORDS.spell(method, 'vi')]);
    }
    for (const rollUp of ['weighted', 'average', 'min', 'max', 'sum'] as const) same([forge.rollUps[rollUp], CONTAINER_WORDS.spell(rollUp, 'vi')]);
    for (const aggregation of ['sum', 'average', 'last', 'min', 'max', 'ratio-of-sums'] as const) same([editor.aggregations[aggregation], AGGREGATION_WORDS.spell(aggregation, 'vi')]);
    for (const pillar of ['speed', 'accuracy', 'satisfaction'] as const) same([forge.pillarNames[pillar], editor.pillars[pillar], sheets(pillar), PILLAR_WORDS.spell(pillar, 'vi')]);
  });

  it('VI3: KPI pay: Lương KPI is the pay, its base Mức lương KPI chuẩn, in the editor, the sheet columns and the sidebar', () => {
    same(['Lương KPI', forge.kpiPay, sheets('payouts')]);
    same(['Mức lương KPI chuẩn', editor.payBase, COLUMN_HEADERS.payBase.vi[0], sheets('payBase')]);
    same(['Ngưỡng chi trả', COLUMN_HEADERS.payGate.vi[0]]);
    same(['Trần chi trả', COLUMN_HEADERS.payCap.vi[0]]);
    same(['Bậc chi trả', COLUMN_HEADERS.paySteps.vi[0]]);
    expect(editor.payGate.startsWith('Ngưỡng chi trả') && editor.payCap.startsWith('Trần chi trả') && editor.paySteps.startsWith('Bậc chi trả')).toBe(true);
  });
});
