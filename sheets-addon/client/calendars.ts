import type { SaveResult } from '../src/addon/server';
import type { SavedCalendar } from '../src/calendars/store';
import { translate, type Language, type MessageKey } from '../src/i18n';
import { callServer, el } from './gas';

/** The calendar manager: list, create, edit and delete named calendars; the core's validation shown by its field. */

let language: Language = 'en';
const t = (key: MessageKey, values?: Record<string, string | number>) => translate(language, key, values);
const root = document.getElementById('app')!;
let editing: string | undefined;
/** The calendar whose deletion waits for the user's confirmation. */
let confirming: string | undefined;

function field(id: 'name' | 'text', label: string, input: HTMLInputElement | HTMLTextAreaElement): HTMLElement {
  input.id = id;
  return el('label', { class: 'field' }, el('span', {}, label), input, el('span', { class: 'message', id: `${id}-message`, role: 'status' }));
}

/** Deleting breaks the formulas that use the calendar, so it asks first; Cancel has the focus. */
function confirmation(name: string, calendars: SavedCalendar[]): HTMLElement {
  const yes = el('button', { type: 'button', class: 'confirm-delete' }, t('confirmDeleteYes'));
  const no = el('button', { type: 'button', class: 'cancel' }, t('cancel'));
  yes.addEventListener('click', () => {
    confirming = undefined;
    void callServer('deleteCalendar', name).then(() => refresh(), showError);
  });
  no.addEventListener('click', () => ((confirming = undefined), render(calendars)));
  return el('div', { class: 'confirm', role: 'alert' }, el('p', {}, t('confirmDelete', { name })), el('span', { class: 'actions' }, yes, no));
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
        const remove = el('button', { type: 'button', class: 'delete', 'aria-label': t('deleteCalendar', { name: c.name }) }, t('delete'));
        edit.addEventListener('click', () => ((editing = c.name), (confirming = undefined), render(calendars)));
        remove.addEventListener('click', () => {
          confirming = c.name;
          render(calendars);
          document.querySelector<HTMLButtonElement>('.confirm .cancel')?.focus();
        });
        return el('li', { 'data-calendar': c.name }, el('strong', {}, c.name), el('code', {}, c.text), el('span', { class: 'actions' }, edit, remove), c.name === confirming ? confirmation(c.name, calendars) : null);
      })
    : [el('li', { class: 'empty' }, t('noCalendars'))];
  const save = el('button', { type: 'submit', id: 'save' }, t('save'));
  const form = el('form', {}, el('h2', {}, editing ? `${t('edit')}: ${editing}` : t('newCalendar')), field('name', t('calendarName'), name), field('text', t('calendarText'), text), save, el('span', { id: 'notice' }, notice));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    callServer<SaveResult>('saveCalendar', name.value, text.value, editing ?? '').then((result) => {
      if (result.ok) {
        editing = undefined;
        refresh(t('saved'));
      } else {
        document.getElementById(`${result.field}-message`)!.textContent = result.message;
        document.getElementById(result.field)!.setAttribute('aria-invalid', 'true');
      }
    }, showError);
  });
  root.replaceChildren(el('ul', { class: 'calendars' }, ...list), form);
}

function showError(error: Error): void {
  root.replaceChildren(el('div', { class: 'error', role: 'alert' }, error.message));
}

function refresh(notice = ''): void {
  callServer<{ language: Language; calendars: SavedCalendar[] }>('listCalendars').then((value) => {
    language = value.language;
    render(value.calendars, notice);
  }, showError);
}

refresh();
