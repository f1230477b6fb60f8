import { invoke } from '@forge/bridge';
import { useEffect, useState } from 'react';
import type { AppConfigInput } from '../config/schema';
import type { ConfigProblem } from '../config/problem';
import { type AdminDraft, configOf, draftOf } from './admin-form';
import type { AdminNoticeKind } from './admin-notice';

type SaveAnswer = { ok: true; recompute?: unknown } | { ok: false; errors: ConfigProblem[] } | { error: 'FORBIDDEN' | 'UNLICENSED'; message: string };

/**
 * The admin page's draft: started from the stored configuration (again whenever it loads) or an imported one, with the
 * errors of the last check and the notice of the last save.
 */
export function useAdminDraft(stored: { input: AppConfigInput | null; errors: ConfigProblem[] } | null) {
  const [draft, setDraft] = useState<AdminDraft | null>(null);
  /** The configuration the draft started from (stored, or imported): settings the page does not show ride along. */
  const [base, setBase] = useState<AppConfigInput | null>(null);
  const [errors, setErrors] = useState<ConfigProblem[]>([]);
  const [notice, setNotice] = useState<AdminNoticeKind>(null);
  useEffect(() => {
    if (stored) {
      setDraft(draftOf(stored.input));
      setBase(stored.input);
      setErrors(stored.errors);
    }
  }, [stored]);
  const built = (current: AdminDraft) => configOf(current, base);
  const save = async (current: AdminDraft) => {
    const answer = (await invoke<SaveAnswer>('saveConfig', { config: built(current).config })) as SaveAnswer;
    if ('error' in answer) return setNotice(answer.error === 'UNLICENSED' ? 'unlicensed' : 'fix');
    setErrors(answer.ok ? [] : answer.errors);
    setNotice(answer.ok ? (answer.recompute ? 'savedRecomputing' : 'saved') : 'fix');
  };
  const startFrom = (input: AppConfigInput) => {
    setDraft(draftOf(input));
    setBase(input);
    setErrors([]);
    setNotice(null);
  };
  return { draft, setDraft, errors, notice, setNotice, built, save, startFrom };
}
