/**
 * The one definition of a comment's text. It lives in public/text-rules.js,
 * plain JavaScript, because the browser loads the very same file for the live
 * character count: a count on the page and the server's decision never disagree.
 */
export { charactersLeft, hasVisibleText, normaliseText, textLength } from "../../public/text-rules.js";
