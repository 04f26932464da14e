import { SURE_CONFIDENCE, type FieldName, type ReceiptRecord } from '@/utils/receipt';

/** The fields a person can correct, in the order both the popup and the review page show them. */
export const EDITABLE_FIELDS: readonly { name: FieldName; label: string; placeholder?: string }[] = [
  { name: 'merchant', label: 'Merchant' },
  { name: 'date', label: 'Date', placeholder: 'YYYY-MM-DD' },
  { name: 'time', label: 'Time', placeholder: 'HH:MM' },
  { name: 'total', label: 'Total' },
  { name: 'currency', label: 'Currency', placeholder: 'EUR, USD, ...' },
  { name: 'subtotal', label: 'Subtotal' },
  { name: 'tax', label: 'Tax' },
  { name: 'tip', label: 'Tip' },
];

/**
 * What a field's hint says: "edited" once the user typed it (saved or not), else "check this" when the parser read it
 * unsure; what the user typed is theirs and never asks to be checked.
 */
export function fieldNote(receipt: ReceiptRecord, name: FieldName, typed: boolean): 'edited' | 'check this' | undefined {
  if (typed || receipt.edited.includes(name)) return 'edited';
  const fields = receipt.fields;
  return fields !== null && fields[name] !== null && fields.confidence[name] < SURE_CONFIDENCE ? 'check this' : undefined;
}
