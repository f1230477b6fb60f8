import { view } from '@forge/bridge';
import { Button, Form, Label, Stack, Textfield } from '@forge/react';
import { useGadgetEdit } from './gadget-edit';
import type { MarketStatementConfig } from './market-statement-view';

/** The statement gadget's edit view: the projects whose requests the statement counts. */
export function MarketStatementEdit() {
  const { t, current, text, blocked } = useGadgetEdit<MarketStatementConfig, object>();
  if (blocked) return blocked;
  return (
    <Form onSubmit={() => view.submit(current)}>
      <Stack space="space.100">
        <Label labelFor="projects">{t.projects}</Label>
        <Textfield id="projects" value={current.projects ?? ''} onChange={text('projects')} />
        <Button type="submit" appearance="primary">{t.save}</Button>
      </Stack>
    </Form>
  );
}
