import { Button, CodeBlock, Stack, Text } from '@forge/react';
import { useState } from 'react';
import type { Messages } from '../i18n/messages';

/**
 * "Export CSV": UI Kit has no file download and its Link takes http(s) or relative addresses only, so the gadget shows
 * the CSV in a CodeBlock, whose copy button puts it on the clipboard for a spreadsheet (see forge-app/README, E1).
 */
export function CsvExport({ csv, t }: { csv: string; t: Messages }) {
  const [open, setOpen] = useState(false);
  return (
    <Stack space="space.100">
      <Button appearance="subtle" onClick={() => setOpen(!open)}>{open ? t.hideCsv : t.exportCsv}</Button>
      {open && (
        <>
          <Text>{t.csvHelp}</Text>
          <CodeBlock language="text" text={csv} />
        </>
      )}
    </Stack>
  );
}
