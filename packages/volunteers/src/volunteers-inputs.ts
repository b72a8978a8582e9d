import * as z from "zod";

/** An id in command inputs. */
export const idInput = z.string().min(1).max(200);

/** A short name (skill, language, team). */
export const nameInput = z.string().min(1).max(60);

/** An instant in command inputs: a `Date` or an ISO-8601 string. */
export const instantInput = z.coerce.date();

/** A free-text note. */
export const noteInput = z.string().trim().min(1).max(1000);
