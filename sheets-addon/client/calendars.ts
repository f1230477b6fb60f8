import type { AnnouncedResult, ScheduleRow } from '../src/calendars/announced';
import type { SaveOptions, SaveResult } from '../src/calendars/manager';
import type { SavedCalendar } from '../src/calendars/store';
import { translate, type Language, type MessageKey } from '../src/i18n';
import { callServer, el } from './gas';

/**
 * The calendar manager: list, create, edit, rename, recalculate and delete named calendars; the server's validation
 * shown by its field. Every server call passes the page's language, so its messages come back in it.
 */

let language: Language = 'en';
let languageKnown = false;
const t = (key: MessageKey, values?: Record<string, string | number>) => translate(language, key, values);
const root = document.getElementById('app')!;
let editing: string | undefined;
/** The calendar whose deletion waits for the user's confirmation. */
let confirming: string | undefined;

function field(id: 'name' | 'text', label: string, input: HTMLInputElement | HTMLTextAreaElement): HTMLElement {
  input.id = id;
  return el('label', { class: 'field' }, el('span', {}, label), input, el('span', { class: 'message', id: `${id}-message`, role: 'status' }));
}

/** A question in the page with its answers; the last answer (Cancel) has the focus, so Enter never destroys. */
function question(text: string, answers: { label: string; className: string; onClick: () => void }[]): HTMLElement {
  const buttons = answers.map(({ label, className, onClick }) => {
    const button = el('button', { type: 'button', class: className }, label);
    button.addEventListener('click', onClick);
    return button;
  });
  return el('div', { class: 'confirm', role: 'alert' }, el('p', {}, text), el('span', { class: 'actions' }, ...buttons));
}

/** Deleting breaks the formulas that use the calendar, so it asks first. */
function confirmation(name: string, calendars: SavedCalendar[]): HTMLElement {
  return question(t('confirmDelete', { name }), [
    {
      label: t('confirmDeleteYes'),
      className: 'confirm-delete',
      onClick: () => {
        confirming = undefined;
        callServer<{ recalculated: number }>('deleteCalendar', name, language).then(
          (r) => refresh(r.recalculated > 0 ? t('recalculated', { count: r.recalculated }) : ''),
          showError,
        );
      },
    },
    { label: t('cancel'), className: 'cancel', onClick: () => ((confirming = undefined), render(calendars)) },
  ]);
}

const focusCancel = () => document.querySelector<HTMLButtonElement>('.confirm .cancel')?.focus();

function savedNotice(result: Extract<SaveResult, { ok: true }>): string {
  const parts = [t('saved')];
  if (result.namesUpdated > 0) parts.push(t('namesUpdated', { count: result.namesUpdated }));
  if (result.recalculated > 0) parts.push(t('recalculated', { count: result.recalculated }));
  return parts.join(' ');
}

function render(calendars: SavedCalendar[], notice = ''): void {
  document.documentElement.lang = language;
  const name = el('input', { type: 'text', autocomplete: 'off' });
  const text = el('textarea', { rows: '3', placeholder: 'Mo-Fr 08:00-12:00,13:00-17:00 | tz=Asia/Ho_Chi_Minh | holidays=VN' });
  const current = calendars.find((c) => c.name === editing);
  name.value = current?.name ?? '';
  text.value = current?.text ?? '';
  const list = calendars.length
    ? calendars.map((c) => {
        const edit = el('button', { type: 'button', class: 'edit', 'aria-label': t('editCalendar', { name: c.name }) }, t('edit'));
        const recalculate = el('button', { type: 'button', class: 'recalculate', 'aria-label': t('recalculateCalendar', { name: c.name }) }, t('recalculate'));
        const remove = el('button', { type: 'button', class: 'delete', 'aria-label': t('deleteCalendar', { name: c.name }) }, t('delete'));
        edit.addEventListener('click', () => ((editing = c.name), (confirming = undefined), render(calendars)));
        recalculate.addEventListener('click', () => {
          callServer<{ recalculated: number }>('recalculateCalendar', c.name, language).then((r) => refresh(t('recalculated', { count: r.recalculated })), showError);
        });
        remove.addEventListener('click', () => {
          confirming = c.name;
          render(calendars);
          focusCancel();
        });
        return el('li', { 'data-calendar': c.name }, el('strong', {}, c.name), el('code', {}, c.text), el('span', { class: 'actions' }, edit, recalculate, remove), c.name === confirming ? confirmation(c.name, calendars) : null);
      })
    : [el('li', { class: 'empty' }, t('noCalendars'))];
  const save = el('button', { type: 'submit', id: 'save' }, t('save'));
  const form = el('form', {}, el('h2', {}, editing ? `${t('edit')}: ${editing}` : t('newCalendar')), field('name', t('calendarName'), name), field('text', t('calendarText'), text), save, el('span', { id: 'notice', role: 'status' }, notice));

  const submit = (updateFormulas: boolean) => {
    const options: SaveOptions = { updateFormulas, language };
    callServer<SaveResult>('saveCalendar', name.value, text.value, editing ?? '', options).then((result) => {
      if (result.ok) {
        editing = undefined;
        refresh(savedNotice(result));
      } else {
        form.querySelector('.confirm')?.remove();
        // Only the field the server named keeps a message: an earlier one may have been fixed since.
        for (const id of ['name', 'text']) {
          document.getElementById(`${id}-message`)!.textContent = '';
          document.getElementById(id)!.removeAttribute('aria-invalid');
        }
        // A notice of an earlier save ("Saved.") no longer holds once this one failed.
        document.getElementById('notice')!.textContent = '';
        document.getElementById(`${result.field}-message`)!.textContent = result.message;
        document.getElementById(result.field)!.setAttribute('aria-invalid', 'true');
      }
    }, showError);
  };
  /** A rename breaks the formulas that name the old calendar: the page offers to update them, and asks first. */
  const askAboutFormulas = (previous: string, count: number) => {
    form.querySelector('.confirm')?.remove();
    const dismiss = () => form.querySelector('.confirm')?.remove();
    form.append(
      question(t('confirmRename', { old: previous, name: name.value.trim(), count }), [
        { label: t('renameAndUpdate'), className: 'rename-update', onClick: () => (dismiss(), submit(true)) },
        { label: t('renameOnly'), className: 'rename-only', onClick: () => (dismiss(), submit(false)) },
        { label: t('cancel'), className: 'cancel', onClick: dismiss },
      ]),
    );
    focusCancel();
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const previous = editing;
    if (previous === undefined || name.value.trim() === previous) return submit(false);
    callServer<{ count: number }>('countCalendarFormulas', previous, language).then(({ count }) => (count > 0 ? askAboutFormulas(previous, count) : submit(false)), showError);
  });
  root.replaceChildren(el('ul', { class: 'calendars' }, ...list), form, announcedForm(text), scheduleView());
}

