import type { FieldName } from '@/utils/receipt';

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
