import type { SaveResult } from '../src/addon/server';
import type { SavedCalendar } from '../src/calendars/store';
import { translate, type Language, type MessageKey } from '../src/i18n';
import { callServer, el } from './gas';

/** The calendar manager: list, create, edit and delete named calendars; the core's validation shown by its field. */

let language: Language = 'en';
const t = (key: MessageKey) => translate(language, key);
const root = document.getElementById('app')!;
let editing: string | undefined;

function field(id: 'name' | 'text', label: string, input: HTMLInputElement | HTMLTextAreaElement): HTMLElement {
  input.id = id;
  return el('label', { class: 'field' }, el('span', {}, label), input, el('span', { class: 'message', id: `${id}-message`, role: 'status' }));
}

function render(calendars: SavedCalendar[], notice = ''): void {
  const name = el('input', { type: 'text', autocomplete: 'off' });
  const text = el('textarea', { rows: '3', placeholder: 'Mo-Fr 08:00-12:00,13:00-17:00 | tz=Asia/Ho_Chi_Minh | holidays=VN' });
  const current = calendars.find((c) => c.name === editing);
  name.value = current?.name ?? '';
  text.value = current?.text ?? '';
  const list = calendars.length
    ? calendars.map((c) => {
        const edit = el('button', { type: 'button', class: 'edit' }, t('edit'));
        const remove = el('button', { type: 'button', class: 'delete' }, t('delete'));
        edit.addEventListener('click', () => ((editing = c.name), render(calendars)));
        remove.addEventListener('click', () => void callServer('deleteCalendar', c.name).then(() => refresh(), showError));
        return el('li', { 'data-calendar': c.name }, el('strong', {}, c.name), el('code', {}, c.text), el('span', { class: 'actions' }, edit, remove));
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
