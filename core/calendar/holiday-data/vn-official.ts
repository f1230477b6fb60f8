/**
 * Vietnam's holiday schedules as the government announced them, year by year, for civil servants and public
 * employees on a Monday-Friday week (most offices follow them). Only what an announcement fixed is here: the working
 * days each announced break closes (statutory days placed by the government, days in lieu of statutory days falling
 * on a weekend, bridge days) and the Saturdays worked in exchange for a bridge day. Weekend days inside a break are not
 * listed: they are closed anyway. Holidays a year does not list here follow the Labour Code rules (./vietnam.ts).
 *
 * Each year cites where it was read (the government office's letter number where the report gives it); no year or
 * break is added without a source. The news reports quote the Ministry of Labour, Invalids and Social Affairs
 * (MOLISA, Bộ LĐTBXH) or, from March 2025, the Ministry of Home Affairs (Bộ Nội vụ), which announce the schedule after
 * the Prime Minister's approval.
 */

/** Which statutory holiday an announced break replaces (its rule-computed days are dropped for that year). */
export type VietnamHoliday = 'new-year' | 'tet' | 'hung-kings' | 'reunification-and-labour' | 'national-day';

interface AnnouncedBreak {
  readonly holiday: VietnamHoliday;
  /** The working days (Monday-Friday) the break closes, ISO dates, bridge days included. */
  readonly closed: readonly string[];
  /** Bridge days among `closed`, each swapped with the Saturday worked in exchange (hours as on the bridged day). */
  readonly swaps?: readonly { readonly closed: string; readonly worked: string }[];
}

export interface OfficialYear {
  readonly breaks: readonly AnnouncedBreak[];
  readonly sources: readonly string[];
}

/**
 * Vietnamese Culture Day, 24 November (Politburo Resolution 80-NQ/TW, Jan 2026; Government Resolution 30/NQ-CP,
 * Feb 2026), is to become a paid holiday by amending Labour Code art. 112(1). No source read for this project shows
 * the amendment passed or a date from which it applies, so the tables leave it out and a calendar opts in by naming
 * the day (`holidays=VN,2026-11-24`). When the amendment is passed, set `from` to the first year it applies and add
 * its source: from that year the day closes for every `holidays=VN` calendar (a Saturday or Sunday gives a day in lieu).
 */
export const VN_CULTURE_DAY: { readonly monthDay: string; readonly from: number | null; readonly sources: readonly string[] } = {
  monthDay: '11-24',
  from: null,
  sources: [
    'Government Resolution 30/NQ-CP (Feb 2026) asks for Labour Code art. 112(1) to be amended so that Vietnamese Culture ' +
      'Day is a paid day off, https://vneconomy.vn/bo-sung-ngay-van-hoa-viet-nam-2411-vao-danh-muc-ngay-nghi-huong-nguyen-luong.htm (26 Feb 2026)',
    'The Department of Employment (Ministry of Home Affairs) proposes the day for the coming Labour Code amendment, ' +
      'https://vnexpress.net/de-xuat-luat-hoa-ngay-van-hoa-viet-nam-thanh-ngay-nghi-le-5006749.html (17 Jan 2026)',
  ],
};

