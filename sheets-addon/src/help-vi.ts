import type { FunctionName } from './functions-meta';

/**
 * The help dialog's one-line summaries in Vietnamese (the English ones are in functions-meta.ts). Function names,
 * argument names and the status codes formulas compare against (MET, BREACHED, ON TRACK, GREEN, AMBER, RED) stay as
 * they are: they are what a formula types and tests. Words follow docs/GLOSSARY-VI.md.
 */
export const FUNCTION_SUMMARIES_VI: Record<FunctionName, string> = {
  BUSINESS_HOURS: 'Số giờ làm việc giữa hai thời điểm theo lịch làm việc (âm nếu kết thúc trước bắt đầu).',
  BUSINESS_DAYS: 'Số ngày làm việc từ start_date đến end_date, tính cả hai đầu: như NETWORKDAYS.INTL.',
  ADD_BUSINESS_DAYS: 'Ngày làm việc cách một ngày cho trước một số ngày làm việc (về sau hoặc về trước): như WORKDAY.INTL.',
  SLA_DUE: 'Hạn xử lý theo SLA của từng yêu cầu.',
  SLA_STATUS: 'Mã trạng thái của từng yêu cầu: MET (Đạt), BREACHED (Vi phạm) hoặc ON TRACK (Đúng tiến độ).',
  SLA_REMAINING: 'Số giờ làm việc còn lại trước hạn xử lý (âm khi đã vi phạm).',
  SLA_COMPLIANCE: 'Tỷ lệ tuân thủ SLA: đạt ÷ (đạt + vi phạm); yêu cầu đang mở đã quá hạn tính là vi phạm.',
  TAT: 'Thời gian hoàn thành (TAT) tính bằng giờ làm việc, trên các hàng đã hoàn thành.',
  FTR_RATE: 'Tỷ lệ làm đúng ngay từ đầu (FTR).',
  ERROR_RATE: 'Tỷ lệ lỗi: số lỗi chia cho số hạng mục đã xử lý.',
  INPS: 'Điểm hài lòng nội bộ (iNPS): % người ủng hộ (9-10) trừ % người phản đối (0-6).',
  CSAT: 'Tỷ lệ câu trả lời hài lòng: hai mức cao nhất của thang điểm.',
  DSO: 'Số ngày phải thu (DSO): khoản phải thu ÷ doanh thu bán chịu × số ngày.',
  DPO: 'Số ngày phải trả (DPO): khoản phải trả ÷ giá vốn hàng bán × số ngày.',
  DIO: 'Số ngày tồn kho (DIO): hàng tồn kho ÷ giá vốn hàng bán × số ngày.',
  CCC: 'Chu kỳ chuyển đổi tiền mặt: DSO + DIO − DPO, tính bằng ngày.',
  UPTIME: 'Thời gian khả dụng: 1 − thời gian sự cố (đã gộp) trong kỳ ÷ độ dài kỳ.',
  MTTA: 'Thời gian trung bình tiếp nhận sự cố, tính bằng giờ.',
  MTBF: 'Thời gian trung bình giữa hai sự cố, tính bằng giờ: thời gian hoạt động trong kỳ ÷ số sự cố đã gộp.',
  MTTR: 'Thời gian trung bình khôi phục (MTTR), tính bằng giờ.',
  TIME_TO_FILL: 'Thời gian lấp đầy: số ngày trung bình từ khi mở đề nghị tuyển dụng đến khi ứng viên nhận lời.',
  RETENTION_RATE: 'Tỷ lệ nhân viên mới còn làm việc sau một số tháng kể từ ngày tuyển.',
  HOLIDAYS: 'Các ngày nghỉ lễ của một quốc gia trong một năm: những ngày mà holidays= đóng trong lịch.',
  KPI_SCORE: 'Mức đạt của giá trị thực tế so với chỉ tiêu, trong khoảng từ sàn đến trần.',
  KPI_STATUS: 'Mã trạng thái: GREEN (Đạt) khi đạt chỉ tiêu, AMBER (Cần theo dõi) khi thiếu trong vòng 10 %, RED (Không đạt) khi thấp hơn (ngưỡng điều chỉnh được).',
  KPI_PROGRESS: 'Tiến độ từ mức cơ sở đến chỉ tiêu: (thực tế − mức cơ sở) ÷ (chỉ tiêu − mức cơ sở).',
  KPI_PERFORMANCE: 'Vị trí của giá trị thực tế trên thang min..max, từ 0 đến 1.',
  KPI_GOAL_SCORE: 'Điểm theo chỉ tiêu/cờ đỏ: cờ đỏ được scale÷3, chỉ tiêu được 2·scale÷3, tuyến tính, từ 0 đến scale.',
  KPI_GOAL_STATUS: 'Mã trạng thái: GREEN (Đạt) khi tới chỉ tiêu, RED (Không đạt) khi kém hơn cờ đỏ, AMBER (Cần theo dõi) ở giữa.',
  KPI_BAND_SCORE: 'Điểm theo khoảng: mỗi khoảng giữa các mốc tăng dần được một phần bằng nhau, tuyến tính trong khoảng.',
  KPI_BINARY_SCORE: 'Điểm đạt/không đạt: 1 khi đạt chỉ tiêu, ngược lại 0.',
  KPI_STABILIZE_SCORE: 'Điểm ổn định quanh chỉ tiêu: 1 tại chỉ tiêu, giảm tuyến tính về 0 tại chỉ tiêu ± dung sai.',
  KPI_PAYOUT: 'Lương KPI chi trả = mức lương KPI chuẩn × hệ số, với ngưỡng chi trả, trần chi trả hoặc bảng bậc chi trả.',
  SCORECARD: 'Gộp điểm các KPI: bình quân gia quyền (mặc định), trung bình, nhỏ nhất, lớn nhất hoặc tổng.',
};
