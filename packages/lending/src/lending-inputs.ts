import * as z from "zod";
import { CONDITIONS } from "./lending-models";

/** A non-empty id in command inputs. */
export const idInput = z.string().min(1).max(200);

/** A condition in command inputs. */
export const conditionInput = z.enum(CONDITIONS);

/** A local date `YYYY-MM-DD` in command inputs. */
export const localDateInput = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "a date is written YYYY-MM-DD");

/** A free-text note. */
export const noteInput = z.string().max(1000);