/** Adds a newly announced year's days off and worked days to the working time being edited (saved with Save). */
function announcedForm(text: HTMLTextAreaElement): HTMLElement {
  const daysOff = el('textarea', { id: 'days-off', rows: '2' });
  const workedDays = el('textarea', { id: 'worked-days', rows: '1' });
  const add = el('button', { type: 'button', id: 'add-announced' }, t('announcedAdd'));
  const message = el('span', { class: 'message', id: 'announced-message', role: 'status' });
  add.addEventListener('click', () => {
    callServer<AnnouncedResult>('addAnnouncedDays', text.value, daysOff.value, workedDays.value, language).then((result) => {
      if (result.ok) {
        text.value = result.text;
        message.className = 'notice';
        message.textContent = t('announcedAdded');
      } else {
        message.className = 'message';
        message.textContent = result.message;
      }
    }, showError);
  });
  const label = (caption: string, input: HTMLElement) => el('label', { class: 'field' }, el('span', {}, caption), input);
  return el('section', { class: 'announced' }, el('h2', {}, t('announcedTitle')), label(t('announcedDaysOff'), daysOff), label(t('announcedWorkedDays'), workedDays), add, message);
}

/** A country's days off and worked days in a year, with the status of each and the announcement's sources. */
function scheduleView(): HTMLElement {
  const country = el('input', { id: 'schedule-country', type: 'text', value: 'VN', size: '3' });
  const year = el('input', { id: 'schedule-year', type: 'number', value: String(new Date().getFullYear()), min: '2000', max: '2060' });
  const show = el('button', { type: 'button', id: 'schedule-show' }, t('scheduleShow'));
  const result = el('div', { id: 'schedule' });
  show.addEventListener('click', () => {
    callServer<{ rows: ScheduleRow[]; sources: string[] }>('countrySchedule', country.value, Number(year.value), language).then(({ rows, sources }) => {
      const head = el('tr', {}, el('th', {}, t('scheduleDate')), el('th', {}, t('scheduleName')), el('th', {}, t('scheduleStatus')));
      const body = rows.map((r) => el('tr', { 'data-status': r.status }, el('td', {}, r.date), el('td', {}, r.name), el('td', {}, t(r.status))));
      const cited = sources.length ? el('div', { class: 'sources' }, el('h3', {}, t('scheduleSources')), el('ul', {}, ...sources.map((s) => el('li', {}, s)))) : null;
      result.replaceChildren(el('table', {}, head, ...body), cited ?? '');
    }, showError);
  });
  const label = (caption: string, input: HTMLElement) => el('label', { class: 'inline' }, el('span', {}, caption), input);
  return el('section', { class: 'schedule' }, el('h2', {}, t('scheduleTitle')), label(t('scheduleCountry'), country), label(t('scheduleYear'), year), show, result);
}

function showError(error: Error): void {
  root.replaceChildren(el('div', { class: 'error', role: 'alert' }, error.message));
}

function refresh(notice = ''): void {
  // The first call passes no language: the server answers in the user's locale and says which it is.
  callServer<{ language: Language; calendars: SavedCalendar[] }>('listCalendars', languageKnown ? language : undefined).then((value) => {
    languageKnown = true;
    language = value.language;
    render(value.calendars, notice);
  }, showError);
}

refresh();
