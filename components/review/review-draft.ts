import type { FieldName, ReceiptRecord } from '@/utils/receipt';
import { checkCorrection } from '@/utils/storage/receipt-corrections';
import { EDITABLE_FIELDS } from '../shared/receipt-fields';

export const REVIEW_FIELDS = EDITABLE_FIELDS;

export type ReviewDraft = Record<FieldName, string> & { category: string; note: string };

export function draftOf(receipt: ReceiptRecord): ReviewDraft {
  const draft = { category: receipt.category ?? '', note: receipt.note ?? '' } as ReviewDraft;
  for (const { name } of REVIEW_FIELDS) draft[name] = receipt.fields?.[name] ?? '';
  return draft;
}

export interface CheckedDraft {
  corrections: Partial<Record<FieldName, string | null>>;
  annotations: { category?: string; note?: string };
  problems: Partial<Record<FieldName, string>>;
}

/** What changed in the draft, in the stored form, and what is wrong with it. */
export function checkDraft(draft: ReviewDraft, receipt: ReceiptRecord): CheckedDraft {
  const result: CheckedDraft = { corrections: {}, annotations: {}, problems: {} };
  for (const { name } of REVIEW_FIELDS) {
    const checked = checkCorrection(name, draft[name]);
    if (!checked.ok) result.problems[name] = checked.message;
    // A failed scan completed by hand keeps every field typed, even one left as read.
    else if (checked.value !== (receipt.fields?.[name] ?? null) || (receipt.status === 'failed' && checked.value !== null)) result.corrections[name] = checked.value;
  }
  const category = draft.category.trim();
  const note = draft.note.trim();
  if (category !== (receipt.category ?? '')) result.annotations.category = category;
  if (note !== (receipt.note ?? '')) result.annotations.note = note;
  return result;
}

/** Whether the user changed any text of the receipt as it was loaded. */
export const isDirty = (draft: ReviewDraft, receipt: ReceiptRecord): boolean => {
  const loaded = draftOf(receipt);
  return (Object.keys(loaded) as (keyof ReviewDraft)[]).some((key) => draft[key] !== loaded[key]);
};