export const VN_OFFICIAL: Readonly<Record<number, OfficialYear>> = {
  2020: {
    breaks: [{ holiday: 'tet', closed: ['2020-01-23', '2020-01-24', '2020-01-27', '2020-01-28', '2020-01-29'] }],
    sources: [
      'Tết 2020: off Thu 23 Jan to Wed 29 Jan 2020 (29 Chạp Kỷ Hợi to 5 Giêng Canh Tý), MOLISA announcement as reported by ' +
        'the Đắk Lắk Department of Industry and Trade, https://socongthuong.daklak.gov.vn/vi/news/tag/thứ-tư/page-2 (7 Jan 2020)',
    ],
  },
  2021: {
    breaks: [
      { holiday: 'tet', closed: ['2021-02-10', '2021-02-11', '2021-02-12', '2021-02-15', '2021-02-16'] },
      { holiday: 'national-day', closed: ['2021-09-02', '2021-09-03'] },
    ],
    sources: [
      'Tết 2021: off 10-16 Feb 2021, five statutory days and the weekend; National Day: four days in a row, ' +
        'https://hanoimoi.vn/lich-nghi-tet-nguyen-dan-tan-suu-va-quoc-khanh-2-9-498925.html',
      'National Day 2021: off Thu 2 Sep to Sun 5 Sep, https://m.vietnamnet.vn/en/society/labor-ministry-plans-7-day-lunar-new-year-2021-holiday-685183.html',
    ],
  },
  2022: {
    breaks: [
      { holiday: 'tet', closed: ['2022-01-31', '2022-02-01', '2022-02-02', '2022-02-03', '2022-02-04'] },
      { holiday: 'national-day', closed: ['2022-09-01', '2022-09-02'] },
    ],
    sources: [
      'Tết 2022: five statutory days and the weekends before and after, approved by Deputy Prime Minister Vũ Đức Đam in ' +
        'letter 245/VPCP-KGVX (11 Jan 2022), https://kinhtemoitruong.vn./nghi-82743.tag',
      'Tết 2022 off Sat 29 Jan to Sun 6 Feb; National Day 2022: 2 Sep and the day before, off Thu 1 to Sun 4 Sep, ' +
        'https://vnfinance.vn/lich-nghi-nhung-ngay-le-tet-trong-nam-2022-31375.html',
    ],
  },
  2023: {
    breaks: [{ holiday: 'tet', closed: ['2023-01-20', '2023-01-23', '2023-01-24', '2023-01-25', '2023-01-26'] }],
    sources: [
      'Tết 2023: off 20 Jan to 26 Jan 2023, approved by Deputy Prime Minister Vũ Đức Đam on MOLISA’s proposal, ' +
        'https://pld.net.vn/tag/nghi-tet-nguyen-dan.html',
    ],
  },
  2024: {
    breaks: [
      { holiday: 'tet', closed: ['2024-02-08', '2024-02-09', '2024-02-12', '2024-02-13', '2024-02-14'] },
      { holiday: 'reunification-and-labour', closed: ['2024-04-29', '2024-04-30', '2024-05-01'], swaps: [{ closed: '2024-04-29', worked: '2024-05-04' }] },
      { holiday: 'national-day', closed: ['2024-09-02', '2024-09-03'] },
    ],
    sources: [
      'Tết 2024: off Thu 8 Feb to Wed 14 Feb (five Tết days and two days in lieu of the weekend, Labour Code art. 111(3)); ' +
        'National Day 2024: off Sat 31 Aug to Tue 3 Sep (2 and 3 Sep), MOLISA announcement, ' +
        'https://sucsongtre.vn/doi-song/can-bo-cong-chuc-vien-chuc-nguoi-lao-dong-nghi-tet-nguyen-dan-giap-thin-7-ngay.html',
      '30/4-1/5 2024: Mon 29 Apr swapped with Sat 4 May, off Sat 27 Apr to Wed 1 May, letter 2450/VPCP-KGVX (12 Apr 2024), ' +
        'https://baotintuc.vn/infographics/ngay-nghi-le-dip-gio-to-hung-vuong-va-304-152024-20240412212054381.htm',
    ],
  },
  2025: {
    breaks: [
      { holiday: 'tet', closed: ['2025-01-27', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31'] },
      { holiday: 'reunification-and-labour', closed: ['2025-04-30', '2025-05-01', '2025-05-02'], swaps: [{ closed: '2025-05-02', worked: '2025-04-26' }] },
      { holiday: 'national-day', closed: ['2025-09-01', '2025-09-02'] },
    ],
    sources: [
      'Prime Minister’s approval in letter 8726/VPCP-KGVX (26 Nov 2024), https://pld.net.vn/tag/nghi-tet-nguyen-dan.html',
      'MOLISA announcement (3 Dec 2024): Tết off Sat 25 Jan to Sun 2 Feb 2025 (five Tết days and four weekend days); ' +
        'National Day off Sat 30 Aug to Tue 2 Sep (two National Day days); 30/4-1/5 off 30 Apr to 4 May, Fri 2 May swapped ' +
        'with Sat 26 Apr, https://dantocmiennui.baotintuc.vn/nghi-tet-nguyen-dan-at-ty-2025-keo-dai-9-ngay-post356984.html',
    ],
  },
  2026: {
    breaks: [
      { holiday: 'new-year', closed: ['2026-01-01', '2026-01-02'], swaps: [{ closed: '2026-01-02', worked: '2026-01-10' }] },
      { holiday: 'tet', closed: ['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20'] },
      { holiday: 'national-day', closed: ['2026-08-31', '2026-09-01', '2026-09-02'], swaps: [{ closed: '2026-08-31', worked: '2026-08-22' }] },
    ],
    sources: [
      'New Year 2026: off Thu 1 to Sun 4 Jan, Fri 2 Jan swapped with Sat 10 Jan, Deputy Prime Minister Phạm Thị Thanh Trà ' +
        'in letter 12729/VPCP-KGVX (25 Dec 2025), https://www.collector.com.tr//965292743 (a copy of the news report); ' +
        'https://tracuuquyhoach.com/tin-tuc/tin-vui-cho-nguoi-lao-dong-chinh-phu-dong-y-nghi-tet-duong-lich-4-ngay-54100289',
      'Tết 2026: off Sat 14 Feb to Sun 22 Feb, the five days Mon 16 to Fri 20 Feb, ' +
        'http://www.congan.com.vn/?catid=702&id=388656&mod=detnews; ' +
        'https://vietnammedia.vnanet.vn/video/lich-nghi-tet-nguyen-dan-va-quoc-khanh-nam-2026-165342.htm',
      'Tết and National Day 2026: Notice 9441/TB-BNV of the Ministry of Home Affairs (16 Oct 2025); National Day off ' +
        'Sat 29 Aug to Wed 2 Sep, Mon 31 Aug swapped with Sat 22 Aug, as reported by Viet Nam News (17 Oct 2025), ' +
        'https://vietnamnews.vn/politics-laws/1727514/ministry-of-home-affairs-announces-2026-holiday-schedule-for-lunar-new-year-national-day.html',
    ],
  },
};
