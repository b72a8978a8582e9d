/** The locales every linli message is written in. */
export const LOCALES = ["zh-CN", "en"] as const;

/** One of {@link LOCALES}. */
export type Locale = (typeof LOCALES)[number];

/** A text in every supported locale: what a desk clerk reads out, in Chinese or English. */
export type LocalizedText = { readonly [L in Locale]: string };

/** Parameters substituted into `{name}` placeholders of a message template. */
export type MessageParams = Readonly<Record<string, unknown>>;

/**
 * Fills `{name}` placeholders of a template with params. Unknown placeholders are kept as
 * written so a missing parameter is visible rather than silently empty.
 */
export function interpolate(template: string, params: MessageParams = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => {
    const value = params[key];
    if (value === undefined) return whole;
    if (Array.isArray(value)) return value.join(", ");
    if (value instanceof Date) return value.toISOString();
    return String(value);
  });
}

/** Renders a localized template in both locales with the same params. */
export function renderText(text: LocalizedText, params: MessageParams = {}): LocalizedText {
  return { "zh-CN": interpolate(text["zh-CN"], params), en: interpolate(text.en, params) };
}
