/**
 * Escapes text for HTML element content and double- or single-quoted attribute values. The one
 * escaper for every page, snippet and report the project renders from document text.
 */
export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
