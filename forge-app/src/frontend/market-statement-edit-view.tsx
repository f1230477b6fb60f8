import { Label, Textfield } from '@forge/react';
import { useGadgetEdit } from './gadget-edit';
import type { MarketStatementConfig } from './market-statement-view';

/** The statement gadget's edit view: the projects whose requests the statement counts. */
export function MarketStatementEdit() {
  const { t, current, text, blocked, form } = useGadgetEdit<MarketStatementConfig, object>();
  if (blocked) return blocked;
  return form(
    <>
      <Label labelFor="projects">{t.projects}</Label>
      <Textfield id="projects" value={current.projects ?? ''} onChange={text('projects')} />
    </>,
  );
}
