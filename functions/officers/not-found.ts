/** What officers are told when a number names nothing, each said once. */
import { notFound } from "../lib/errors.ts";

export const commentNotFound = () => notFound("admin.error.commentNotFound");
export const themeNotFound = () => notFound("admin.error.themeNotFound");
export const staffCodeNotFound = () => notFound("admin.error.staffCodeNotFound");
